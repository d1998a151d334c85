"""`invoke import --wordpress` on an export as WordPress 6.4 with Polylang 3.5 writes it (tests/fixtures/import/
wordpress-polylang.xml, written apart from the importer): its head's terms, attachments with their metadata, the
block editor's markup of 2024 (nested list items, gallery images, embeds, columns, file blocks), the classic
editor's bare text, comments, every kind of entry that is not a published post; imported as an operator would,
with no option but the uploads folder; then built and searched."""

import os
import re

import pytest

from tests import import_sources as sources
from tests.fixture_site import build
from tests.import_sources import markdown_files, meta, tree
from tools.importer import body, main

realistic_site = pytest.fixture(sources.realistic_site, name="site")

ITEMS = {
    "news/ministry-opens-a-new-fibre-route-to-the-north.lo.md",  # post 110, block editor, a Lao post_name
    "news/ministry-opens-a-new-fibre-route-to-the-north.en.md",  # post 111, its translation
    "news/ict-expo-2023.lo.md",  # post 112, classic editor
    "news/ict-expo-2023.en.md",  # post 113, the same title; WordPress named it ict-expo-2023-2
    "news/news-2023-06-20.lo.md",  # post 114, Lao only, a Lao post_name
    "news/cybersecurity-meeting-warns-of-phishing-invoices.en.md",  # post 115, English only
    "news/news-2023-10-02.lo.md",  # post 116, whose translation is a draft
    "news/satellite-ground-station-tested-in-champasak.en.md",  # post 118, whose translation is pending
}
COPIED = {
    "images/fibre-site.jpg",
    "images/training-room.jpg",
    "images/students.jpg",
    "images/expo-hall.png",
    "images/ຂົວ-ແມ່ນ້ຳ.jpg",
    "files/annual-report-2023.pdf",
    "files/school-tour.mp4",
}
# What WordPress writes that no Markdown of the archive holds.
WORDPRESS_LEFT = (
    *("<!--", "wp:", "wp-block", "wp-image", "wp-element", "size-large", "aligncenter", "has-background"),
    *("[caption", "[/caption", "[gallery", "[embed", "pll_", "&nbsp;", "\xa0", "style=", "class=", "<span", "<p"),
    *("<figure", "<object", "<div", "<br", "wp-content", "i0.wp.com", "1024x683", "300x200", "150x150", "?p="),
    *("attachment_id", "&#8220;", "&amp;#", "](#", "data-fn"),
)


def run(site, out=None, **options):
    lines = [] if out is None else out
    status = main(
        wordpress=str(site / "export.xml"),
        uploads=str(site / "uploads"),
        content=str(site / "content"),
        out=lines.append,
        **options,
    )
    return status, lines


def imported(site):
    status, lines = run(site)
    assert status == 0, lines
    return markdown_files(site / "content")


def test_every_published_post_is_one_item_and_nothing_else_is(site):
    status, lines = run(site)
    assert status == 0, lines
    assert set(markdown_files(site / "content")) == ITEMS
    assert {p for p in tree(site / "content") if not p.endswith(".md")} == COPIED
    assert lines[0].startswith(
        f"Imported from {site / 'export.xml'}: 6 item(s) were written as 8 Markdown file(s) (en 4, lo 4; 2 item(s) "
        "with a translation), 7 file(s) were copied into content/"
    )
    assert lines[1] == (
        "  skipped: 20 entries that are not published posts: attachments 7, drafts 2, menu items 1, pages 1, "
        "post type custom_css 1, post type oembed_cache 1, post type wp_global_styles 1, post type wp_navigation 1, "
        "posts pending review 1, private posts 1, revisions 1, scheduled posts 1, trashed posts 1"
    )


def test_polylang_pairs_are_an_original_and_its_translation(site):
    files = {path: meta(text) for path, text in imported(site).items()}
    for slug in ("ministry-opens-a-new-fibre-route-to-the-north", "ict-expo-2023"):
        lo, en = files[f"news/{slug}.lo.md"], files[f"news/{slug}.en.md"]
        assert (lo["Lang"], lo["Slug"], "Translation" in lo) == ("lo", slug, False)
        assert (en["Lang"], en["Slug"], en["Translation"]) == ("en", slug, "true")
    for alone in ("news/news-2023-10-02.lo.md", "news/satellite-ground-station-tested-in-champasak.en.md"):
        assert "Translation" not in files[alone]  # its translation is a draft or pending: not imported


