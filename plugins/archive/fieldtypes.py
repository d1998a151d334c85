"""The types of the content model: what the text an editor writes may be (``Type``: a date, a number, a list of
files…, each turning the text into a value or a sentence saying what is wrong), and what a field and a kind are
(``Field``, ``Kind``). The fields and kinds themselves are data, in fields.py.

Modelled on Pelican's METADATA_PROCESSORS (one parser per field) and MkDocs' typed config options.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

# --- types: from the text an editor writes to a value --------------------------------------------------------------

# ASCII digits only ([0-9], not \d, which is any script's digits in Python): what JSON Schema's regexes mean too.
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?$"
_MONTH = r"^[0-9]{4}-(?:0[1-9]|1[0-2])$"
_NUMBER = r"^[0-9]+$"
# A path inside content/: not from the root, no drive or scheme, no ".." step, no comma (lists are comma-separated).
_PATH = r"(?![/\\])(?![A-Za-z][A-Za-z0-9+.-]*:)(?!(?:[^,]*[/\\])?\.\.(?:[/\\,]|$))[^,\s][^,]*"
_FILE = f"^{_PATH}$"
_FILES = f"^\\s*{_PATH}(?:,\\s*{_PATH})*$"
_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_URL = r"^https?://\S+$"


def parse_date(value: str) -> datetime.datetime:
    """An ISO date or date and time (``2023-05-18``, ``2023-05-18 09:30``); ValueError otherwise."""
    if not re.match(_ISO_DATE, value):
        raise ValueError(f"{value!r} is not a date written as YYYY-MM-DD (optionally followed by HH:MM)")
    try:
        return datetime.datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


class Invalid(ValueError):
    """A value an editor wrote that its field cannot take; the message is a whole sentence naming the field."""


@dataclass(frozen=True, eq=False)
class Type:
    """How a field's text becomes a value. ``parse(name, text)`` returns the value or raises Invalid."""

    name: str
    describe: str  # for the field tables (docs/writing.md): what to write
    json: dict[str, Any]  # the JSON Schema of the text
    empty: object = None  # the value of a field that is not written
    choices: tuple[str, ...] = ()
    fold_case: bool = False  # choices read whatever their case (as Pelican reads Status)
    suffixes: tuple[str, ...] = ()  # a file's: what it may end with (".png", ...); none: any file
    max_bytes: int | None = None  # a file's: the largest it may be

    def parse(self, name: str, text: str) -> Any:
        return getattr(self, f"_{self.name}")(name, text)

    def _text(self, name: str, text: str) -> str:
        return text

    def _date(self, name: str, text: str) -> datetime.datetime:
        try:
            return parse_date(text)
        except ValueError as error:
            raise Invalid(f"unparsable {name}: {error}") from None

    def _month(self, name: str, text: str) -> datetime.date:
        if not re.match(_MONTH, text):
            raise Invalid(f"{name} {text!r} must be written as YYYY-MM")
        return datetime.date(int(text[:4]), int(text[5:]), 1)

    def _number(self, name: str, text: str) -> int:
        if not re.match(_NUMBER, text):
            raise Invalid(f"{name} must be a whole number, not {text!r}")
        return int(text)

    def _url(self, name: str, text: str) -> str:
        if not re.match(_URL, text):
            raise Invalid(f"{name} {text!r} must start with https:// or http://")
        return text

    def _slug(self, name: str, text: str) -> str:
        if not re.match(_SLUG, text):
            raise Invalid(f"{name} {text!r} must be lower-case ASCII letters, digits and single hyphens")
        return text

    def _bool(self, name: str, text: str) -> bool:
        if text.lower() not in ("true", "false"):
            raise Invalid(f"{name} must be true or false, not {text!r}")
        return text.lower() == "true"

    def _choice(self, name: str, text: str) -> str:
        value = text.lower() if self.fold_case else text
        if value not in self.choices:
            raise Invalid(f"unknown {name} {text!r}: write one of {', '.join(self.choices)}")
        return value

    def _list(self, name: str, text: str) -> list[str]:
        items = split_list(text)
        if not items:
            raise Invalid(f"{name} {text!r} names nothing: write the items separated by commas")
        return items

    def _tags(self, name: str, text: str) -> list[str]:
        tags = self._list(name, text)
        for tag in tags:
            if not any(unicodedata.category(char)[0] in "LN" for char in tag):
                raise Invalid(f"{name}: {tag!r} has no letter or digit: write the tag in words")
        return tags

    def _file(self, name: str, text: str) -> str:
        """A path inside content/ (whether the file is there is checked over the whole folder: validate.py)."""
        if not re.match(_FILE, text):
            raise Invalid(f"{name} {text!r} must be a path inside content/, such as images/covers/x.svg")
        if self.suffixes and not text.lower().endswith(self.suffixes):
            raise Invalid(f"{name} {text!r} must be a {' or '.join(s.lstrip('.') for s in self.suffixes)} file")
        return text

    def _files(self, name: str, text: str) -> list[str]:
        return [self._file(name, path) for path in self._list(name, text)]

    def with_choices(self, choices: Collection[str]) -> Type:
        describe = "one of " + ", ".join(f"`{value}`" for value in choices)
        json: dict[str, Any]
        if self.fold_case:
            json = {"type": "string", "pattern": "^(?:" + "|".join(map(_any_case, choices)) + ")$"}
        else:
            json = {"type": "string", "enum": list(choices)}
        return replace(self, describe=describe, json=json, choices=tuple(choices))


