"""Pelican's Markdown reader, made cheaper twice: its Markdown made once a build, not once a file, and the files read
ahead in a second process while Pelican reads the first ones.

Pelican makes a new ``Markdown`` for each file it reads, and making one (its parser, the "extra" extensions) costs
about as much as converting a news item: some 2 s at 10,000 articles. Python-Markdown's own way to read many
documents is one instance, ``reset()`` between them, which clears what a document leaves behind (its references,
footnotes, abbreviations and metadata). The reader keeps two: one reads each file, its metadata first (the meta
extension); the other converts the fields that are Markdown (FORMATTED_FIELDS: a summary), which Pelican reads
without the meta extension's step.

Pelican reads its articles one after the other on one core; converting Markdown is half of that time. ``ReadAhead``
converts the files in another process (archive/processes.py: forked, nicer than the build, silent), from the last
towards the first, while Pelican reads from the first: each file is converted once, by whichever side comes to it
first, and the reading takes both cores. A file changed since it was read ahead is read again by Pelican, which
keeps what it read under the file's time of change then (its content cache).
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from functools import cached_property, partial
from typing import Any

from markdown import Markdown
from pelican.generators import ArticlesGenerator
from pelican.readers import MarkdownReader as PelicanMarkdownReader
from pelican.readers import Readers
from pelican.utils import file_suffix, pelican_open

from .processes import forked_pool

# Read ahead from this many files to read (a second process costs some 20 ms to start), in tasks of CHUNK files
# (a task a file would cost more in messages than in Markdown). Fewer files are read here alone.
READ_AHEAD_FROM = 200
CHUNK = 16
AHEAD = 2  # tasks the process has at a time

# What reading a file gives: its body's HTML and the metadata the meta extension found ({name: [lines]})
Read = tuple[str, dict[str, list[str]]]


class MarkdownReader(PelicanMarkdownReader):
    ahead: ReadAhead | None = None  # the files another process converts, while Pelican reads the articles

    @cached_property
    def _file_markdown(self) -> Markdown:
        return Markdown(**self.settings["MARKDOWN"])

    @cached_property
    def _field_markdown(self) -> tuple[Markdown, Any]:
        """The Markdown for fields, and its meta extension's step: Pelican takes that step out of it before it
        converts a field (_parse_metadata), so it is put back each time, for Pelican to take out."""
        markdown = Markdown(**self.settings["MARKDOWN"])
        return markdown, markdown.preprocessors["meta"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Pelican's MarkdownReader.read, with the kept Markdown, or what was read ahead."""
        self._source_path = source_path
        done = self.ahead.take(source_path) if self.ahead is not None else None
        content, meta = done if done is not None else convert(self._file_markdown, source_path)
        return content, self._parse_metadata(meta)

    def _parse_metadata(self, meta: dict[str, list[str]]) -> dict[str, Any]:
        self._md, meta_step = self._field_markdown
        self._md.preprocessors.register(meta_step, "meta", 0)  # any priority: taken out before anything is converted
        return super()._parse_metadata(meta)


def convert(markdown: Markdown, path: str) -> Read:
    """The file at ``path`` through ``markdown``, reset first."""
    markdown.reset()
    with pelican_open(path) as text:
        return markdown.convert(text), markdown.Meta  # type: ignore[attr-defined]  # the meta extension's


