"""Markdown read with one Markdown a build (plugins/archive/reading.py): each file comes out as Pelican's own
reader, which makes a Markdown a file, reads it; nothing one file defines is left for the next."""

import logging
import os
import shutil
import subprocess
import sys

from markdown import Markdown
from pelican.readers import MarkdownReader as PelicanMarkdownReader
from pelican.readers import Readers
from pelican.settings import read_settings

import archive
from archive import processes, reading
from archive.reading import MarkdownReader
from tests.fixture_site import FIXTURE, build, differences
from tools.build import ROOT

HERE = os.path.dirname(os.path.abspath(__file__))
SETTINGS = os.path.join(os.path.dirname(HERE), "pelicanconf.py")

# Each defines what Markdown keeps until it is reset: references, footnotes, abbreviations, metadata.
FILES = {
    "defines.md": (
        "Title: ກອງປະຊຸມ\nSummary: ສະຫຼຸບ [ລິ້ງ][ref] *ສັ້ນ*\nTags: a, b\n\n"
        "ICT ແລະ [ເວັບໄຊ][ref] ຂອງ MPT.[^1]\n\n[ref]: https://example.org/a\n[^1]: ໝາຍເຫດ\n"
        "*[MPT]: Ministry of Posts and Telecommunications\n*[ICT]: ເຕັກໂນໂລຊີ\n"
    ),
    "uses.md": "Title: ຂ່າວ\n\nMPT ແລະ ICT [ເວັບໄຊ][ref] ບໍ່ມີ.[^1]\n\nKey: not metadata here\n",
    "no-metadata.md": "Only a body: ICT.\n",
    "summary-looks-like-metadata.md": "Title: t\nSummary: Key: value\n\nBody.\n",
}


def pelican_settings():
    return read_settings(SETTINGS, override={"PATH": HERE})


