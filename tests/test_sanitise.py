"""Bodies made inert (plugins/archive/sanitise.py): what an article keeps, what it loses, and where it was written."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archive.sanitise import Dropped, clean_body, dropped, dropped_as_parsed, locate
from tests.test_escaping import unsafe

KEPT = [
    ("heading and paragraph", "<h2>ຫົວຂໍ້</h2><p>ບົດ <em>ໜຶ່ງ</em> <strong>ສອງ</strong></p>"),
    ("lists", '<ul><li>a</li></ul><ol start="3"><li>b</li></ol><dl><dt>t</dt><dd>d</dd></dl>'),
    (
        "table from Markdown, aligned",
        '<table><thead><tr><th align="left">a</th></tr></thead><tbody><tr><td align="right">1</td></tr></tbody>'
        "</table>",
    ),
    (
        "table with a caption and spans",
        '<table><caption>c</caption><tbody><tr><td colspan="2">x</td></tr></tbody></table>',
    ),
    (
        "figure",
        '<figure><img src="{static}/images/a.png" alt="ແຜນທີ່"><figcaption>ແຜນທີ່</figcaption></figure>',
    ),
    (
        "the images plugin's picture",
        '<picture><source type="image/webp" srcset="../thumbs/a-160.webp 160w" sizes="100vw">'
        '<img src="{static}/images/a.png" width="3" height="4" loading="lazy"></picture>',
    ),
    ("link to a file of the site", '<a href="{static}/files/edition-211.pdf">PDF</a>'),
    ("link to an article", '<a href="{filename}/news/other.md">ບົດອື່ນ</a>'),
    ("link to the web", '<a href="https://itu.int/" hreflang="en">ITU</a>'),
    ("mail and phone", '<a href="mailto:info@example.la">mail</a> <a href="tel:+85621000000">tel</a>'),
    ("footnote", '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'),
    ("quote", '<blockquote cite="https://example.la/"><p>ຄຳເວົ້າ</p></blockquote>'),
    ("code", '<pre><code class="language-python">x = 1 &lt; 2\n</code></pre>'),
    ("language and direction", '<p lang="en" dir="ltr">English <bdi>ລາວ</bdi></p>'),
    ("abbreviation", '<abbr title="Information and Communication Technology">ICT</abbr>'),
    ("details", '<details open=""><summary>s</summary>x</details>'),
]


@pytest.mark.parametrize("case, html", KEPT, ids=[c[0] for c in KEPT])
def test_what_an_article_may_hold_is_kept_as_written(case, html):
    assert clean_body(html) == (html, [])


DROPPED = [
    ("script", "<p>a<script>alert(1)</script></p>", "<p>a</p>", [Dropped("script")]),
    (
        "img onerror",
        '<img src="x.png" onerror="alert(1)">',
        '<img src="x.png">',
        [Dropped("img", "onerror", "alert(1)")],
    ),
    ("svg onload", '<svg onload="alert(1)"></svg>ok', "ok", [Dropped("svg")]),
    (
        "details ontoggle",
        '<details ontoggle="alert(1)" open>x</details>',
        '<details open="">x</details>',
        [Dropped("details", "ontoggle", "alert(1)")],
    ),
    ("iframe srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>ok', "ok", [Dropped("iframe")]),
    ("object", '<object data="x.swf">fallback</object>', "fallback", [Dropped("object")]),
    ("embed", '<embed src="x.swf">', "", [Dropped("embed")]),
    (
        "javascript link",
        '<a href="javascript:alert(1)">x</a>',
        "<a>x</a>",
        [Dropped("a", "href", "javascript:alert(1)")],
    ),
    (
        "javascript link, disguised",
        '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
        "<a>x</a>",
        [Dropped("a", "href", "JaVaScRiPt:alert(1)")],
    ),
    (
        "data link",
        '<a href="data:text/html,&lt;script&gt;">x</a>',
        "<a>x</a>",
        [Dropped("a", "href", "data:text/html,<script>")],
    ),
    ("data image", '<img src="data:image/svg+xml,x">', "<img>", [Dropped("img", "src", "data:image/svg+xml,x")]),
    ("form", '<form action="https://example.com/"><input name="q"></form>', "", [Dropped("form"), Dropped("input")]),
    ("base", '<base href="https://example.com/">', "", [Dropped("base")]),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://example.com/">', "", [Dropped("meta")]),
    ("style element", "<style>body{display:none}</style>x", "x", [Dropped("style")]),
    (
        "style attribute from Word",
        '<p class="MsoNormal" style="margin:0">x</p>',
        '<p class="MsoNormal">x</p>',
        [Dropped("p", "style", "margin:0")],
    ),
    ("Word's own element", "<p>x<o:p></o:p></p>", "<p>x</p>", [Dropped("o:p")]),
    (
        "target",
        '<a href="https://itu.int/" target="_blank">x</a>',
        '<a href="https://itu.int/">x</a>',
        [Dropped("a", "target", "_blank")],
    ),
]


@pytest.mark.parametrize("case, html, kept, gone", DROPPED, ids=[c[0] for c in DROPPED])
def test_what_could_run_or_escape_the_page_is_dropped_and_named(case, html, kept, gone):
    assert clean_body(html) == (kept, gone)


@pytest.mark.parametrize(
    "part, message",
    [
        (Dropped("script"), "dropped <script> (not an element a body may have)"),
        (
            Dropped("img", "onerror", "alert(1)"),
            "dropped onerror='alert(1)' from <img> (not an attribute a body may have)",
        ),
        (
            Dropped("a", "href", "javascript:alert(1)"),
            "dropped href='javascript:alert(1)' from <a> (a link must be http(s), mailto, tel or relative)",
        ),
        (Dropped("a", "href", "javascript:" + "x" * 100), f"dropped href='javascript:{'x' * 46}...' from <a>"),
    ],
)
def test_a_dropped_part_says_what_and_why(part, message):
    assert str(part).startswith(message)


BODY = """\
ວັນທີ 4 ມີນາ <script>alert(1)</script>

