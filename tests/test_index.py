"""One language's search data as files: an entry, dictionary shards, records in files of their own, articles."""

import base64
import json
from dataclasses import replace
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from lao_search import codec
from lao_search.bm25 import weights
from lao_search.documents import Analyzer, Pdf, Source
from lao_search.index import Layout, as_script, compact_json, digest, order, search_files
from lao_search.segment import segment
from lao_search.text import folded, has_lao

SOURCES = [
    Source(
        url="news/b.html",
        title="Broadband",
        kind="reports",
        date="2023-01-02",
        date_text="2 January 2023",
        body_html="<p>The team played and is playing away.</p>",
    ),
    Source(
        url="news/a.html",
        title="ຫນັງສືພິມ ດິຈິຕອນ",
        kind="news",
        date="2024-03-04",
        date_text="4 ມີນາ 2024",
        body_html="<p>ສູນບໍລິຫານລັດດິຈິຕອນ ນໍ້າ</p>",
        tags=("ITU",),
    ),
    Source(
        url="news/c.html",
        title="ລັດຖະບານ",
        kind="news",
        date="2023-01-02",
        date_text="2 ມັງກອນ 2023",
        summary_html="<p>ນະຄອນຫລວງ</p>",
        body_html="<p>ລັດຖະບານ ສະໜອງ ນ້ຳ</p>",
    ),
]


def payload(script):
    assert script.startswith("LaoArchive.receive(") and script.endswith(");\n")
    return json.loads(script[len("LaoArchive.receive(") : -3])


SMALL = Layout(shard_bytes=200, inline_bytes=5, common=2)  # small shards, so that the fixture has several


def built(layout=SMALL, sources=SOURCES):
    analyzer = Analyzer()
    documents = order([analyzer.document(s) for s in sources])
    return documents, {
        name: payload(script) for name, script in search_files("lo", documents, analyzer.pieces, layout).items()
    }


def shard_names(entry):
    """The file names of the dictionary's shards, in order."""
    return [f"{entry['dictionary']}/{i}.js" for i in range(len(entry["shards"]))]


def records(files):
    out = {}
    for name in shard_names(files["index.js"]):
        shard = files[name]
        for i, key in enumerate(shard["keys"]):
            record = shard["records"][i]
            if record.startswith("/"):
                record = files[record[1:]]["record"]
            out[key] = (record, shard["terms"][i] == "1", shard["words"].get(str(i)))
    return out


def test_articles_are_numbered_oldest_first_then_by_url():
    documents, files = built()
    assert [d.url for d in documents] == ["news/b.html", "news/c.html", "news/a.html"]
    entry = files["index.js"]
    assert entry["count"] == 3 and entry["lang"] == "lo" and entry["pipeline"] == ["lao-stemmer"]
    assert entry["kinds"] == {"names": ["news", "reports"], "runs": [[1, 1], [0, 2]]}
    assert entry["years"] == [["2023", 0], ["2024", 2]]
    assert entry["lengths"] == "CBE"  # 8, 5 and 14 terms: levels 2, 1 and 4


def test_what_a_result_shows_is_an_article_file_each():
    _, files = built()
    folder = files["index.js"]["fragments"]
    assert files[f"{folder}/2.js"]["doc"] == {
        "url": "news/a.html",
        "title": "ຫນັງສືພິມ ດິຈິຕອນ",
        "kind": "news",
        "date": "2024-03-04",
        "dateText": "4 ມີນາ 2024",
        "text": "ໜັງສືພິມ ດິຈິຕອນ\nສູນບໍລິຫານລັດດິຈິຕອນ ນ້ຳ\nITU",
        "tags": 1,  # the last line of text: "ITU"
    }
    assert files[f"{folder}/1.js"]["doc"]["text"] == "ລັດຖະບານ\nນະຄອນຫລວງ\nລັດຖະບານ ສະໜອງ ນ້ຳ"  # as spelt


