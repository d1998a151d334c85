"""One article as the search sees it, made from what Pelican holds."""

import html
import os
import re
import shutil
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import lao_search.documents as documents
from lao_search.cache import fingerprint
from lao_search.documents import Analyzer, MachineText, Pdf, Source
from lao_search.text import WHITESPACE, chunks, fold, has_lao
from measure.pdf_measure import FIXTURE_PAGES, known_text

NEWS_PDF = Path(__file__).parent / "fixtures" / "pdf" / "lao-news.pdf"

SOURCE = Source(
    url="news/a.html",
    title="ຫນັງສືພິມ ITU",
    kind="news",
    date="2024-03-04",
    date_text="4 ມີນາ 2024",
    summary_html="<p>ນະຄອນຫລວງ</p>",
    body_html="<p>ລັດຖະບານ <b>ສະຫນອງ</b> ນ້ຳ.</p><p>Playing ລັດຖະບານ</p>",
    tags=("ດິຈິຕອນ", "ITU"),
)


def test_a_document_has_the_text_as_spelt_and_terms_per_field():
    doc = Analyzer().document(SOURCE)
    assert doc.text == "ໜັງສືພິມ ITU\nນະຄອນຫລວງ\nລັດຖະບານ ສະໜອງ ນ້ຳ.\nPlaying ລັດຖະບານ\nດິຈິຕອນ\nITU"
    title, tags, summary, body, pdf, scan = doc.fields
    assert title == ({"ໜັງສືພິມ": 1, "itu": 1}, 2)
    assert summary == ({"ນະຄອນຫຼວງ": 1}, 1)  # folded
    assert body[0]["ລັດຖະບານ"] == 2 and body[0]["plai"] == 1  # Porter stems English
    assert body[1] == sum(body[0].values())
    assert tags[0]["itu"] == 1
    assert pdf == ({}, 0) and doc.pdf_pages == () and doc.pdf_url == ""  # no PDF
    assert scan == ({}, 0) and doc.scan_urls == () and doc.machine_read == ()  # nothing read by machine
    assert sorted(doc.chunks) == sorted(["ໜັງສືພິມ", "ນະຄອນຫຼວງ", "ລັດຖະບານ", "ສະໜອງ", "ນ້ຳ.", "ດິຈິຕອນ"])  # each once


def test_each_distinct_chunk_is_broken_once(monkeypatch):
    calls = []
    original = documents.chunk_pieces
    monkeypatch.setattr(documents, "chunk_pieces", lambda chunk: calls.append(chunk) or original(chunk))
    analyzer = Analyzer()
    analyzer.document(SOURCE)
    analyzer.document(SOURCE)
    assert sorted(calls) == sorted(set(calls))
    assert "ລັດຖະບານ" in calls


def test_a_pdfs_pages_follow_the_body_in_the_text_and_are_a_field_of_their_own(tmp_path):
    pdf = tmp_path / "issue.pdf"
    shutil.copyfile(NEWS_PDF, pdf)
    doc = Analyzer().document(replace(SOURCE, pdf=Pdf.at(str(pdf)), pdf_url="../files/issue.pdf"))
    pages = [known_text(page) for page in FIXTURE_PAGES]
    assert doc.text == "\n".join(
        ["ໜັງສືພິມ ITU", "ນະຄອນຫລວງ", "ລັດຖະບານ ສະໜອງ ນ້ຳ.", "Playing ລັດຖະບານ", *pages, "ດິຈິຕອນ", "ITU"]
    )
    assert doc.tags == 2
    assert doc.pdf_url == "../files/issue.pdf"
    assert [doc.text[start : start + 20] for start in doc.pdf_pages] == [page[:20] for page in pages]
    assert doc.pdf_pages[1] == doc.pdf_pages[0] + len(pages[0]) + 1
    body, pdf_field = doc.fields[3], doc.fields[4]
    assert "ຫ້ອງສະໝຸດ" not in body[0] and "ຫ້ອງສະໝຸດ" in pdf_field[0]  # a word of page 1
    assert "ສັດປ່າ" in pdf_field[0]  # and of page 2
    assert any("ສັດປ່າ" in chunk for chunk in doc.chunks)  # the articles holding a Lao string are found from these


