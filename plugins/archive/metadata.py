"""Reading a Markdown file's metadata exactly as Pelican's Markdown reader does, with line numbers for messages.

Pelican hands the text to Python-Markdown, whose ``meta`` extension takes the ``Key: value`` lines at the top
(after an optional ``---``, up to a blank line, ``---`` or ``...``; indented lines continue the key above) once
the ``normalize_whitespace`` preprocessor has run. ``read_source`` walks the same lines with the extension's own
patterns and keeps where each key was written. A key written twice, or a value continued on an indented line,
is read by Pelican in ways an editor does not expect (the first ``Slug:`` wins, two ``Venue:`` lines make a
list): those are reported as problems instead.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE
from markdown.util import ETX, STX

TAB_LENGTH = 4  # Python-Markdown's default, which Pelican's MARKDOWN settings keep
# Characters XML 1.0 cannot carry (feeds, sitemaps) and no editor means to write.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Source:
    """A Markdown file as written: lower-cased metadata keys with their text, the body, and where each began."""

    meta: dict[str, str]  # key -> text (the first value when a key is written twice)
    lines: dict[str, int]  # key -> line number of its first ``Key:`` line
    body: str
    body_line: int  # line number of the body's first line
    # (line, sentence) of what the reading found ambiguous
    problems: list[tuple[int, str]] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


def normalized_lines(text: str) -> list[str]:
    """The lines Python-Markdown's preprocessors see (Pelican opens files with utf-8-sig: no BOM)."""
    text = text.removeprefix("\ufeff").replace(STX, "").replace(ETX, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(TAB_LENGTH)
    return re.sub(r"(?<=\n) +\n", "\n", text).split("\n")


def read_source(text: str, multiline: Collection[str] = ("summary",)) -> Source:
    """Split ``text`` into metadata and body as Pelican's Markdown reader does.

    ``multiline``: keys whose value may go on over indented lines (Pelican renders Summary as Markdown).
    """
    lines = normalized_lines(text)
    meta: dict[str, str] = {}
    where: dict[str, int] = {}
    names: dict[str, str] = {}
    continued: dict[str, int] = {}
    problems: list[tuple[int, str]] = []
    key: str | None = None
    n = 0
    if lines and BEGIN_RE.match(lines[0]):
        n = 1
    while n < len(lines):
        line = lines[n]
        n += 1
        if line.strip() == "" or END_RE.match(line):
            break
        first = META_RE.match(line)
        more = META_MORE_RE.match(line)
        if first:
            name, value = first.group("key").strip(), first.group("value").strip()
            key = name.lower()
            if key in where:
                problems.append((n, f"{name} is written again on line {n} (first on line {where[key]}): keep one"))
            else:
                meta[key], where[key], names[key] = value, n, name
        elif more and key:
            if key in multiline:
                meta[key] = f"{meta[key]} {more.group('value').strip()}".strip()
            elif key not in continued:
                continued[key] = n
                problems.append((n, f"{names[key]} goes on to line {n}: write its value on one line"))
        else:
            n -= 1  # not metadata: the body starts here
            break
    for number, line in enumerate(lines, 1):
        control = CONTROL.search(line)
        if control:
            code = f"U+{ord(control.group()):04X}"
            problems.append((number, f"holds the control character {code}: remove it (feeds cannot carry it)"))
    return Source(meta=meta, lines=where, body="\n".join(lines[n:]), body_line=n + 1, problems=problems)