class ReadAhead:
    """The Markdown files at ``paths`` (in the order they will be asked for), converted in a process of its own
    from the last, CHUNK files a task: ``take(path)`` gives a file's (HTML, metadata) when that process has it or is
    at it (and waits for it then), or None when the file is the caller's to read: not handed on yet (and now never
    to be), or changed since it was read ahead (an editor saved it meanwhile).

    The process has AHEAD tasks at a time, the next handed on as one ends, and none from where the caller has come
    to: where the two meet, the caller waits for at most that many tasks, and a build that stops half way leaves the
    process as little to finish."""

    def __init__(self, paths: Sequence[str], markdown: Mapping[str, Any]) -> None:
        self.chunks = [list(paths[max(0, end - CHUNK) : end]) for end in range(len(paths), 0, -CHUNK)]  # last first
        self.chunk_of = {path: k for k, chunk in enumerate(self.chunks) for path in chunk}
        self.handed = 0  # chunks handed on, from the first (the last files)
        self.reached = len(self.chunks)  # the caller's from this chunk on (it reads the other way)
        self.tasks: dict[str, Future[dict[str, Converted | None]]] = {}
        self.lock = threading.Lock()  # the tasks' ends hand on the next in the pool's own thread
        self.pool = forked_pool(1, _start, (dict(markdown),))
        # the process goes with this object, even where the build stops half way and never closes it
        self._stop = weakref.finalize(self, self.pool.shutdown, wait=True, cancel_futures=True)
        for _ in range(AHEAD):
            self._hand_on()

    def _hand_on(self) -> None:
        with self.lock:
            if self.handed >= self.reached:
                return
            chunk = self.chunks[self.handed]
            try:
                task = self.pool.submit(_converted, chunk)
            except RuntimeError:  # the pool is shut down: the build read everything, or stopped
                return
            self.handed += 1
            self.tasks.update(dict.fromkeys(chunk, task))
        task.add_done_callback(partial(_next, weakref.ref(self)))

    def take(self, path: str) -> Read | None:
        with self.lock:
            if path in self.chunk_of:
                self.reached = min(self.reached, self.chunk_of[path])
            task = self.tasks.pop(path, None)
        if task is None or task.cancel():
            return None
        try:
            done = task.result().get(path)
        except Exception:  # noqa: BLE001 - the process failed (or was stopped): the file is read here instead
            return None
        if done is None or done[0] != os.stat(path).st_mtime_ns:
            return None
        return done[1]

    def close(self) -> None:
        """Stops the process, and what it has not started."""
        self._stop()


def _next(ahead: weakref.ReferenceType[ReadAhead], _ended: Future[Any]) -> None:
    """A task has ended (done or taken back): the next is handed on (the ReadAhead held weakly: a build that drops
    it stops its process)."""
    reading = ahead()
    if reading is not None:
        reading._hand_on()


# In the reading-ahead process: what a file was when read (its time of change, in ns), and its (HTML, metadata)
Converted = tuple[int, Read]
_KEPT: list[Markdown] = []  # the process's Markdown, made as it starts (its state, one process's own)


def _start(markdown: Mapping[str, Any]) -> None:
    _KEPT.append(Markdown(**markdown))


def _converted(paths: Sequence[str]) -> dict[str, Converted | None]:
    """Each file's time of change and (HTML, metadata), or None for one that could not be read (read again by
    Pelican, which tells what is wrong in its own words)."""
    out: dict[str, Converted | None] = {}
    for path in paths:
        try:
            changed = os.stat(path).st_mtime_ns
            out[path] = changed, convert(_KEPT[0], path)
        except Exception:  # noqa: BLE001 - see above
            out[path] = None
    return out


def use_kept_markdown(readers: Readers) -> None:
    """At readers_init: this reader for every extension Pelican's Markdown reader has."""
    for extension, reader in list(readers.reader_classes.items()):
        if reader is PelicanMarkdownReader:
            readers.reader_classes[extension] = MarkdownReader


def start_reading_ahead(generator: ArticlesGenerator) -> None:
    """Before Pelican reads the articles: the Markdown files it will read (not those its content cache holds),
    converted ahead where there are many and more than one core."""
    readers = {ext: reader for ext, reader in generator.readers.readers.items() if isinstance(reader, MarkdownReader)}
    if not readers or (os.cpu_count() or 1) < 2:
        return
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    paths = [
        path
        for path in (os.path.abspath(os.path.join(generator.path, f)) for f in files)
        if file_suffix(path) in readers and generator.readers.get_cached_data(path, (None, None))[0] is None
    ]
    if len(paths) < READ_AHEAD_FROM:
        return
    ahead = ReadAhead(paths, next(iter(readers.values())).settings["MARKDOWN"])
    for reader in readers.values():
        reader.ahead = ahead


def stop_reading_ahead(generator: ArticlesGenerator) -> None:
    """Once Pelican has read the articles."""
    for reader in generator.readers.readers.values():
        if isinstance(reader, MarkdownReader) and reader.ahead is not None:
            reader.ahead.close()
            reader.ahead = None
