"""Pictures made for phones: WebP thumbnails of raster covers and pages, a PDF's first page, SVG as it is, each with
its width and height; made once and kept in a cache; a picture that cannot be read stops the build."""

import logging
import os
import re
import shutil
from types import SimpleNamespace

import pytest
from PIL import Image

from archive import ContentError, processes
from archive.schema import Schema
from images import pictured_files, thumbs
from tests.fixture_site import FIXTURE, build

PDF = os.path.join(os.path.dirname(__file__), "fixtures", "pdf", "lao-news.pdf")
THUMBS = "thumbs/"  # the site's folder of thumbnails (SiteLayout.thumbs)


def png(path, size):
    Image.new("RGB", size, (7, 55, 99)).save(path)
    return str(path)


def test_a_raster_image_gets_webp_copies_up_to_its_own_width(tmp_path):
    picture = thumbs.plan(png(tmp_path / "c.png", (900, 1200)), "images/c.png", folder=THUMBS)
    assert (picture.src, picture.width, picture.height) == ("images/c.png", 900, 1200)
    assert [w for w, _ in picture.webp] == [160, 320, 400, 640, 900]
    small = thumbs.plan(png(tmp_path / "s.png", (200, 100)), "images/s.png", folder=THUMBS)
    assert [w for w, _ in small.webp] == [160, 200]


def test_a_jpeg_is_its_own_widest_candidate_and_gets_no_webp_of_its_width(tmp_path):
    scan = str(tmp_path / "p.jpg")
    Image.new("RGB", (1240, 1754), (90, 90, 90)).save(scan)
    picture = thumbs.plan(scan, "images/p.jpg", folder=THUMBS)
    assert picture.webp[-1] == (1240, "images/p.jpg")
    assert [w for w, _ in picture.webp[:-1]] == [160, 320, 400, 640] and all(
        n.endswith(".webp") for _, n in picture.webp[:-1]
    )
    assert sorted(width for _source, width, _format in picture.made.values()) == [160, 320, 400, 640]
    wide = str(tmp_path / "w.jpg")
    Image.new("RGB", (2000, 1000)).save(wide)
    assert (
        thumbs.plan(wide, "images/w.jpg", folder=THUMBS).webp[-1][0] == 1280
    )  # wider than 1280: a WebP at 1280, as before


