"""Markdown read with one Markdown a build (plugins/archive/reading.py): each file comes out as Pelican's own
reader, which makes a Markdown a file, reads it; nothing one file defines is left for the next."""

import gc
import multiprocessing
import os
import shutil
import time

import pytest
from markdown import Markdown
from pelican.readers import MarkdownReader as PelicanMarkdownReader
from pelican.readers import Readers
from pelican.settings import read_settings

import archive
from archive import ContentError, reading
from archive.reading import MarkdownReader
from tests.fixture_site import FIXTURE, build, differences

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
    # what the process had not started is left to this side, and not converted twice
    assert any(done is None for done in taken.values())


def test_a_file_the_process_cannot_read_is_left_to_pelican(tmp_path):
    paths = written(tmp_path, 3)
    (tmp_path / "000-defines.md").write_bytes(b"Title: \xff\xfe\n\nbody\n")
    ahead = reading.ReadAhead(paths, PelicanMarkdownReader(pelican_settings()).settings["MARKDOWN"])
    try:
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


def slowly(paths, markdown):
    """Reading ahead that takes its time: a build stopping meanwhile must not wait for all of it."""
    time.sleep(0.5)
    return {}


def test_a_build_its_checks_stop_leaves_no_process_reading_ahead(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "READ_AHEAD_FROM", 1)
    monkeypatch.setattr(reading, "CHUNK", 1)
    monkeypatch.setattr(reading, "_converted", slowly)  # some 10 s of files to read ahead
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "news" / "untitled.md").write_text("Date: 2024-01-02\n\nNo title.\n", encoding="utf-8")
    before = set(multiprocessing.active_children())
    with pytest.raises(ContentError, match=r"untitled\.md"):
        build(str(content), str(tmp_path / "output"), CACHE_PATH=str(tmp_path / "cache"))
    gc.collect()
    assert set(multiprocessing.active_children()) - before == set()


def test_reading_ahead_yields_to_the_build(tmp_path):
    ahead = reading.ReadAhead(written(tmp_path, 2), PelicanMarkdownReader(pelican_settings()).settings["MARKDOWN"])
    try:
        assert ahead.pool.submit(os.nice, 0).result() == min(19, os.nice(0) + reading.NICE)
    finally:
        ahead.close()
