"""`invoke new` and `invoke translate` write files that build, as drafts, and say what they lack."""

import datetime
import os

import pytest

from tools.build import build
from tools.scaffold import new_item, slug_for, translation

DAY = datetime.date(2026, 11, 25)


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Broadband for 500 villages", "broadband-for-500-villages"),
        ("Café Wi-Fi: a new law", "cafe-wi-fi-a-new-law"),
        ("ກອງປະຊຸມ ລັດດິຈິຕອນ", "news-2026-11-25"),  # Lao only: the date
        ("ກອງປະຊຸມ ITU 2026", "itu-2026"),
    ],
)
def test_slug_for(title, slug):
    assert slug_for(title, DAY, "news") == slug


def test_new_files_of_every_kind_and_their_translation_build(tmp_path):
    content = str(tmp_path / "content")
    write(content, "images/cover.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="3" height="4"/>\n')
    items = [
        new_item(content, "news", "lo", "ຂ່າວໃໝ່", DAY),
        new_item(content, "reports", "en", "Open data forum", DAY, venue="Vientiane", organisers="MTC, ITU"),
        new_item(content, "magazine", "lo", "ວາລະສານ ໄອຊີທີ", DAY, cover="images/cover.svg"),
        new_item(content, "newspaper", "lo", "ໜັງສືພິມ", DAY, pages="images/cover.svg"),
    ]
    for path, text in items:
        write(content, path, text)
    path, text = translation(content, "open-data-forum")
    assert path == "reports/open-data-forum.lo.md"
    write(content, path, text)
    output = build(content, str(tmp_path / "output"))
    assert os.path.isfile(os.path.join(output, "drafts", "news-2026-11-25.html"))
    assert os.path.isfile(os.path.join(output, "en", "drafts", "open-data-forum.html"))
    assert "Issue: 1\n" in items[2][1] and "Edition: 1\n" in items[3][1]


def test_the_next_number_follows_the_last_issue(tmp_path):
    content = str(tmp_path)
    write(content, "magazine/x.lo.md", "Category: magazine\nIssue: 13\n\n")
    _, text = new_item(content, "magazine", "lo", "ວາລະສານ", DAY, cover="images/c.svg")
    assert "Issue: 14\n" in text


@pytest.mark.parametrize(
    "kind, fields, message",
    [
        ("reports", {"venue": "Vientiane"}, "a reports item needs --organisers"),
        ("magazine", {}, "a magazine item needs --cover"),
        ("newspaper", {}, "a newspaper item needs --pdf or --pages"),
        ("blog", {}, "unknown kind 'blog'"),
    ],
)
def test_new_says_what_a_kind_needs(tmp_path, kind, fields, message):
    with pytest.raises(ValueError, match=message):
        new_item(str(tmp_path), kind, "lo", "x", DAY, **fields)


def test_translate_copies_the_facts_with_their_names_as_editors_write_them(tmp_path):
    path, text = new_item(
        str(tmp_path),
        "reports",
        "lo",
        "ກອງປະຊຸມ",
        DAY,
        venue="ວຽງຈັນ",
        organisers="ກຕສ",
        registration_url="https://x.la/r",
    )
    write(str(tmp_path), path, text)
    _, translated = translation(str(tmp_path), "reports-2026-11-25")
    assert "Registration_URL: https://x.la/r\n" in translated and "Event_Start: 2026-11-25\n" in translated
    assert "Translation: true\n" in translated and "Lang: en\n" in translated


def test_new_checks_the_values_it_is_given(tmp_path):
    with pytest.raises(ValueError, match="--month: Month '2026-13' must be written as YYYY-MM"):
        new_item(str(tmp_path), "magazine", "lo", "ວາລະສານ", DAY, cover="c.svg", month="2026-13")
    with pytest.raises(ValueError, match="Event_End is before Event_Start"):
        new_item(str(tmp_path), "reports", "lo", "x", DAY, venue="v", organisers="o", event_end="2026-11-01")
    with pytest.raises(ValueError, match="--venue is not a field of a news item"):
        new_item(str(tmp_path), "news", "lo", "ຂ່າວ", DAY, venue="ວຽງຈັນ")


def test_translate_refuses_what_exists(tmp_path):
    write(str(tmp_path), "news/a.lo.md", "Slug: a\nLang: lo\nCategory: news\n\n")
    write(str(tmp_path), "news/a.en.md", "Slug: a\nLang: en\nCategory: news\nTranslation: true\n\n")
    with pytest.raises(ValueError, match=r"news/a\.en\.md already is the en version of a"):
        translation(str(tmp_path), "a")
    with pytest.raises(ValueError, match="no content file has Slug: b"):
        translation(str(tmp_path), "b")
