"""The lunr index and documents the build writes for each language."""
import json

from lunr.index import Index

from lao_search.index import Entry, as_script, build_index, search_parts

ENTRIES = [
    Entry(url="news/a.html", title="ຫນັງສືພິມ ດິຈິຕອນ", kind="news", date="2024-03-04", date_text="4 ມີນາ 2024",
          tags="ITU", body="ສູນບໍລິຫານລັດດິຈິຕອນ ນໍ້າ"),
    Entry(url="news/b.html", title="Broadband", kind="reports", date="2023-01-02", date_text="2 January 2023",
          body="The team played and is playing away."),
]


def test_lao_words_survive_the_pipeline_whole():
    terms = {term for term, _ in build_index(ENTRIES)["invertedIndex"]}
    assert {"ໜັງສືພິມ", "ດິ", "ຈິ", "ຕອນ", "ນ້ຳ", "ສູນ", "itu"} <= terms  # ດິ is not trimmed to ດ
    assert not {"ຫນັງສື", "ດ", "ນໍ້າ"} & terms


def test_english_is_stemmed_and_found_by_any_form():
    index = Index.load(build_index(ENTRIES))
    assert {"plai", "awai"} <= {term for term, _ in build_index(ENTRIES)["invertedIndex"]}
    assert [r["ref"] for r in index.search("plays")] == ["1"]


def test_lao_is_found_by_lunr_in_any_spelling():
    index = Index.load(build_index(ENTRIES))
    assert [r["ref"] for r in index.query(index.create_query().term("ໜັງສືພິມ"))] == ["0"]


def test_search_parts_name_their_documents():
    parts = search_parts("lo", ENTRIES, docs_per_part=1)
    assert sorted(parts) == ["docs-0.js", "docs-1.js", "index.js"]
    assert parts["index.js"]["docParts"] == ["docs-0.js", "docs-1.js"]
    assert parts["index.js"]["index"]["pipeline"] == ["lao-stemmer"]
    assert parts["docs-1.js"]["start"] == 1
    assert parts["docs-0.js"]["docs"][0] == {
        "url": "news/a.html", "title": "ຫນັງສືພິມ ດິຈິຕອນ", "kind": "news", "date": "2024-03-04",
        "dateText": "4 ມີນາ 2024", "text": "ໜັງສືພິມ ດິຈິຕອນ\nສູນບໍລິຫານລັດດິຈິຕອນ ນ້ຳ\nITU"}


def test_data_scripts_are_deterministic_and_safe_to_load():
    first = as_script(search_parts("lo", ENTRIES, 10)["docs-0.js"])
    assert first == as_script(search_parts("lo", ENTRIES, 10)["docs-0.js"])
    assert first.startswith("LaoArchive.receive({") and first.endswith(");\n")
    tricky = as_script({"text": "</script>\u2028"})
    assert "</script>" not in tricky and "\u2028" not in tricky
    assert json.loads(tricky[len("LaoArchive.receive("):-3]) == {"text": "</script>\u2028"}


def test_a_language_without_articles_still_gets_a_loadable_index():
    empty = build_index([])
    assert empty["invertedIndex"] == [] and empty["pipeline"] == ["lao-stemmer"]
    assert Index.load(empty).search("ລາວ") == []