def test_shards_hold_every_key_in_order_and_the_entry_names_where_each_begins():
    _, files = built()
    starts = files["index.js"]["shards"]
    shards = shard_names(files["index.js"])
    assert len(shards) > 2
    keys = [key for name in shards for key in files[name]["keys"]]
    assert keys == sorted(keys, key=lambda k: k.encode("utf-16-be"))
    assert starts[0] == ""
    for (before, name), begins in zip(pairwise(shards), starts[1:], strict=True):  # after the keys before it
        first = files[name]["keys"][0]
        assert first.startswith(begins) and begins.encode("utf-16-be") > files[before]["keys"][-1].encode("utf-16-be")
    assert {"ໜັງສືພິມ", "ນ້ຳ", "ນະຄອນຫຼວງ", "itu", "plai", "awai"} <= set(keys)  # folded, stemmed
    assert not {"ຫນັງສືພິມ", "ນໍ້າ", "ນະຄອນຫລວງ", "playing"} & set(keys)
    assert any(name.startswith("l/") for name in files)  # a long record gets a file of its own


def test_keys_beyond_the_basic_multilingual_plane_sort_as_the_browser_compares_them():
    # In UTF-16, which the browser compares, 𝐀 (U+1D400) is D835 DC00: before ａ (U+FF41); by code point, after it.
    _, files = built(sources=[*SOURCES, replace(SOURCES[0], url="news/d.html", body_html="<p>𝐀𝐛𝐜 ａｂｃ ｚ𝐀</p>")])
    keys = [key for name in shard_names(files["index.js"]) for key in files[name]["keys"]]
    assert keys == sorted(keys, key=utf16)
    assert keys.index("𝐀𝐛𝐜") < keys.index("ａｂｃ") < keys.index("ｚ𝐀")


def test_a_lao_key_that_is_no_term_carries_its_words():
    _, files = built()
    found = records(files)
    _record, is_term, words = found["ລັດຖະບານ"]
    assert is_term and words is None
    pairs = [key for key, (_, term, words) in found.items() if words and len(words) == 2 and not term]
    assert pairs
    lao_terms = {key for key, (_, term, _) in found.items() if term and "\u0e80" <= key[0] <= "\u0eff"}
    for key in pairs:
        words = found[key][2]
        assert "".join(w.lstrip("~") for w in words) == key
        assert [w.lstrip("~") for w in words] == segment(key, lao_terms.__contains__, max(map(len, lao_terms)))


def test_files_are_named_by_their_content_and_the_same_articles_give_the_same_files():
    _, first = built()
    _, again = built()
    assert first == again
    for name, payload in first.items():
        if name.startswith("l/"):
            assert name.split("/")[1] == digest(as_script(payload)) + ".js"
    shards = [as_script(first[name]) for name in shard_names(first["index.js"])]
    assert first["index.js"]["dictionary"] == "d-" + digest("".join(map(digest, shards)))


def test_the_entry_names_the_commonest_words_whose_records_sit_in_files_of_their_own():
    _, files = built()
    entry = files["index.js"]
    common = entry["common"]
    found = records(files)
    long_terms = [key for key, (record, term, _words) in found.items() if term and len(record) > SMALL.inline_bytes]
    longest = sorted(long_terms, key=lambda key: (-len(found[key][0]), key))[:2]
    assert sorted(common["keys"]) == sorted(longest) and len(long_terms) > 2  # two of more, the longest records
    assert common["keys"] == sorted(common["keys"], key=lambda k: k.encode("utf-16-be"))
    scripts = []
    for i, key in enumerate(common["keys"]):
        name = f"{common['folder']}/{i}.js"
        assert files[name]["record"] == found[key][0]
        scripts.append(as_script(files[name]))
        shard = next(files[n] for n in shard_names(entry) if key in files[n]["keys"])
        assert shard["records"][shard["keys"].index(key)] == "/" + name  # the shard names the same file
    assert common["folder"] == "c-" + digest("".join(map(digest, scripts)))
    assert not any(name.startswith("c-") for name in built(replace(SMALL, common=0))[1])