def test_a_pair_named_only_in_the_exports_translation_terms_is_a_pair(site):
    """Polylang's group is also the description of its post_translations term in the export's head (a PHP array of
    language => post id): a post whose own terms were lost still finds its translation and its language."""
    text = (site / "export.xml").read_text(encoding="utf-8")
    start = text.index("<wp:post_id>113</wp:post_id>")  # the English ICT Expo: no language, no group of its own
    end = text.index("</item>", start)
    post = re.sub(r'\s*<category domain="(?:language|post_translations)"[^>]*>.*?</category>', "", text[start:end])
    assert "pll_" not in post and "English" not in post
    (site / "export.xml").write_text(text[:start] + post + text[end:], encoding="utf-8")
    files = {path: meta(text) for path, text in imported(site).items()}
    assert files["news/ict-expo-2023.en.md"]["Translation"] == "true"
    assert set(files) == ITEMS


def test_fields_of_each_version(site):
    files = imported(site)
    lo = meta(files["news/ministry-opens-a-new-fibre-route-to-the-north.lo.md"])
    assert lo["Title"] == "ກະຊວງ ເປີດນຳໃຊ້ ສາຍໃຍແກ້ວ ເສັ້ນໃໝ່ ສູ່ພາກເໜືອ"
    assert (lo["Date"], lo["Author"], lo["Tags"], lo["Cover"]) == (
        "2023-05-15 09:30",
        "ສຸລິຍາ ວົງໄຊ",
        "ອິນເຕີເນັດ",
        "images/fibre-site.jpg",
    )
    en = meta(files["news/ministry-opens-a-new-fibre-route-to-the-north.en.md"])
    assert en["Cover"] == "images/fibre-site.jpg"  # Polylang's copy of the attachment: the same file
    assert en["Summary"] == "A 580 km fibre route now reaches Oudomxay."  # no space where </strong> was
    assert en["Author"] == "Noy Sengdara"
    phishing = meta(files["news/cybersecurity-meeting-warns-of-phishing-invoices.en.md"])
    assert phishing["Title"] == "Cybersecurity meeting warns of phishing “invoices”"
    assert meta(files["news/ict-expo-2023.lo.md"])["Cover"] == "images/expo-hall.png"


