"""Close spellings at build time: the neighbourhood near.py keeps of the archive's spellings, and its files."""

import json
from itertools import combinations, pairwise

import pytest

from lao_search.documents import Analyzer, Source
from lao_search.index import Layout, order, search_files
from lao_search.near import LAO_SHORTEST, LATIN_SHORTEST, PREFIX, neighbourhood, skeleton, toned
from lao_search.text import has_lao


def left_out(word, most):
    """Every string made of ``word`` by leaving out up to ``most`` of its letters (the letters kept in order)."""
    return {"".join(kept) for n in range(len(word) - most, len(word) + 1) for kept in combinations(word, n)}


def test_a_lao_key_is_kept_under_its_skeleton_and_under_each_letter_of_it_left_out():
    found = neighbourhood({"ບ້ານ": 4}, {})
    assert found == {"ບານ": ["ບ້ານ", 4], "ານ": ["ບ້ານ", 4], "ບນ": ["ບ້ານ", 4], "ບາ": ["ບ້ານ", 4]}


def test_a_long_lao_key_is_kept_under_the_first_seven_letters_of_its_skeleton_with_any_one_left_out():
    found = neighbourhood({"ການສື່ສານ": 2}, {})
    assert set(found) == left_out("ການສືສາ", 1)  # ການສືສານ, its last letter past the seventh
    assert "ການສື່ສ" not in found  # asked for without its tone marks
    assert all(spellings == ["ການສື່ສານ", 2] for spellings in found.values())


def test_all_four_tone_marks_are_left_out_of_a_skeleton_and_other_signs_are_not():
    assert set(neighbourhood({"ກ່ກ້ກ໊ກ໋": 1}, {})) == left_out("ກກກກ", 1)
    assert "ເບີ໌" in neighbourhood({"ເບີ໌": 1}, {})  # ໌ (U+0ECC) is no tone mark


def test_a_lao_key_of_a_two_letter_skeleton_is_kept_under_its_skeleton_only():
    assert neighbourhood({"ນ້ຳ": 5}, {}) == {"ນຳ": ["ນ້ຳ", 5]}  # three code points: kept, but not cut


@pytest.mark.parametrize(
    ("word", "kept", "most"),
    [
        ("road", "road", 0),
        ("roads", "roads", 1),
        ("played", "played", 1),
        ("village", "village", 2),
        ("villages", "village", 2),
        ("government", "governm", 2),
    ],
)
def test_a_latin_word_is_kept_under_its_first_seven_letters_with_one_left_out_from_five_and_two_from_seven(
    word, kept, most
):
    found = neighbourhood({}, {word: 3})
    assert set(found) == left_out(kept, most)
    assert all(spellings == [word, 3] for spellings in found.values())


def test_spellings_too_short_to_guess_from_are_left_out():
    assert neighbourhood({"ລາ": 9, "ນ້": 9}, {"itu": 9, "5g": 9}) == {}
    assert set(neighbourhood({"ລາວ": 1}, {"road": 1})) == {"ລາວ", "ລວ", "ລາ", "າວ", "road"}  # the shortest kept


def test_each_variant_lists_its_spellings_by_articles_then_by_spelling():
    # ເກົ້າ (nine), ເກົ່າ (old) and ເກົາ share a skeleton; ເກົາ sorts before ເກົ່າ (U+0EB2 before U+0EC8).
    found = neighbourhood({"ເກົ່າ": 3, "ເກົ້າ": 7, "ເກົາ": 3}, {"roads": 2, "toads": 2, "rods": 5})
    assert found["ເກົາ"] == ["ເກົ້າ", 7, "ເກົາ", 3, "ເກົ່າ", 3]
    assert found["rods"] == ["rods", 5, "roads", 2]
    assert found["oads"] == ["roads", 2, "toads", 2]


def test_an_articles_spellings_are_its_latin_words_as_written():
    document = Analyzer().document(
        Source(
            url="news/x.html",
            title="The Government’s plans: COVID19 and ITU",
            kind="news",
            date="2024-01-01",
            date_text="",
            body_html="<p>ການສື່ສານ ແລະ café roads x2y3 2024 ລາວabcd</p>",
            tags=("Broadband",),
        )
    )
    # folded (lower case, no accents), not stemmed; four letters or more; no digits; no Lao
    assert sorted(document.spellings) == sorted(["government", "plans", "covid", "cafe", "roads", "abcd", "broadband"])


def source(url, date, title, body):
    return Source(url=url, title=title, kind="news", date=date, date_text=date, body_html=body)


