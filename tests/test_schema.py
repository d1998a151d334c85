"""The content schema: its checks, and what is derived from it (JSON Schema, the field tables of docs/writing.md)
kept in step."""

import dataclasses
import glob
import os

import jsonschema
import pytest

from archive.fields import FIELDS, KINDS
from archive.fieldtypes import TEXT, Field
from archive.metadata import read_source
from archive.schema import Schema
from tests.fixture_site import FIXTURE
from tools.build import ROOT
from tools.schema_files import current

SCHEMA = Schema(("lo", "en"))
REPORT = {
    "title": "x",
    "date": "2024-01-02 09:30",
    "lang": "lo",
    "slug": "a-b-2",
    "category": "reports",
    "event_start": "2024-01-03",
    "event_end": "2024-01-04",
    "venue": "v",
    "organisers": "o, p",
    "registration_url": "https://forms.example.la/x",
    "registration_deadline": "2024-01-01",
}


def test_a_good_report_has_no_problems_and_typed_values():
    assert SCHEMA.check(REPORT) == []
    values = SCHEMA.values("reports", REPORT)
    assert values["event_start"].isoformat() == "2024-01-03T00:00:00"
    assert values["organisers"] == ["o", "p"]
    assert values["issue"] is None and values["pages"] == []  # not a field of reports: empty
    assert "title" not in values  # Pelican's own fields are read from the article


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"event_end": "2024-01-02"}, ("event_end", "Event_End is before Event_Start")),
        (
            {"cover": "x.svg", "issue": "3"},
            ("issue", "Issue is a field of magazine, not of reports: remove it or change Category"),
        ),
        ({"organizers": "o"}, ("organizers", "unknown field 'organizers': did you mean Organisers?")),
        (
            {"registration_url": "forms.la"},
            ("registration_url", "Registration_URL 'forms.la' must start with https:// or http://"),
        ),
        ({"translation": "yes"}, ("translation", "Translation must be true or false, not 'yes'")),
        ({"venue": ""}, (None, "missing required field Venue")),
        (
            {"registration_url": ""},
            ("registration_deadline", "Registration_Deadline needs Registration_URL: without it, it is not shown"),
        ),
    ],
)
def test_what_the_schema_finds(changes, problem):
    assert problem in SCHEMA.check({**REPORT, **changes})


def metadata_of(path):
    with open(path, encoding="utf-8") as f:
        meta = read_source(f.read(), SCHEMA.multiline).meta
    return {SCHEMA.name_of(key): value for key, value in meta.items()}


CONTENT = sorted(glob.glob(os.path.join(FIXTURE, "**", "*.md"), recursive=True))
CONTENT += sorted(glob.glob(os.path.join(ROOT, "content", "**", "*.md"), recursive=True))


def test_the_json_schema_accepts_every_content_file():
    validator = jsonschema.Draft202012Validator(SCHEMA.json_schema())
    assert len(CONTENT) > 20
    for path in CONTENT:
        assert SCHEMA.check({k.lower(): v for k, v in metadata_of(path).items()}) == [], path
        assert [e.message for e in validator.iter_errors(metadata_of(path))] == [], path


NEWS = {"Title": "x", "Date": "2024-01-02", "Lang": "lo", "Slug": "a", "Category": "news"}


@pytest.mark.parametrize(
    "changes",
    [
        {"Lang": "th"},
        {"Category": "blog"},
        {"Slug": "Not A Slug"},
        {"Title": None},
        {"Date": "18/05/2023"},
        {"Translation": "yes"},
        {"Autor": "ສລດ"},
        {"Venue": "ວຽງຈັນ"},  # a field of reports
        {"Journal_Issue": "four"},
        {"Category": "reports"},  # without the fields a report needs
        {"Category": "newspaper", "Edition": "4"},  # neither PDF nor Pages
        {"Category": "magazine", "Issue": "4", "Month": "2024-1", "Cover": "c.svg"},
        {"Category": "magazine", "Issue": "4", "Month": "2024-13", "Cover": "c.svg"},
        {"Category": "magazine", "Issue": "໑໔", "Month": "2024-01", "Cover": "c.svg"},  # Lao digits
        {"Category": "magazine", "Issue": "4", "Month": "2024-01", "Cover": ""},
        {"Cover": "/images/c.svg"},
        {"Cover": "../c.svg"},
        {"Cover": "images/../../c.svg"},
        {"Cover": "https://example.la/c.svg"},
        {"Category": "newspaper", "Edition": "4", "Pages": "a.svg, ../b.svg"},
        {"Category": "newspaper", "Edition": "4", "PDF": ""},
        {"Category": "reports", "Event_Start": "2024-01-02", "Venue": "v", "Organisers": ""},
        {"Status": "skip"},
        {
            "Category": "reports",
            "Event_Start": "2024-01-02",
            "Venue": "v",
            "Organisers": "o",
            "Registration_Deadline": "2024-01-01",
        },
    ],
)
def test_the_json_schema_rejects_what_the_build_rejects(changes):
    meta = {k: v for k, v in {**NEWS, **changes}.items() if v is not None}
    assert SCHEMA.check({k.lower(): v for k, v in meta.items()}) != []
    assert list(jsonschema.Draft202012Validator(SCHEMA.json_schema()).iter_errors(meta)) != []
    assert list(jsonschema.Draft202012Validator(SCHEMA.json_schema()).iter_errors(NEWS)) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"Status": "Draft"},  # Pelican lower-cases Status
        {"Translation": "True"},
        {"Translation": "", "Summary": "", "Author": "", "Journal_Issue": ""},  # empty: not written
        {"Venue": ""},  # a field of reports, but empty
        {"Cover": "images/covers/ປົກ 1.svg"},
        {"Category": "newspaper", "Edition": "4", "Pages": "images/a.svg,images/b..svg"},
        {"Category": "magazine", "Issue": "4", "Month": "2024-12", "Cover": "c.svg", "PDF": "files/x.pdf"},
    ],
)
def test_the_json_schema_accepts_what_the_build_accepts(changes):
    meta = {**NEWS, **changes}
    assert SCHEMA.check({k.lower(): v for k, v in meta.items()}) == []
    assert [e.message for e in jsonschema.Draft202012Validator(SCHEMA.json_schema()).iter_errors(meta)] == []