def test_page_offsets_are_the_browsers_utf16_offsets_and_empty_pages_keep_their_place():
    pages = ["ໜ້າ 😀 ໜຶ່ງ\n", "  ", "ໜ້າ\u200bສາມ"]  # an emoji is two UTF-16 units; a zero-width space goes
    analyzer = Analyzer(read_pdf=lambda path: pages)
    doc = analyzer.document(replace(SOURCE, tags=(), pdf=Pdf("x.pdf", 1, 2), pdf_url="files/x.pdf"))
    assert doc.text.endswith("\nໜ້າ 😀 ໜຶ່ງ\n\nໜ້າສາມ")
    start = doc.text.index("ໜ້າ 😀")
    units = len(doc.text.encode("utf-16-le")) // 2
    assert doc.pdf_pages == (start, start + len("ໜ້າ 😀 ໜຶ່ງ") + 2, start + len("ໜ້າ 😀 ໜຶ່ງ") + 3)
    assert units - doc.pdf_pages[2] == len("ໜ້າສາມ")


def test_a_pdf_without_text_adds_nothing():
    doc = Analyzer(read_pdf=lambda path: ["", " \n"]).document(replace(SOURCE, pdf=Pdf("scan.pdf", 1, 2), pdf_url="x"))
    plain = Analyzer().document(SOURCE)
    assert (doc.text, doc.fields, doc.pdf_pages, doc.pdf_url) == (plain.text, plain.fields, (), "")


def test_a_pdf_two_items_share_is_read_once_and_a_changed_one_is_told_apart(tmp_path):
    read = []
    analyzer = Analyzer(read_pdf=lambda path: read.append(path) or ["ລາວ"])
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"one")
    first = Pdf.at(str(pdf))
    analyzer.document(replace(SOURCE, pdf=first, pdf_url="files/x.pdf"))
    analyzer.document(replace(SOURCE, url="en/news/a.html", pdf=first, pdf_url="../files/x.pdf"))
    assert read == [str(pdf)]
    pdf.write_bytes(b"three")
    os.utime(pdf, ns=(first.mtime_ns, first.mtime_ns))  # the same time of change: the size tells
    assert Pdf.at(str(pdf)) != first
    pdf.write_bytes(b"two")
    os.utime(pdf, ns=(first.mtime_ns + 1, first.mtime_ns + 1))  # the same size: the time tells
    assert Pdf.at(str(pdf)) != first
    # what the document cache finds a document by
    assert fingerprint(replace(SOURCE, pdf=first)) != fingerprint(replace(SOURCE, pdf=Pdf.at(str(pdf))))


def test_a_sources_fingerprint_is_of_everything_in_it_and_of_each_field_apart():
    assert fingerprint(SOURCE) == fingerprint(replace(SOURCE))
    for field in fields(Source):
        value = getattr(SOURCE, field.name)
        if isinstance(value, str):
            other: object = value + "x"
        elif isinstance(value, tuple):
            other = (*value, "x")
        else:
            other = Pdf("x", 1, 2)  # None: the PDF and its text read by machine
        assert fingerprint(replace(SOURCE, **{field.name: other})) != fingerprint(SOURCE), field.name
    assert fingerprint(replace(SOURCE, title="ab", url="")) != fingerprint(replace(SOURCE, title="b", url="a"))
    assert fingerprint(replace(SOURCE, body_html="\ud800")) != fingerprint(replace(SOURCE, body_html="\udc00"))


def utf16(text):
    return len(text.encode("utf-16-le")) // 2


def greedy_cut(text, units):
    """cut's reading, spelt out: each whitespace run ends a segment; a piece takes segments while they fit."""
    segments = re.findall(f"[^{WHITESPACE}]*[{WHITESPACE}]+", text)
    segments.append(text[sum(map(len, segments)) :])
    pieces = [""]
    for segment in segments:
        if pieces[-1] and utf16(pieces[-1] + segment) > units:
            pieces.append("")
        pieces[-1] += segment
    return pieces if len(pieces) > 1 or pieces[0] or not text else [text]


@given(
    st.text(alphabet=st.sampled_from(["ກ", "າ", "້", " ", "\n", "\u200b", "a", "😀", "𠀀"]), max_size=200),
    st.integers(1, 30),
)
def test_a_long_text_is_cut_after_whitespace_into_parts_of_at_most_so_many_utf16_units(text, units):
    pieces = documents.cut(text, units)
    assert pieces == greedy_cut(text, units)
    assert "".join(pieces) == text
    for piece in pieces:
        inside = re.sub(f"[{WHITESPACE}]+$", "", piece)
        assert utf16(piece) <= units or not re.search(f"[{WHITESPACE}]", inside)  # else a run without a break


