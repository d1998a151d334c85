"""output/ and the offline bundle are replaced in one step, only by a run that succeeded; an interrupted run leaves
the previous site whole and nothing that the next run does not remove."""

import os
import shutil
import signal
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from tests.fixture_site import FIXTURE, ROOT
from tools.output import remove, replacing_file, replacing_folder


def write_site(folder, generation, pages=50):
    for n in range(pages):
        with open(os.path.join(folder, f"page-{n}.html"), "w") as f:
            f.write(f"generation {generation}\n" * 200)


def test_a_successful_run_replaces_the_site_and_removes_the_old_one(tmp_path):
    target = tmp_path / "output"
    with replacing_folder(target) as staging:
        write_site(staging, 1)
    with replacing_folder(target) as staging:
        write_site(staging, 2)
    assert (target / "page-0.html").read_text().startswith("generation 2")
    assert sorted(os.listdir(tmp_path)) == sorted(["output", ".output.lock", os.readlink(target)])


def test_a_failed_run_leaves_the_site_as_it_was(tmp_path):
    target = tmp_path / "output"
    with replacing_folder(target) as staging:
        write_site(staging, 1)
    with pytest.raises(RuntimeError), replacing_folder(target) as staging:
        write_site(staging, 2, pages=3)
        raise RuntimeError("the build failed half-way")
    assert len(os.listdir(target)) == 50
    assert (target / "page-0.html").read_text().startswith("generation 1")
    assert len([n for n in os.listdir(tmp_path) if n.startswith(".output-")]) == 1  # the live one only


def test_an_old_output_folder_is_taken_over(tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "stale.html").write_text("a page whose article was deleted")
    with replacing_folder(tmp_path / "output") as staging:
        write_site(staging, 1, pages=1)
    assert os.listdir(tmp_path / "output") == ["page-0.html"]  # a build removes what no longer exists


def test_readers_see_a_whole_site_during_swaps(tmp_path):
    target = tmp_path / "output"
    with replacing_folder(target) as staging:
        write_site(staging, 0)
    seen, stop = [], threading.Event()

    def read():
        while not stop.is_set():
            with open(target / "page-49.html") as f:  # the last file written
                seen.append(f.read().count("\n"))

    reader = threading.Thread(target=read)
    reader.start()
    for generation in range(1, 15):
        with replacing_folder(target) as staging:
            write_site(staging, generation)
    stop.set()
    reader.join()
    assert seen and set(seen) == {200}  # never missing, never partial


KILLED = """
import os, signal, sys
from tools.output import replacing_folder, replacing_file
with replacing_{what}(sys.argv[1]) as new:
    {write}
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize(
    "what, write",
    [
        ("folder", "open(os.path.join(new, 'page-0.html'), 'w').write('half')"),
        ("file", "open(new, 'w').write('half a zip')"),
    ],
)
def test_a_killed_run_leaves_the_old_one_and_the_next_run_cleans_up(tmp_path, what, write):
    target = tmp_path / "output"
    with (replacing_folder if what == "folder" else replacing_file)(target) as new:
        write_site(new, 1, pages=1) if what == "folder" else Path(new).write_text("the old zip")
    code = KILLED.format(what=what, write=write)
    result = subprocess.run([sys.executable, "-c", code, str(target)], cwd=ROOT, capture_output=True)
    assert result.returncode == -signal.SIGKILL
    leftovers = [n for n in os.listdir(tmp_path) if n.startswith(".output-")]
    assert len(leftovers) == (2 if what == "folder" else 1)  # the killed run's staging is still there
    old = (target / "page-0.html") if what == "folder" else target
    assert old.read_text().startswith("generation 1" if what == "folder" else "the old zip")
    with (replacing_folder if what == "folder" else replacing_file)(target) as new:
        write_site(new, 2, pages=1) if what == "folder" else Path(new).write_text("the new zip")
    assert [n for n in os.listdir(tmp_path) if n.startswith(".output-")] == (
        [os.readlink(target)] if what == "folder" else []
    )


def test_clean_removes_the_site_and_what_runs_left(tmp_path):
    target = tmp_path / "output"
    with replacing_folder(target) as staging:
        write_site(staging, 1, pages=1)
    (tmp_path / ".output-leftover").mkdir()
    remove(target)
    assert sorted(os.listdir(tmp_path)) == [".output.lock"]


def run_task(tmp_path, code):
    """A task of tasks.py with the content and output folders of this test."""
    setup = (
        "import sys, tasks; "
        f"tasks.CONFIG.update(content={str(tmp_path / 'content')!r}, deploy_path={str(tmp_path / 'output')!r}); "
    )
    return subprocess.run([sys.executable, "-c", setup + code], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_build_with_a_content_error_prints_each_problem_once_and_keeps_the_site(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    assert (
        run_task(
            tmp_path,
            "tasks.build(tasks.Context())" if False else "tasks._build_into_place(tasks.CONFIG['deploy_path'])",
        ).returncode
        == 0
    )
    before = sorted(os.listdir(tmp_path / "output"))
    bad = tmp_path / "content" / "news" / "bad.md"
    bad.write_text("Title: x\nDate: 18/05/2023\nLang: lo\nSlug: bad\nCategory: news\n\nx\n", encoding="utf-8")
    result = run_task(tmp_path, "tasks._build_into_place(tasks.CONFIG['deploy_path'])")
    assert result.returncode == 1
    assert result.stderr.count("news/bad.md:2: unparsable Date") == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert sorted(os.listdir(tmp_path / "output")) == before


def test_a_failed_bundle_leaves_the_previous_one(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    zip_path = tmp_path / "dist" / "a.zip"
    code = f"from tools.bundle import bundle_content; bundle_content({str(tmp_path / 'content')!r}, {str(zip_path)!r})"
    assert run_task(tmp_path, code).returncode == 0
    good = zip_path.read_bytes()
    (tmp_path / "content" / "news" / "bad.md").write_text("Title: x\n\nx\n", encoding="utf-8")
    assert run_task(tmp_path, code).returncode != 0
    assert zip_path.read_bytes() == good
    assert zipfile.ZipFile(zip_path).testzip() is None
    assert os.listdir(tmp_path / "dist") == ["a.zip", ".a.zip.lock"] or sorted(os.listdir(tmp_path / "dist")) == [
        ".a.zip.lock",
        "a.zip",
    ]