def test_the_json_schema_asks_a_file_without_category_for_the_common_fields_only():
    errors = jsonschema.Draft202012Validator(SCHEMA.json_schema()).iter_errors({"Title": "x"})
    assert sorted(e.message for e in errors) == [
        f"'{name}' is a required property" for name in ("Category", "Date", "Lang", "Slug")
    ]


def test_the_field_tables_and_the_json_schema_file_are_current():
    for path, (now, wanted) in current().items():
        assert now == wanted, f"{os.path.relpath(path, ROOT)} is out of date: run .venv/bin/invoke schema"


def test_labels_are_the_interface_strings_of_every_language():
    strings = SCHEMA.strings()
    assert strings["lo"]["field.venue"] == "ສະຖານທີ່" and strings["en"]["field.venue"] == "Venue"
    assert strings["en"]["number.magazine"].format(n=7) == "Issue 7"
    assert strings["lo"].keys() == strings["en"].keys()


@pytest.mark.parametrize(
    "fields, kinds, message",
    [
        (
            (
                *FIELDS,
                Field(
                    "Speaker", TEXT, {"lo": "ຜູ້ບັນຍາຍ", "en": "Speaker"}, {"lo": "x", "en": "x"}, "x", kinds=("talks",)
                ),
            ),
            KINDS,
            "field Speaker names kind 'talks', which is not declared",
        ),
        (
            (*FIELDS, Field("Speaker", TEXT, {"en": "Speaker"}, {"en": "x"}, "x")),
            KINDS,
            "field Speaker has no label or help in ['lo']",
        ),
        (
            FIELDS,
            (*KINDS, dataclasses.replace(KINDS[0], name="talks", label={"en": "Talks"})),
            "kind talks has no label in ['lo']",
        ),
    ],
)
def test_a_mistake_in_the_schema_is_named(fields, kinds, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Schema(("lo", "en"), kinds, fields)


def test_a_kind_declared_without_linked_data_is_described_as_an_article():
    """docs/development.md, "To add a kind": a Kind without ``ld`` is published too; its items' schema.org node is an
    Article (it once had none, and a publishing build stopped on the first of its items)."""
    import datetime
    from types import SimpleNamespace

    from archive.fieldtypes import Kind
    from archive.linkeddata import Facts, item_nodes
    from archive.settings import ArchiveSettings

    talks = Kind("talks", {"lo": "ການບັນຍາຍ", "en": "Talks"}, {"lo": "ການບັນຍາຍ", "en": "Talk"})
    schema = Schema(kinds=(*KINDS, talks))
    details = SimpleNamespace(
        kind="talks", url="talks/a.html", values=schema.values("talks", {}), in_issue=None, contents=[],
        contents_elsewhere=[],
    )  # fmt: skip
    article = SimpleNamespace(
        details=details, lang="en", title="A talk", date=datetime.datetime(2026, 1, 2), metadata={}, summary="",
        translations=[],
    )  # fmt: skip
    site = ("https://example.org", "en", schema, ArchiveSettings(), "Site", "en/index.html", "en/search.html", "i.svg")
    facts = Facts(*site)
    nodes = item_nodes(article, facts)
    assert nodes[0]["@type"] == "Article" and nodes[0]["url"] == "https://example.org/talks/a.html"
