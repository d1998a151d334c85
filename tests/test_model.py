"""Pure parts of the archive plugin: where links lead, tag file names, dates per language, its settings."""

import datetime
import os
import subprocess
import sys

import pytest

from archive.collect import link_neighbours, link_related, simple_words, tag_slug
from archive.dates import format_day, format_month, format_range, format_size, iso_day
from archive.links import relative_root, resolve
from archive.settings import ArchiveSettings
from tests.fixture_site import ROOT


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Digital Government", "digital-government"),
        ("ITU", "itu"),
        ("ລັດດິຈິຕອນ", "ລັດດິຈິຕອນ"),  # vowel signs kept (Pelican's unicode slug drops them)
        ("ການສື່ສານ ໂທລະຄົມ", "ການສື່ສານ-ໂທລະຄົມ"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("C", "c"),
        ("5G / 4G", "5g-4g"),
        ("AI 🚀", "ai-u1f680"),
        ("Café", "café"),
    ],
)
def test_tag_slug(name, slug):
    assert tag_slug(name) == slug


def test_tags_that_differ_get_different_files_and_spellings_of_one_tag_share_one():
    names = ["C++", "C", "c#", "AI", "A.I.", "🚀", "🛰", "ລັດ", "ລັດດິຈິຕອນ"]
    assert len({tag_slug(name) for name in names}) == len(names)
    assert tag_slug("ICT") == tag_slug("ict") and tag_slug("open data") == tag_slug("Open-Data")


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
        ("news/a.md", "#section", ""),  # this page
    ],
)
def test_where_a_link_in_content_leads(source, target, resolved):
    found = resolve(source, target)
    assert (found and found.path) == resolved
    assert found is None or found.problem is None


@pytest.mark.parametrize(
    "target, problem",
    [
        ("/images/x.png", "starts at the server root: it breaks when the site is opened from disk"),
        ("../../x.png", "leads out of the site"),
        ("{static}/../x.png", "leads out of the site"),
    ],
)
def test_links_that_cannot_work_from_disk(target, problem):
    assert resolve("news/a.md", target).problem == problem


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


def test_a_day_for_machines_is_iso_8601_in_the_dates_own_zone():
    late = datetime.datetime(2023, 5, 18, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    assert iso_day(late) == "2023-05-18"
    assert iso_day(datetime.date(987, 1, 2)) == "0987-01-02"


def test_settings_are_read_once_and_checked():
    settings = ArchiveSettings.from_pelican({"DEFAULT_LANG": "lo", "ARCHIVE_LANGUAGES": ("lo", "en")})
    assert settings.languages == ("lo", "en") and settings.language_folder == "{lang}/"
    with pytest.raises(ValueError, match=r"unknown setting.*ARCHIVE_PER_PAGE"):
        ArchiveSettings.from_pelican({"DEFAULT_LANG": "lo", "ARCHIVE_PER_PAGE": 20})
    with pytest.raises(ValueError, match="ARCHIVE_LANGUAGES starts with 'lo' but DEFAULT_LANG is 'en'"):
        ArchiveSettings.from_pelican({"DEFAULT_LANG": "en"})


def test_the_operators_names_are_given_in_every_language_and_the_issn_as_one():
    settings = ArchiveSettings.from_pelican({"DEFAULT_LANG": "lo", "ARCHIVE_ISSN": "2049-3630"})
    assert settings.names()["en"] == {
        "site.publisher": "Ministry of Technology and Communications",
        "site.journal": "ICT Journal",
        "site.newspaper": "Technology and Communications newspaper",
    }
    with pytest.raises(ValueError, match="ARCHIVE_NEWSPAPER has no name in en: give one per language"):
        ArchiveSettings.from_pelican({"DEFAULT_LANG": "lo", "ARCHIVE_NEWSPAPER": {"lo": "ໜັງສືພິມ"}})
    with pytest.raises(ValueError, match="ARCHIVE_ISSN '2049 3630' is not an ISSN"):
        ArchiveSettings.from_pelican({"DEFAULT_LANG": "lo", "ARCHIVE_ISSN": "2049 3630"})


class Item:
    """Just what link_related and link_neighbours read of a Pelican article."""

    def __init__(self, title, tags=(), summary=""):
        self.title, self.metadata = title, {"summary": summary}
        self.tags = [type("Tag", (), {"name": t})() for t in tags]
        self.details = type("Details", (), {"related": [], "newer": None, "older": None})()

    def __repr__(self):
        return self.title


def test_related_items_share_tags_first_then_words():
    a = Item("Fibre backbone reaches the north", ["broadband"])
    b = Item("Village broadband", ["broadband", "villages"])
    c = Item("Backbone fibre audit")
    d = Item("Post office apps")
    link_related([a, b, c, d], simple_words)
    assert a.details.related == [b, c]  # a shared tag outweighs shared words
    assert d.details.related == []


RELATED_IN_ANOTHER_PROCESS = """
import sys
sys.path[:0] = ["plugins", "."]
from archive.collect import link_related, simple_words
from tests.test_model import Item
clues = [f"clue{n:02}" for n in range(20)]  # more equally rare words than an article's clues: a tie to break
first = Item(" ".join(clues))
others = [Item(f"{word} other{n}") for n, word in enumerate(clues)]
link_related([first, *others], simple_words)
print(first.details.related)
"""


def test_related_items_are_the_same_in_every_process_whatever_its_hash_seed():
    seen = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-c", RELATED_IN_ANOTHER_PROCESS],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        seen.add(result.stdout)
    assert len(seen) == 1, seen


def test_neighbours_are_the_newer_and_older_item_of_the_kind():
    newest, middle, oldest = Item("3"), Item("2"), Item("1")
    link_neighbours({"news": [newest, middle, oldest]})
    assert (middle.details.newer, middle.details.older) == (newest, oldest)
    assert newest.details.newer is None and oldest.details.older is None


def test_file_sizes_as_each_language_writes_them():
    assert format_size(2_400_000, "en") == "2.4 MB" and format_size(2_400_000, "lo") == "2,4 MB"
    assert format_size(380_000, "en") == "380 KB" and format_size(12, "en") == "1 KB"


@pytest.mark.parametrize(
    ("path", "way"), [("index.html", ""), ("en/", "../"), ("en/news/a.html", "../../"), ("news/a.html", "../")]
)
def test_relative_root_climbs_one_folder_per_slash(path, way):
    assert relative_root(path) == way


def test_the_colours_pages_and_the_manifest_name_are_the_stylesheets():
    from archive.palette import palette, read

    css = ":root { --bg: #fff; --header-bg: #123456; }\n@media (prefers-color-scheme: dark) { :root { --bg: #000; } }"
    assert palette(css).light == {"bg": "#fff", "header-bg": "#123456"} and palette(css).dark == {"bg": "#000"}
    theme = read("theme")  # the site's own: what base.html and the manifest read
    assert {"bg", "header-bg"} <= theme.light.keys() and "bg" in theme.dark
