"""`invoke import`: an old site brought in as checked Markdown. A WordPress export with Polylang and WPML pairs,
block and classic markup, captions, shortcodes, featured images and every kind of entry that is not a published
post; a feed; PDFs made here. Every file is checked before any is written, a second run changes nothing, and
what was imported builds and is found by the search."""

import ctypes
import os
import re
import subprocess
import sys

import pytest
from PIL import Image

from tests.fixture_site import ROOT, build
from tools.importer import main
from tools.importer.body import expand_shortcodes, to_markdown
from tools.importer.pdfs import from_name
from tools.importer.uploads import upload_path

# --- a WordPress export, made here -----------------------------------------------------------------------------

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/{v}/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/{v}/">
<channel>
<title>ກະຊວງ</title><link>https://mtc.example.la</link>
<wp:wxr_version>{v}</wp:wxr_version><wp:base_site_url>https://mtc.example.la</wp:base_site_url>
<wp:author><wp:author_login><![CDATA[kham]]></wp:author_login>
<wp:author_display_name><![CDATA[ຄຳ ພົມມະ]]></wp:author_display_name></wp:author>
"""
TAIL = "</channel></rss>\n"


def item(
    post_id,
    title="",
    body="",
    *,
    kind="post",
    status="publish",
    name="",
    date="2024-05-03 09:15:00",
    lang=None,
    group=None,
    categories=(),
    tags=(),
    meta=None,
    excerpt="",
    link=None,
    password="",
    url="",
):
    terms = "".join(
        f'<category domain="category" nicename="{c.lower()}"><![CDATA[{c}]]></category>' for c in categories
    )
    terms += "".join(f'<category domain="post_tag" nicename="t"><![CDATA[{t}]]></category>' for t in tags)
    if lang:
        terms += f'<category domain="language" nicename="{lang}"><![CDATA[{lang}]]></category>'
    if group:
        terms += f'<category domain="post_translations" nicename="{group}"><![CDATA[{group}]]></category>'
    metas = "".join(
        f"<wp:postmeta><wp:meta_key><![CDATA[{k}]]></wp:meta_key><wp:meta_value><![CDATA[{v}]]></wp:meta_value>"
        "</wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    return f"""<item><title>{title}</title><link>{link or f"https://mtc.example.la/?p={post_id}"}</link>
<dc:creator><![CDATA[kham]]></dc:creator><guid isPermaLink="false">https://mtc.example.la/?p={post_id}</guid>
<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date><![CDATA[{date}]]></wp:post_date>
<wp:post_name><![CDATA[{name}]]></wp:post_name><wp:status><![CDATA[{status}]]></wp:status>
<wp:post_type><![CDATA[{kind}]]></wp:post_type><wp:post_password><![CDATA[{password}]]></wp:post_password>
{f"<wp:attachment_url><![CDATA[{url}]]></wp:attachment_url>" if url else ""}{terms}{metas}</item>
"""


UPLOADS = "https://mtc.example.la/wp-content/uploads"
LAO_SLUG = "%e0%ba%81%e0%ba%ad%e0%ba%87%e0%ba%9b%e0%ba%b0%e0%ba%8a%e0%ba%b8%e0%ba%a1"  # ກອງປະຊຸມ, as WordPress keeps it
# The Lao original of a Polylang pair, written with the block editor.
BLOCK_LO = f"""<!-- wp:paragraph -->
<p style="text-align:center">ກະຊວງ ໄດ້ນຳສະເໜີ ແຜນແມ່ບົດ ສາຍໃຍແກ້ວ ທົ່ວປະເທດ&nbsp;ໃນປີນີ້.</p>
<!-- /wp:paragraph -->
<!-- wp:paragraph --><p></p><!-- /wp:paragraph -->
<!-- wp:image {{"id":50,"sizeSlug":"medium"}} -->
<figure class="wp-block-image size-medium"><img src="https://cdn.mtc.example.la/wp-content/uploads/2024/05/bridge-300x200.jpg"
 alt="ຂົວ ຂ້າມແມ່ນ້ຳ" class="wp-image-50" srcset="{UPLOADS}/2024/05/bridge-300x200.jpg 300w"/>
