"""`invoke import --wordpress`: every published post one item and nothing else, Polylang and WPML pairs an original
and its translation, clean Markdown, uploads copied; every file checked before any is written, nothing written when
one item has a problem, a second run that changes nothing, --update, --dry-run, inputs that cannot be read."""

import os
import re

import pytest

from tests import import_sources as sources
from tests.import_sources import (
    export,
    item,
    markdown_files,
    meta,
    picture,
    run_import,
    tree,
)
from tools.importer import main

old_site = pytest.fixture(sources.old_site, name="old_site")

# --- the WordPress import ---------------------------------------------------------------------------------------


def test_every_published_post_is_one_item_and_nothing_else_is(old_site):
    status, lines = run_import(old_site)
    assert status == 0, lines
    files = markdown_files(old_site / "content")
    assert sorted(files) == [
        "news/fibre-backbone-plan.en.md",
        "news/fibre-backbone-plan.lo.md",
        "news/news-2024-08-01.lo.md",
        "news/village-phones.en.md",
        "news/village-phones.lo.md",
        "reports/cloud-workshop.en.md",
    ]
    assert lines[0] == (
        f"Imported from {old_site / 'export.xml'}: 4 item(s) were written as 6 Markdown file(s) (en 3, lo 3; "
        "2 item(s) with a translation), 3 file(s) were copied into content/"
    )
    assert lines[1] == (
        "  skipped: 12 entries that are not published posts: attachments 2, drafts 1, menu items 1, pages 1, "
        "password-protected posts 1, posts pending review 1, private posts 1, "
        "reusable blocks (shown inside the posts that use them) 1, revisions 1, scheduled posts 1, trashed posts 1"
    )


def test_polylang_and_wpml_pairs_are_an_original_and_its_translation_and_a_lone_post_stays_alone(old_site):
    run_import(old_site)
    files = {p: meta(t) for p, t in markdown_files(old_site / "content").items()}
    for slug in ("fibre-backbone-plan", "village-phones"):
        lo, en = files[f"news/{slug}.lo.md"], files[f"news/{slug}.en.md"]
        assert (lo["Lang"], lo["Slug"], "Translation" in lo) == ("lo", slug, False)
        assert (en["Lang"], en["Slug"], en["Translation"]) == ("en", slug, "true")
    assert "Translation" not in files["reports/cloud-workshop.en.md"]
    assert "Translation" not in files["news/news-2024-08-01.lo.md"]


def test_a_lao_slug_becomes_a_slug_of_this_archive(old_site):
    """A percent-encoded Lao post_name is no slug here: the pair's English one, or <kind>-<date> as `invoke new`."""
    run_import(old_site)
    for text in markdown_files(old_site / "content").values():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", meta(text)["Slug"])
    assert meta(markdown_files(old_site / "content")["news/news-2024-08-01.lo.md"])["Title"] == "ຂ່າວ ສັ້ນ"


def test_fields_come_from_the_post_author_excerpt_tags_featured_image_and_custom_fields(old_site):
    run_import(old_site)
    files = markdown_files(old_site / "content")
    lo = meta(files["news/fibre-backbone-plan.lo.md"])
    assert lo["Title"] == "ແຜນແມ່ບົດ ສາຍໃຍແກ້ວ"
    assert lo["Date"] == "2024-05-03 09:15"
    assert lo["Author"] == "ຄຳ ພົມມະ"
    assert lo["Summary"] == "ແຜນ ໃໝ່ ຂອງກະຊວງ"
    assert lo["Tags"] == "ອິນເຕີເນັດ"  # "," has no letter: not a tag
    assert lo["Cover"] == "images/bridge.jpg"
    report = meta(files["reports/cloud-workshop.en.md"])
    assert (report["Category"], report["Venue"], report["Organisers"], report["Event_Start"]) == (
        "reports",
        "Vientiane",
        "MTC, ITU",
        "2024-06-20",
    )


MARKUP_LEFT = (
    "<!--",
    "wp:",
    "[caption",
    "[gallery",
    "[su_note",
    "wp-content",
    "&nbsp;",
    "\xa0",
    "style=",
    "<script",
    "<iframe",
    "onclick",
    "javascript:",
    "<p",
    "300x200",
)