SOURCES = [
    source("a.html", "2024-01-01", "ການສື່ສານ", "<p>ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ. The government of Laos.</p>"),
    source("b.html", "2024-01-02", "ນັກວິທະຍາສາດ", "<p>ນັກວິທະຍາສາດ ແລະ ການສື່ສານ.</p>"),
    source("c.html", "2024-01-03", "Villages", "<p>The government connected villages to broadband.</p>"),
    # letters outside the Basic Multilingual Plane sort before ｗｉｄｅ in UTF-16, after it by code point
    source("d.html", "2024-01-04", "Letters", "<p>𝐛𝐨𝐥𝐝 and ｗｉｄｅ letters.</p>"),
]


SMALL = Layout(shard_bytes=200, inline_bytes=6, near_bytes=300)  # small shards, so that there are several


def files_of(sources):
    """{file name: payload} of the search data of ``sources``."""
    analyzer = Analyzer()
    documents = order([analyzer.document(s) for s in sources])
    scripts = search_files("lo", documents, analyzer.pieces, SMALL)
    prefix, suffix = "LaoArchive.receive(", ");\n"
    for script in scripts.values():
        assert script.startswith(prefix) and script.endswith(suffix)
    return {name: json.loads(script[len(prefix) : -len(suffix)]) for name, script in scripts.items()}


def utf16(text):
    return text.encode("utf-16-be")  # the browser compares strings by UTF-16 code units


def test_the_entry_names_a_folder_of_close_spellings_holding_their_entry_and_numbered_shards():
    files = files_of(SOURCES)
    folder = files["index.js"]["near"]["folder"]
    assert folder.startswith("n-") and len(folder) == len("n-") + 12
    starts = files[f"{folder}/index.js"]["starts"]
    assert len(starts) > 2
    assert {name for name in files if name.startswith(folder + "/")} == {f"{folder}/index.js"} | {
        f"{folder}/{i}.js" for i in range(len(starts))
    }


def test_the_search_entry_says_where_the_shards_of_a_latin_words_close_spellings_begin():
    # those that begin before the Lao block (few in Lao, all in English): a variant that sorts before it, as a Latin
    # word's do, falls in the shard it says, as in the close spellings' own entry
    files = files_of(SOURCES)
    folder, before = files["index.js"]["near"]["folder"], files["index.js"]["near"]["before"]
    starts = files[f"{folder}/index.js"]["starts"]
    assert 0 < len(before) < len(starts) and before == starts[: len(before)]
    keys = [key for i in range(len(starts)) for key in files[f"{folder}/{i}.js"]["keys"]]
    early = [key for key in keys if utf16(key) < utf16("\u0e80")]
    assert {"governm", "village"} <= set(early)  # their variants: the first seven letters (near.PREFIX)
    assert not any(has_lao(key) for key in early)
    assert "𝐛𝐨𝐥𝐝" in keys and "𝐛𝐨𝐥𝐝" not in early  # Latin letters beyond the Lao block: the close spellings' entry

    def shard(key, among):
        return max(k for k, begins in enumerate(among) if utf16(begins) <= utf16(key))

    assert all(shard(key, before) == shard(key, starts) for key in early)


def test_close_spellings_are_sorted_and_each_is_in_the_shard_the_entry_says():
    files = files_of(SOURCES)
    folder = files["index.js"]["near"]["folder"]
    starts = files[f"{folder}/index.js"]["starts"]
    shards = [files[f"{folder}/{i}.js"] for i in range(len(starts))]
    keys = [key for shard in shards for key in shard["keys"]]
    assert keys == sorted(keys, key=utf16) and len(set(keys)) == len(keys)
    assert starts[0] == "" and starts == sorted(starts, key=utf16)
    for (before, after), begins in zip(pairwise(shards), starts[1:], strict=True):
        assert utf16(before["keys"][-1]) < utf16(begins) <= utf16(after["keys"][0])
    for i, shard in enumerate(shards):
        assert len(shard["near"]) == len(shard["keys"])
        for key in shard["keys"]:  # the page's search: the last shard that begins at or before the key
            assert max(k for k, begins in enumerate(starts) if utf16(begins) <= utf16(key)) == i, key


def test_the_files_hold_the_neighbourhood_of_every_spelling_with_the_number_of_articles_that_contain_it():
    files = files_of(SOURCES)
    folder = files["index.js"]["near"]["folder"]
    found = {}  # variant -> [spelling, articles, ...]
    for i in range(len(files[f"{folder}/index.js"]["starts"])):
        shard = files[f"{folder}/{i}.js"]
        found.update(zip(shard["keys"], shard["near"], strict=True))
    counts = {}  # spelling -> articles
    for spellings in found.values():
        counts.update(zip(spellings[::2], spellings[1::2], strict=True))
    assert counts["ການສື່ສານ"] == 2 and counts["ນັກວິທະຍາສາດ"] == 1  # Lao keys, in the articles that hold them
    assert counts["government"] == 2 and counts["villages"] == 1 and counts["broadband"] == 1  # words as written
    assert not {"govern", "villag", "connect"} & counts.keys()  # not stemmed
    lao = {spelling: n for spelling, n in counts.items() if has_lao(spelling)}
    latin = {spelling: n for spelling, n in counts.items() if not has_lao(spelling)}
    assert min(map(len, lao)) == LAO_SHORTEST and min(map(len, latin)) == LATIN_SHORTEST  # "ແລະ", "laos"
    assert found == neighbourhood(lao, latin)  # no variant lost or split between two shards


