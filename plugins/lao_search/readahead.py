"""PDFs read on every core while the articles that name them wait: the text of a magazine's PDF is most of what a
cold build does for the search (about 0.1 s a page by PDFium and the repairs of pdftext.py, a 96-page issue ten
seconds), and the indexing itself runs in one process.

``PdfReadahead.want(pdf)`` starts reading a PDF in a pool of processes (forked: PDFium is not thread-safe, and a
forked worker needs no import of its caller); ``ready()`` gives those read so far, ``wait()`` the rest. Where there
is no fork, nothing runs ahead: ``wait()`` reads them here, one by one.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from .background import can_fork

if TYPE_CHECKING:
    from .documents import Pdf


class PdfReadahead:
    def __init__(self, read: Callable[[str], list[str]], workers: int | None = None) -> None:
        self.read = read  # path -> the text of each page (pdftext.page_texts)
        self.workers = workers or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor | None = None
        self.reading: dict[Pdf, Future[list[str]] | None] = {}  # Pdf -> its future, or None where there is no pool

    def want(self, pdf: Pdf) -> None:
        if pdf in self.reading:
            return
        if self.pool is None and can_fork():
            # forked from the indexing, whose collector is off (indexing._collector_spared): on again in the readers
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=gc.enable)
        self.reading[pdf] = self.pool.submit(self.read, pdf.path) if self.pool else None

    def ready(self) -> Iterator[tuple[Pdf, list[str]]]:
        """(pdf, texts) of each PDF read since it was last asked; a PDF that could not be read raises here."""
        done = [pdf for pdf, future in self.reading.items() if future is not None and future.done()]
        for pdf in done:
            future = self.reading.pop(pdf)
            assert future is not None  # done ones only
            yield pdf, future.result()

    def wait(self) -> Iterator[tuple[Pdf, list[str]]]:
        """(pdf, texts) of every PDF still wanted, as each is read."""
        while self.reading:
            pdf, future = next(iter(self.reading.items()))
            del self.reading[pdf]
            yield pdf, future.result() if future is not None else self.read(pdf.path)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
