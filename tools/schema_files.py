"""The files derived from the content schema that are committed: the field tables of docs/writing.md and the JSON
Schema.

`invoke schema` rewrites both; tests/test_schema.py fails when either is out of date.
"""

import json
import os

from archive.schema import Schema

from .build import ROOT, site_schema

FIELDS_DOC = os.path.join(ROOT, "docs", "writing.md")
JSON_SCHEMA = os.path.join(ROOT, "content.schema.json")
BEGIN = "<!-- fields: written by `invoke schema` from plugins/archive/fields.py; edit the schema, not this -->"
END = "<!-- end of fields -->"


def json_text(schema: Schema) -> str:
    return json.dumps(schema.json_schema(), ensure_ascii=False, indent=2) + "\n"


def fields_doc_text(doc: str, schema: Schema) -> str:
    """``doc`` with the text between BEGIN and END replaced by the schema's field tables."""
    start, end = doc.find(BEGIN), doc.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{FIELDS_DOC} has no {BEGIN!r} … {END!r} block for the field tables")
    return doc[: start + len(BEGIN)] + "\n\n" + schema.markdown_tables() + "\n" + doc[end:]


def current() -> dict[str, tuple[str, str]]:
    """{path: (text now, text the schema gives)} of each derived file."""
    schema = site_schema()
    with open(FIELDS_DOC, encoding="utf-8") as f:
        doc = f.read()
    try:
        with open(JSON_SCHEMA, encoding="utf-8") as f:
            exported = f.read()
    except FileNotFoundError:
        exported = ""
    return {FIELDS_DOC: (doc, fields_doc_text(doc, schema)), JSON_SCHEMA: (exported, json_text(schema))}


def write() -> list[str]:
    """Rewrite the derived files that are out of date; returns their paths."""
    written: list[str] = []
    for path, (now, wanted) in current().items():
        if now != wanted:
            with open(path, "w", encoding="utf-8") as f:
                f.write(wanted)
            written.append(path)
    return written