@given(
    st.text(alphabet=st.sampled_from(["ກ", "າ", "້", " ", " ", "\n", "\u00a0", "\u200b", "a"]), max_size=400),
    st.integers(1, 40),
)
def test_a_text_of_the_basic_plane_only_is_cut_as_spelt_out_too(text, units):
    # such a text (every Lao one) takes cut's quicker way, which searches backwards for where a piece ends
    assert documents.cut(text, units) == greedy_cut(text, units)


def test_a_character_beyond_the_bmp_counts_two_units_as_in_the_browser():
    assert documents.cut("😀 a", 3) == ["😀 ", "a"]
    assert documents.cut("ກ າ", 3) == ["ກ າ"]


# Lao spelt two ways, whitespace Python and the browser split at (and some only Python does), an accent alone and
# a mark that is no accent, letters whose case or accents fold to more or fewer characters, Greek sigmas, a
# zero-width space, a character beyond the BMP (two UTF-16 units)
NASTY = ["ກ", "ຫ", "ລ", "ຣ", "າ", "້", "ໍ", " ", "\n", "\u00a0", "\u2000", "\u2028", "\u3000", "\x85", "\x1c", "\u200b"]
NASTY += ["e", "\u0301", "\u0483", "É", "Σ", "ς", "A", "İ", "ß", "2", ".", "😀"]
TEXTS = st.text(alphabet=st.sampled_from(NASTY), max_size=60)


def plain_keys(analyzer, text):
    """A part's keys as the rule says, folded and cut into chunks on its own: (Lao chunks, other terms)."""
    found = set(chunks(fold(text)))
    terms = {term for chunk in found for term in analyzer.chunk_terms[chunk] if not has_lao(term)}
    return {chunk for chunk in found if has_lao(chunk)}, terms


@settings(max_examples=300)
@example(texts=[""] * 5, pages=["22222"], machine=set(), extra=[], scans=[], units=4)  # pages, nothing before them
@given(
    texts=st.lists(TEXTS, min_size=5, max_size=5),
    pages=st.lists(TEXTS, max_size=4),  # the PDF's, typed but for those read by machine
    machine=st.sets(st.integers(1, 4)),
    extra=st.lists(TEXTS, max_size=2),  # pages read by machine beyond the typed ones
    scans=st.lists(TEXTS, max_size=3),  # page scans, read when the PDF has no text
    units=st.integers(4, 40),
)
def test_a_long_documents_fields_and_parts_have_the_keys_each_of_them_has_on_its_own(
    texts, pages, machine, extra, scans, units
):
    # The long way folds each part once and takes each field's chunks from its parts': the same as folding each
    # field on its own (the short way), and each part's keys those of its own text.
    title, summary, body, tag, other_tag = texts
    source = replace(
        SOURCE,
        title=title,
        summary_html=html.escape(summary),
        body_html=html.escape(body),
        tags=tuple(t for t in (tag, other_tag) if t),
        pdf=Pdf("x.pdf", 1, 2) if pages else None,
        pdf_text=MachineText("x.txt", 1, 2) if pages else None,
        pdf_url="files/x.pdf" if pages else "",
        scans=tuple((f"s{i}.jpg", MachineText(f"s{i}.txt", 1, 2)) for i in range(len(scans))),
    )
    typed = [page if n not in machine else "" for n, page in enumerate(pages, 1)]
    read = {"x.txt": [page if n in machine else "" for n, page in enumerate(pages, 1)] + extra}
    read.update((f"s{i}.txt", [text]) for i, text in enumerate(scans))

    def analyse():
        return Analyzer(read_pdf=lambda path: typed, read_machine=read.get).document(source)

    whole = analyse()  # PART_UNITS as it is: short
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(documents, "PART_UNITS", units)
        patch.setattr(documents, "LONG_UNITS", units)
        cut_up = analyse()
    analyzer = Analyzer()
    assert cut_up.text == whole.text and cut_up.fields == whole.fields
    assert set(cut_up.chunks) == set(whole.chunks) and set(cut_up.spellings) == set(whole.spellings)
    assert "".join(part for part, _page in cut_up.parts) == cut_up.text or not cut_up.parts
    assert [(set(lao), set(terms)) for lao, terms in cut_up.part_keys] == [
        plain_keys(analyzer, part) for part, _page in cut_up.parts
    ]
