"""One article as the search sees it, made from what Pelican holds."""

import lao_search.documents as documents
from lao_search.documents import Analyzer, Source

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
    title, tags, summary, body = doc.fields
    assert title == ({"ໜັງສືພິມ": 1, "itu": 1}, 2)
    assert summary == ({"ນະຄອນຫຼວງ": 1}, 1)  # folded
    assert body[0]["ລັດຖະບານ"] == 2 and body[0]["plai"] == 1  # Porter stems English
    assert body[1] == sum(body[0].values())
    assert tags[0]["itu"] == 1
    assert doc.chunks == {"ໜັງສືພິມ", "ນະຄອນຫຼວງ", "ລັດຖະບານ", "ສະໜອງ", "ນ້ຳ.", "ດິຈິຕອນ"}


def test_each_distinct_chunk_is_broken_once(monkeypatch):
    calls = []
    original = documents.chunk_pieces
    monkeypatch.setattr(documents, "chunk_pieces", lambda chunk: calls.append(chunk) or original(chunk))
    analyzer = Analyzer()
    analyzer.document(SOURCE)
    analyzer.document(SOURCE)
    assert sorted(calls) == sorted(set(calls))
    assert "ລັດຖະບານ" in calls
