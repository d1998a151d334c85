"""The old sites the tests of `invoke import` bring in, made here: a WordPress export of every kind of entry with
its uploads, an RSS and an Atom feed, a folder of PDFs drawn with PDFium; and helpers to read what was written.
The Lao and English texts are the tests' own."""

import ctypes
import os

from PIL import Image

from tools.importer import main

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
    parent=0,
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
<wp:post_type><![CDATA[{kind}]]></wp:post_type><wp:post_parent>{parent}</wp:post_parent><wp:post_password><![CDATA[{password}]]></wp:post_password>
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
<a href="https://www.mtc.example.la/2024/06/village-phones/#comments">the phones story</a>.</p>
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
            parent=20,
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
            "<p>ໝູ່ບ້ານ ຫ່າງໄກ ມີສັນຍານ ໂທລະສັບມືຖື ແລ້ວ.</p>" + TOWER + "\n[gallery]",
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
        item(52, "Notice", "<!-- wp:paragraph --><p>ແຈ້ງການ ຈາກກະຊວງ.</p><!-- /wp:paragraph -->", kind="wp_block"),
        item(
            30,
            "Cloud workshop",
            '<p>Officials learnt to run cloud servers.</p><!-- wp:block {"ref":52} /-->',
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


def back_issues(tmp_path):
    folder = tmp_path / "pdfs"
    make_pdf(str(folder / "ict-journal-14-2026-06.pdf"), ["ICT Journal 14", "Satellite downlink budgets"])
    make_pdf(str(folder / "ict-journal-15-2026-09.pdf"), ["ICT Journal 15", "Postcode registry"])
    (tmp_path / "content").mkdir(exist_ok=True)
    return tmp_path


# --- a WordPress export as WordPress 6.4 and Polylang 3.5 write it (Tools → Export → All content) ----------------

REALISTIC = os.path.join(os.path.dirname(__file__), "fixtures", "import", "wordpress-polylang.xml")
# The files of its uploads folder: what the posts show, WordPress's resized copies beside the originals.
REALISTIC_UPLOADS = {
    "2023/05/fibre-site.jpg": ("navy", (1600, 1067)),
    "2023/05/fibre-site-1024x683.jpg": ("navy", (1024, 683)),
    "2023/05/fibre-site-300x200.jpg": ("navy", (300, 200)),
    "2023/05/training-room.jpg": ("olive", (1200, 800)),
    "2023/05/training-room-1024x683.jpg": ("olive", (1024, 683)),
    "2023/05/students.jpg": ("teal", (1200, 800)),
    "2023/05/students-1024x683.jpg": ("teal", (1024, 683)),
    "2023/05/students-150x150.jpg": ("teal", (150, 150)),
    "2023/11/expo-hall.png": ("maroon", (900, 600)),
    "2023/11/expo-hall-300x200.png": ("maroon", (300, 200)),
    "2023/06/ຂົວ-ແມ່ນ້ຳ.jpg": ("purple", (800, 600)),
    "2023/01/cropped-site-icon-32x32.png": ("white", (32, 32)),
}


def realistic_site(tmp_path):
    """The realistic export, its uploads folder as an operator copied it from the server, an empty content/."""
    uploads = tmp_path / "uploads"
    for name, (colour, size) in REALISTIC_UPLOADS.items():
        picture(str(uploads / name), colour, size)
    make_pdf(str(uploads / "2023/06/annual-report-2023.pdf"), ["Annual report 2023"])
    (uploads / "2023/06/school-tour.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")  # a video, to be linked
    with open(REALISTIC, encoding="utf-8") as f:
        (tmp_path / "export.xml").write_text(f.read(), encoding="utf-8")
    (tmp_path / "content").mkdir()
    return tmp_path