def test_bodies_are_clean_markdown_with_no_wordpress_markup_and_nothing_that_runs(old_site):
    run_import(old_site)
    files = markdown_files(old_site / "content")
    for path, text in files.items():
        for left in MARKUP_LEFT:
            assert left not in text, (path, left, text)
    lo = files["news/fibre-backbone-plan.lo.md"]
    assert "ກະຊວງ ໄດ້ນຳສະເໜີ ແຜນແມ່ບົດ ສາຍໃຍແກ້ວ ທົ່ວປະເທດ ໃນປີນີ້." in lo  # Lao text intact, NFC
    assert "![ຂົວ ຂ້າມແມ່ນ້ຳ]({static}/images/bridge.jpg)" in lo  # the original, not the 300x200 copy
    assert "ສາຍໃຍແກ້ວ ຂ້າມແມ່ນ້ຳ" in lo  # the block's caption
    assert "[ສະບັບພາສາອັງກິດ]({filename}/news/fibre-backbone-plan.en.md)" in lo
    assert "[ແຜນ]({static}/files/plan.pdf)" in lo
    en = files["news/fibre-backbone-plan.en.md"]
    assert "The ministry presented a national fibre **backbone** plan this year.  \nIt runs along the river." in en
    assert "[![A bridge]({static}/images/bridge.jpg)]({static}/images/bridge.jpg)" in en
    assert "The cable crosses the river" in en  # the caption's text kept
    # a line break inside the classic editor's own <p> is one, as wpautop() shows it
    assert "Read the plan and  \n[the phones story]({filename}/news/village-phones.en.md)." in en
    assert "[https://video.example.org/embed/42](https://video.example.org/embed/42)" in en  # a frame: its link
    assert "Text that shows &lt;script> as words." in en  # text, not markup
    assert "({static}/images/bridge-2.jpg)" in en  # the gallery's second picture, another file of the same name
    assert "Kept words" in en
    phones = files["news/village-phones.lo.md"]
    assert (
        "[![ເສົາ]({static}/images/bridge-2.jpg)]({static}/images/bridge-2.jpg) [ຮູບ]({static}/images/bridge.jpg)"
        in phones
    )
    assert phones.endswith("\n\n![]({static}/images/bridge-2.jpg)\n")  # [gallery]: the post's own attachments
    assert "\n\n\n" not in en
    reusable = "Officials learnt to run cloud servers.\n\nແຈ້ງການ ຈາກກະຊວງ.\n"
    assert files["reports/cloud-workshop.en.md"].endswith(reusable)  # a reusable block, in the post that uses it


def test_uploads_are_copied_under_their_names_and_a_name_taken_by_another_file_gets_a_number(old_site):
    picture(str(old_site / "content" / "images" / "bridge.jpg"), "yellow")  # the archive's own, not the import's
    run_import(old_site)
    files = tree(old_site / "content")
    assert {p for p in files if not p.endswith(".md")} == {
        "images/bridge.jpg",
        "images/bridge-2.jpg",
        "images/bridge-3.jpg",
        "files/plan.pdf",
    }
    assert files["files/plan.pdf"] == (old_site / "uploads/2024/05/plan.pdf").read_bytes()
    assert files["images/bridge-2.jpg"] == (old_site / "uploads/2024/05/bridge.jpg").read_bytes()
    assert meta(files["news/fibre-backbone-plan.lo.md"].decode())["Cover"] == "images/bridge-2.jpg"


def test_a_second_run_of_the_same_import_changes_nothing(old_site):
    assert run_import(old_site)[0] == 0
    before = {
        p: (data, os.stat(old_site / "content" / p).st_mtime_ns) for p, data in tree(old_site / "content").items()
    }
    status, lines = run_import(old_site)
    assert status == 0
    after = {p: (data, os.stat(old_site / "content" / p).st_mtime_ns) for p, data in tree(old_site / "content").items()}
    assert after == before
    assert lines[:2] == [
        f"Imported from {old_site / 'export.xml'}: nothing to write",
        "  unchanged: 4 item(s), in content/ as this import writes them",
    ]


