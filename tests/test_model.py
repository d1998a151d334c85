"""The content model's pure parts: reading a file's metadata, tag file names, dates per language."""

import datetime

import pytest

from archive.collect import tag_slug
from archive.dates import format_day, format_month, format_range
from archive.model import check_metadata, read_source
from archive.validate import resolve_link


def test_read_source_splits_metadata_and_body():
    source = read_source("\ufeffTitle: ຂ່າວ\nTags: ກ,\n    ຂ\nCategory: news\n\nBody: not metadata.\n")
    assert source.meta == {"title": "ຂ່າວ", "tags": "ກ, ຂ", "category": "news"}
    assert source.body == "\nBody: not metadata.\n"
    assert source.body_line == 5  # the blank line; "Body" is on line 6


def test_a_good_report_has_no_problems():
    meta = {
        "title": "x",
        "date": "2024-01-02 09:30",
        "lang": "lo",
        "slug": "a-b-2",
        "category": "reports",
        "event_start": "2024-01-03",
        "event_end": "2024-01-04",
        "venue": "v",
        "organisers": "o",
        "registration_url": "https://forms.example.la/x",
        "registration_deadline": "2024-01-01",
    }
    assert check_metadata(meta) == []
    assert check_metadata({**meta, "event_end": "2024-01-02"}) == ["Event_End is before Event_Start"]


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Digital Government", "digital-government"),
        ("ITU", "itu"),
        ("ລັດດິຈິຕອນ", "ລັດດິຈິຕອນ"),  # vowel signs kept (Pelican's unicode slug drops them)
        ("ການສື່ສານ ໂທລະຄົມ", "ການສື່ສານ-ໂທລະຄົມ"),
    ],
)
def test_tag_slug(name, slug):
    assert tag_slug(name) == slug


@pytest.mark.parametrize(
    "source, target, resolved",
    [
        ("news/a.md", "{static}/images/x.png", "images/x.png"),
        ("news/a.md", "{filename}../reports/b.md", "reports/b.md"),
        ("news/a.md", "%7Bstatic%7D/images/x%20y.png", "images/x y.png"),
        ("news/a.md", "pic.png#top", "news/pic.png"),
        ("news/a.md", "https://itu.int/", None),
        ("news/a.md", "mailto:info@example.la", None),
        ("news/a.md", "{tag}ITU", None),
        ("news/a.md", "#section", None),
    ],
)
def test_resolve_link(source, target, resolved):
    assert resolve_link(source, target) == resolved


@pytest.mark.parametrize(
    "lang, day, month, span",
    [
        ("lo", "18 ພຶດສະພາ 2023", "ພຶດສະພາ 2023", "17–18 ພຶດສະພາ 2023"),
        ("en", "18 May 2023", "May 2023", "17–18 May 2023"),
    ],
)
def test_dates_per_language(lang, day, month, span):
    start, end = datetime.datetime(2023, 5, 17), datetime.datetime(2023, 5, 18)
    assert format_day(end, lang) == day
    assert format_month(end.date(), lang) == month
    assert format_range(start, end, lang) == span
    assert format_range(end, None, lang) == day
