"""The content schema: every kind of item and every field an editor writes, declared once.

Everything else is derived from ``KINDS`` and ``FIELDS``: the checks of each file (validate.py), the typed details
templates read (collect.py), the navigation and the field labels in both languages (the strings table),
`invoke new` and `invoke translate` (tools/scaffold.py), the README's field tables and the JSON Schema for editors'
tools (`invoke schema` writes them). To add a field, add a ``Field`` below; ``fact=True`` shows it in the facts
list of its kinds' pages, otherwise place it in their templates. To add a kind, add a ``Kind`` (and a template,
or it is shown as news are) and name it in the ``kinds`` of its fields.

Modelled on Pelican's METADATA_PROCESSORS (one parser per field) and MkDocs' typed config options: a field's type
turns the text an editor wrote into a value (a date, a number, a list) or a sentence saying what is wrong.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from .settings import LANGUAGES

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
    describe: str  # for the README: what to write
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


def _text(lo: str, en: str) -> dict[str, str]:
    return {"lo": lo, "en": en}


SCHEDULED = {
    "eventStatus": "https://schema.org/EventScheduled",
    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",  # it has a venue
}
# Nodes every kind may have: the byline (a person or a unit, such as ສລດ: an Organization) and a PDF.
LD_NODES = {"author": ("Organization", {}), "encoding": ("MediaObject", {"encodingFormat": "application/pdf"})}

KINDS = (
    Kind("news", _text("ຂ່າວ", "News"), _text("ຂ່າວ", "News"), ld={"": ("NewsArticle", {})}),
    Kind(
        "reports",
        _text("ບົດລາຍງານກອງປະຊຸມ", "Workshop and meeting reports"),
        _text("ບົດລາຍງານ", "Report"),
        template="report",
        ld={
            "": ("Report", {}),
            "about": ("Event", SCHEDULED),
            "about.location": ("Place", {}),
            "about.organizer": ("Organization", {}),
            "about.offers": ("Offer", {}),
        },
        cite=("report", "RPRT", "techreport"),
    ),
    Kind(
        "magazine",
        _text("ວາລະສານ ໄອຊີທີ", "ICT Journal"),
        _text("ວາລະສານ", "Journal issue"),
        template="issue",
        number="issue",
        number_label=_text("ສະບັບທີ {n}", "Issue {n}"),
        listing="covers",
        ld={"": ("PublicationIssue", {})},
        periodical="journal",
        cite=("periodical", "JFULL", "misc"),
    ),
    Kind(
        "newspaper",
        _text("ໜັງສືພິມ", "Newspaper"),
        _text("ໜັງສືພິມ", "Newspaper edition"),
        template="edition",
        number="edition",
        number_label=_text("ສະບັບເລກທີ {n}", "Edition {n}"),
        one_of=("pdf", "pages"),
        listing="editions",
        ld={"": ("PublicationIssue", {})},
        periodical="newspaper",
        cite=("periodical", "NEWS", "misc"),
    ),
)

FIELDS = (
    Field(
        "Title",
        TEXT,
        _text("ຫົວຂໍ້", "Title"),
        _text("ຫົວຂໍ້ ເປັນພາສາຂອງບົດ.", "The title, in the item's language."),
        "ກອງປະຊຸມສຳມະນາ ການປົກປ້ອງຂໍ້ມູນສ່ວນບຸກຄົນ",
        required=True,
        pelican=True,
        ld=("headline", "name", "about.name"),
    ),
    Field(
        "Date",
        DATE,
        _text("ລົງວັນທີ", "Published"),
        _text("ວັນທີເຜີຍແຜ່.", "The publication date."),
        "2026-10-02",
        required=True,
        pelican=True,
        ld=("datePublished",),
    ),
    Field(
        "Modified",
        DATE,
        _text("ແກ້ໄຂລ່າສຸດ", "Updated"),
        _text("ວັນທີແກ້ໄຂເນື້ອໃນຄັ້ງສຸດທ້າຍ.", "The date of the last change worth telling readers about."),
        "2026-10-05",
        pelican=True,
        ld=("dateModified",),
    ),
    Field(
        "Lang",
        LANGUAGE,
        _text("ພາສາ", "Language"),
        _text("ພາສາຂອງໄຟລ໌ນີ້.", "The language this file is written in."),
        "lo",
        required=True,
        pelican=True,
    ),
    Field(
        "Slug",
        SLUG,
        _text("ຊື່ໃນທີ່ຢູ່ເວັບ", "Slug"),
        _text(
            "ຊື່ໃນທີ່ຢູ່ເວັບ; ສະບັບແປໃຊ້ຊື່ດຽວກັນກັບຕົ້ນສະບັບ.",
            "The name in the URL. A translation uses its original's slug.",
        ),
        "data-protection-seminar-2026",
        required=True,
        pelican=True,
    ),
    Field(
        "Category",
        KIND,
        _text("ປະເພດ", "Kind"),
        _text("ປະເພດຂອງບົດ.", "The kind of item."),
        "reports",
        required=True,
        pelican=True,
    ),
    Field(
        "Translation",
        BOOL,
        _text("ສະບັບແປ", "Translation"),
        _text(
            "true ຖ້າໄຟລ໌ນີ້ແປມາຈາກໄຟລ໌ອື່ນ: ຖ້າບໍ່ມີຕົ້ນສະບັບ ຈະສ້າງເວັບບໍ່ໄດ້.",
            "`true` on a file that translates another: the build fails if the original is missing.",
        ),
        "true",
        pelican=True,
    ),
    Field(
        "Status",
        choice("draft", "published", "hidden", fold_case=True),  # Pelican lower-cases Status
        _text("ສະຖານະ", "Status"),
        _text(
            "draft: ສ້າງໄວ້ໃນ drafts/ ແລະ ບໍ່ສະແດງໃນລາຍການໃດ; ລຶບແຖວນີ້ອອກເພື່ອເຜີຍແຜ່.",
            "`draft`: built into drafts/ and listed nowhere; delete the line to publish.",
        ),
        "draft",
        pelican=True,
    ),
    Field(
        "Tags",
        TAGS,
        _text("ປ້າຍກຳກັບ", "Tags"),
        _text("ຂັ້ນດ້ວຍຈຸດ (,), ເປັນພາສາຂອງບົດ.", "Comma-separated, in the item's language."),
        "ລັດດິຈິຕອນ, ບໍລິການລັດ",
        pelican=True,
        ld=("keywords",),
    ),
    Field(
        "Summary",
        TEXT,
        _text("ບົດສະຫຼຸບ", "Summary"),
        _text("ໜຶ່ງ ຫຼື ສອງປະໂຫຍກ ທີ່ສະແດງໃນລາຍການ.", "One or two sentences shown in lists."),
        "ກະຊວງ ເປີດນຳໃຊ້ລະບົບບໍລິການລັດທາງອອນລາຍ.",
        pelican=True,
        multiline=True,
        ld=("description", "about.description"),
    ),
    Field(
        "Author",
        TEXT,
        _text("ຂຽນໂດຍ", "By"),
        _text("ຜູ້ຂຽນ ຫຼື ໜ່ວຍງານ, ເຊັ່ນ ສລດ.", "The byline, e.g. ສລດ."),
        "ສລດ",
        pelican=True,
        ld=("author",),
    ),
    Field(
        "Cover",
        IMAGE,
        _text("ໜ້າປົກ", "Cover"),
        _text(
            "ຮູບພາບ ເປັນເສັ້ນທາງພາຍໃຕ້ content/, ເຊັ່ນ images/covers/x.svg.",
            "An image, as a path under `content/`, e.g. `images/covers/x.svg`.",
        ),
        "images/magazine/issue-14.svg",
        required=("magazine",),
        ld=("image", "about.image"),
    ),
    Field(
        "Journal_Issue",
        NUMBER,
        _text("ລົງໃນວາລະສານສະບັບທີ", "In journal issue"),
        _text(
            "ເລກທີຂອງວາລະສານ ໄອຊີທີ ທີ່ບົດນີ້ລົງພິມ; ບົດຈະສະແດງໃນສາລະບານຂອງສະບັບນັ້ນ.",
            "The ICT Journal issue this article appears in; it is listed in that issue's table of contents.",
        ),
        "14",
        refers_to="magazine",
    ),
    Field(
        "Event_Start",
        DATE,
        _text("ວັນທີເລີ່ມ", "Starts"),
        _text("ວັນທຳອິດຂອງກອງປະຊຸມ.", "The first day of the event."),
        "2026-11-18",
        kinds=("reports",),
        required=True,
        suggest="date",
        ld=("about.startDate",),
    ),
    Field(
        "Event_End",
        DATE,
        _text("ວັນທີສິ້ນສຸດ", "Ends"),
        _text("ວັນສຸດທ້າຍ ຖ້າຈັດຫຼາຍກວ່າໜຶ່ງວັນ.", "The last day, when it lasts more than one."),
        "2026-11-19",
        kinds=("reports",),
        not_before="event_start",
        ld=("about.endDate",),
    ),
    Field(
        "Venue",
        TEXT,
        _text("ສະຖານທີ່", "Venue"),
        _text("ສະຖານທີ່ຈັດ.", "Where it takes place."),
        "ຫ້ອງປະຊຸມ ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ, ນະຄອນຫຼວງວຽງຈັນ",
        kinds=("reports",),
        required=True,
        fact=True,
        ld=("about.location.name", "about.location.address"),
    ),
    Field(
        "Organisers",
        LIST,
        _text("ຜູ້ຈັດ", "Organisers"),
        _text("ຜູ້ຈັດ, ຂັ້ນດ້ວຍຈຸດ (,).", "Who organises it, comma-separated."),
        "ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ, ITU",
        kinds=("reports",),
        required=True,
        fact=True,
        ld=("about.organizer",),
    ),
    Field(
        "Participants",
        TEXT,
        _text("ຜູ້ເຂົ້າຮ່ວມ", "Participants"),
        _text("ຜູ້ເຂົ້າຮ່ວມ, ເຊັ່ນ ຈຳນວນ ແລະ ມາຈາກໃສ.", "Who took part, e.g. how many and from where."),
        "ຜູ້ເຂົ້າຮ່ວມ 60 ທ່ານ ຈາກ 18 ກະຊວງ",
        kinds=("reports",),
        fact=True,
    ),
    Field(
        "Registration_URL",
        URL,
        _text("ລິ້ງລົງທະບຽນ", "Registration link"),
        _text(
            "ບ່ອນລົງທະບຽນເຂົ້າຮ່ວມ; ບົດລາຍງານຈະສະແດງໃນໜ້າລົງທະບຽນປະຊຸມ.",
            "Where to register; the report is then listed on the meeting-registration page.",
        ),
        "https://forms.example.la/data-protection-2026",
        kinds=("reports",),
        ld=("about.offers",),
    ),
    Field(
        "Registration_Deadline",
        DATE,
        _text("ກຳນົດລົງທະບຽນ", "Registration deadline"),
        _text("ວັນສຸດທ້າຍຂອງການລົງທະບຽນ.", "The last day to register."),
        "2026-11-10",
        kinds=("reports",),
        needs="registration_url",
        ld=("about.offers.validThrough",),
    ),
    Field(
        "Issue",
        NUMBER,
        _text("ສະບັບທີ", "Issue"),
        _text(
            "ເລກທີຂອງສະບັບ, ບໍ່ຊ້ຳກັນໃນພາສາດຽວ.",
            "The issue's number, unique in each language.",
        ),
        "14",
        kinds=("magazine",),
        required=True,
        ld=("issueNumber",),
    ),
    Field(
        "Month",
        MONTH,
        _text("ປະຈຳເດືອນ", "Month"),
        _text("ເດືອນຂອງສະບັບ.", "The month of the issue."),
        "2026-06",
        kinds=("magazine",),
        required=True,
        fact=True,
        suggest="month",
    ),
    Field(
        "Edition",
        NUMBER,
        _text("ສະບັບເລກທີ", "Edition"),
        _text("ເລກທີຂອງສະບັບ, ບໍ່ຊ້ຳກັນໃນພາສາດຽວ.", "The edition's number, unique in each language."),
        "345",
        kinds=("newspaper",),
        required=True,
        ld=("issueNumber",),
    ),
    Field(
        "PDF",
        PDF,
        _text("ໄຟລ໌ PDF", "PDF"),
        _text(
            "ສະບັບເຕັມເປັນ PDF, ເສັ້ນທາງພາຍໃຕ້ content/.",
            "The whole issue or edition as a PDF, a path under `content/`.",
        ),
        "files/magazine/ict-journal-14.pdf",
        kinds=("magazine", "newspaper"),
        ld=("encoding",),
    ),
    Field(
        "Pages",
        IMAGES,
        _text("ໜ້າໜັງສືພິມ", "Pages"),
        _text(
            "ຮູບແຕ່ລະໜ້າ, ເສັ້ນທາງພາຍໃຕ້ content/ ຂັ້ນດ້ວຍຈຸດ (,).",
            "Page images, comma-separated paths under `content/`.",
        ),
        "images/newspaper/345-1.svg, images/newspaper/345-2.svg",
        kinds=("newspaper",),
        printed=True,
        ld=("image",),
    ),
)


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
        """The README's field tables: the fields every item has, then each kind's own."""

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

        parts = ["### Fields every item has", "", *table(self.common_fields()), "", "### Fields of one kind"]
        for kind in self.kinds.values():
            own = self.own_fields(kind.name)
            number = f"; numbered by `{self.name_of(kind.number)}`" if kind.number else ""
            parts += ["", f"{kind.label['en']} (`{kind.name}`{number}):", ""]
            parts += table(own, kind.name) if own else ["No fields beyond those every item has."]
        return "\n".join(parts) + "\n"
