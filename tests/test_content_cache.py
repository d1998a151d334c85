"""Pelican's content cache, on in pelicanconf.py: a warm build reads no Markdown again, and a cache read with
another Markdown is forgotten (plugins/archive/contentcache.py)."""

import os
import shutil

import pytest

from archive import contentcache
from archive.reading import MarkdownReader  # the reader the archive reads Markdown with
from tests.fixture_site import FIXTURE, build


class Read:
    """The Markdown files Pelican reads from now on."""

    def __init__(self, monkeypatch):
        self.files = []
        original = MarkdownReader.read

        def read(reader, path):
            self.files.append(os.path.basename(path))
            return original(reader, path)

        monkeypatch.setattr(MarkdownReader, "read", read)


def pages(site):
    out = {}
    for base, _dirs, names in os.walk(site):
        for name in names:
            if name.endswith(".html"):
                with open(os.path.join(base, name), "rb") as f:
                    out[os.path.relpath(os.path.join(base, name), site)] = f.read()
    return out


@pytest.fixture
def content(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    return str(tmp_path / "content")


def test_a_second_build_reads_only_the_markdown_that_changed_and_writes_the_same_pages(content, tmp_path, monkeypatch):
    cache = {"CACHE_PATH": str(tmp_path / "cache")}
    first = build(content, str(tmp_path / "first"), **cache)
    read = Read(monkeypatch)
    again = build(content, str(tmp_path / "again"), **cache)
    assert read.files == []
    assert pages(again) == pages(first)
    path = os.path.join(content, "news", "fibre-backbone.en.md")
    with open(path, "a", encoding="utf-8") as f:
        f.write("\nA sentence added later.\n")
    changed = build(content, str(tmp_path / "changed"), **cache)
    assert read.files == ["fibre-backbone.en.md"]
    with open(os.path.join(changed, "en", "news", "fibre-backbone.html"), encoding="utf-8") as f:
        assert "A sentence added later." in f.read()


def test_other_markdown_settings_forget_what_was_read(content, tmp_path, monkeypatch):
    cache = {"CACHE_PATH": str(tmp_path / "cache")}
    build(content, str(tmp_path / "first"), **cache)
    read = Read(monkeypatch)
    markdown = {"extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.meta": {}}}
    build(content, str(tmp_path / "other"), MARKDOWN=markdown, **cache)
    every = [name for _base, _dirs, names in os.walk(content) for name in names if name.endswith(".md")]
    assert sorted(read.files) == sorted(every)


def test_a_stamp_of_another_build_removes_pelicans_caches_and_only_those(tmp_path):
    settings = {"CACHE_CONTENT": True, "CACHE_PATH": str(tmp_path), "MARKDOWN": {}, "PATH": "/content"}
    for name in (*contentcache.CACHES, "file-facts.json"):
        (tmp_path / name).write_bytes(b"kept")
    contentcache.forget_if_stale(settings)  # no stamp yet: made by an unknown build
    assert sorted(os.listdir(tmp_path)) == ["content-cache.stamp", "file-facts.json"]
    for name in contentcache.CACHES:
        (tmp_path / name).write_bytes(b"kept")
    contentcache.forget_if_stale(settings)  # the same stamp: kept
    assert all((tmp_path / name).exists() for name in contentcache.CACHES)
    contentcache.forget_if_stale({**settings, "PATH": "/another/content"})
    assert not any((tmp_path / name).exists() for name in contentcache.CACHES)