def test_an_svg_stays_an_svg_with_its_size(tmp_path):
    (tmp_path / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"/>')
    (tmp_path / "b.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 48"></svg>')
    assert (
        thumbs.plan(str(tmp_path / "a.svg"), "a.svg", folder=THUMBS).width,
        thumbs.plan(str(tmp_path / "a.svg"), "a.svg", folder=THUMBS).height,
    ) == (
        600,
        800,
    )
    b = thumbs.plan(str(tmp_path / "b.svg"), "b.svg", folder=THUMBS)
    assert (b.src, b.width, b.height, b.webp) == ("b.svg", 64, 48, [])


def test_a_pdf_is_shown_by_its_first_page(tmp_path):
    picture = thumbs.plan(PDF, "files/x.pdf", folder=THUMBS)
    assert picture.src.endswith("-page1.jpg") and picture.width == thumbs.PDF_WIDTH
    assert 1.3 < picture.height / picture.width < 1.5  # an A4 page
    thumbs.write(picture.made, str(tmp_path / "site"), str(tmp_path / "cache"))
    with Image.open(tmp_path / "site" / picture.src) as page:
        assert (page.format, page.size) == ("JPEG", (picture.width, picture.height))


def test_a_pdf_is_drawn_by_its_first_page_only_for_an_item_without_page_images():
    schema = Schema(("lo", "en"))

    def pictured(**metadata):
        return pictured_files(SimpleNamespace(metadata=metadata), schema)

    # an edition with page images: its first page image is its front page, and the PDF's is shown nowhere
    assert pictured(pages="images/p-1.jpg, images/p-2.jpg", pdf="files/x.PDF") == ["images/p-1.jpg", "images/p-2.jpg"]
    assert pictured(pdf="files/x.pdf") == ["files/x.pdf"]  # an edition of a PDF alone: its first page
    assert pictured(cover="images/c.png", pdf="files/x.pdf") == ["images/c.png", "files/x.pdf"]
    assert pictured() == []


def test_an_edition_of_a_pdf_alone_shows_its_first_page_even_with_a_cover(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    edition = tmp_path / "content" / "newspaper" / "edition-211.lo.md"
    edition.write_text(edition.read_text().replace("PDF: ", "Cover: images/fibre-map.png\nPDF: "))
    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    for page in ("newspaper/edition-211.html", "newspaper/index.html", "index.html"):
        with open(os.path.join(output, page), encoding="utf-8") as f:
            html = f.read()
        assert "-page1.jpg" in html and not re.search(r'<img [^>]*src="[^"]*\.pdf"', html), page


def test_a_page_image_gets_no_copy_wider_than_its_edition_shows_it(tmp_path):
    scan = str(tmp_path / "p.jpg")
    Image.new("RGB", (2480, 3508), (90, 90, 90)).save(scan)  # a page scanned at 300 dpi
    page = thumbs.plan(scan, "images/p.jpg", folder=THUMBS, widest=thumbs.PAGE_WIDEST)
    assert [w for w, _ in page.webp] == [160, 320, 400, 640]
    assert max(width for _source, width, _format in page.made.values()) == 640
    assert thumbs.plan(scan, "images/p.jpg", folder=THUMBS).webp[-1][0] == 1280  # a cover's, shown wider


def test_an_editions_wide_page_is_shown_by_copies_up_to_640_px_unless_it_is_also_a_cover(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    png(tmp_path / "content" / "images" / "edition-210-2.png", (2480, 3508))

    def widths(page, path):
        with open(os.path.join(output, page), encoding="utf-8") as f:
            html = f.read()
        srcset = re.search(rf'srcset="([^"]*)"[^>]*><img src="[^"]*{re.escape(path)}"', html).group(1)
        return [int(w) for w in re.findall(r" (\d+)w", srcset)]

    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert widths("newspaper/edition-210.html", "images/edition-210-2.png") == [160, 320, 400, 640]
    assert not any(name.endswith("-1280.webp") for name in os.listdir(os.path.join(output, "thumbs")))
    # shown in its own edition's text too, as wide as the column: its copies go to 1280 px
    edition = tmp_path / "content" / "newspaper" / "edition-210.lo.md"
    original = edition.read_text()
    edition.write_text(original + "\n![ໜ້າ 2]({static}/images/edition-210-2.png)\n")
    output = build(str(tmp_path / "content"), str(tmp_path / "output2"))
    assert widths("newspaper/edition-210.html", "images/edition-210-2.png") == [160, 320, 400, 640, 1280]
    # or another item's cover
    edition.write_text(original)
    news = tmp_path / "content" / "news" / "fibre-backbone.en.md"
    news.write_text(news.read_text().replace("images/fibre-map.png", "images/edition-210-2.png"))
    output = build(str(tmp_path / "content"), str(tmp_path / "output3"))
    assert widths("newspaper/edition-210.html", "images/edition-210-2.png") == [160, 320, 400, 640, 1280]


def test_thumbnails_are_made_once_and_then_come_from_the_cache(tmp_path):
    picture = thumbs.plan(png(tmp_path / "c.png", (900, 1200)), "images/c.png", folder=THUMBS)
    assert thumbs.write(picture.made, str(tmp_path / "one"), str(tmp_path / "cache")) == 5
    assert thumbs.write(picture.made, str(tmp_path / "two"), str(tmp_path / "cache")) == 0
    for width, name in picture.webp:
        with Image.open(tmp_path / "two" / name) as thumb:
            assert (thumb.format, thumb.width) == ("WEBP", width)


def test_a_cover_that_is_no_image_stops_the_build_naming_file_and_field(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    (tmp_path / "content" / "images" / "fibre-map.png").write_bytes(b"GIF89a not really")
    with pytest.raises(ContentError) as failure:
        build(str(tmp_path / "content"), str(tmp_path / "output"))
    message = (
        "Cover 'images/fibre-map.png' cannot be read as an image: its bytes are not a PNG, JPEG, GIF, WebP or AVIF"
    )
    assert f"news/fibre-backbone.en.md:11: {message}" in str(failure.value)
    assert f"news/fibre-backbone.lo.md:10: {message}" in str(failure.value)


def test_an_image_in_a_body_becomes_a_picture_with_its_size(tmp_path):
    picture = thumbs.plan(png(tmp_path / "m.png", (800, 400)), "images/m.png", folder=THUMBS)
    body = '<p>Map:</p><p><img alt="ແຜນທີ່" src="{static}/images/m.png" /></p><img src="https://x.la/y.png">'
    html = thumbs.with_pictures(body, {"images/m.png": picture}, "../")
    assert thumbs.body_images(body) == ["images/m.png"]
    assert '<img alt="ແຜນທີ່" src="{static}/images/m.png" width="800" height="400" loading="lazy">' in html
    assert 'srcset="../thumbs/' in html and html.count("<picture>") == 1
    assert html.endswith('<img src="https://x.la/y.png">')  # not the site's: as it was


def test_the_fixture_articles_body_image_is_served_as_webp_for_phones(tmp_path):
    output = build(FIXTURE, str(tmp_path / "output"))
    with open(os.path.join(output, "news", "cyber-drill.html"), encoding="utf-8") as f:
        page = f.read()
    assert '<source type="image/webp" srcset="../thumbs/' in page
    assert 'src="../images/fibre-map.png" width="1200" height="675" loading="lazy"' in page


def test_thumbnails_are_made_on_every_core_each_once(tmp_path):
    made = {}
    for n in range(4):
        made.update(thumbs.plan(png(tmp_path / f"c{n}.png", (700, 900 + n)), f"images/c{n}.png", folder=THUMBS).made)
    assert thumbs.write(made, str(tmp_path / "site"), str(tmp_path / "cache"), workers=2) == 4 * 5
    assert thumbs.write(made, str(tmp_path / "again"), str(tmp_path / "cache"), workers=2) == 0
    assert sorted(os.listdir(tmp_path / "cache")) == sorted(os.path.basename(name) for name in made)  # no parts left
    for name, (_source, width, _format) in made.items():
        with Image.open(tmp_path / "again" / name) as thumb:
            assert (thumb.format, thumb.width) == ("WEBP", width)


class Opened:
    """Counts what the build opens as a picture or a PDF, and the sources whose bytes it hashes."""

    def __init__(self, monkeypatch):
        import pypdfium2

        self.files = []
        for module, name in ((Image, "open"), (pypdfium2, "PdfDocument"), (thumbs, "digest")):
            monkeypatch.setattr(module, name, self.counting(getattr(module, name)))

    def counting(self, function):
        def counted(path, *args, **kwargs):
            self.files.append(os.path.basename(str(path)))
            return function(path, *args, **kwargs)

        return counted


def in_process(tmp_path):
    """The settings of a build that does all its work in this process (the search too) and keeps its caches."""
    cache = str(tmp_path / "cache")
    return {"CACHE_PATH": cache, "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "LAO_SEARCH_BACKGROUND": False}


def test_a_build_with_nothing_changed_opens_no_picture_or_pdf(tmp_path, monkeypatch):
    shutil.copytree(FIXTURE, tmp_path / "content")
    build(str(tmp_path / "content"), str(tmp_path / "cold"), **in_process(tmp_path))
    opened = Opened(monkeypatch)
    build(str(tmp_path / "content"), str(tmp_path / "warm"), **in_process(tmp_path))
    assert opened.files == []
    assert os.listdir(tmp_path / "warm" / "thumbs") == os.listdir(tmp_path / "cold" / "thumbs")


def test_a_changed_picture_is_read_again_and_its_thumbnails_made_anew(tmp_path, monkeypatch):
    shutil.copytree(FIXTURE, tmp_path / "content")
    build(str(tmp_path / "content"), str(tmp_path / "one"), **in_process(tmp_path))
    png(tmp_path / "content" / "images" / "fibre-map.png", (600, 300))  # new bytes, new size, new time of change
    opened = Opened(monkeypatch)
    output = build(str(tmp_path / "content"), str(tmp_path / "two"), **in_process(tmp_path))
    assert set(opened.files) == {"fibre-map.png"}
    with open(os.path.join(output, "news", "cyber-drill.html"), encoding="utf-8") as f:
        assert 'src="../images/fibre-map.png" width="600" height="300" loading="lazy"' in f.read()
    assert set(os.listdir(tmp_path / "two" / "thumbs")) != set(os.listdir(tmp_path / "one" / "thumbs"))


def test_a_picture_damaged_after_a_good_build_still_stops_the_next(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    build(str(tmp_path / "content"), str(tmp_path / "one"), CACHE_PATH=str(tmp_path / "cache"))
    (tmp_path / "content" / "images" / "fibre-map.png").write_bytes(b"\x89PNG cut short")
    for attempt in ("learnt", "kept"):  # the second time the answer comes from the cache, in the same words
        with pytest.raises(ContentError) as failure:
            build(str(tmp_path / "content"), str(tmp_path / attempt), CACHE_PATH=str(tmp_path / "cache"))
        assert "news/fibre-backbone.en.md:11: Cover 'images/fibre-map.png' cannot be read as an image" in str(
            failure.value
        )


def test_a_build_makes_its_thumbnails_in_processes_started_before_it_read_the_content(tmp_path, monkeypatch):
    """Forked while the build is small (thumbs.workers): a process forked once every article is read counts the
    build's whole memory as its own too. They make the same thumbnails as processes started for them."""
    from pelican.readers import Readers

    reads, started, given = [], [], []
    read_file, workers, encoding = Readers.read_file, thumbs.workers, thumbs.Encoding

    def reading(self, *args, **kwargs):
        reads.append(args)
        return read_file(self, *args, **kwargs)

    def starting(count=None):
        pool = workers(count)
        started.append((pool, len(reads)))
        return pool

    def encoding_with(made, cache, workers=None, pool=None):
        given.append(pool)
        return encoding(made, cache, workers, pool)

    monkeypatch.setattr(Readers, "read_file", reading)
    monkeypatch.setattr(thumbs, "workers", starting)
    monkeypatch.setattr(thumbs, "Encoding", encoding_with)
    build(FIXTURE, str(tmp_path / "output"), CACHE_PATH=str(tmp_path / "cache"))
    assert reads and len(started) == 1
    pool, read_before = started[0]
    assert pool is not None and read_before == 0 and given == [pool]

    made = {}
    for n in range(3):
        made.update(thumbs.plan(png(tmp_path / f"c{n}.png", (700, 900 + n)), f"images/c{n}.png", folder=THUMBS).made)
    own = encoding(made, str(tmp_path / "own"))
    early = encoding(made, str(tmp_path / "early"), pool=workers(2))
    assert own.wait() == early.wait() == 3 * 5
    for name in made:
        kept = os.path.basename(name)
        assert (tmp_path / "own" / kept).read_bytes() == (tmp_path / "early" / kept).read_bytes()


def test_thumbnails_are_made_in_processes_that_yield_to_the_build_and_do_not_log(tmp_path):
    """Wanted only once the pages are written: the search's PDF readers and indexing go first. Started before the
    content is read (thumbs.workers) or for the thumbnails alone (Encoding), alike."""
    made = {}
    for n in range(2):  # two sources to make: processes of its own
        made.update(thumbs.plan(png(tmp_path / f"c{n}.png", (700, 900 + n)), f"images/c{n}.png", folder=THUMBS).made)
    for pool in (thumbs.workers(2), thumbs.Encoding(made, str(tmp_path / "cache"), workers=2).pool):
        assert pool is not None
        try:
            assert pool.submit(os.nice, 0).result() == min(19, os.nice(0) + processes.NICE)
            assert pool.submit(logging.getLogger().isEnabledFor, logging.CRITICAL).result() is False
        finally:
            pool.shutdown()