<figcaption>ສາຍໃຍແກ້ວ ຂ້າມແມ່ນ້ຳ</figcaption></figure>
<!-- /wp:image -->
<!-- wp:paragraph -->
<p>ອ່ານ <a href="https://mtc.example.la/?p=11">ສະບັບພາສາອັງກິດ</a> ແລະ
<a href="/wp-content/uploads/2024/05/plan.pdf">ແຜນ</a>.</p>
<!-- /wp:paragraph -->"""
# Its English translation, written with the classic editor: no <p>, a caption shortcode, the usual debris.
CLASSIC_EN = f"""The ministry presented a national fibre <strong>backbone</strong> plan this year.
It runs along the river.

[caption id="attachment_50" align="aligncenter" width="300"]<a href="{UPLOADS}/2024/05/bridge.jpg">
<img class="size-medium" src="{UPLOADS}/2024/05/bridge-300x200.jpg" alt="A bridge" width="300"
 height="200" /></a> The cable crosses the river[/caption]

<p>&nbsp;</p>
<p style="color:red" onclick="steal()">Read the <a href="javascript:alert(1)">plan</a> and
<a href="https://mtc.example.la/2024/06/village-phones/#comments">the phones story</a>.</p>
<script>alert("x")</script><iframe src="https://video.example.org/embed/42"></iframe>
Text that shows &lt;script&gt; as words. [gallery ids="50,51"] [su_note]Kept words[/su_note]"""


# A picture linked to its attachment's page, and a link to another attachment's page by its id.
TOWER = (
    f'<p><a href="https://mtc.example.la/tower/"><img src="{UPLOADS}/2023/01/bridge-150x150.jpg" alt="ເສົາ"></a> '
    '<a href="/?attachment_id=50">ຮູບ</a></p>'
)


def export(version="1.2", extra=""):
    """An export of every kind of entry: what must be imported and what must not."""
    items = [
        item(50, "bridge", kind="attachment", status="inherit", url=f"{UPLOADS}/2024/05/bridge.jpg"),
        item(
            51,
            "tower",
            kind="attachment",
            status="inherit",
            url=f"{UPLOADS}/2023/01/bridge.jpg",
            link="https://mtc.example.la/tower/",
        ),
        item(
            10,
            "ແຜນແມ່ບົດ ສາຍໃຍແກ້ວ",
            BLOCK_LO,
            name=LAO_SLUG,
            lang="lo",
            group="pll_1",
            categories=["ຂ່າວ"],
            tags=["ອິນເຕີເນັດ", ","],
            excerpt="ແຜນ <b>ໃໝ່</b> ຂອງກະຊວງ",
            meta={"_thumbnail_id": "50"},
            link=f"https://mtc.example.la/{LAO_SLUG}/",
        ),
        item(
            11,
            "Fibre backbone plan",
            CLASSIC_EN,
            name="fibre-backbone-plan",
            date="2024-05-04 10:00:00",
            lang="en",
            group="pll_1",
            categories=["News"],
            tags=["internet"],
            meta={"_thumbnail_id": "50"},
        ),
        item(
            20,
            "ໂທລະສັບ ໃນໝູ່ບ້ານ",
            "<p>ໝູ່ບ້ານ ຫ່າງໄກ ມີສັນຍານ ໂທລະສັບມືຖື ແລ້ວ.</p>" + TOWER,
            name=LAO_SLUG,
            date="2024-06-10 08:00:00",
            meta={"_wpml_import_language_code": "lo", "_wpml_import_translation_group": "7"},
        ),
        item(
            21,
            "Phones in the villages",
            "<p>Remote villages now have a mobile signal.</p>",
            name="village-phones",
            date="2024-06-10 09:00:00",
            link="https://mtc.example.la/2024/06/village-phones/",
            meta={
                "_wpml_import_language_code": "en",
                "_wpml_import_translation_group": "7",
                "_wpml_import_source_language_code": "lo",
            },
        ),
        item(
            30,
            "Cloud workshop",
            "<p>Officials learnt to run cloud servers.</p>",
            name="cloud-workshop",
            categories=["Workshops"],
            lang="en",
            date="2024-07-01 09:00:00",
            meta={"venue": "Vientiane", "organisers": "MTC, ITU", "event_start": "2024-06-20"},
        ),
        item(31, "ຂ່າວ ສັ້ນ", "ຂ່າວສັ້ນ ກ່ຽວກັບ ການສື່ສານ.", name=LAO_SLUG, lang="lo", date="2024-08-01 09:00:00"),
        item(40, "Draft", "x", status="draft"),
        item(41, "Private", "x", status="private"),
        item(42, "About us", "x", kind="page"),
        item(43, "Revision", "x", kind="revision", status="inherit"),
        item(44, "Menu", "", kind="nav_menu_item"),
        item(45, "Trashed", "x", status="trash"),
        item(46, "Locked", "x", password="secret"),
        item(47, "Pending", "x", status="pending"),
        item(48, "Later", "x", status="future"),
    ]
    return HEAD.format(v=version) + "".join(items) + extra + TAIL


def picture(path, colour, size=(600, 400)):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    Image.new("RGB", size, colour).save(path)


@pytest.fixture
def old_site(tmp_path):
    """The export, the uploads folder as an operator copied it, and an empty content folder."""
    uploads = tmp_path / "uploads"
    picture(str(uploads / "2024/05/bridge.jpg"), "navy")
    picture(str(uploads / "2024/05/bridge-300x200.jpg"), "navy", (300, 200))
    picture(str(uploads / "2023/01/bridge.jpg"), "green")  # the same name, another file
    make_pdf(str(uploads / "2024/05/plan.pdf"), ["Backbone plan"])
    (tmp_path / "export.xml").write_text(export(), encoding="utf-8")
    (tmp_path / "content").mkdir()
    return tmp_path


def run_import(old_site, *extra, out=None, **options):
    lines = [] if out is None else out
    status = main(
        wordpress=str(old_site / "export.xml"),
        uploads=str(old_site / "uploads"),
        kinds=["workshops=reports", *extra],
        content=str(old_site / "content"),
        out=lines.append,
        **options,
    )
    return status, lines


def tree(folder):
    """{path: bytes} of every file under ``folder``."""
    found = {}
    for base, _dirs, names in os.walk(folder):
        for name in names:
            full = os.path.join(base, name)
            with open(full, "rb") as f:
                found[os.path.relpath(full, folder).replace(os.sep, "/")] = f.read()
    return found


def markdown_files(folder):
    return {p: data.decode() for p, data in tree(folder).items() if p.endswith(".md")}


def meta(text):
    head = text.split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


# --- PDFs, made here with PDFium ---------------------------------------------------------------------------------


def make_pdf(path, lines):
    """A one-page PDF with a text layer (PDFium's standard Helvetica: Latin letters)."""
    import pypdfium2
    import pypdfium2.raw as raw

    os.makedirs(os.path.dirname(path), exist_ok=True)
    pdf = pypdfium2.PdfDocument.new()
    page = pdf.new_page(420, 595)
    for n, line in enumerate(lines):
        text = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(20))
        raw.FPDFText_SetText(text, (ctypes.c_ushort * (len(line) + 1))(*map(ord, line), 0))
        raw.FPDFPageObj_Transform(text, 1, 0, 0, 1, 40, 520 - 30 * n)
        raw.FPDFPage_InsertObject(page.raw, text)
    raw.FPDFPage_GenerateContent(page.raw)
    pdf.save(path)
    pdf.close()


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
        "  skipped: 11 entries that are not published posts: attachments 2, drafts 1, menu items 1, pages 1, "
        "password-protected posts 1, posts pending review 1, private posts 1, revisions 1, scheduled posts 1, "
        "trashed posts 1"
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
    assert "Read the plan and\n[the phones story]({filename}/news/village-phones.en.md)." in en
    assert "[https://video.example.org/embed/42](https://video.example.org/embed/42)" in en  # a frame: its link
    assert "Text that shows &lt;script> as words." in en  # text, not markup
    assert "({static}/images/bridge-2.jpg)" in en  # the gallery's second picture, another file of the same name
    assert "Kept words" in en
    phones = files["news/village-phones.lo.md"]
    assert (
        "[![ເສົາ]({static}/images/bridge-2.jpg)]({static}/images/bridge-2.jpg) [ຮູບ]({static}/images/bridge.jpg)"
        in phones
    )
    assert "\n\n\n" not in en


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


