"""What the build learnt of a file is kept between builds while the file's size and time of change stay the same:
an unchanged cover or PDF is not opened again, a changed one is; an error is kept as an answer; a damaged or
foreign cache costs a build that learns everything again and a warning, nothing else."""

import json
import logging
import os

import pytest

from archive.filefacts import NAME, VERSION, FileFacts, Unreadable


class Learner:
    def __init__(self, answer):
        self.answer = answer
        self.asked = 0

    def __call__(self, path):
        self.asked += 1
        if isinstance(self.answer, Exception):
            raise self.answer
        with open(path, "rb") as f:
            return [self.answer, len(f.read())]


def test_a_fact_is_learnt_once_and_kept_for_the_next_build(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"12345")
    learn = Learner("size")
    facts = FileFacts.load(str(tmp_path / NAME))
    assert facts.learn(str(tmp_path / "a.jpg"), "size", learn) == ["size", 5]
    assert facts.learn(str(tmp_path / "a.jpg"), "size", learn) == ["size", 5]
    facts.save()
    again = FileFacts.load(str(tmp_path / NAME))
    assert again.learn(str(tmp_path / "a.jpg"), "size", learn) == ["size", 5]
    assert learn.asked == 1


def test_a_changed_file_is_learnt_again(tmp_path):
    path = tmp_path / "a.jpg"
    path.write_bytes(b"12345")
    learn = Learner("size")
    facts = FileFacts.load(str(tmp_path / NAME))
    facts.learn(str(path), "size", learn)
    path.write_bytes(b"123456")  # another size
    assert facts.learn(str(path), "size", learn) == ["size", 6]
    stamp = os.stat(path)
    path.write_bytes(b"abcdef")  # the same size, another time of change
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000))
    assert facts.learn(str(path), "size", learn) == ["size", 6]
    assert learn.asked == 3


def test_why_a_file_cannot_be_read_is_kept_and_said_again_in_the_same_words(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"not a pdf")
    learn = Learner(ValueError("not a PDF, or damaged"))
    facts = FileFacts.load(str(tmp_path / NAME))
    with pytest.raises(Unreadable, match=r"^not a PDF, or damaged$"):
        facts.learn(str(tmp_path / "a.pdf"), "opened as a PDF", learn)
    facts.save()
    with pytest.raises(Unreadable, match=r"^not a PDF, or damaged$"):
        FileFacts.load(str(tmp_path / NAME)).learn(str(tmp_path / "a.pdf"), "opened as a PDF", learn)
    assert learn.asked == 1


def test_facts_are_written_whole_as_versioned_json_and_only_when_learnt(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"12345")
    facts = FileFacts.load(str(tmp_path / "cache" / NAME))
    facts.save()
    assert not (tmp_path / "cache").exists()  # nothing learnt, nothing written
    facts.learn(str(tmp_path / "a.jpg"), "size", Learner("size"))
    facts.save()
    assert os.listdir(tmp_path / "cache") == [NAME]  # no temporary file left beside it
    kept = json.loads((tmp_path / "cache" / NAME).read_text())
    assert kept["version"] == VERSION
    assert kept["files"][str(tmp_path / "a.jpg")]["facts"] == {"size": {"value": ["size", 5]}}


def test_facts_of_files_gone_are_not_kept(tmp_path):
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / name).write_bytes(b"12345")
    facts = FileFacts.load(str(tmp_path / NAME))
    facts.learn(str(tmp_path / "a.jpg"), "size", Learner("size"))
    facts.learn(str(tmp_path / "b.jpg"), "size", Learner("size"))
    facts.save()
    os.remove(tmp_path / "b.jpg")
    (tmp_path / "c.jpg").write_bytes(b"1")
    next_build = FileFacts.load(str(tmp_path / NAME))
    next_build.learn(str(tmp_path / "c.jpg"), "size", Learner("size"))
    next_build.save()
    kept = json.loads((tmp_path / NAME).read_text())["files"]
    assert sorted(os.path.basename(path) for path in kept) == ["a.jpg", "c.jpg"]  # a.jpg: unchanged, still there


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "\udcff",
        "[1, 2]",
        json.dumps({"version": VERSION + 1, "files": {}}),
        json.dumps({"version": VERSION, "files": {"/x.jpg": {"size": "5", "mtime_ns": 1, "facts": {}}}}),
        json.dumps({"version": VERSION, "files": {"/x.jpg": {"size": 5, "mtime_ns": 1, "facts": {"size": 3}}}}),
    ],
    ids=["not JSON", "not UTF-8", "not ours", "another version", "a size that is no number", "a fact unwrapped"],
)
def test_a_damaged_or_foreign_cache_is_ignored_with_a_warning(tmp_path, caplog, text):
    (tmp_path / NAME).write_bytes(text.encode("utf-8", "surrogateescape"))
    (tmp_path / "a.jpg").write_bytes(b"12345")
    with caplog.at_level(logging.WARNING):
        facts = FileFacts.load(str(tmp_path / NAME))
    assert facts.files == {} and "every cover and PDF is read again" in caplog.text
    learn = Learner("size")
    assert facts.learn(str(tmp_path / "a.jpg"), "size", learn) == ["size", 5] and learn.asked == 1
    facts.save()
    assert json.loads((tmp_path / NAME).read_text())["version"] == VERSION  # replaced by a good one
