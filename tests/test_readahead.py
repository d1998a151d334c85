"""PDFs read ahead on every core: each wanted PDF is read once, in another process, and given back; a PDF that
cannot be read fails where it is given back."""

import os

import pytest

from lao_search.documents import Pdf
from lao_search.pdftext import PdfUnreadable
from lao_search.readahead import PdfReadahead


def pages_and_reader(path):
    """Pretends to read the PDF at ``path``: its name as its one page, and which process read it."""
    if path.endswith("bad.pdf"):
        raise PdfUnreadable("not a PDF, or damaged")
    return [os.path.basename(path), str(os.getpid())]


def pdf(name):
    return Pdf(f"/content/files/{name}", 1, 1)


def test_each_pdf_is_read_once_in_another_process_and_given_back():
    readahead = PdfReadahead(pages_and_reader, workers=2)
    try:
        for name in ("a.pdf", "b.pdf", "a.pdf", "c.pdf"):
            readahead.want(pdf(name))
        read = dict(readahead.ready()) | dict(readahead.wait())
    finally:
        readahead.close()
    assert set(read) == {pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")}
    assert all(texts[0] == os.path.basename(key.path) for key, texts in read.items())
    assert all(texts[1] != str(os.getpid()) for texts in read.values())  # read elsewhere
    assert list(readahead.wait()) == []  # nothing is given twice


def test_a_pdf_that_cannot_be_read_fails_where_it_is_given_back():
    readahead = PdfReadahead(pages_and_reader, workers=1)
    try:
        readahead.want(pdf("bad.pdf"))
        with pytest.raises(PdfUnreadable, match="damaged"):
            list(readahead.wait())
    finally:
        readahead.close()