![ແຜນທີ່]({static}/images/a.png)
<img src="{static}/images/a.png" onerror="alert(2)">

ອ່ານ [ບົດ](javascript:alert(3)) ແລະ <script>alert(4)</script>
"""


def test_each_dropped_part_is_found_on_the_line_it_was_written():
    parts = [Dropped("script"), Dropped("img", "onerror", "alert(2)"), Dropped("a", "href", "javascript:alert(3)")]
    parts.append(Dropped("script"))
    assert locate(BODY, 12, parts) == [(12, parts[0]), (15, parts[1]), (17, parts[2]), (17, parts[3])]


def test_a_part_not_found_as_written_is_put_on_the_bodys_first_line():
    assert locate("ບົດ", 9, [Dropped("iframe")]) == [(9, Dropped("iframe"))]


PIECES = [
    *("<p>", "</p>", "<a ", "href=", "src=", '"', "'", ">", "<", "/", "=", " ", "ລາວ", "x", "&", "&colon;", "\n"),
    *(
        "<script>",
        "</script>",
        "<img ",
        "onerror=",
        "onload=",
        "javascript:",
        "JaVaScRiPt:",
        "data:",
        "<svg ",
        "<math>",
    ),
    *("<iframe ", "srcdoc=", "<object ", "data=", "<details open ", "ontoggle=", "<style>", "style=", "<!--", "-->"),
    *("<table>", "<td>", "<picture>", "<source ", "srcset=", "{static}/images/a.png", "<base ", "<form ", "<noscript>"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
@example("<p><object <p><p>")  # found by the test: a paragraph left inside another once <object> was unwrapped
def test_whatever_a_body_holds_nothing_that_runs_is_left_and_a_second_pass_changes_nothing(html):
    cleaned, _ = clean_body(html)
    assert unsafe(cleaned) == []
    assert clean_body(cleaned) == (cleaned, [])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, "<p>", "<img ", "<a ", "{static}/images/a.png", '"']), max_size=30).map("".join)
)
def test_the_quick_reading_of_what_was_dropped_finds_what_the_html_parser_finds(html):
    cleaned, _ = clean_body(html)
    assert dropped(html, cleaned) == dropped_as_parsed(html, cleaned)


@pytest.mark.parametrize("html", [c[1] for c in KEPT + DROPPED])
def test_the_quick_reading_agrees_on_every_case_above(html):
    cleaned, _ = clean_body(html)
    assert dropped(html, cleaned) == dropped_as_parsed(html, cleaned)