def test_a_problem_in_any_item_stops_the_whole_import_and_names_the_item(old_site):
    """A report without its venue, a picture missing from the uploads: nothing is written, every problem printed."""
    text = export().replace("<![CDATA[venue]]>", "<![CDATA[place]]>")
    text = text.replace("2024/05/plan.pdf", "2024/05/lost.pdf")
    (old_site / "export.xml").write_text(text, encoding="utf-8")
    status, lines = run_import(old_site)
    assert status == 1
    assert tree(old_site / "content") == {}
    output = "\n".join(lines)
    assert "nothing was written" in output
    assert "post 30 “Cloud workshop”: content/reports/cloud-workshop.en.md:1: missing required field Venue" in output
    assert "post 10 “ແຜນແມ່ບົດ ສາຍໃຍແກ້ວ”: /wp-content/uploads/2024/05/lost.pdf: '2024/05/lost.pdf' is not in" in output


def test_a_post_without_a_title_takes_its_first_words_and_one_in_another_language_is_left_out(old_site):
    french = item(60, "Bonjour", "<p>Un texte.</p>", lang="fr")
    text = export(extra=french).replace("<title>ຂ່າວ ສັ້ນ</title>", "<title></title>")
    (old_site / "export.xml").write_text(text, encoding="utf-8")
    status, lines = run_import(old_site)
    assert status == 0, lines
    assert meta(markdown_files(old_site / "content")["news/news-2024-08-01.lo.md"])["Title"] == ("ຂ່າວສັ້ນ ກ່ຽວກັບ ການສື່ສານ.")
    assert (
        "  note: post 31 “(no title)”: it has no title: its first words are its title, 'ຂ່າວສັ້ນ ກ່ຽວກັບ ການສື່ສານ.'" in lines
    )
    assert "posts in a language the archive does not have (fr) 1" in lines[1]


def test_a_picture_that_cannot_be_read_stops_the_import(old_site):
    (old_site / "uploads/2023/01/bridge.jpg").write_bytes(b"not a picture")
    status, lines = run_import(old_site)
    assert status == 1 and tree(old_site / "content") == {}
    broken = str(old_site / "uploads/2023/01/bridge.jpg")
    assert (
        f"  post 11 “Fibre backbone plan”: {broken}, copied to content/images/bridge-2.jpg, cannot be read as an "
        "image: its bytes are not a PNG, JPEG, GIF, WebP or AVIF image" in lines
    ), lines


def test_a_write_that_fails_part_way_takes_back_what_it_wrote(old_site, monkeypatch):
    import shutil

    from tools.importer import writing

    copied, copy = [], shutil.copyfile

    def copy_then_fail(source, target):
        if copied:
            raise OSError(28, "No space left on device", target)
        copied.append(copy(source, target))

    monkeypatch.setattr(writing.shutil, "copyfile", copy_then_fail)
    status, lines = run_import(old_site)
    assert status == 1 and copied
    assert lines[-1] == (
        f"import: {old_site / 'content/images/bridge-2.jpg'}: cannot be written (No space left on device); "
        "nothing was written"
    )
    assert tree(old_site / "content") == {}


def test_drop_missing_leaves_a_missing_upload_out_and_says_so(old_site):
    (old_site / "uploads/2024/05/plan.pdf").unlink()
    status, lines = run_import(old_site, drop_missing=True)
    assert status == 0
    assert (
        "  note: post 10 “ແຜນແມ່ບົດ ສາຍໃຍແກ້ວ”: /wp-content/uploads/2024/05/plan.pdf was left out: '2024/05/plan.pdf' "
        f"is not in the uploads folder {old_site / 'uploads'}" in lines
    ), lines
    assert "ອ່ານ [ສະບັບພາສາອັງກິດ]" in markdown_files(old_site / "content")["news/fibre-backbone-plan.lo.md"]


def test_an_item_already_in_content_is_reported_not_overwritten_unless_update(old_site):
    run_import(old_site)
    path = old_site / "content" / "news" / "village-phones.en.md"
    edited = path.read_text(encoding="utf-8").replace("Remote villages", "Far villages")
    path.write_text(edited, encoding="utf-8")
    status, lines = run_import(old_site)
    assert status == 0
    assert path.read_text(encoding="utf-8") == edited
    assert (
        "  not written: post 21 “Phones in the villages”: content/news/village-phones.en.md exists with other text "
        "(--update replaces it)" in lines
    ), lines
    status, lines = run_import(old_site, update=True)
    assert status == 0
    assert "Remote villages" in path.read_text(encoding="utf-8")


