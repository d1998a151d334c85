"""The interface in both languages: one table (theme/strings.json, with the schema's names of kinds and fields
merged in), one lookup.

A text that says how many (``{n} articles``) is written once per plural form of its language, as CLDR defines
them (Babel here, ``Intl.PluralRules`` in the browser: Lao has one form, "other"; English "one" and "other"):
``{"one": "{n} article", "other": "{n} articles"}``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from babel import Locale


@cache
def plural_forms(lang: str) -> frozenset[str]:
    """The plural categories of ``lang`` (CLDR), "other" included."""
    return frozenset(Locale.parse(lang).plural_form.tags) | {"other"}


def plural_form(lang: str, n: float) -> str:
    return Locale.parse(lang).plural_form(n)

    # {lang: {key: text, or {plural form: text}}}


Table = dict[str, dict[str, str | dict[str, str]]]


class Strings:
    def __init__(self, table: Table) -> None:
        self._table = table
        languages = list(table)
        for lang in languages[1:]:
            if table[lang].keys() != table[languages[0]].keys():
                missing = table[languages[0]].keys() ^ table[lang].keys()
                raise ValueError(f"strings: {lang!r} and {languages[0]!r} differ in keys {sorted(missing)}")
        for lang, row in table.items():
            for key, text in row.items():
                if isinstance(text, dict) and text.keys() != plural_forms(lang):
                    raise ValueError(
                        f"strings: {key!r} in {lang!r} has the forms {sorted(text)}; "
                        f"{lang} needs {sorted(plural_forms(lang))}"
                    )

    @classmethod
    def load(cls, path: str, merged: Mapping[str, Mapping[str, str]] | None = None) -> Strings:
        """The table in ``path`` with ``merged`` ({lang: {key: text}}) added; a key in both is an error."""
        with open(path, encoding="utf-8") as f:
            table = json.load(f)
        for lang, extra in (merged or {}).items():
            twice = sorted(extra.keys() & table.get(lang, {}).keys())
            if twice:
                raise ValueError(f"strings: {path} repeats {', '.join(twice)}, which the content schema names")
            table.setdefault(lang, {}).update(extra)
        return cls(table)

    def get(self, lang: str, key: str, **values: Any) -> str:
        """The interface text ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``; a text with
        plural forms takes the form of ``values["n"]``."""
        try:
            text = self._table[lang][key]
        except KeyError:
            raise KeyError(f"strings: no {key!r} for language {lang!r}") from None
        if isinstance(text, dict):
            if "n" not in values:
                raise KeyError(f"strings: {key!r} has plural forms: give n")
            text = text[plural_form(lang, values["n"])]
        return text.format(**values) if values else text

    def with_prefix(self, lang: str, prefix: str) -> dict[str, str | dict[str, str]]:
        """The strings of ``lang`` whose key starts with ``prefix``, without it (for the browser's data island;
        plural forms as they are, for Intl.PluralRules to choose from)."""
        return {k[len(prefix) :]: v for k, v in self._table[lang].items() if k.startswith(prefix)}
