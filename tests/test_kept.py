"""The search data kept for the next build: linked beside the indexing, linked or copied here when that fails."""

import os
import subprocess

import pytest

from lao_search import kept
from lao_search.kept import KeptData

MADE_OF = {"read": [], "plan": [["lo", "search-data", []], ["en", "en/search-data", []]]}
ONE = {"read": [], "plan": [["lo", "search-data", []]]}


def written(root, name, files):
    folder = root / name
    for each in files:
        (folder / each).parent.mkdir(parents=True, exist_ok=True)
        (folder / each).write_text(each)
    return str(folder)


def kept_now(tmp_path, made_of, *folders):
    data = KeptData(str(tmp_path / "cache"), "stamp")
    data.begin()
    for n, (folder, files) in enumerate(folders):
        data.link(n, folder, files)
    data.keep(made_of, ["said"])
    return KeptData(str(tmp_path / "cache"), "stamp")


@pytest.mark.parametrize("how", ["cp", "no cp", "cp fails", "another file system"])
def test_each_languages_data_are_kept_as_links_and_published_again(tmp_path, monkeypatch, how):
    if how == "no cp":
        monkeypatch.setattr(kept.shutil, "which", lambda name: None)
    elif how == "cp fails":  # whatever the reason, the links are made here
        popen = subprocess.Popen
        monkeypatch.setattr(kept.subprocess, "Popen", lambda args, **kw: popen(["sh", "-c", "exit 1"], **kw))
    elif how == "another file system":  # cp -al would fail file by file: not tried
        monkeypatch.setattr(kept, "_cp_can_link", lambda source, target: False)
    lo = written(tmp_path / "out", "search-data", ["index.js", "d-1/0.js", "f-2/0.js", "files.json"])
    en = written(tmp_path / "out", "en/search-data", ["index.js", "files.json"])
    again = kept_now(tmp_path, MADE_OF, (lo, 4), (en, 2))
    assert again.fits(MADE_OF) and again.files == [4, 2]
    assert again.publish(str(tmp_path / "published")) == ["said"]
    published = tmp_path / "published" / "search-data" / "d-1" / "0.js"
    assert os.path.samefile(published, tmp_path / "out" / "search-data" / "d-1" / "0.js")
    assert (tmp_path / "published" / "en" / "search-data" / "index.js").read_text() == "index.js"
    assert not (tmp_path / "published" / "search-data" / "search-data").exists()


def test_what_was_kept_stays_until_new_data_are_kept_and_a_failed_build_leaves_it(tmp_path):
    first = kept_now(tmp_path, ONE, (written(tmp_path / "a", "search-data", ["index.js"]), 1))
    data = KeptData(str(tmp_path / "cache"), "stamp")
    data.begin()
    data.link(0, written(tmp_path / "b", "search-data", ["index.js", "d-1/0.js"]), 2)
    data.abandon()  # the build failed while writing
    assert KeptData(str(tmp_path / "cache"), "stamp").fits(ONE) and first.files == [1]
    second = kept_now(tmp_path, ONE, (written(tmp_path / "c", "search-data", ["index.js", "d-1/0.js"]), 2))
    assert second.files == [2]
    assert sorted(os.listdir(tmp_path / "cache")) == ["0", "manifest.json"]


def test_links_begun_again_where_some_were_left_are_not_made_one_folder_too_deep(tmp_path):
    source = written(tmp_path / "out", "search-data", ["index.js", "d-1/0.js"])
    data = KeptData(str(tmp_path / "cache"), "stamp")
    data.begin()
    data.link(0, source, 2)
    data.link(0, source, 2)  # its folder is there already: linked here, into it
    data.keep(ONE, [])
    assert KeptData(str(tmp_path / "cache"), "stamp").publish(str(tmp_path / "published")) == []
    assert (tmp_path / "published" / "search-data" / "d-1" / "0.js").is_file()
