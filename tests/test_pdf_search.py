"""The text of an issue's or edition's PDF, searched with the item: in each language's search data after the body,
with the PDF's URL and where each page begins; found by the split search as by the reference; read again when the
PDF changes, and only then."""

import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from lao_search.documents import Pdf
from lao_search.indexing import source_of
from measure.pdf_measure import FIXTURE_PAGES, known_text
from tests.fixture_site import FIXTURE, ROOT, build
from tests.test_search_build import documents_made, preview_cache, same_answers, search_files

PDFS = Path(__file__).parent / "fixtures" / "pdf"
# The fixture site's edition 211 (Lao) names files/edition-211.pdf, FIXTURE_PAGES printed; here it has a translation.
EDITION_EN = """Title: Edition 211
Date: 2024-04-02
Lang: en
Slug: edition-211
Category: newspaper
Translation: true
Edition: 211
PDF: files/edition-211.pdf

This edition is a PDF only.
"""
EDITION = "newspaper/edition-211.html"
SEARCH = """
import { pathToFileURL } from "node:url";
const [root, folder, queries] = process.argv.slice(1);
const { createSearch } = await import(pathToFileURL(`${root}/js/src/search.js`));
const { fileStore } = await import(pathToFileURL(`${root}/js/test/site-data.mjs`));
const { store } = fileStore(folder);
const found = {};
for (const query of JSON.parse(queries)) {
  const { results } = await createSearch(store).search(query);
  found[query] = (await store.docs(results.map((r) => r.ref))).map((doc) => doc.url);
}
console.log(JSON.stringify(found));
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("pdf")
    content = work / "content"
    shutil.copytree(FIXTURE, content)
    (content / "newspaper" / "edition-211.en.md").write_text(EDITION_EN, encoding="utf-8")
    return build(str(content), str(work / "output"))


def shown(site, root, url):
    """What a result shows of the article at ``url`` in the language at ``root``."""
    folder = Path(site, root, "search-data")
    for path in folder.glob("f-*/*.js"):
        doc = json.loads(path.read_text(encoding="utf-8")[len("LaoArchive.receive(") : -3])["doc"]
        if doc["url"] == url:
            return doc
    raise AssertionError(f"{url} is not in {folder}")


def found(site, root, queries):
    """{query: [URL of each result, in order]} from the split search over the language's data, in node."""
    folder = os.path.join(site, root, "search-data")
    result = subprocess.run(
        ["node", "--input-type=module", "-e", SEARCH, ROOT, folder, json.dumps(queries)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_pdfs_url_is_relative_to_the_search_page_as_the_items_is_and_written_as_a_url(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "issue #3.pdf").write_bytes(b"%PDF-1.7")
    article = SimpleNamespace(
        url="en/magazine/x.html",
        title="Issue 3",
        category=SimpleNamespace(slug="magazine"),
        date=datetime(2024, 1, 2),
        lang="en",
        metadata={"pdf": "files/issue #3.pdf"},
        _content="",
        tags=[],
    )
    source = source_of(article, "en/search.html", str(tmp_path))
    assert (source.url, source.pdf_url) == ("magazine/x.html", "../files/issue%20%233.pdf")
    assert source.pdf == Pdf.at(str(tmp_path / "files" / "issue #3.pdf"))
    article.metadata = {}
    bare = source_of(article, "en/search.html", str(tmp_path))
    assert (bare.pdf, bare.pdf_url) == (None, "")


def test_the_lao_search_names_the_lao_pdf_from_its_search_page_and_where_each_page_begins(site):
    root, url = "", "files/edition-211.pdf"
    doc = shown(site, root, EDITION)
    assert doc["print"]["url"] == url
    assert os.path.isfile(os.path.join(site, root, url))  # the PDF, copied beside the pages
    pages = [known_text(page) for page in FIXTURE_PAGES]
    starts = doc["print"]["pages"]
    assert [doc["text"][at : at + len(page)] for at, page in zip(starts, pages, strict=True)] == pages
    assert "print" not in shown(site, root, "news/fibre-backbone.html")


def test_a_word_only_the_pdf_has_finds_the_item(site):
    results = found(site, "", ["ສັດປ່າ", "ຫ້ອງສະໝຸດແຫ່ງຊາດ", "ລະຫັດຜ່ານ"])
    assert results == {query: [EDITION] for query in results}
    assert same_answers(os.path.join(site, "search-data"), 150)["differences"] == 0


def test_a_lao_pdf_is_indexed_once_with_the_lao_item_not_with_its_translation(site):
    english = shown(site, "en/", EDITION)
    assert "print" not in english and "ສັດປ່າ" not in english["text"]
    assert found(site, "en/", ["ສັດປ່າ", "ລະຫັດຜ່ານ"]) == {"ສັດປ່າ": [], "ລະຫັດຜ່ານ": []}
    assert same_answers(os.path.join(site, "en/", "search-data"), 150)["differences"] == 0


def test_a_changed_pdf_is_read_again_and_an_unchanged_one_is_not(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    cached = preview_cache(tmp_path)
    made = documents_made(monkeypatch)
    build(str(content), str(tmp_path / "first"), **cached)
    assert EDITION in made
    made.clear()
    build(str(content), str(tmp_path / "again"), **cached)
    assert made == []
    pdf = content / "files" / "edition-211.pdf"
    stamp = pdf.stat().st_mtime_ns + 1_000_000_000
    os.utime(pdf, ns=(stamp, stamp))  # saved again
    build(str(content), str(tmp_path / "touched"), **cached)
    assert made == [EDITION]
    made.clear()
    shutil.copyfile(PDFS / "scan.pdf", pdf)  # replaced by one without text
    os.utime(pdf, ns=(stamp, stamp))
    changed = build(str(content), str(tmp_path / "changed"), **cached)
    assert made == [EDITION]
    assert "print" not in shown(changed, "", EDITION)
    clean = build(str(content), str(tmp_path / "clean"), LAO_SEARCH_BACKGROUND=False)
    assert search_files(changed) == search_files(clean)