def test_no_wordpress_markup_is_left_and_the_text_is_all_there(site):
    files = imported(site)
    for path, text in files.items():
        for left in WORDPRESS_LEFT:
            assert left not in text, (path, left, text)
    block = files["news/ministry-opens-a-new-fibre-route-to-the-north.lo.md"]
    for part in (
        "ຢ່າງເປັນທາງການ ໃນ\u200bວັນ\u200bທີ 15 ພຶດສະພາ.",
        # the picture, with its attachment's alt text (the block has none), then its caption
        "![ຊ່າງ ວາງສາຍ ໃຍແກ້ວ]({static}/images/fibre-site.jpg)\n\nຊ່າງເຕັກນິກ ກຳລັງ ຕໍ່ສາຍ ຢູ່ ເມືອງ ໄຊ",
        "## ຄວາມໄວ ແລະ ຄວາມໝັ້ນຄົງ",
        "- ແຂວງ ຫຼວງພະບາງ\n- ແຂວງ ອຸດົມໄຊ\n- ແຂວງ ຫຼວງນ້ຳທາ",
        "> ພວກເຮົາ ຕ້ອງການ",
        "![ຫ້ອງຝຶກອົບຮົມ]({static}/images/training-room.jpg)",  # the gallery, its pictures' originals
        "[![ນັກຮຽນ]({static}/images/students.jpg)]({static}/images/students.jpg)",  # linked to its attachment page
        "ການຝຶກອົບຮົມ ພະນັກງານ ເຕັກນິກ",
        "[https://www.youtube.com/watch?v=Xq3bF0Lk2aM](https://www.youtube.com/watch?v=Xq3bF0Lk2aM)",
        "ໂຄງການ ໄດ້ຮັບ ທຶນ",  # the columns' text
        "ໄລຍະທີສອງ ຈະ ໄປເຖິງ ແຂວງ ຜົ້ງສາລີ.",
        "[ແບ່ງປັນ]({filename}/news/ministry-opens-a-new-fibre-route-to-the-north.en.md)",
    ):
        assert part in block, part
    en = files["news/ministry-opens-a-new-fibre-route-to-the-north.en.md"]
    assert "[annual report]({static}/files/annual-report-2023.pdf)" in en
    assert "[Lao version]({filename}/news/ministry-opens-a-new-fibre-route-to-the-north.lo.md)" in en  # raw UTF-8
    assert "> Every district hospital should have a stable connection." in en
    assert "| Length | 580 km |" in en
    # the block editor's footnote: its mark a number, its text (kept in a custom field) where its block is
    assert "northern subscribers know well[1]. Read the" in en
    assert en.endswith(
        "\n\n1. Outage figures from the [operators' joint statement]"
        "({filename}/news/ministry-opens-a-new-fibre-route-to-the-north.en.md).\n"
    )
    classic = files["news/ict-expo-2023.lo.md"]
    for part in (
        "ນະຄອນຫຼວງ ວຽງຈັນ ໃນລະຫວ່າງ",  # &nbsp;
        "\n\nມີ ບໍລິສັດ ເຂົ້າຮ່ວມ",  # a blank line: a paragraph; the <span style> gone, its text kept
        "[![ຫ້ອງວາງສະແດງ]({static}/images/expo-hall.png)]({static}/images/expo-hall.png)\n\nຫ້ອງວາງສະແດງ ຊັ້ນລຸ່ມ",
        "**ເປີດ\u200bໃຫ້\u200bເຂົ້າ\u200bຊົມ\u200bຟຣີ**",
        "ກິດຈະກຳ ທີ່ໜ້າສົນໃຈ:\n\n- ການແຂ່ງຂັນ",  # text, then a list: a paragraph of its own
        "### ຕິດຕໍ່\n\nໂທ: 021 000 000  \nອີເມວ: expo@ict.example.la\n",  # text after a heading, its line break
    ):
        assert part in classic, part
    assert "### Highlights\n\n1. A programming contest" in files["news/ict-expo-2023.en.md"]
    assert (
        "Phone: 021 000 000  \nEmail: [expo@ict.example.la](mailto:expo@ict.example.la)"
        in files["news/ict-expo-2023.en.md"]
    )
    phishing = files["news/cybersecurity-meeting-warns-of-phishing-invoices.en.md"]
    assert "a fake invoice  \ncarries a link" in phishing
    # an upload's address written out in the text, or as a link's text: a link to the file, named by its name
    assert (
        "The slides are at [annual-report-2023.pdf]({static}/files/annual-report-2023.pdf), with the "
        "[students.jpg]({static}/images/students.jpg) photo." in phishing
    )
    assert "[northern fibre route]({filename}/news/ministry-opens-a-new-fibre-route-to-the-north.lo.md)" in phishing
    assert "![Students at a training]({static}/images/students.jpg)" in phishing  # Jetpack's CDN address
    # links by another permalink structure or by an old slug (_wp_old_slug), which WordPress redirects
    assert (
        "ເບິ່ງ [ເສັ້ນທາງ ພາກເໜືອ]({filename}/news/ministry-opens-a-new-fibre-route-to-the-north.en.md) ແລະ "
        "[ກອງປະຊຸມ]({filename}/news/cybersecurity-meeting-warns-of-phishing-invoices.en.md)."
    ) in files["news/news-2023-10-02.lo.md"]
    lone = files["news/news-2023-06-20.lo.md"]
    assert "![ຂົວ ຂ້າມ ແມ່ນ້ຳ ໄປ ໂຮງຮຽນ]({static}/images/ຂົວ-ແມ່ນ້ຳ.jpg)" in lone  # a Lao file name
    assert "[ບົດລາຍງານ ປະຈຳປີ 2023]({static}/files/annual-report-2023.pdf)" in lone
    # [gallery ids=…]: its pictures, with their attachments' alt text where they have one
    assert "![]({static}/images/training-room.jpg)\n\n![ນັກຮຽນ ໃນ ຫ້ອງ ຄອມພິວເຕີ]({static}/images/students.jpg)" in lone
    assert "[school-tour.mp4]({static}/files/school-tour.mp4)\n\nນັກຮຽນ ພາທ່ຽວຊົມ ໂຮງຮຽນ" in lone  # a video block


def test_a_second_import_changes_nothing(site):
    assert run(site)[0] == 0
    before = {p: (data, os.stat(site / "content" / p).st_mtime_ns) for p, data in tree(site / "content").items()}
    status, lines = run(site)
    assert status == 0, lines
    assert lines[:2] == [
        f"Imported from {site / 'export.xml'}: nothing to write",
        "  unchanged: 6 item(s), in content/ as this import writes them",
    ]
    after = {p: (data, os.stat(site / "content" / p).st_mtime_ns) for p, data in tree(site / "content").items()}
    assert after == before