def test_the_close_spellings_folder_is_named_by_its_content():
    first = files_of(SOURCES)["index.js"]["near"]["folder"]
    assert files_of(SOURCES)["index.js"]["near"]["folder"] == first
    more = [*SOURCES, source("e.html", "2024-01-05", "Roads", "<p>New roads.</p>")]
    assert files_of(more)["index.js"]["near"]["folder"] != first


def test_an_archive_without_spellings_has_no_close_spellings():
    assert files_of([])["index.js"]["near"] is None
    assert not any(name.startswith("n-") for name in files_of([]))


def test_a_lao_key_that_begins_where_no_word_may_is_no_spelling_a_reader_means():
    # ັດຕັ້ງ: the end of ຈັດ with the units after it, a key of substrings.py; ຈັດຕັ້ງ is a spelling
    found = neighbourhood({"ຈັດຕັ້ງ": 5, "ັດຕັ້ງ": 5}, {})
    spellings = {spelling for close in found.values() for spelling in close[::2]}
    assert spellings == {"ຈັດຕັ້ງ"}


def test_each_spelling_with_tone_marks_is_listed_under_its_skeleton_alone():
    found = toned({"ເກົ່າ": 3, "ເກົ້າ": 7, "ເກົາ": 3, "ລາວ": 5, "ນ້": 9, "ັດຕັ້ງ": 2, "ການສື່ສານ": 2})
    # by articles, then spelling; no spelling without tone marks, none too short, none where no word may begin
    assert found == {"ເກົາ": ["ເກົ້າ", 7, "ເກົ່າ", 3], "ການສືສານ": ["ການສື່ສານ", 2]}


def test_under_a_skeleton_are_the_spellings_its_neighbourhood_lists_with_that_skeleton():
    lao = {"ເກົ່າ": 3, "ເກົ້າ": 7, "ເກົາ": 3, "ການສື່ສານ": 2, "ການສືສານ": 1, "ການສື່ສານມວນຊົນ": 4, "ບ້ານ": 6}
    near = neighbourhood(lao, {})
    found = toned(lao)
    for bare in {skeleton(spelling) for spelling in lao}:
        listed = near[bare[:PREFIX]]
        with_marks = [(s, n) for s, n in zip(listed[::2], listed[1::2], strict=True) if skeleton(s) == bare != s]
        assert found.get(bare, []) == [x for pair in with_marks for x in pair], bare


def test_the_entry_names_where_each_shard_of_toned_spellings_begins_and_each_skeleton_is_in_the_one_it_says():
    files = files_of(SOURCES)
    tones = files["index.js"]["tones"]
    folder, starts = tones["folder"], tones["starts"]
    assert folder.startswith("t-") and len(folder) == len("t-") + 12
    assert {name for name in files if name.startswith(folder + "/")} == {f"{folder}/{i}.js" for i in range(len(starts))}
    shards = [files[f"{folder}/{i}.js"] for i in range(len(starts))]
    keys = [key for shard in shards for key in shard["keys"]]
    assert len(shards) > 1 and keys == sorted(keys, key=utf16) and len(set(keys)) == len(keys)
    for i, shard in enumerate(shards):
        assert len(shard["toned"]) == len(shard["keys"])
        for key in shard["keys"]:  # the page's search: the last shard that begins at or before the key
            assert max(k for k, begins in enumerate(starts) if utf16(begins) <= utf16(key)) == i, key
    # every Lao spelling of the close spellings' files with tone marks, under its skeleton
    near = files["index.js"]["near"]["folder"]
    counts = {}
    for i in range(len(files[f"{near}/index.js"]["starts"])):
        for spellings in files[f"{near}/{i}.js"]["near"]:
            counts.update(zip(spellings[::2], spellings[1::2], strict=True))
    expected = toned({spelling: n for spelling, n in counts.items() if has_lao(spelling)})
    assert "ການສືສານ" in expected
    assert {
        key: list_ for shard in shards for key, list_ in zip(shard["keys"], shard["toned"], strict=True)
    } == expected


def test_an_archive_without_tone_marks_has_no_toned_spellings():
    assert files_of([])["index.js"]["tones"] is None
    english = [source("e.html", "2024-01-05", "Roads", "<p>New roads.</p>")]
    assert files_of(english)["index.js"]["tones"] is None
