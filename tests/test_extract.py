"""The text the search reads back from a rendered article page."""
import pytest

from lao_search.extract import block_text, fields_of

PAGE = """<html><body>
<nav><a href="/">ໜ້າຫຼັກ</a></nav>
<article>
  <h1 data-search="title">ກອງປະຊຸມ <em>ລັດດິຈິຕອນ</em></h1>
  <div class="lead" data-search="summary"><p>ສະຫຼຸບ.</p></div>
  <div data-search="body"><p>ສູນບໍລິຫານ<strong>ລັດ</strong>ດິຈິຕອນ</p><script>var x = "ບໍ່";</script>
  <ul><li>ໜຶ່ງ</li><li>ສອງ</li></ul><!-- ຄຳເຫັນ --></div>
  <ul data-search="tags"><li><a href="t.html">ITU</a></li><li>ລັດດິຈິຕອນ</li></ul>
</article>
<footer>ກະຊວງ</footer>
</body></html>"""


def test_fields_of_an_article_page():
    assert fields_of(PAGE) == {
        "title": "ກອງປະຊຸມ ລັດດິຈິຕອນ",
        "summary": "ສະຫຼຸບ.",
        "body": "ສູນບໍລິຫານລັດດິຈິຕອນ\nໜຶ່ງ\nສອງ",  # inline markup joins, blocks break, no script, no comment
        "tags": "ITU\nລັດດິຈິຕອນ",
    }


@pytest.mark.parametrize("html, text", [
    ("<div><p>a  b\n c</p><p>d</p></div>", "a b c\nd"),
    ("<div>ລັດ<b>ດິ</b><i>ຈິ</i>ຕອນ</div>", "ລັດດິຈິຕອນ"),
    ("<div>line<br>next</div>", "line\nnext"),
    ("<div><table><tr><td>ກ</td><td>ຂ</td></tr></table></div>", "ກ\nຂ"),
    ("<div>x&nbsp;&amp;&nbsp;y</div>", "x & y"),
])
def test_block_text(html, text):
    from bs4 import BeautifulSoup

    assert block_text(BeautifulSoup(html, "html.parser").div) == text


def test_unknown_field_is_an_error():
    with pytest.raises(ValueError, match="unknown data-search field 'sidebar'"):
        fields_of('<div data-search="sidebar">x</div>')