def test_the_imported_archive_builds_shows_its_pictures_and_is_found(site, tmp_path):
    from tests.test_pdf_search import found

    imported(site)
    output = build(str(site / "content"), str(tmp_path / "output"))
    pages = {p: data.decode() for p, data in tree(output).items() if p.endswith(".html")}
    for path in ("news/ministry-opens-a-new-fibre-route-to-the-north.html", "en/news/ict-expo-2023.html"):
        assert path in pages
    for path, page in pages.items():
        for left in ("wp-content", "<!-- wp:", "[caption", "[gallery", "[embed", "wp-block", "wp-image", "pll_"):
            assert left not in page, (path, left)
    for name in COPIED:
        assert os.path.isfile(os.path.join(output, name)), name
    page = pages["news/news-2023-06-20.html"]
    assert re.search(r'<img alt="ຂົວ ຂ້າມ ແມ່ນ້ຳ ໄປ ໂຮງຮຽນ" src="\.\./images/ຂົວ-ແມ່ນ້ຳ\.jpg"', page)
    lo = found(output, "", ["ສາຍໃຍແກ້ວ", "ງານວາງສະແດງ", "ບ້ານນາ", "ຊ່າງເຕັກນິກ", "ຫ້ອງວາງສະແດງ", "ເຂົ້າຊົມ"])
    assert lo == {
        "ສາຍໃຍແກ້ວ": ["news/ministry-opens-a-new-fibre-route-to-the-north.html"],
        "ງານວາງສະແດງ": ["news/ict-expo-2023.html"],
        "ບ້ານນາ": ["news/news-2023-06-20.html"],
        "ຊ່າງເຕັກນິກ": ["news/ministry-opens-a-new-fibre-route-to-the-north.html"],  # a picture's caption
        "ຫ້ອງວາງສະແດງ": ["news/ict-expo-2023.html"],  # a [caption]'s text
        "ເຂົ້າຊົມ": ["news/ict-expo-2023.html"],  # typed without the zero-width spaces the post has
    }
    en = found(output, "en", ["Oudomxay", "phishing", "exhibition", "splicing", "Champasak", "hospital"])
    assert {query: urls[:1] for query, urls in en.items()} == {
        "Oudomxay": ["news/ministry-opens-a-new-fibre-route-to-the-north.html"],
        "phishing": ["news/cybersecurity-meeting-warns-of-phishing-invoices.html"],
        "exhibition": ["news/ict-expo-2023.html"],
        "splicing": ["news/ministry-opens-a-new-fibre-route-to-the-north.html"],
        "Champasak": ["news/satellite-ground-station-tested-in-champasak.html"],
        "hospital": ["news/ministry-opens-a-new-fibre-route-to-the-north.html"],
    }


def test_a_big_upload_is_found_as_wordpress_renamed_it(site):
    """WordPress 5.3+ keeps a large picture as photo.jpg and shows photo-scaled.jpg; an operator's copy of the
    uploads may hold either."""
    os.rename(site / "uploads/2023/05/students.jpg", site / "uploads/2023/05/students-scaled.jpg")
    files = imported(site)
    assert (
        "[![ນັກຮຽນ]({static}/images/students-scaled.jpg)]"
        in files["news/ministry-opens-a-new-fibre-route-to-the-north.lo.md"]
    )


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("A 580&nbsp;km route reaches <strong>Oudomxay</strong>.", "A 580 km route reaches Oudomxay."),
        ("ສາຍ<b>ໃຍແກ້ວ</b> ໃໝ່", "ສາຍໃຍແກ້ວ ໃໝ່"),  # a Lao word half in bold stays one word
        ("<p>One.</p><p>Two.</p>", "One. Two."),
        ("Line<br>break", "Line break"),
        ("Title <script>alert(1)</script>", "Title"),
    ],
)
def test_plain_text_of_a_title_or_excerpt(html, text):
    assert body.plain_text(html) == text


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("One\ntwo\n\nThree", "<p>One<br>\ntwo</p>\n<p>Three</p>"),
        ("Intro:\n<ul>\n\t<li>a</li>\n</ul>\nAfter", "<p>Intro:</p>\n<ul>\n<li>a</li>\n</ul>\n<p>After</p>"),
        ("<h3>Call</h3>\nPhone\nMail", "<h3>Call</h3>\n<p>Phone<br>\nMail</p>"),
        ("<p>Kept\nbreak</p>", "<p>Kept<br>\nbreak</p>"),
        ("<pre>a\n\nb</pre>", "<pre>a\n\nb</pre>"),
    ],
)
def test_autop_reads_the_classic_editor_as_wordpress_does(text, html):
    assert body.autop(text) == html


