"""HTML of an old site to Markdown (tools/importer/body.py, markdownify): tables of HTML in, Markdown out; which
addresses are the old site's uploads."""

import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

from archive.sanitise import clean_body
from tools.build import SETTINGS
from tools.importer.body import expand_shortcodes, to_markdown
from tools.importer.uploads import upload_path
from tools.importer.verify import site_markdown

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
        # a fenced block only where Python-Markdown reads one, a code span only where nothing can end it early
        ("<ul><li><pre>a &lt; b\nc</pre></li></ul>", "- a &lt; b  \n  c\n"),
        ("<p>Run <code>ls -l</code> or <code>a &lt; b</code></p>", "Run `ls -l` or a &lt; b\n"),
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
        ("<p>ກ\x0bຂ\x0c</p>", "ກຂ\n"),  # what XML and feeds cannot carry
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


# --- whatever the HTML, nothing that runs comes through -------------------------------------------------------------


MARKDOWN = site_markdown(read_settings(SETTINGS)["MARKDOWN"])

PIECES = [
    "ສະບາຍດີ",
    "plain words",
    "&nbsp;",
    "&lt;script&gt;",
    "&amp;copy;",
    "[x](javascript:alert(1))",
    "[y]: javascript:z",
    "{: onclick=x}",
    "[caption]ຄຳ[/caption]",
    "[gallery ids='1']",
    "[su_note]",
    "<!-- wp:paragraph -->",
    "\n\n",
    "\n",
    "<p>",
    "</p>",
    "<div style='color:red' onclick='x()'>",
    "</div>",
    "<a href='javascript:alert(1)'>",
    "<a href='https://example.org/' onmouseover='x()'>",
    "</a>",
    "<img src=x onerror=alert(1)>",
    "<img src='data:image/svg+xml,<svg onload=x()>' alt='d'>",
    "<script>alert(1)</script>",
    "<script>",
    "<iframe src='javascript:alert(1)'></iframe>",
    "<iframe src='https://video.example.org/e/1'>",
    "<svg><script>x()</script></svg>",
    "<style>p{}</style>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<ul><li>",
    "</li></ul>",
    "<pre><code>",
    "</code></pre>",
    "<h2>",
    "</h2>",
    "<blockquote>",
    "<object data='x.swf'>",
    "<form action='https://evil.example/'><input name=a><button>",
    "<math><mi>x</mi></math>",
    "`code`",
    "*",
    "_",
    "#",
    "> ",
    "1. ",
    "|",
    "```",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<br>",
    "<em>",
    "</em>",
    "<dl><dt>",
    "<dd>",
    "</dl>",
    "<figure>",
    "<figcaption>",
]


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")) * 3, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_no_html_makes_markdown_that_the_site_would_have_to_clean(pieces):
    """Rendered with the site's Markdown settings and sanitised as the build does, what the import wrote loses
    nothing: no element, attribute or address that runs was written."""
    html = "".join(pieces)
    markdown, _notes = to_markdown(html, lambda url, picture: url)
    rendered = MARKDOWN.reset().convert(markdown)
    assert clean_body(rendered)[1] == [], (html, markdown, rendered)
    assert not re.search(
        r"<(?:script|iframe|object|svg|style|form)|<[^>]*\son\w+=|(?:href|src)=\"(?:javascript|data):", rendered
    )
