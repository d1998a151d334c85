"""No size limit in the search's build, and nothing a result loads grows with an article's length: a term that
occurs 100,000 times, a 10 MB body and a 300-page PDF are indexed; a long text is cut in parts of a few KB, and a
query found on one page of a long PDF loads that part, not the whole text, and links to that page."""

import dataclasses
import json
import math
import subprocess
import tracemalloc
from collections import Counter

from lao_search.bm25 import FIELDS, SCALE, weights
from lao_search.documents import PART_UNITS, Analyzer, Pdf, Source, cut
from lao_search.index import article_files, order, search_files
from tests.fixture_site import ROOT

# Sentences written for this test: Lao with a Latin word and digits, as real text mixes them.
SENTENCES = [
    "ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ ໄດ້ເປີດລະບົບ 5G ໃນແຂວງ {n}.",
    "ນັກສຶກສາ {n} ຄົນ ໄດ້ຮຽນການຂຽນໂປຣແກຣມ ແລະ ຄວາມປອດໄພທາງໄຊເບີ.",
    "ຫ້ອງສະໝຸດ ໄດ້ສະແກນປຶ້ມເກົ່າ {n} ຫົວ ເພື່ອໃຫ້ອ່ານທາງອອນລາຍ.",
]
RARE = "ຊ້າງເຜືອກບິນ"  # on one page of the long PDF only


def text_of(count, start=0):
    return " ".join(SENTENCES[i % len(SENTENCES)].format(n=start + i) for i in range(count))


def source(url, body="", pdf=None, lang="lo"):
    return Source(url=url, title=url, kind="magazine", date="2025-01-01", date_text="", body_html=body, pdf=pdf,
                  pdf_url="files/x.pdf" if pdf else "", lang=lang)  # fmt: skip


def utf16(text):
    return len(text.encode("utf-16-le")) // 2


def test_a_term_that_occurs_100000_times_weighs_as_lunr_says():
    count = 100_000
    articles = [((), ({"ແລະ": count}, count)), ((), ({"ແລະ": 1, "ລາວ": 1}, 2))]
    at = [name for name, _boost in FIELDS].index("body")
    articles = [tuple(body if f == at else ({}, 0) for f in range(len(FIELDS))) for _empty, body in articles]
    weighed = weights(articles)
    idf = math.log(1 + abs((2 - 2 + 0.5) / (2 + 0.5)))
    average = (count + 2) / 2
    norm = 1.2 * (1 - 0.75 + 0.75 * count / average)
    assert weighed.refs_of("ແລະ") == [0, 1]
    assert weighed.weights_of("ແລະ")[0] == round(idf * (2.2 * count) / (norm + count) * FIELDS[at][1] * SCALE)


def test_a_long_text_is_cut_at_whitespace_in_parts_that_join_into_it():
    text = text_of(2000)
    parts = cut(text, PART_UNITS)
    assert "".join(parts) == text and len(parts) > 50
    assert all(utf16(part) <= PART_UNITS for part in parts)
    assert all(part[-1].isspace() for part in parts[:-1])
    run = "ກ" * (PART_UNITS * 2)  # no whitespace at all: one part, never cut inside
    assert cut(f"ຂ {run} ຄ", PART_UNITS) == ["ຂ ", f"{run} ", "ຄ"]


def test_a_10_mb_body_is_indexed_and_every_file_a_result_loads_stays_small():
    body = f"<p>{text_of(120_000)}</p>"
    assert len(body.encode("utf-8")) > 10_000_000
    analyzer = Analyzer()
    document = analyzer.document(source("news/long.html", body))
    assert len(document.parts) > 1000 and "".join(text for text, _page in document.parts) == document.text
    files = search_files("lo", [document], analyzer.pieces)
    shown = {name: script for name, script in files.items() if name.startswith("f-")}
    assert len(shown) == len(document.parts)
    assert max(len(script.encode("utf-8")) for script in shown.values()) < 8 * 1024


def test_a_long_text_is_held_once_and_writing_its_files_leaves_no_copy_behind():
    """A long document's parts are slices of its text made when asked for: kept, they would hold the text twice,
    and a third time in UTF-8 once orjson has written them (CPython keeps a string's UTF-8 beside it)."""
    analyzer = Analyzer()
    document = analyzer.document(source("news/long.html", f"<p>{text_of(20_000)}</p>"))
    text_bytes = len(document.text) * 2  # Lao: two bytes a character in a Python string
    assert len(document.part_ends) > 100
    assert all(type(end) is int and type(page) is int for end, page in document.part_ends)
    assert sum(map(len, strings_held(document, but="text"))) < len(document.text) / 2  # its text once
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        files = article_files(document)
        written = sum(len(script) for script in files)
        del files
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert written > len(document.text)  # every part was written
    assert kept < text_bytes / 20


