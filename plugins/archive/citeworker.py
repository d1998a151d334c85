"""``python -m archive.citeworker STYLE``: makes citation forms in a process of its own, beside the build.

It reads batches of records from stdin, one JSON line each (``[[csl, types], …]``), and answers each with one JSON
line of forms (``[[text, ris, bib] or null, …]``, null where a record could not be made: the build then makes it
itself and says why). A process started from the command line, not forked: the build's process is big by then,
and a ``spawn``/``forkserver`` child would run the caller's main module again. Used by cite.Citations.start.
"""

from __future__ import annotations

import json
import os
import sys

from .cite import make_forms
from .processes import NICE


def main(style: str) -> None:
    for line in sys.stdin:
        answers: list[list[str] | None] = []
        for csl, types in json.loads(line):
            try:
                answers.append(make_forms(csl, tuple(types), style))
            except Exception:  # noqa: BLE001 (any: the build makes it again, and fails or reports as it would have)
                answers.append(None)
        sys.stdout.write(json.dumps(answers, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    os.nice(NICE)  # a page waits for its forms, but the build waits longer for the search, which goes first
    main(sys.argv[1])
