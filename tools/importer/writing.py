"""What an import does with content/: which planned files are new, unchanged or in the way, and writing them all
or none.

An item whose file (same slug and language) is in content/ with other text is left alone and reported, unless
``update``; the same text is "unchanged", so a second run of one import writes nothing. Files are written each to a
temporary name and renamed; if writing fails part-way, the files written so far are removed or given back their
old bytes.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .plan import File, Plan

NEW, UNCHANGED, REPLACE = "new", "unchanged", "replaces"


@dataclass
class Decision:
    writes: dict[str, tuple[File, str]] = field(default_factory=dict)  # content-relative path -> (File, NEW | REPLACE)
    unchanged: int = 0  # items whose every file is in content/ as it would be written
    written_items: list[list[File]] = field(default_factory=list)  # [[Markdown File]] of the items written
    in_the_way: list[tuple[str, str]] = field(default_factory=list)  # (item label, why it is not written)


def _full(content: str, path: str) -> str:
    return os.path.join(content, *path.split("/"))


def _bytes(full: str) -> bytes | None:
    try:
        with open(full, "rb") as f:
            return f.read()
    except OSError:
        return None


def _same(content: str, file: File) -> bool:
    """Whether content/ holds ``file`` as the import would write it."""
    full = _full(content, file.path)
    if not os.path.isfile(full):
        return False
    if file.source:
        return os.path.getsize(full) == os.path.getsize(file.source) and _bytes(full) == _bytes(file.source)
    return file.markdown is False or _bytes(full) == file.data  # a picture made from a PDF, made once


def decide(
    plan: Plan, content: str, content_slugs: Mapping[tuple[str | None, str | None], str], update: bool
) -> Decision:
    """The Decision for ``plan`` against ``content`` ({(slug, lang): path} of its Markdown files)."""
    decision = Decision()
    copies = {f.path: f for f in plan.files if not f.markdown}
    for files, copied in plan.units:
        states: list[str] = []
        for file in files:
            there = content_slugs.get((file.slug, file.lang))
            if there is None and os.path.exists(_full(content, file.path)):
                there = file.path
            if there is None:
                states.append(NEW)
            else:
                file.path = there  # an --update rewrites the file where it is
                states.append(UNCHANGED if _bytes(_full(content, there)) == file.data else REPLACE)
        if REPLACE in states and not update:
            decision.in_the_way += [
                (f.item, f"content/{f.path} exists with other text")
                for f, s in zip(files, states, strict=True)
                if s == REPLACE
            ]
            continue
        needed = [copies[path] for path in sorted(copied) if not _same(content, copies[path])]
        if all(s == UNCHANGED for s in states) and not needed:
            decision.unchanged += 1
            continue
        decision.written_items.append(files)
        for file in needed:
            state = REPLACE if os.path.exists(_full(content, file.path)) else NEW
            decision.writes.setdefault(file.path, (file, state))
        for file, state in zip(files, states, strict=True):
            if state != UNCHANGED:
                decision.writes[file.path] = (file, state)
    return decision


def write(content: str, writes: Mapping[str, tuple[File, str]]) -> None:
    """Writes every file of ``writes`` ({path: (File, state)}), copies first; all or none."""
    done: list[tuple[str, bytes | None]] = []  # (full path, old bytes or None)
    order = sorted(writes.items(), key=lambda item: (item[1][0].markdown, item[0]))
    try:
        for path, (file, _state) in order:
            full = _full(content, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            old = _bytes(full) if os.path.exists(full) else None
            temporary = full + ".importing"
            if file.source:
                shutil.copyfile(file.source, temporary)
            else:
                assert file.data is not None  # a planned file has a source or its bytes
                with open(temporary, "wb") as f:
                    f.write(file.data)
            os.replace(temporary, full)
            done.append((full, old))
    except BaseException as error:
        if isinstance(error, OSError):
            error.filename = full  # the file meant, not its temporary name
        for written, old in reversed(done):
            if old is None:
                os.remove(written)
            else:
                with open(written, "wb") as f:
                    f.write(old)
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