def test_a_picture_whose_original_is_missing_is_its_largest_resized_copy(site):
    """An uploads folder cleaned of originals (a plugin that deletes them, a partial copy) still has WordPress's
    resized copies: the largest one stands for the picture, wherever the post names it."""
    os.remove(site / "uploads/2023/05/fibre-site.jpg")
    files = imported(site)
    en = files["news/ministry-opens-a-new-fibre-route-to-the-north.en.md"]
    assert "[![Workers laying the fibre cable]({static}/images/fibre-site-1024x683.jpg)]" in en
    assert "({static}/images/fibre-site-1024x683.jpg)" in en  # the link to the original, too
    assert meta(en)["Cover"] == "images/fibre-site-1024x683.jpg"  # the featured image: the attachment's URL
    assert "images/fibre-site-300x200.jpg" not in tree(site / "content")


@pytest.mark.parametrize(
    ("address", "found"),
    [
        ("2023/05/photo-300x200.jpg", "2023/05/photo.jpg"),  # a resized copy: its original
        ("2023/05/big-1024x683.jpg", "2023/05/big-scaled.jpg"),  # WordPress 5.3+: the copy it shows of a big one
        ("2023/05/big.jpg", "2023/05/big-scaled.jpg"),
        ("2023/05/lost.jpg", "2023/05/lost-1024x683.jpg"),  # no original: its largest resized copy
        ("2023/05/lost-768x512.jpg", "2023/05/lost-1024x683.jpg"),
        ("2023/05/lost-300x200.jpg", "2023/05/lost-300x200.jpg"),  # the copy named, when it is there
        ("sites/3/2023/05/photo.jpg", "2023/05/photo.jpg"),  # a network's site, its own uploads folder given
        ("2023/05/none.jpg", None),
    ],
)
def test_which_file_of_the_uploads_folder_an_address_names(tmp_path, address, found):
    from tools.importer.uploads import Uploads

    for name in ("photo.jpg", "photo-300x200.jpg", "big-scaled.jpg", "lost-300x200.jpg", "lost-1024x683.jpg"):
        (tmp_path / "2023/05").mkdir(parents=True, exist_ok=True)
        (tmp_path / "2023/05" / name).write_bytes(name.encode())
    file, why = Uploads(str(tmp_path), str(tmp_path / "content"), "images", "files").find(address)
    assert (os.path.relpath(file, tmp_path) if file else None) == found
    assert (why is None) == (found is not None)


@pytest.mark.parametrize("before", [b"\xef\xbb\xbf", b"\n\n", b"\xef\xbb\xbf\r\n  "])
def test_a_blank_line_or_a_byte_order_mark_before_the_xml_declaration_is_read_past(site, before):
    """A theme or plugin that prints a blank line on every request puts it before the export's <?xml …?> too."""
    (site / "export.xml").write_bytes(before + (site / "export.xml").read_bytes())
    assert set(imported(site)) == ITEMS


def test_an_item_of_content_with_the_same_slug_and_another_date_is_another_item(site):
    """The archive has an ICT Expo of its own (2022): the old site's (2023) is imported beside it, not reported as
    an edited copy of it; and a second import finds it where the first put it."""
    news = site / "content" / "news"
    news.mkdir()
    for lang, title in (("lo", "ງານວາງສະແດງ 2022"), ("en", "ICT Expo 2022")):
        translation = "Translation: true\n" if lang == "en" else ""
        (news / f"ict-expo-2023.{lang}.md").write_text(
            f"Title: {title}\nDate: 2022-11-10\nLang: {lang}\nSlug: ict-expo-2023\nCategory: news\n{translation}\n"
            "ບົດ.\n",
            encoding="utf-8",
        )
    files = imported(site)
    assert {p for p in files if "ict-expo" in p} == {
        "news/ict-expo-2023.lo.md",
        "news/ict-expo-2023.en.md",
        "news/ict-expo-2023-2.lo.md",
        "news/ict-expo-2023-2.en.md",
    }
    assert meta(files["news/ict-expo-2023-2.en.md"])["Date"] == "2023-11-10 10:00"
    status, lines = run(site)
    assert (status, lines[1]) == (0, "  unchanged: 6 item(s), in content/ as this import writes them")