def test_the_entry_names_every_lao_letter_that_is_a_word_of_its_own_as_well():
    # A reader's doubled letter: ICU leaves the second one alone (ຄະແນນ ນ), and the query is ranked by it.
    analyzer = Analyzer()
    typed = Source(
        url="news/d.html",
        title="ຄະແນນນ",
        kind="news",
        date="2024-05-06",
        date_text="6 ພຶດສະພາ 2024",
        body_html="<p>ຄະແນນນ ນັກຮຽນ ແລະ ຄະແນນນີ້ ບ</p>",
    )
    documents = order([analyzer.document(s) for s in [*SOURCES, typed]])
    layout = replace(SMALL, common=1)
    files = {name: payload(script) for name, script in search_files("lo", documents, analyzer.pieces, layout).items()}
    found = records(files)
    long_terms = [key for key, (record, term, _words) in found.items() if term and len(record) > layout.inline_bytes]
    letters = [key for key in long_terms if len(key) == 1 and has_lao(key)]
    longest = min(long_terms, key=lambda key: (-len(found[key][0]), key))
    assert "ນ" in letters and {*letters} - {longest}  # a letter not among the commonest as well
    assert sorted(files["index.js"]["common"]["keys"]) == sorted({longest, *letters})
    off = search_files("lo", documents, analyzer.pieces, replace(layout, common=0))
    assert not any(name.startswith("c-") for name in off)


def test_the_lao_words_alone_are_in_shards_of_their_own_for_splitting_queries():
    _, files = built(replace(SMALL, shard_bytes=40))
    entry = files["index.js"]
    folder, starts = entry["words"]["folder"], entry["words"]["starts"]
    shards = [files[f"{folder}/{i}.js"]["words"] for i in range(len(starts))]
    assert len(shards) > 1
    words = [word for shard in shards for word in shard]
    lao_terms = sorted((key for key, (_r, term, _w) in records(files).items() if term and has_lao(key)), key=utf16)
    assert words == lao_terms  # every Lao word, no other key, in order
    assert starts[0] == ""
    for (before, shard), begins in zip(pairwise(shards), starts[1:], strict=True):
        assert shard[0].startswith(begins) and utf16(begins) > utf16(before[-1])
    scripts = [as_script({"words": shard}) for shard in shards]
    assert folder == "w-" + digest("".join(map(digest, scripts)))


def utf16(key):
    return key.encode("utf-16-be")


def test_long_articles_are_told_by_how_many_parts_each_has():
    long_text = "<p>" + " ".join(["ລັດຖະບານ ສະໜອງ ນ້ຳ ໃຫ້ ປະຊາຊົນ."] * 400) + "</p>"
    analyzer = Analyzer()
    sources = [*SOURCES, replace(SOURCES[2], url="news/d.html", body_html=long_text)]
    documents = order([analyzer.document(s) for s in sources])
    entry = payload(search_files("lo", documents, analyzer.pieces, SMALL)["index.js"])
    counts = codec_numbers(entry["long"])
    assert counts == [len(d.parts) for d in documents]
    assert [(d.url, n > 1) for d, n in zip(documents, counts, strict=True) if n] == [("news/d.html", True)]


def codec_numbers(text):
    """codec.numbers read back (js/src/codec.js numbers())."""
    out, value, shift = [], 0, 0
    for char in text:
        digit = codec.ALPHABET.index(char)
        value |= (digit & (codec.MORE - 1)) << shift
        shift += 5
        if not digit & codec.MORE:
            out.append(value)
            value, shift = 0, 0
    return out


def test_default_layout_keeps_small_records_inline():
    _, files = built(Layout())
    assert not any(name.startswith("l/") for name in files)


def test_a_language_without_articles_still_gets_a_loadable_entry():
    files = search_files("en", [], {}, Layout())
    entry = payload(files["index.js"])
    assert entry["count"] == 0 and entry["shards"] == [] and entry["years"] == []


def test_data_scripts_are_safe_to_load():
    tricky = as_script({"text": "</script>\u2028"})
    assert "</script>" not in tricky and "\u2028" not in tricky
    assert payload(tricky) == {"text": "</script>\u2028"}