def test_each_file_reads_as_pelicans_own_reader_reads_it(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    kept = MarkdownReader(pelican_settings())
    for order in (list(FILES), list(reversed(FILES)), [*FILES, *FILES]):
        for name in order:
            path = str(tmp_path / name)
            assert kept.read(path) == PelicanMarkdownReader(pelican_settings()).read(path), name


def test_nothing_defined_in_one_file_reaches_the_next(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    reader = MarkdownReader(pelican_settings())
    reader.read(str(tmp_path / "defines.md"))
    body, metadata = reader.read(str(tmp_path / "uses.md"))
    assert "<abbr" not in body and "example.org" not in body and "footnote" not in body
    assert "[ref]" in body and "Key: not metadata here" in body
    assert set(metadata) == {"title"}


def test_the_archive_reads_markdown_with_it():
    archive.register()  # as Pelican does, loading the plugin
    assert {cls for ext, cls in Readers(pelican_settings()).reader_classes.items() if ext in ("md", "markdown")} == {
        MarkdownReader
    }
    assert PelicanMarkdownReader not in Readers(pelican_settings()).reader_classes.values()


def written(folder, count):
    """``count`` Markdown files in ``folder``, each of FILES's kinds in turn, numbered; their paths."""
    paths = []
    for k in range(count):
        name, text = list(FILES.items())[k % len(FILES)]
        path = folder / f"{k:03d}-{name}"
        path.write_text(text.replace("ICT", f"ICT {k}"), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_files_read_ahead_come_out_as_read_here(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "CHUNK", 4)
    paths = written(tmp_path, 40)
    markdown = PelicanMarkdownReader(pelican_settings()).settings["MARKDOWN"]
    ahead = reading.ReadAhead(paths, markdown)
    ahead.tasks[paths[-1]].result()  # the process has converted the last files, at least
    try:
        taken = {path: ahead.take(path) for path in paths}
    finally:
        ahead.close()
    assert all(taken[path] is not None for path in paths[-4:])
    for path, done in taken.items():
        assert done is None or done == reading.convert(Markdown(**markdown), path), path


def test_a_file_changed_since_it_was_read_ahead_is_read_again(tmp_path):
    paths = written(tmp_path, 3)
    ahead = reading.ReadAhead(paths, PelicanMarkdownReader(pelican_settings()).settings["MARKDOWN"])
    try:
        ahead.tasks[paths[-1]].result()
        with open(paths[1], "a", encoding="utf-8") as f:
            f.write("\nSaved by an editor during the build.\n")
        os.utime(paths[1], ns=(0, os.stat(paths[1]).st_mtime_ns + 1_000_000))
        assert [ahead.take(path) is not None for path in paths] == [True, False, True]
    finally:
        ahead.close()


def test_a_file_the_process_cannot_read_is_left_to_pelican(tmp_path):
    paths = written(tmp_path, 3)
    (tmp_path / "000-defines.md").write_bytes(b"Title: \xff\xfe\n\nbody\n")
    ahead = reading.ReadAhead(paths, PelicanMarkdownReader(pelican_settings()).settings["MARKDOWN"])
    try:
        ahead.tasks[paths[-1]].result()
        assert ahead.take(paths[0]) is None
        assert ahead.take(paths[1]) is not None
    finally:
        ahead.close()


def test_the_fixture_site_read_ahead_is_the_expected_site(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "READ_AHEAD_FROM", 1)
    monkeypatch.setattr(reading, "CHUNK", 2)
    taken = []

    class Watched(reading.ReadAhead):
        def __init__(self, paths, markdown):
            super().__init__(paths, markdown)
            self.tasks[paths[-1]].result()  # the last files are read ahead, whatever the timing

        def take(self, path):
            done = super().take(path)
            taken.append(done is not None)
            return done

    monkeypatch.setattr(reading, "ReadAhead", Watched)
    output = build(FIXTURE, str(tmp_path / "output"), CACHE_PATH=str(tmp_path / "cache"))  # nothing read before
    assert any(taken) and differences(output) == ([], [], [])


STOPPED = """
import os, sys, time
from archive import ContentError, reading
from tests.fixture_site import build

def slowly(paths):
    for path in paths:  # each file it reads ahead, marked
        open(os.path.join(sys.argv[2], os.path.basename(path)), "w").close()
    time.sleep(0.3)
    return {}

class Kept(reading.ReadAhead):  # held to the end, as a build's objects may be (a traceback kept, a cycle)
    def __init__(self, *args):
        super().__init__(*args)
        kept.append(self)

kept = []
reading.READ_AHEAD_FROM, reading.CHUNK, reading._converted, reading.ReadAhead = 1, 1, slowly, Kept
try:
    build(sys.argv[1], os.path.join(sys.argv[2], "..", "output"), CACHE_PATH=os.path.join(sys.argv[2], "..", "cache"))
except ContentError:
    print("stopped")
"""


def test_a_build_its_checks_stop_leaves_the_reading_ahead_at_once(tmp_path):
    """Not only once collected: a build that exits on its error does not first wait for every file to be read."""
    content, marks = tmp_path / "content", tmp_path / "marks"
    shutil.copytree(FIXTURE, content)
    marks.mkdir()
    (content / "news" / "untitled.md").write_text("Date: 2024-01-02\n\nNo title.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", STOPPED, str(content), str(marks)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([ROOT, os.path.join(ROOT, "plugins")])},
    )
    files = sum(1 for path in content.rglob("*.md"))
    assert result.stdout.strip() == "stopped"
    assert len(list(marks.iterdir())) <= reading.AHEAD < files


def test_reading_ahead_yields_to_the_build_and_does_not_log(tmp_path):
    ahead = reading.ReadAhead(written(tmp_path, 2), PelicanMarkdownReader(pelican_settings()).settings["MARKDOWN"])
    try:
        assert ahead.pool.submit(os.nice, 0).result() == min(19, os.nice(0) + processes.NICE)
        assert ahead.pool.submit(logging.getLogger().isEnabledFor, logging.CRITICAL).result() is False
    finally:
        ahead.close()