def strings_held(document, but):
    """Every string ``document`` holds, in its fields and the tuples, lists and dicts in them, but field ``but``."""
    found, todo = [], [getattr(document, f.name) for f in dataclasses.fields(document) if f.name != but]
    while todo:
        value = todo.pop()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            todo.extend([*value.keys(), *value.values()])
        elif isinstance(value, (tuple, list)):
            todo.extend(value)
    return found


def pdf_analyzer(pages):
    return Analyzer(read_pdf=lambda path: pages)


def test_a_300_page_pdf_is_cut_by_page_and_each_part_knows_its_page(tmp_path):
    pages = [text_of(40, start=100 * n) for n in range(300)]
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    document = pdf_analyzer(pages).document(source("magazine/x.html", "<p>ວາລະສານ</p>", Pdf.at(str(pdf))))
    assert "".join(text for text, _page in document.parts) == document.text
    numbers = [page for _text, page in document.parts]
    assert numbers == sorted(numbers) and set(numbers) == {0, *range(1, 301)}
    for text, page in document.parts:
        if page:
            assert text.rstrip("\n") in pages[page - 1]  # a part never holds two pages


SEARCH = """
import { pathToFileURL } from "node:url";
const [root, folder, query] = process.argv.slice(1);
const { createSearch } = await import(pathToFileURL(`${root}/js/src/search.js`));
const { fileStore } = await import(pathToFileURL(`${root}/js/test/site-data.mjs`));
const { printedPage } = await import(pathToFileURL(`${root}/js/src/snippet.js`));
const { store, loaded } = fileStore(folder);
const outcome = await createSearch(store).search(query);
const searched = loaded.length;
const shown = await Promise.all(store.shown(outcome.results.slice(0, 10)));
console.log(JSON.stringify({
  urls: shown.map((doc) => doc.url),
  pages: shown.map((doc) => printedPage(doc, outcome.needles, outcome.words)),
  prints: shown.map((doc) => doc.print ?? null),
  texts: shown.map((doc) => doc.text),
  loaded,
  searched,
}));
"""


def search(folder, query):
    result = subprocess.run(["node", "--input-type=module", "-e", SEARCH, ROOT, str(folder), query],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def write(folder, files):
    for name, script in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(script, encoding="utf-8")


def test_a_word_on_one_page_of_a_long_pdf_loads_that_part_and_links_to_its_page(tmp_path):
    pages = [text_of(40, start=100 * n) for n in range(120)]
    pages[87] += f" ວາລະສານນີ້ມີ{RARE}ຢູ່ໃນໜ້ານີ້."  # inside a longer run: found as a substring, no key of its own
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    analyzer = pdf_analyzer(pages)
    news = [analyzer.document(source(f"news/{n}.html", f"<p>{text_of(3, start=n)}</p>")) for n in range(30)]
    issue = analyzer.document(source("magazine/x.html", "<p>ວາລະສານ</p>", Pdf.at(str(pdf))))
    data = tmp_path / "search-data"
    write(data, search_files("lo", order([issue, *news]), analyzer.pieces))
    whole = sum(len(text.encode("utf-8")) for text, _page in issue.parts)
    for query in (RARE, RARE[2:-1]):  # the word, and a piece of it no key spells
        found = search(data, query)
        assert found["urls"] == ["magazine/x.html"]
        assert found["pages"] == [88]
        assert RARE in found["texts"][0]
        parts = [f for f in found["loaded"] if "/" in f["name"] and f["name"].startswith("f-")]
        assert sum(f["bytes"] for f in parts) < 16 * 1024 < whole / 20  # its first part and the part it is on
        assert sum(f["bytes"] for f in found["loaded"]) < 64 * 1024


def test_a_word_every_page_has_is_answered_without_loading_the_text(tmp_path):
    pages = [text_of(40, start=100 * n) for n in range(120)]
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    analyzer = pdf_analyzer(pages)
    issue = analyzer.document(source("magazine/x.html", "<p>ວາລະສານ</p>", Pdf.at(str(pdf))))
    data = tmp_path / "search-data"
    write(data, search_files("lo", [issue], analyzer.pieces))
    found = search(data, "ຫ້ອງສະໝຸດ")
    assert found["urls"] == ["magazine/x.html"]
    assert not [f for f in found["loaded"][: found["searched"]] if f["name"].startswith("f-")]
    assert Counter(f["name"].startswith("f-") for f in found["loaded"])[True] <= 2
