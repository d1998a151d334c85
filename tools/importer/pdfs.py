"""A folder of back issues kept as PDFs: one item per PDF, of the kind the operator names (magazine or newspaper).

Its number and date come from a CSV (``--csv``: columns ``file``, ``number``, ``date``, and optionally ``title``,
``title_en``, ``summary``, ``summary_en``, ``tags``), or else from the file's name: the date written ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYYMMDD``, the number the other run of digits (``edition-345-2026-03-05.pdf``,
``ict-journal-14-2026-06.pdf``). The PDF is copied into ``files/<kind>/``; a journal issue's cover is its first
page, drawn by PDFium into ``images/<kind>/``; an edition's front page is drawn by the build from the PDF itself.
Its text is searched as any PDF's is (the build reads the text layer; `invoke ocr` reads scanned pages).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .model import Post, Source, SourceError
from .plan import ascii_slug
from .uploads import Uploads

if TYPE_CHECKING:
    from archive.schema import Schema

_DATE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[-_.]?)(?P<m>0[1-9]|1[0-2])(?:(?P=sep)(?P<d>0[1-9]|[12][0-9]|3[01]))?"
    r"(?![0-9])"
)
_NUMBER = re.compile(r"(?<![0-9])[0-9]{1,6}(?![0-9])")
COLUMNS = ("file", "number", "date", "title", "title_en", "summary", "summary_en", "tags")
COVER_WIDTH = 1200  # pixels: the widest thumbnail the build makes is 1280


def from_name(name: str) -> tuple[str | None, str | None, str]:
    """(number or None, date "YYYY-MM-DD" or "YYYY-MM" or None, the name's words without the date)."""
    stem = os.path.splitext(name)[0]
    found = _DATE.search(stem)
    date, rest = None, stem
    if found:
        date = f"{found['y']}-{found['m']}" + (f"-{found['d']}" if found["d"] else "")
        rest = stem[: found.start()] + " " + stem[found.end() :]
    number = _NUMBER.search(rest)
    return (str(int(number.group())) if number else None), date, rest


def read_csv(path: str) -> dict[str, tuple[int, dict[str, str]]]:
    """{file name: row} of the metadata CSV; SourceError naming the file when it cannot be used."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            text = f.read()
    except OSError as error:
        raise SourceError(f"{path}: cannot be read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise SourceError(f"{path}: not UTF-8 text: save the CSV as UTF-8") from None
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as error:
        raise SourceError(f"{path}: not a readable CSV ({error})") from None
    header = [(name or "").strip().lower() for name in (rows[0].keys() if rows else [])]
    if "file" not in header:
        raise SourceError(
            f"{path}: the first line must name the columns, one of them `file` (known: {', '.join(COLUMNS)})"
        )
    found: dict[str, tuple[int, dict[str, str]]] = {}
    for n, written in enumerate(rows, 2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in written.items() if k is not None}
        if not row.get("file"):
            raise SourceError(f"{path}:{n}: the row names no file")
        found[os.path.basename(row["file"])] = (n, row)
    return found


def first_page(path: str) -> bytes:
    """The PDF's first page as JPEG bytes, COVER_WIDTH wide; ValueError saying why it cannot be drawn."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        raise ValueError(f"cannot be opened as a PDF ({error})") from None
    try:
        if len(document) == 0:
            raise ValueError("has no page")
        page = document[0]
        bitmap = page.render(scale=COVER_WIDTH / max(page.get_width(), 1))
        image = bitmap.to_pil().convert("RGB")
        data = io.BytesIO()
        image.save(data, "JPEG", quality=85, optimize=True)
        return data.getvalue()
    except pypdfium2.PdfiumError as error:
        raise ValueError(f"its first page cannot be drawn ({error})") from None
    finally:
        document.close()


def read(
    folder: str,
    kind: str | None,
    schema: Schema,
    places: Uploads,
    metadata: str | None = None,
    lang: str | None = None,
) -> Source:
    """The Source of the PDFs in ``folder`` as items of ``kind``, placed by ``places`` (into the content);
    ``metadata``: the CSV's path."""
    if kind not in ("magazine", "newspaper"):
        raise SourceError("--pdfs imports magazine or newspaper items: give --kind magazine or --kind newspaper")
    if not os.path.isdir(folder):
        raise SourceError(f"{folder}: no such folder")
    rows: Mapping[str, tuple[int | None, dict[str, str]]] = read_csv(metadata) if metadata else {}
    names = sorted(n for n in os.listdir(folder) if n.lower().endswith(".pdf"))
    source = Source(folder)
    for name, (line, _row) in sorted(rows.items()):
        if name not in names:
            source.problems.append((f"{metadata}:{line}", f"names {name!r}, which is not a PDF in {folder}"))
    lang = lang or schema.languages[0]
    other = next((code for code in schema.languages if code != lang), None)
    k = schema.kinds[kind]
    assert k.number is not None and k.number_label is not None  # magazine and newspaper are numbered kinds
    for name in names:
        full = os.path.realpath(os.path.join(folder, name))
        line, row = rows.get(name, (None, {}))
        number, date, words = from_name(name)
        number = row.get("number") or number
        date = row.get("date") or date
        label = f"{name}"
        if number and not number.isdigit():
            source.problems.append((label, f"the number {number!r} of {metadata}:{line} is not a whole number"))
            continue
        if not number:
            source.problems.append(
                (label, f"no {schema.name_of(k.number)} number: put it in the file's name or the CSV")
            )
            continue
        if not date:
            source.problems.append((label, "no date: write it in the file's name (YYYY-MM-DD) or the CSV"))
            continue
        day = date if len(date) == 10 else f"{date[:7]}-01"
        number = str(int(number))
        slug = ascii_slug(words) if re.search("[A-Za-z]", words) else f"{kind}-{number}"
        pdf = places.place(full, f"{places.files}/{kind}")
        fields = {k.number: number}
        files: dict[str, tuple[str | bytes, str]] = {"pdf": (full, pdf)}
        if kind == "magazine":
            fields["month"] = day[:7]
            try:
                cover = first_page(full)
            except ValueError as error:
                source.problems.append((label, f"{name} {error}"))
                continue
            files["cover"] = (cover, f"{places.images}/{kind}/{os.path.splitext(os.path.basename(pdf))[0]}.jpg")
        title = row.get("title") or f"{k.label[lang]} {k.number_label[lang].format(n=number)}"
        versions = [(lang, title, row.get("summary", ""))]
        if other and row.get("title_en" if other == "en" else f"title_{other}"):
            versions.append((other, row[f"title_{other}"], row.get(f"summary_{other}", "")))
        for version_lang, version_title, summary in versions:
            source.posts.append(
                Post(
                    id=name if version_lang == lang else f"{name} ({version_lang})",
                    title=version_title,
                    date=day,
                    name=slug,
                    lang=version_lang,
                    excerpt=summary,
                    tags=[t for t in row.get("tags", "").split(",") if t.strip()] if version_lang == lang else [],
                    group=f"pdf {name}",
                    fields=dict(fields),
                    files=dict(files),
                )
            )
    return source