def test_an_article_with_a_pdf_shows_its_url_and_where_its_pages_begin_and_its_words_are_keys():
    pages = ["ຫ້ອງສະໝຸດ ແຫ່ງຊາດ", "ກ້ອງ ຖ່າຍຮູບ ສັດປ່າ"]
    analyzer = Analyzer(read_pdf=lambda path: pages)
    issue = replace(SOURCES[1], pdf=Pdf("files/x.pdf", 10, 20), pdf_url="../files/x.pdf")
    documents = order([analyzer.document(s) for s in [SOURCES[0], issue, SOURCES[2]]])
    files = {name: payload(script) for name, script in search_files("en", documents, analyzer.pieces).items()}
    shown = files[f"{files['index.js']['fragments']}/2.js"]["doc"]
    assert shown["text"] == "ໜັງສືພິມ ດິຈິຕອນ\nສູນບໍລິຫານລັດດິຈິຕອນ ນ້ຳ\nຫ້ອງສະໝຸດ ແຫ່ງຊາດ\nກ້ອງ ຖ່າຍຮູບ ສັດປ່າ\nITU"
    assert shown["print"] == {"url": "../files/x.pdf", "pages": [42, 60]}
    assert [shown["text"][at:].split("\n")[0] for at in shown["print"]["pages"]] == pages
    assert shown["tags"] == 1
    assert "print" not in files[f"{files['index.js']['fragments']}/0.js"]["doc"]
    weighed = weights([d.fields for d in documents])
    assert weighed.refs_of("ສັດປ່າ") == [2]  # a word only the PDF has: its article, weighed as a body's word
    record, is_term, _words = records(files)["ສັດປ່າ"]
    assert is_term and record == codec.postings([2], weighed.weights_of("ສັດປ່າ")) + "." + codec.int_set(0)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),  # any text: lone surrogates, U+2028...
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(JSON_VALUES)
def test_the_search_datas_json_is_the_standard_librarys_compact_sorted_json(payload):
    # orjson writes it where it can; a lone surrogate (none reaches the search data) falls back to the standard library
    assert compact_json(payload) == json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def set_members(text):
    """A set as codec.int_set wrote it, read back (js/src/codec.js): a bitmap after "!", else gaps."""
    if text.startswith(codec.BITMAP):
        data = base64.urlsafe_b64decode(text[1:] + "=" * (-len(text[1:]) % 4))
        return {n for n in range(len(data) * 8) if data[n // 8] >> (n % 8) & 1}
    members, at = set(), -1
    for gap in codec_numbers(text):
        at += gap + 1
        members.add(at)
    return members


def test_a_key_names_the_parts_of_a_long_article_that_hold_it_lao_terms_and_others_alike():
    # A Lao term's parts come from the chunks that hold it, an English term's from the part's own terms
    supply, news = "ລັດຖະບານ ສະໜອງ ນ້ຳ ໃຫ້ ປະຊາຊົນ. ", "ປະຊາຊົນ ໄດ້ ຮັບ ຂ່າວ ITU ໃນ ປີ 2024. "
    long_text = f"<p>{supply * 80}{news * 200}{supply * 80}</p>"
    analyzer = Analyzer()
    sources = [*SOURCES, replace(SOURCES[2], url="news/d.html", body_html=long_text)]
    documents = order([analyzer.document(s) for s in sources])
    long = next(d for d in documents if d.parts)  # the only long one: its parts are numbered from 0
    files = {name: payload(script) for name, script in search_files("lo", documents, analyzer.pieces, SMALL).items()}
    found = records(files)
    for key in ("ສະໜອງ", "ຂ່າວ", "itu", "2024"):
        record, is_term, _words = found[key]
        holding = {k for k, (text, _page) in enumerate(long.parts) if key in folded(text)}
        assert is_term and 0 < len(holding) < len(long.parts)
        assert set_members(record.split(".")[2]) == holding, key
