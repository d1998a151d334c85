"""The search data kept for the next build: linked beside the indexing, linked or copied here when that fails."""

import os
import subprocess

import pytest

from lao_search import kept
from lao_search.kept import KeptData

MADE_OF = {"read": [], "plan": [["lo", "search-data", []], ["en", "en/search-data", []]]}


def written(root, name, files):
    folder = root / name
    for each in files:
        (folder / each).parent.mkdir(parents=True, exist_ok=True)
        (folder / each).write_text(each)
    return str(folder)


@pytest.mark.parametrize("how", ["cp", "no cp", "cp fails"])
def test_each_languages_data_are_kept_as_links_and_published_again(tmp_path, monkeypatch, how):
    if how == "no cp":
        monkeypatch.setattr(kept.shutil, "which", lambda name: None)
    elif how == "cp fails":  # as across two file systems: "cp: cannot create hard link"
        popen = subprocess.Popen
        monkeypatch.setattr(kept.subprocess, "Popen", lambda args, **kw: popen(["sh", "-c", "exit 1"], **kw))
    lo = written(tmp_path / "out", "search-data", ["index.js", "d-1/0.js", "f-2/0.js", "files.json"])
    en = written(tmp_path / "out", "en/search-data", ["index.js", "files.json"])
    data = KeptData(str(tmp_path / "cache"), "stamp")
    data.forget()
    data.link(0, lo, 4)
    data.link(1, en, 2)
    data.keep(MADE_OF, ["said"])

    again = KeptData(str(tmp_path / "cache"), "stamp")
    assert again.fits(MADE_OF) and again.files == [4, 2]
    assert again.publish(str(tmp_path / "published")) == ["said"]
    published = tmp_path / "published" / "search-data" / "d-1" / "0.js"
    assert os.path.samefile(published, tmp_path / "out" / "search-data" / "d-1" / "0.js")
    assert (tmp_path / "published" / "en" / "search-data" / "index.js").read_text() == "index.js"


def test_what_was_kept_is_forgotten_before_new_data_are_written(tmp_path):
    lo = written(tmp_path / "out", "search-data", ["index.js"])
    data = KeptData(str(tmp_path / "cache"), "stamp")
    data.forget()
    data.link(0, lo, 1)
    data.keep({"read": [], "plan": [["lo", "search-data", []]]}, [])
    data.forget()  # a build that then stops leaves nothing that looks kept
    assert not KeptData(str(tmp_path / "cache"), "stamp").fits({"read": [], "plan": [["lo", "search-data", []]]})
    assert os.listdir(tmp_path / "cache") == []