def test_a_new_item_does_not_take_the_slug_of_an_item_only_in_the_other_language(old_site):
    """Pelican would pair the two as translations of each other: the new one gets the next free slug."""
    (old_site / "content" / "news").mkdir()
    (old_site / "content" / "news" / "cloud-workshop.lo.md").write_text(
        "Title: ກອງປະຊຸມ ຄລາວ\nDate: 2023-01-01\nLang: lo\nSlug: cloud-workshop\nCategory: reports\n"
        "Event_Start: 2023-01-01\nVenue: ວຽງຈັນ\nOrganisers: ກະຊວງ\n\nບົດ.\n",
        encoding="utf-8",
    )
    assert run_import(old_site)[0] == 0
    report = meta(markdown_files(old_site / "content")["reports/cloud-workshop-2.en.md"])
    assert (report["Slug"], "Translation" in report) == ("cloud-workshop-2", False)
    assert run_import(old_site)[1][0].endswith(": nothing to write")


def test_the_kind_is_the_first_rule_that_names_a_category_of_any_version_of_the_item():
    from tools.importer.model import Post
    from tools.importer.plan import _kind

    lo = Post("post 1", "ກອງປະຊຸມ", "2024-01-01", categories=["ຂ່າວ", "khao"])
    en = Post("post 2", "Meeting", "2024-01-01", categories=["Events"])
    rules = [("events", "reports"), ("KHAO", "newspaper"), ("*", "magazine")]
    assert _kind([lo, en], rules) == "reports"
    assert _kind([lo], rules) == "newspaper"
    assert _kind([Post("post 3", "x", "2024-01-01")], rules) == "magazine"
    assert _kind([lo, en], []) == "news"


def test_dry_run_prints_what_would_be_written_and_writes_nothing(old_site):
    status, lines = run_import(old_site, dry_run=True)
    assert status == 0
    assert tree(old_site / "content") == {}
    assert "would write content/news/village-phones.lo.md (new)" in lines
    assert "would write content/images/bridge.jpg (new)" in lines


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<rss><channel><item>", "not a readable WordPress export (XML:"),
        ("<html><body>hello</body></html>", "not a WordPress export (no <rss><channel>)"),
        ("<rss><channel><title>x</title></channel></rss>", "an RSS file without WordPress's elements"),
        ('<!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel/></rss>', "not a readable WordPress export"),
    ],
)
def test_an_unreadable_export_is_one_line_naming_the_file(tmp_path, text, message):
    (tmp_path / "export.xml").write_text(text, encoding="utf-8")
    lines = []
    status = main(wordpress=str(tmp_path / "export.xml"), content=str(tmp_path / "content"), out=lines.append)
    assert status == 1
    assert lines[0].startswith(f"import: {tmp_path / 'export.xml'}: {message}"), lines


def test_control_characters_wordpress_exported_as_they_were_pasted_are_left_out(old_site):
    text = export().replace("Officials learnt", "Officials\x0b learnt")
    (old_site / "export.xml").write_text(text, encoding="utf-8")
    status, lines = run_import(old_site)
    assert status == 0, lines
    assert (
        "Officials learnt to run cloud servers." in markdown_files(old_site / "content")["reports/cloud-workshop.en.md"]
    )
    assert any(
        line.endswith(
            "1 control character(s) XML cannot hold were removed (WordPress exports what was "
            "pasted into posts as it is)"
        )
        for line in lines
    ), lines


def test_wxr_1_1_reads_as_1_2_does(old_site):
    (old_site / "export.xml").write_text(export("1.1"), encoding="utf-8")
    assert run_import(old_site)[0] == 0
    assert len(markdown_files(old_site / "content")) == 6


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "give one of --wordpress"),
        ({"wordpress": "x.xml", "kinds": ["news=essays"]}, "--kind 'news=essays': write CATEGORY=KIND"),
        ({"wordpress": "x.xml", "uploads": "/no/such/folder"}, "--uploads /no/such/folder: no such folder"),
        ({"wordpress": "/no/such/export.xml"}, "/no/such/export.xml: cannot be read"),
        ({"feed": "/no/such/feed.xml"}, "/no/such/feed.xml: no such file"),
        ({"pdfs": "/no/such/folder", "kinds": ["magazine"]}, "/no/such/folder: no such folder"),
        ({"pdfs": "/tmp", "kinds": ["news"]}, "--pdfs imports magazine or newspaper items"),
    ],
)
def test_a_mistaken_option_is_one_line(tmp_path, options, message):
    lines = []
    assert main(content=str(tmp_path), out=lines.append, **options) != 0
    assert message in lines[0], lines