# --- body conversion, line by line --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p>ສະບາຍດີ&nbsp;ທຸກທ່ານ</p>", "ສະບາຍດີ ທຸກທ່ານ\n"),
        ('<p><a href="javascript:alert(1)">ກົດ</a></p>', "ກົດ\n"),
        ('<p><a href="data:text/html,x">x</a> <img src="data:image/png;base64,AA" alt="ຮູບ"></p>', "x ຮູບ\n"),
        ("<p onmouseover='x()'>a</p><p></p><p> </p>", "a\n"),
        ("<h2 style='color:red'>ຫົວຂໍ້</h2>", "## ຫົວຂໍ້\n"),
        ("<ul><li>ໜຶ່ງ</li><li>ສອງ</li></ul>", "- ໜຶ່ງ\n- ສອງ\n"),
        ("<p>1 &lt; 2 &amp;amp; &lt;b&gt;</p>", "1 &lt; 2 &amp;amp; &lt;b>\n"),
        ("<p>a_b *c*</p>", "a\\_b \\*c\\*\n"),
        ("<p>[note] stays</p>", "[note] stays\n"),
        ("<p>[[caption]] is written</p>", "[caption] is written\n"),
        ("<p>He said [sic] no.</p>", "He said [sic] no.\n"),
        (
            '<!-- wp:embed --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
            "https://video.example.org/v/7\n</div></figure><!-- /wp:embed -->",
            "[https://video.example.org/v/7](https://video.example.org/v/7)\n",
        ),
        (
            '<figure class="wp-block-gallery"><figure><img src="a.jpg" alt=""></figure>'
            '<figure><img src="b.jpg" alt="ບີ"><figcaption>ຮູບ ບີ</figcaption></figure></figure>',
            "![](a.jpg)\n\n![ບີ](b.jpg)\n\nຮູບ ບີ\n",
        ),
        ("<p>[divider]</p><p>a [vc_row] b</p>", "a b\n"),
        ("<!-- wp:quote --><blockquote><p>ຄຳເວົ້າ</p></blockquote><!-- /wp:quote -->", "> ຄຳເວົ້າ\n"),
        ('<object data="x.swf"></object><svg onload="x()"><text>y</text></svg>z', "z\n"),
        ("ໜ ໝ ຳ", "ໜ ໝ ຳ\n"),  # not NFKC: ໜ stays one letter
        ("<p>[x](javascript:alert(1)) [y]: javascript:z</p>", "[x\\](javascript:alert(1)) [y\\]: javascript:z\n"),
        ("<p>ຂໍ້ຄວາມ {: onclick=x}</p>", "ຂໍ້ຄວາມ \\{: onclick=x\\}\n"),
        ("<pre><code>a < b {x}</code></pre>", "```\na < b {x}\n```\n"),
    ],
)
def test_html_to_markdown(html, markdown):
    assert to_markdown(html, lambda url, picture: url)[0] == markdown


