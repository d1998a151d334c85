"""The content schema: every kind of item and every field an editor writes, declared once.

The kinds and fields are data in fields.py, their types in fieldtypes.py. Everything else is derived from
``KINDS`` and ``FIELDS``: the checks of each file (validate.py), the typed details
templates read (collect.py), the navigation and the field labels in both languages (the strings table),
`invoke new` and `invoke translate` (tools/scaffold.py), the field tables of docs/writing.md and the JSON Schema for
editors' tools (`invoke schema` writes them). To add a field or a kind: fields.py.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cached_property
from typing import Any

from .fields import FIELDS, KINDS
from .fieldtypes import KIND, LANGUAGE, Field, Invalid, Kind, parse_date, split_list
from .settings import LANGUAGES

PRINTED = tuple(f.key for f in FIELDS if f.printed)


def pages_named(meta: Mapping[str, str]) -> list[str]:
    """Content-relative paths of an item's printed pages (its page scans) in order, from its metadata ({key: text})."""
    return [path for key in PRINTED for path in split_list(meta.get(key) or "")]


# --- the schema of one site: its languages bound in ----------------------------------------------------------------


class Schema:
    """``KINDS`` and ``FIELDS`` with the site's languages; what the rest of the project asks about content."""

    def __init__(
        self,
        languages: Iterable[str] = LANGUAGES,
        kinds: Iterable[Kind] | None = None,
        fields: Iterable[Field] | None = None,
    ) -> None:
        self.languages = tuple(languages)
        self.kinds = {kind.name: kind for kind in kinds or KINDS}
        bound = {id(LANGUAGE): LANGUAGE.with_choices(self.languages), id(KIND): KIND.with_choices(self.kinds)}
        self.fields = {f.key: replace(f, type=bound.get(id(f.type), f.type)) for f in fields or FIELDS}
        self._check_declarations()

    def _check_declarations(self) -> None:
        """A mistake in KINDS or FIELDS stops the build with a sentence naming it."""

        def untranslated(texts: Iterable[Mapping[str, str] | None]) -> list[str]:
            return sorted({lang for text in texts if text for lang in self.languages if lang not in text})

        for f in self.fields.values():
            for name in (f.kinds or ()) + (f.required if isinstance(f.required, tuple) else ()):
                if name not in self.kinds:
                    raise ValueError(f"schema: field {f.name} names kind {name!r}, which is not declared")
            if f.refers_to and not self.kinds[f.refers_to].number:
                raise ValueError(f"schema: field {f.name} refers to kind {f.refers_to!r}, which has no number")
            if untranslated((f.label, f.help)):
                raise ValueError(f"schema: field {f.name} has no label or help in {untranslated((f.label, f.help))}")
        for kind in self.kinds.values():
            texts = (kind.label, kind.label_one, kind.number_label)
            if untranslated(texts):
                raise ValueError(f"schema: kind {kind.name} has no label in {untranslated(texts)}")
            if kind.number and kind.number not in self.fields:
                raise ValueError(f"schema: kind {kind.name} is numbered by {kind.number!r}, which is not a field")

    def name_of(self, key: str) -> str:
        """The field as an editor writes it (``registration_url`` -> ``Registration_URL``)."""
        return self.fields[key].name if key in self.fields else key

    def fields_of(self, kind: str) -> list[Field]:
        """The fields an item of ``kind`` may have, in declaration order."""
        return [f for f in self.fields.values() if f.used_by(kind)]

    def own_fields(self, kind: str) -> list[Field]:
        """The fields ``kind`` has beyond those every item has."""
        return [f for f in self.fields.values() if f.kinds is not None and kind in f.kinds]

    def common_fields(self) -> list[Field]:
        return [f for f in self.fields.values() if f.kinds is None]

    def required(self, kind: str) -> list[Field]:
        return [f for f in self.fields.values() if f.required_by(kind)]

    @cached_property
    def multiline(self) -> tuple[str, ...]:
        """Keys whose value may go on over indented lines."""
        return tuple(f.key for f in self.fields.values() if f.multiline)

    @cached_property
    def file_fields(self) -> list[Field]:
        return [f for f in self.fields.values() if f.type.name in ("file", "files")]

    # checking one file

    def check(self, meta: Mapping[str, str]) -> list[tuple[str | None, str]]:
        """Problems of one file's metadata ({key: text}), as [(key or None, sentence)]; empty when all is well."""
        problems: list[tuple[str | None, str]] = []
        kind = meta.get("category", "")
        known_kind = kind in self.kinds
        missing = [f.name for f in self.fields.values() if f.required is True and f.kinds is None]
        if known_kind:
            missing = [f.name for f in self.required(kind)]
        missing = [name for name in missing if not meta.get(name.lower())]
        if missing:
            noun = "fields " if len(missing) > 1 else "field "
            problems.append((None, "missing required " + noun + ", ".join(missing)))
        for key, text in meta.items():
            f = self.fields.get(key)
            if f is None:
                problems.append((key, self._unknown(key, kind)))
            elif known_kind and not f.used_by(kind) and text:
                users = ", ".join(f.kinds or ())
                problems.append((key, f"{f.name} is a field of {users}, not of {kind}: remove it or change Category"))
            elif text:
                try:
                    f.type.parse(f.name, text)
                except Invalid as error:
                    problems.append((key, str(error)))
        if known_kind:
            one_of = self.kinds[kind].one_of
            if one_of and not any(meta.get(key) for key in one_of):
                names = " or ".join(self.name_of(key) for key in one_of)
                problems.append((None, f"a {kind} item needs {names}"))
        for f in self.fields.values():
            if f.needs and meta.get(f.key) and not meta.get(f.needs):
                problems.append((f.key, f"{f.name} needs {self.name_of(f.needs)}: without it, it is not shown"))
            if f.not_before and meta.get(f.key) and meta.get(f.not_before):
                try:
                    early = f.type.parse(f.name, meta[f.key]) < parse_date(meta[f.not_before])
                except (Invalid, ValueError):
                    continue
                if early:
                    problems.append((f.key, f"{f.name} is before {self.name_of(f.not_before)}"))
        return problems

    def _unknown(self, key: str, kind: str) -> str:
        names = [f.name for f in (self.fields_of(kind) if kind in self.kinds else self.fields.values())]
        close = difflib.get_close_matches(key, [n.lower() for n in names], n=1, cutoff=0.75)
        hint = f"did you mean {self.name_of(close[0])}?" if close else "known fields: " + ", ".join(names)
        return f"unknown field {key!r}: {hint}"

    def files_named(self, meta: Mapping[str, str]) -> list[tuple[str, str]]:
        """(field name, content-relative path) of every file this metadata points at (cover, PDF, page images)."""
        return [(f.name, path) for f in self.file_fields for path in split_list(meta.get(f.key, ""))]

    def number_of(self, meta: Mapping[str, str]) -> tuple[str, str] | None:
        """(kind, number text without leading zeros) of an item of a numbered kind, else None."""
        kind = self.kinds.get(meta.get("category", ""))
        if kind is None or not kind.number:
            return None
        text = meta.get(kind.number, "")
        return (kind.name, text.lstrip("0") or "0") if text.isdigit() else None

    # values for templates

    def values(self, kind: str, meta: Mapping[str, str]) -> dict[str, Any]:
        """{key: typed value} of every field Pelican does not read itself (the empty value when not written)."""
        values: dict[str, Any] = {}
        for f in self.fields.values():
            if not f.pelican:
                text = meta.get(f.key) if f.used_by(kind) else None
                values[f.key] = f.type.parse(f.name, text) if text else f.type.empty
        return values

    def strings(self) -> dict[str, dict[str, str]]:
        """{lang: {key: text}}: the kinds' and fields' names, merged into the interface strings."""
        table: dict[str, dict[str, str]] = {}
        for lang in self.languages:
            row = table.setdefault(lang, {})
            for kind in self.kinds.values():
                row[f"kind.{kind.name}"] = kind.label[lang]
                row[f"kind_one.{kind.name}"] = kind.label_one[lang]
                if kind.number_label:
                    row[f"number.{kind.name}"] = kind.number_label[lang]
            for f in self.fields.values():
                row[f"field.{f.key}"] = f.label[lang]
        return table

    # for editors' tools

    def suggestion(self, f: Field, date: datetime.date) -> str | None:
        return {"date": f"{date:%Y-%m-%d}", "month": f"{date:%Y-%m}"}.get(f.suggest or "")

    def json_schema(self) -> dict[str, Any]:
        """The schema of a file's metadata as JSON Schema (2020-12), field names as editors write them."""

        def prop(f: Field) -> dict[str, Any]:
            return {
                "type": "string",
                "anyOf": [{"const": ""}, f.type.json],  # an empty value is a field not written
                "title": f.label["en"],
                "description": f.help["en"],
                "examples": [f.example],
                "x-label": f.label,
                "x-help": f.help,
                "x-type": f.type.name,
                "x-kinds": list(f.kinds) if f.kinds else list(self.kinds),
            }

        def written(names: list[str]) -> dict[str, Any]:
            """Each of ``names`` is there, and not empty."""
            return {"required": names, "properties": {name: {"minLength": 1} for name in names}}

        rules = [written([f.name for f in self.common_fields() if f.required is True])]
        rules += [
            {"if": written([f.name]), "then": written([self.name_of(f.needs)])} for f in self.fields.values() if f.needs
        ]
        for kind in self.kinds.values():
            rule = written([f.name for f in self.required(kind.name)])
            others = [f.name for f in self.fields.values() if not f.used_by(kind.name)]
            if others:
                rule["not"] = {"anyOf": [written([name]) for name in others]}
            if kind.one_of:
                rule["anyOf"] = [written([self.name_of(key)]) for key in kind.one_of]
            when = {"properties": {"Category": {"const": kind.name}}, "required": ["Category"]}
            rules.append({"if": when, "then": rule})
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Lao ICT Journal Archive: metadata of a content file",
            "description": "The `Key: value` lines at the top of a Markdown file under content/. Keys are read "
            "case-insensitively; written here as editors write them. The build also checks what JSON Schema cannot "
            "say: that dates exist in the calendar, that Event_End is not before Event_Start, and rules across "
            "files (slugs, translations, issue numbers, the files named).",
            "type": "object",
            "properties": {f.name: prop(f) for f in self.fields.values()},
            "additionalProperties": False,
            "allOf": rules,
            "x-kinds": {
                kind.name: {"label": kind.label, "label_one": kind.label_one, "number": self.name_of(kind.number)}
                if kind.number
                else {"label": kind.label, "label_one": kind.label_one}
                for kind in self.kinds.values()
            },
        }

    def markdown_tables(self) -> str:
        """The field tables of docs/writing.md: the fields every item has, then each kind's own."""

        def required(f: Field, kind: str | None = None) -> str:
            if f.required_by(kind) if kind else f.required is True:
                return "yes"
            if isinstance(f.required, tuple) and f.required:
                return "for " + ", ".join(f"`{k}`" for k in f.required)
            if kind and f.key in self.kinds[kind].one_of:
                others = [self.name_of(key) for key in self.kinds[kind].one_of if key != f.key]
                return "yes, or " + " or ".join(f"`{name}`" for name in others)
            return "no"

        def table(fields: Iterable[Field], kind: str | None = None) -> list[str]:
            rows = ["| field | required | value | meaning |", "| --- | --- | --- | --- |"]
            rows += [f"| `{f.name}` | {required(f, kind)} | {f.type.describe} | {f.help['en']} |" for f in fields]
            return rows

        parts = ["## Fields every item has", "", *table(self.common_fields()), "", "## Fields of one kind"]
        for kind in self.kinds.values():
            own = self.own_fields(kind.name)
            number = f"; numbered by `{self.name_of(kind.number)}`" if kind.number else ""
            parts += ["", f"{kind.label['en']} (`{kind.name}`{number}):", ""]
            parts += table(own, kind.name) if own else ["No fields beyond those every item has."]
        return "\n".join(parts) + "\n"
