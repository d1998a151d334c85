"""Text read by machine (OCR) from a page scan or an image-only PDF, kept beside its file as plain UTF-8 that an
editor can open, correct and commit.

    images/newspaper/345-1.jpg      a page scan
    images/newspaper/345-1.jpg.txt  its text
    files/magazine/issue-3.pdf      a PDF, some or all of its pages without a text layer
    files/magazine/issue-3.pdf.txt  the text of each of its pages in order, each ended by a form feed (as pdftotext
                                    writes them); a page that has a text layer of its own is left empty

`invoke ocr` (tools/ocr.py) writes them; the build reads them (the search indexes them as the edition's text read
by machine, the edition's page offers each page's text); `invoke check` names scans without one and those whose
text is older than the scan. Pure functions, nothing of Pelican.
"""

import os
from collections.abc import Sequence

SUFFIX = ".txt"
PAGE_END = "\f"  # ends each page of a PDF's text
RASTER = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp")  # scans OCR can read (an SVG is drawn, not scanned)


def text_path(path: str) -> str:
    """Where the text read from the scan or PDF at ``path`` is kept."""
    return path + SUFFIX


def is_scan(path: str) -> bool:
    return path.lower().endswith(RASTER)


def read_pages(path: str) -> list[str] | None:
    """The text of each page kept at ``path`` (text_path of a scan: one page; of a PDF: one per form feed), or None
    when there is none yet. Raises ValueError saying why when it is no UTF-8 text."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start} cannot be read); save it as UTF-8") from None
    if "\0" in text:
        raise ValueError("holds a NUL character: not a text file")
    text = text.replace("\r\n", "\n")
    text = text.removesuffix(PAGE_END)
    return text.split(PAGE_END)


def write_pages(path: str, pages: Sequence[str]) -> None:
    """Writes the text of ``pages`` (one for a scan) at ``path`` as read_pages reads it, atomically."""
    text = "".join(page.rstrip("\n") + "\n" + PAGE_END for page in pages) if len(pages) > 1 else pages[0]
    if len(pages) == 1 and text and not text.endswith("\n"):
        text += "\n"
    partial = f"{path}.partial"
    with open(partial, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)
    os.replace(partial, path)


def is_older(path: str) -> bool:
    """Whether the text kept for the file at ``path`` exists and is older than the file (the scan was replaced)."""
    try:
        return os.path.getmtime(text_path(path)) < os.path.getmtime(path)
    except FileNotFoundError:
        return False