def _any_case(word: str) -> str:
    """A regular expression matching ``word`` in any case (JSON Schema's regexes have no flags)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


TEXT = Type("text", "text", {"type": "string", "minLength": 1}, "")
DATE = Type(
    "date",
    "date, `YYYY-MM-DD` (optionally `HH:MM` after it)",
    {"type": "string", "pattern": _ISO_DATE},
)
MONTH = Type("month", "month, `YYYY-MM`", {"type": "string", "pattern": _MONTH})
NUMBER = Type("number", "whole number", {"type": "string", "pattern": _NUMBER})
URL = Type("url", "web address, `https://…`", {"type": "string", "pattern": _URL, "format": "uri"}, "")
SLUG = Type("slug", "lower-case ASCII letters, digits, single hyphens", {"type": "string", "pattern": _SLUG}, "")
BOOL = Type(
    "bool", "`true` or `false`", {"type": "string", "pattern": f"^(?:{_any_case('true')}|{_any_case('false')})$"}, False
)
LIST = Type("list", "comma-separated list", {"type": "string", "pattern": "[^,\\s]"}, [])
TAGS = Type("tags", "comma-separated list, each with a letter or digit", {"type": "string", "pattern": "[^,\\s]"}, [])
FILE = Type("file", "path of a file under `content/`", {"type": "string", "pattern": _FILE}, "")
FILES = Type("files", "comma-separated paths of files under `content/`", {"type": "string", "pattern": _FILES}, [])
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
IMAGE_BYTES = 20_000_000  # a page scan at print resolution fits; a larger file is a mistake (a raw camera file...)


def suffix_pattern(suffixes: Iterable[str]) -> str:
    return "(?:" + "|".join(_any_case(s) for s in suffixes) + ")$"


def _files_of(kind: str, suffixes: tuple[str, ...], max_bytes: int | None = None) -> Type:
    """FILE (or FILES, ``kind="files"``) restricted to ``suffixes``."""
    base = FILE if kind == "file" else FILES
    names = ", ".join(f"`{s}`" for s in suffixes)
    return replace(
        base,
        describe=f"{base.describe.replace('file', f'{names} file', 1)}",
        json={"type": "string", "allOf": [base.json, {"pattern": suffix_pattern(suffixes)}]},
        suffixes=suffixes,
        max_bytes=max_bytes,
    )


IMAGE = _files_of("file", IMAGE_SUFFIXES, IMAGE_BYTES)
IMAGES = _files_of("files", IMAGE_SUFFIXES, IMAGE_BYTES)
PDF = _files_of("file", (".pdf",))


def choice(*values: str, fold_case: bool = False) -> Type:
    return Type("choice", "", {}, "", fold_case=fold_case).with_choices(values)


LANGUAGE = choice()  # one of the site's languages (ARCHIVE_LANGUAGES), bound by Schema
KIND = choice()  # one of KINDS, bound by Schema


# --- fields and kinds ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str  # as an editor writes it; read case-insensitively
    type: Type
    label: dict[str, str]  # {lang: label} on pages and in editors' tools
    help: dict[str, str]  # {lang: one sentence} for editors
    example: str
    kinds: tuple[str, ...] | None = None  # the kinds that have it; None: every kind
    required: bool | tuple[str, ...] = False  # True, or a tuple of the kinds that require it
    fact: bool = False  # shown in the facts list of its kinds' pages
    pelican: bool = False  # Pelican reads it itself (article.date, .tags...): no typed detail
    multiline: bool = False  # may go on over several indented lines (Pelican joins them)
    not_before: str | None = None  # key of a date field this one may not precede
    needs: str | None = None  # key of a field without which this one would not be shown
    refers_to: str | None = None  # kind whose numbering field this number names (the kind must have one)
    suggest: str | None = None  # what `invoke new` fills in when it is not given: "date", "month" (of the date)
    printed: bool = False  # its files are the item's printed pages, in order (scans that `invoke ocr` reads)
    ld: tuple[str, ...] = ()  # the schema.org properties it is written as (linkeddata.py): paths from the item's node

    @property
    def key(self) -> str:
        return self.name.lower()

    def used_by(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds

    def required_by(self, kind: str) -> bool:
        return self.used_by(kind) and (self.required is True or kind in (self.required or ()))


@dataclass(frozen=True)
class Kind:
    name: str  # what Category says, and the folder of its pages
    label: dict[str, str]  # {lang: plural} for menus and list titles
    label_one: dict[str, str]  # {lang: singular} beside an item
    template: str = "article"
    number: str | None = None  # key of the field that numbers the kind's items (unique per language)
    number_label: dict[str, str] | None = None  # {lang: "Issue {n}"}
    one_of: tuple[str, ...] = ()  # keys of fields of which at least one is required
    listing: str = "cards"  # "cards"; "covers", a wall of cover images; "editions", by year and month, front pages
    # For search engines and reference managers (linkeddata.py, cite.py): the schema.org nodes of one item, by their
    # path from the item's own node ("": the item; "about": what it is about), each (type, {property: constant}),
    # to which the fields' ``ld`` paths lead; the Periodical it is an issue of (an ARCHIVE_ setting's name:
    # "journal", "newspaper"); and what a citation calls it: (CSL type, RIS type, BibTeX entry type). A kind that
    # declares no nodes is an Article.
    ld: dict[str, tuple[str, dict[str, str]]] = field(default_factory=lambda: {"": ("Article", {})})
    periodical: str | None = None
    cite: tuple[str, str, str] = ("article-newspaper", "NEWS", "misc")
