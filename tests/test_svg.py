"""SVG files made inert (plugins/images/svg.py): what a drawing keeps, what could run or reach out and goes."""

import pytest

from archive import ContentError
from images.svg import inert
from images.thumbs import Unreadable
from tests.fixture_site import build
from tests.test_bad_input import ISSUE, markdown, write_tree

OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'


def svg(inside, open_tag=OPEN):
    return f"{open_tag}{inside}</svg>" if inside else open_tag.replace(">", " />")


KEPT = [
    ("shapes and text", '<rect width="5" height="5" fill="#0b4f6c" /><text x="1" y="2" font-size="3">ລາວ</text>'),
    (
        "a gradient by reference",
        '<defs><linearGradient id="g"><stop offset="0" stop-color="red" /></linearGradient>'
        '</defs><rect fill="url(#g)" width="5" height="5" />',
    ),
    ("use of a symbol", '<symbol id="s"><circle r="1" /></symbol><use href="#s" />'),
    ("an embedded picture", '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1" />'),
    ("a filter", '<filter id="f"><feGaussianBlur stdDeviation="2" /></filter><g filter="url(#f)" />'),
    ("style of its own", "<style>.a{fill:url(#g)}</style>"),
    ("text between elements", "<text>ກ <tspan>ຂ</tspan> ຄ</text>"),
]


@pytest.mark.parametrize("case, inside", KEPT, ids=[c[0] for c in KEPT])
def test_a_drawing_keeps_what_draws_it(case, inside):
    assert inert(svg(inside).encode()) == ((svg(inside) + "\n").encode(), [])


DROPPED = [
    ("script", "<script>alert(1)</script>", "", ["<script>"]),
    ("handler of a shape", '<rect onclick="alert(1)" width="1" />', '<rect width="1" />', ["onclick="]),
    (
        "foreignObject",
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
        "",
        ["<foreignObject>"],
    ),
    (
        "javascript link, its drawing kept",
        '<a href="javascript:alert(1)"><rect width="1" /></a>',
        '<rect width="1" />',
        ["<a>"],
    ),
    ("animation that sets an href", '<animate attributeName="href" to="javascript:alert(1)" />', "", ["<animate>"]),
    ("set", '<set attributeName="onmouseover" to="alert(1)" />', "", ["<set>"]),
    ("use of another file", '<use href="https://example.com/x.svg#a" />', "<use />", ["href="]),
    (
        "xlink to another file",
        '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="x.svg#a" />',
        "<use />",
        ["xlink:href="],
    ),
    ("an SVG inside", '<image href="data:image/svg+xml,&lt;svg/&gt;" />', "<image />", ["href="]),
    ("a picture from the web", '<image href="https://example.com/x.png" />', "<image />", ["href="]),
    ("fill from the web", '<rect fill="url(https://example.com/#g)" />', "<rect />", ["fill="]),
    (
        "style that imports",
        "<style>@import url(https://example.com/x.css);.a{background:url(https://e.la/y)}</style>",
        "<style>.a{background:none}</style>",
        [],
    ),
    (
        "Inkscape's namespace",
        '<g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:label="l" />',
        "<g />",
        ["inkscape:label="],
    ),
    ("an element of another namespace", '<x:y xmlns:x="http://example.com/ns/x" />', "", ["<x:y>"]),
    ("comment and processing instruction", '<!-- c --><?xml-stylesheet href="x.xsl"?><rect />', "<rect />", []),
]


@pytest.mark.parametrize("case, inside, kept, gone", DROPPED, ids=[c[0] for c in DROPPED])
def test_what_could_run_or_reach_outside_the_file_is_dropped_and_named(case, inside, kept, gone):
    assert inert(svg(inside).encode()) == ((svg(kept) + "\n").encode(), gone)


def test_a_handler_on_the_svg_itself_is_dropped():
    data = svg("<rect />", OPEN.replace(">", ' onload="alert(1)">')).encode()
    assert inert(data) == ((svg("<rect />") + "\n").encode(), ["onload="])


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>", "it is not well-formed XML (mismatched tag: line 1"),
        (b"<html><script>alert(1)</script></html>", "its root element is <html>, not <svg xmlns="),
        (b"<svg><rect/></svg>", "its root element is <svg>, not <svg xmlns="),
        (b"<!DOCTYPE s [<!ENTITY a 'b'>]><svg xmlns='http://www.w3.org/2000/svg'>&a;</svg>", "it declares"),
        (b"\x89PNG\r\n", "it is not well-formed XML"),
    ],
)
def test_a_file_that_is_no_svg_image_says_why(data, reason):
    with pytest.raises(Unreadable) as failure:
        inert(data)
    assert str(failure.value).startswith(reason)


def test_an_svg_that_cannot_be_read_stops_the_build_naming_it(tmp_path):
    write_tree(tmp_path / "content", {"magazine/i.md": markdown(ISSUE)})
    (tmp_path / "content" / "images" / "broken.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><g>")
    with pytest.raises(ContentError) as failure:
        build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert "images/broken.svg:1: cannot be read as an SVG image: it is not well-formed XML (no element found" in str(
        failure.value
    )


def test_a_cover_that_is_no_svg_is_named_with_its_field(tmp_path):
    write_tree(tmp_path / "content", {"magazine/i.md": markdown(ISSUE)})
    (tmp_path / "content" / "images" / "issue-7.svg").write_text("<html></html>")
    with pytest.raises(ContentError) as failure:
        build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert "magazine/i.md:8: Cover 'images/issue-7.svg' cannot be read as an SVG image: its root element is <html>" in (
        str(failure.value)
    )


def test_the_published_svg_is_the_inert_one_and_the_source_is_untouched(tmp_path):
    write_tree(tmp_path / "content", {"magazine/i.md": markdown(ISSUE)})
    cover = tmp_path / "content" / "images" / "issue-7.svg"
    written = svg('<script>alert(1)</script><rect width="3" />')
    cover.write_text(written)
    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert (tmp_path / "output" / "images" / "issue-7.svg").read_text() == svg('<rect width="3" />') + "\n"
    assert cover.read_text() == written
    assert output


def test_what_an_svg_lost_is_a_warning_of_invoke_check(tmp_path):
    from tools.check import run

    write_tree(tmp_path / "content", {"magazine/i.md": markdown(ISSUE)})
    (tmp_path / "content" / "images" / "issue-7.svg").write_text(svg('<script>alert(1)</script><rect onclick="x" />'))
    lines = []
    assert run(str(tmp_path / "content"), str(tmp_path / "out"), out=lines.append) == 0
    assert "content/images/issue-7.svg:1: warning: made inert: dropped <script>, onclick=" in lines
