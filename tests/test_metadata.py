"""One reader of metadata: what Pelican's Markdown reader (Python-Markdown's meta extension) reads, with lines."""

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from archive.metadata import read_source

TEXTS = {
    "plain": "Title: ຂ່າວ\nCategory: news\n\nBody: not metadata.\n",
    "byte order mark": "\ufeffTitle: ຂ່າວ\nSlug: a\n\nText.\n",
    "front matter": "---\nTitle: ຂ່າວ\nSlug: a\n---\nText.\n",
    "front matter ended by dots": "---\nTitle: ຂ່າວ\n...\n\nText.\n",
    "windows line ends": "Title: ຂ່າວ\r\nSlug: a\r\n\r\nText.\r\n",
    "tab after colon": "Title:\tຂ່າວ\nSlug:\ta\n\nText.\n",
    "indented key": "   Title: ຂ່າວ\n\nText.\n",
    "no metadata": "ເນື້ອໃນ ບໍ່ມີຫົວ.\n\nອີກວັກ.\n",
    "body right after": "Title: ຂ່າວ\nThis line is the body.\nSo is this.\n",
    "dash in key": "Event-Start: 2024-01-02\n\nText.\n",
    "empty value": "Title:\nSlug: a\n\nText.\n",
    "line of spaces ends it": "Title: ຂ່າວ\n   \nSlug: a\n",
}


def read_by_pelican(path):
    """The metadata lines as Pelican's Markdown reader takes them (before it processes dates, tags...)."""
    reader = MarkdownReader({**DEFAULT_CONFIG, "MARKDOWN": {"extensions": ["markdown.extensions.meta"]}})
    reader.read(str(path))
    return {key: values[0] for key, values in reader._md.Meta.items()}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_the_reader_agrees_with_pelican(tmp_path, text):
    path = tmp_path / "a.md"
    path.write_bytes(text.encode("utf-8"))
    assert read_source(text).meta == read_by_pelican(path)


def test_where_each_key_and_the_body_begin():
    source = read_source("---\nTitle: ຂ່າວ\nSlug: a\n---\nFirst line of the body.\n")
    assert source.lines == {"title": 2, "slug": 3}
    assert source.body_line == 5 and source.body.startswith("First line of the body.")
    assert read_source("Title: x\n\nBody.\n").body_line == 3
    assert read_source("No metadata.\n").body_line == 1


def test_a_key_written_twice_is_a_problem_pelican_would_hide():
    source = read_source("Title: x\nSlug: first\nDate: 2024-01-02\nSlug: second\n\nText.\n")
    assert source.meta["slug"] == "first"  # as Pelican: the first one wins
    assert source.problems == [(4, "Slug is written again on line 4 (first on line 2): keep one")]


def test_a_value_on_two_lines_is_a_problem_except_the_summary():
    source = read_source("Venue: Vientiane\n    Capital\nSummary: One\n    two.\n\nText.\n")
    assert source.meta == {"venue": "Vientiane", "summary": "One two."}
    assert source.problems == [(2, "Venue goes on to line 2: write its value on one line")]