def test_a_caption_shortcode_is_its_picture_then_its_text():
    html = expand_shortcodes('[caption id="a" width="300"]<img src="a.jpg" alt="x"> ຄຳບັນຍາຍ[/caption]')
    assert html == '<figure><img alt="x" src="a.jpg"/><figcaption>ຄຳບັນຍາຍ</figcaption></figure>'


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("https://mtc.example.la/wp-content/uploads/2024/05/a.jpg", "2024/05/a.jpg"),
        ("https://i0.wp.com/mtc.example.la/wp-content/uploads/2024/05/a.jpg?resize=300", "2024/05/a.jpg"),
        ("/wp-content/uploads/sites/2/2024/05/%E0%BA%81.pdf", "sites/2/2024/05/ກ.pdf"),
        ("https://mtc.example.la/wp-content/uploads/../../etc/passwd", None),
        ("https://mtc.example.la/2024/05/a-post/", None),
        ("https://mtc.example.la/my-wp-content/uploads/a.jpg", None),
    ],
)
def test_which_addresses_are_uploads(url, path):
    assert upload_path(url) == path


# --- feeds ---------------------------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>ຂ່າວ</title><link>https://news.example.la/</link><language>lo</language>
<item><title>ດາວທຽມ ຮັບສັນຍານ ໃໝ່</title><link>https://news.example.la/2024/09/satellite-link/</link>
<guid>https://news.example.la/?p=5</guid><pubDate>Tue, 03 Sep 2024 08:30:00 +0700</pubDate>
<dc:creator>ສລດ</dc:creator><category>ວິທະຍາສາດ</category>
<description><![CDATA[ບົດສັ້ນ…]]></description>
<content:encoded><![CDATA[<p>ສະຖານີ ພາກພື້ນດິນ ຮັບສັນຍານ ດາວທຽມ ໄດ້ຊັດເຈນ.</p>
<p><img src="https://news.example.la/wp-content/uploads/2024/09/dish-1024x683.png" alt="ຈານ"></p>
<script>x()</script>]]></content:encoded>
</item></channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Notes</title>
<link href="https://notes.example.org/"/><id>urn:notes</id><updated>2024-10-01T00:00:00Z</updated>
<entry><title>Spectrum auction results</title><link href="https://notes.example.org/spectrum-auction"/>
<id>urn:notes:1</id><updated>2024-10-01T09:00:00Z</updated><author><name>Desk</name></author>
<category term="Policy"/><summary>Short.</summary>
<content type="html">&lt;p&gt;Three operators won licences in the auction.&lt;/p&gt;</content></entry></feed>
"""


def test_a_feed_imports_each_entry_with_its_full_text(tmp_path):
    picture(str(tmp_path / "uploads/2024/09/dish.png"), "white")
    (tmp_path / "rss.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "atom.xml").write_text(ATOM, encoding="utf-8")
    content = tmp_path / "content"
    for feed in ("rss.xml", "atom.xml"):
        lines = []
        status = main(
            feed=str(tmp_path / feed), uploads=str(tmp_path / "uploads"), content=str(content), out=lines.append
        )
        assert status == 0, lines
    files = markdown_files(content)
    assert sorted(files) == ["news/satellite-link.lo.md", "news/spectrum-auction.en.md"]
    lo = files["news/satellite-link.lo.md"]
    assert meta(lo)["Date"] == "2024-09-03 01:30"  # feedparser gives UTC
    assert meta(lo)["Author"] == "ສລດ" and meta(lo)["Tags"] == "ວິທະຍາສາດ"
    assert "ສະຖານີ ພາກພື້ນດິນ ຮັບສັນຍານ ດາວທຽມ ໄດ້ຊັດເຈນ." in lo
    assert "![ຈານ]({static}/images/dish.png)" in lo and "script" not in lo and "x()" not in lo
    en = files["news/spectrum-auction.en.md"]
    assert "Three operators won licences in the auction." in en and meta(en)["Summary"] == "Short."


def test_a_file_that_is_no_feed_is_one_line(tmp_path):
    (tmp_path / "feed.xml").write_text("this is not a feed < at all", encoding="utf-8")
    lines = []
    assert main(feed=str(tmp_path / "feed.xml"), content=str(tmp_path / "c"), out=lines.append) == 1
    assert lines[0].startswith(f"import: {tmp_path / 'feed.xml'}: not a"), lines


# --- PDFs -------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "number", "date"),
    [
        ("edition-345-2026-03-05.pdf", "345", "2026-03-05"),
        ("ict-journal-14-2026-06.pdf", "14", "2026-06"),
        ("2025_07_issue_009.pdf", "9", "2025-07"),
        ("newspaper 12 20240105.pdf", "12", "2024-01-05"),
        ("scan.pdf", None, None),
    ],
)
def test_number_and_date_from_a_file_name(name, number, date):
    assert from_name(name)[:2] == (number, date)


@pytest.fixture
def back_issues(tmp_path):
    folder = tmp_path / "pdfs"
    make_pdf(str(folder / "ict-journal-14-2026-06.pdf"), ["ICT Journal 14", "Satellite downlink budgets"])
    make_pdf(str(folder / "ict-journal-15-2026-09.pdf"), ["ICT Journal 15", "Postcode registry"])
    (tmp_path / "content").mkdir(exist_ok=True)
    return tmp_path


def test_a_folder_of_pdfs_is_one_item_each_with_a_cover_drawn_from_its_first_page(back_issues):
    (back_issues / "meta.csv").write_text(
        "file,number,date,title,title_en,summary\n"
        "ict-journal-15-2026-09.pdf,15,2026-09-15,ວາລະສານ ສະບັບພິເສດ,ICT Journal special issue,ລະຫັດໄປສະນີ\n",
        encoding="utf-8",
    )
    lines = []
    status = main(
        pdfs=str(back_issues / "pdfs"),
        kinds=["magazine"],
        csv=str(back_issues / "meta.csv"),
        content=str(back_issues / "content"),
        out=lines.append,
    )
    assert status == 0, lines
    files = tree(back_issues / "content")
    assert sorted(files) == [
        "files/magazine/ict-journal-14-2026-06.pdf",
        "files/magazine/ict-journal-15-2026-09.pdf",
        "images/magazine/ict-journal-14-2026-06.jpg",
        "images/magazine/ict-journal-15-2026-09.jpg",
        "magazine/ict-journal-14.lo.md",
        "magazine/ict-journal-15.en.md",
        "magazine/ict-journal-15.lo.md",
    ]
    fourteen = meta(files["magazine/ict-journal-14.lo.md"].decode())
    assert fourteen == {
        "Title": "ວາລະສານ ໄອຊີທີ ສະບັບທີ 14",
        "Date": "2026-06-01",
        "Lang": "lo",
        "Slug": "ict-journal-14",
        "Category": "magazine",
        "Cover": "images/magazine/ict-journal-14-2026-06.jpg",
        "Issue": "14",
        "Month": "2026-06",
        "PDF": "files/magazine/ict-journal-14-2026-06.pdf",
    }
    fifteen = meta(files["magazine/ict-journal-15.en.md"].decode())
    assert (fifteen["Title"], fifteen["Date"], fifteen["Translation"]) == (
        "ICT Journal special issue",
        "2026-09-15",
        "true",
    )
    cover = Image.open(back_issues / "content" / "images/magazine/ict-journal-14-2026-06.jpg")
    assert cover.format == "JPEG" and cover.width == 1200 and cover.height > cover.width
    lines.clear()
    assert (
        main(
            pdfs=str(back_issues / "pdfs"),
            kinds=["magazine"],
            csv=str(back_issues / "meta.csv"),
            content=str(back_issues / "content"),
            out=lines.append,
        )
        == 0
    )
    assert (
        tree(back_issues / "content") == files
        and "  unchanged: 2 item(s), in content/ as this import writes them" in lines
    )


def test_newspaper_pdfs_need_no_cover_and_a_pdf_without_number_stops_the_import(back_issues):
    make_pdf(str(back_issues / "pdfs" / "front-page.pdf"), ["No number here"])
    lines = []
    args = {"pdfs": str(back_issues / "pdfs"), "kinds": ["newspaper"], "content": str(back_issues / "content")}
    assert main(out=lines.append, **args) == 1
    assert "front-page.pdf: no Edition number: put it in the file's name or the CSV" in "\n".join(lines)
    assert tree(back_issues / "content") == {}
    (back_issues / "pdfs" / "front-page.pdf").unlink()
    assert main(out=lines.append, **args) == 0
    edition = meta(tree(back_issues / "content")["newspaper/ict-journal-14.lo.md"].decode())
    assert (edition["Edition"], edition["PDF"], "Cover" in edition) == (
        "14",
        "files/newspaper/ict-journal-14-2026-06.pdf",
        False,
    )


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        ("name,number\nx.pdf,1\n", "the first line must name the columns, one of them `file`"),
        ("file,number\n,1\n", ":2: the row names no file"),
        ("file,number\nmissing.pdf,3\n", "names 'missing.pdf', which is not a PDF in"),
    ],
)
def test_a_bad_csv_is_named(back_issues, csv, message):
    (back_issues / "meta.csv").write_text(csv, encoding="utf-8")
    lines = []
    status = main(
        pdfs=str(back_issues / "pdfs"),
        kinds=["magazine"],
        csv=str(back_issues / "meta.csv"),
        content=str(back_issues / "content"),
        out=lines.append,
    )
    assert status == 1
    assert message in "\n".join(lines) and "meta.csv" in "\n".join(lines)
    assert tree(back_issues / "content") == {}


# --- the round trip: import, build, search ----------------------------------------------------------------------------


def test_what_was_imported_builds_and_the_search_finds_it(old_site, back_issues):
    from tests.test_pdf_search import found

    content = str(old_site / "content")
    assert run_import(old_site)[0] == 0
    (old_site / "rss.xml").write_text(RSS.replace("dish-1024x683.png", "dish.png"), encoding="utf-8")
    picture(str(old_site / "uploads/2024/09/dish.png"), "white")
    lines = []
    assert (
        main(feed=str(old_site / "rss.xml"), uploads=str(old_site / "uploads"), content=content, out=lines.append) == 0
    )
    assert main(pdfs=str(back_issues / "pdfs"), kinds=["magazine"], content=content, out=lines.append) == 0, lines
    site = build(content, str(old_site / "output"))
    page = (old_site / "output" / "en/news/fibre-backbone-plan.html").read_text(encoding="utf-8")
    assert "wp-content" not in page and "[caption" not in page and "<!-- wp:" not in page
    assert 'src="../../images/bridge.jpg"' in page
    lo = found(site, "", ["ແຜນແມ່ບົດ", "ສັນຍານ ດາວທຽມ", "ໂທລະສັບມືຖື"])
    assert lo["ແຜນແມ່ບົດ"][:1] == ["news/fibre-backbone-plan.html"]
    assert lo["ສັນຍານ ດາວທຽມ"][:1] == ["news/satellite-link.html"]
    assert lo["ໂທລະສັບມືຖື"][:1] == ["news/village-phones.html"]
    en = found(site, "en", ["backbone", "downlink", "cloud servers"])
    assert en["backbone"][:1] == ["news/fibre-backbone-plan.html"]
    assert en["downlink"] == [] and found(site, "", ["downlink"])["downlink"][:1] == ["magazine/ict-journal-14.html"]
    assert en["cloud servers"][:1] == ["reports/cloud-workshop.html"]


def test_invoke_import_runs_from_the_command_line(old_site):
    result = subprocess.run(
        [
            os.path.join(os.path.dirname(sys.executable), "invoke"),
            "import",
            "--wordpress",
            str(old_site / "export.xml"),
            "--uploads",
            str(old_site / "uploads"),
            "--kind",
            "workshops=reports",
            "--content",
            str(old_site / "content"),
            "--dry-run",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "would write content/news/fibre-backbone-plan.lo.md (new)" in result.stdout
    assert tree(old_site / "content") == {}
