"""Pictures made for phones: WebP thumbnails of raster covers and pages, a PDF's first page, SVG as it is, each with
its width and height; made once and kept in a cache; a picture that cannot be read stops the build."""

import os
import shutil

import pytest
from PIL import Image

from archive import ContentError
from images import thumbs
from tests.fixture_site import FIXTURE, build

PDF = os.path.join(os.path.dirname(__file__), "fixtures", "pdf", "lao-news.pdf")


def png(path, size):
    Image.new("RGB", size, (7, 55, 99)).save(path)
    return str(path)


def test_a_raster_image_gets_webp_copies_up_to_its_own_width(tmp_path):
    picture = thumbs.plan(png(tmp_path / "c.png", (900, 1200)), "images/c.png")
    assert (picture.src, picture.width, picture.height) == ("images/c.png", 900, 1200)
    assert [w for w, _ in picture.webp] == [160, 320, 400, 640, 900]
    small = thumbs.plan(png(tmp_path / "s.png", (200, 100)), "images/s.png")
    assert [w for w, _ in small.webp] == [160, 200]


def test_an_svg_stays_an_svg_with_its_size(tmp_path):
    (tmp_path / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"/>')
    (tmp_path / "b.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 48"></svg>')
    assert (
        thumbs.plan(str(tmp_path / "a.svg"), "a.svg").width,
        thumbs.plan(str(tmp_path / "a.svg"), "a.svg").height,
    ) == (
        600,
        800,
    )
    b = thumbs.plan(str(tmp_path / "b.svg"), "b.svg")
    assert (b.src, b.width, b.height, b.webp) == ("b.svg", 64, 48, [])


def test_a_pdf_is_shown_by_its_first_page(tmp_path):
    picture = thumbs.plan(PDF, "files/x.pdf")
    assert picture.src.endswith("-page1.jpg") and picture.width == thumbs.PDF_WIDTH
    assert 1.3 < picture.height / picture.width < 1.5  # an A4 page
    thumbs.write(picture.made, str(tmp_path / "site"), str(tmp_path / "cache"))
    with Image.open(tmp_path / "site" / picture.src) as page:
        assert (page.format, page.size) == ("JPEG", (picture.width, picture.height))


def test_thumbnails_are_made_once_and_then_come_from_the_cache(tmp_path):
    picture = thumbs.plan(png(tmp_path / "c.png", (900, 1200)), "images/c.png")
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
    picture = thumbs.plan(png(tmp_path / "m.png", (800, 400)), "images/m.png")
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
