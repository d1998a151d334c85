"""The search data as a build makes them: the split search answers as the reference does, the work runs beside
Pelican's or in its process alike, a preview rebuild reindexes only what changed, and long builds report."""

import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import lao_search.documents as documents
import lao_search.indexing as indexing
from lao_search.background import Inbox, Job
from lao_search.progress import LINES, Progress
from measure.generate import generate, pairs_from_content
from tests.fixture_site import FIXTURE, ROOT, build
from tools.preview import PREVIEW_CACHE

EQUIVALENCE = os.path.join(ROOT, "js", "test", "equivalence.mjs")


def same_answers(data, queries):
    """Runs js/test/equivalence.mjs on a language's search data; its JSON summary."""
    result = subprocess.run(["node", EQUIVALENCE, data, "--queries", str(queries)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.splitlines()[0])


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The fixture site with 300 more articles made from the project's own content: repeated sentences, invented
    names, every spelling of the same letters."""
    work = tmp_path_factory.mktemp("generated")
    content = str(work / "content")
    shutil.copytree(FIXTURE, content)
    generate(content, pairs_from_content(os.path.join(ROOT, "content")), 300, seed=11)
    return build(content, str(work / "output"))


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    return build(FIXTURE, str(tmp_path_factory.mktemp("fixture") / "output"))


@pytest.mark.parametrize("lang, queries", [("", 200), ("en", 60)])
def test_split_data_answer_as_the_reference_on_the_fixture_site(fixture_site, lang, queries):
    summary = same_answers(os.path.join(fixture_site, lang, "search-data"), queries)
    assert summary["differences"] == 0 and summary["queries"] >= 20


@pytest.mark.parametrize("lang, queries", [("", 400), ("en", 150)])
def test_split_data_answer_as_the_reference_on_a_generated_archive(generated, lang, queries):
    summary = same_answers(os.path.join(generated, lang, "search-data"), queries)
    assert summary["articles"] > 150
    assert summary["differences"] == 0
    assert summary["modes"].get("exact", 0) > summary["queries"] / 2  # most queries find something
    assert summary["misspeltModes"].get("corrected", 0) > summary["misspelt"] / 10  # many are found when misspelt


def articles(ending=".md"):
    """The fixture site's Markdown files whose names end so."""
    return [path for path in Path(FIXTURE).rglob("*") if path.name.endswith(ending)]


def search_files(site):
    out = {}
    for base, _dirs, names in os.walk(site):
        for name in names:
            path = os.path.join(base, name)
            if "search-data" in path:
                with open(path, "rb") as f:
                    out[os.path.relpath(path, site)] = f.read()
    return out


def test_indexing_beside_the_page_writing_or_in_the_build_process_writes_the_same_files(fixture_site, tmp_path):
    inline = build(FIXTURE, str(tmp_path / "inline"), LAO_SEARCH_BACKGROUND=False)
    assert search_files(inline) == search_files(fixture_site)
    assert any(name.endswith("index.js") for name in search_files(inline))


JOBS = """
import json, logging, os, sys, threading, time
from lao_search.background import Job, can_fork

records = []
class Keep(logging.Handler):
    def emit(self, record):
        records.append([record.name, record.levelname, record.getMessage(), os.getpid()])
logging.getLogger().addHandler(Keep())
threading.Thread(target=time.sleep, args=(5,), daemon=True).start()  # as Pelican's status line runs beside

def task(inbox, report):
    got = []
    for message in inbox:
        got.append(message)
        report("step", "got", len(got))
        logging.getLogger("pelican.contents").warning("Unable to find %s", message)
    return [os.getpid(), got]

def failing(inbox, report):
    for message in inbox:
        raise ValueError("news/x.lo.md: something wrong")

messages = []
job = Job(task)
for n in range(3000):  # more than a pipe holds, while the child holds back all it has to say
    job.send("x" * 100 + str(n))
child, got = job.wait(messages.append)
try:
    job = Job(failing)
    for n in range(3000):
        job.send(n)
    job.wait(messages.append)
    error = None
except RuntimeError as e:
    error = str(e)
print(json.dumps({"fork": can_fork(), "child": child, "parent": os.getpid(), "got": len(got), "last": got[-1],
                  "messages": messages, "records": len(records), "record": records[-1], "error": error}))
"""


def test_a_background_job_takes_what_is_sent_logs_through_the_parent_and_fails_with_its_error():
    result = subprocess.run(
        [sys.executable, "-c", JOBS], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    found = json.loads(result.stdout)
    assert found["fork"] is True
    assert found["child"] != found["parent"]  # it ran in another process, though another thread was running
    assert found["got"] == 3000 and found["last"].endswith("2999")
    assert found["messages"] == [["step", "got", 3000]]  # the latest step of a label only, once the parent waits
    assert found["records"] == 3000
    assert found["record"] == ["pelican.contents", "WARNING", "Unable to find " + "x" * 100 + "2999", found["parent"]]
    assert "ValueError: news/x.lo.md: something wrong" in found["error"]


BEHIND = """
import os, sys, time
from lao_search.background import Job

go = os.path.join(sys.argv[1], "go")

def task(inbox, report):
    while not os.path.exists(go):  # behind: takes nothing until the parent has sent everything
        time.sleep(0.01)
    return sum(1 for _message in inbox)

job = Job(task)
for n in range(3000):  # some 300 KB: more than the pipe holds
    job.send("x" * 100 + str(n))
open(go, "w").close()  # reached only if sending never waited for the child
print(job.wait(lambda message: None))
"""


def test_sending_to_a_job_that_is_behind_never_waits_for_it(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", BEHIND, str(tmp_path)], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "3000"


UNSENDABLE = """
from lao_search.background import Job

def task(inbox, report):
    return sum(1 for _message in inbox)

job = Job(task)
job.send("a")
job.send(lambda: "no pickle holds a function made here")
try:
    job.wait(lambda message: None)
    print("no error")
except RuntimeError as error:
    print(error)
"""


def test_a_message_that_cannot_be_sent_fails_the_job_and_does_not_hang_it():
    result = subprocess.run(
        [sys.executable, "-c", UNSENDABLE], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    assert "search indexing could not be given what the build read" in result.stdout


ABANDONED = """
import gc, os, sys, time
from lao_search.background import Job

def task(inbox, report):
    for message in inbox:
        pass

job = Job(task)
job.send("x")
child = job.process.pid
del job  # a build that failed before waiting drops its job
gc.collect()
time.sleep(0.5)
try:
    os.kill(child, 0)
    print("alive")
except ProcessLookupError:
    print("gone")
"""


def test_a_job_given_up_on_stops_its_process():
    result = subprocess.run(
        [sys.executable, "-c", ABANDONED], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "gone"


def test_where_there_is_no_fork_the_job_runs_in_the_build_process_on_what_was_sent(monkeypatch):
    monkeypatch.setattr("lao_search.background.can_fork", lambda: False)

    def task(inbox, report):
        report("step")
        return os.getpid(), list(inbox)

    def failing(inbox, report):
        raise ValueError("something wrong")

    job = Job(task)
    job.send("a")
    job.send("b")
    messages = []
    assert job.wait(messages.append) == (os.getpid(), ["a", "b"])
    assert messages == [("step",)]
    with pytest.raises(ValueError, match="something wrong"):
        Job(failing).wait(messages.append)


def preview_cache(tmp_path):
    """Settings of a preview's builds: Pelican's content cache on, the search analysed in this process (so that
    documents_made sees the work)."""
    return {
        **PREVIEW_CACHE,
        "CACHE_PATH": str(tmp_path / "cache"),
        "LAO_SEARCH_BACKGROUND": False,
    }


def documents_made(monkeypatch):
    """The URLs of the articles the search analyses from now on (a list that grows as builds run)."""
    made = []
    original = documents.Analyzer.document
    monkeypatch.setattr(
        documents.Analyzer, "document", lambda self, source: made.append(source.url) or original(self, source)
    )
    return made


def test_a_preview_rebuild_reindexes_only_the_articles_that_changed(tmp_path, monkeypatch):
    content = str(tmp_path / "content")
    shutil.copytree(FIXTURE, content)
    cached = preview_cache(tmp_path)
    made = documents_made(monkeypatch)
    build(content, str(tmp_path / "first"), **cached)
    assert len(made) == len(articles())
    path = os.path.join(content, "news", "cyber-drill.lo.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\nນ້ຳຖ້ວມ ໃໝ່.\n")
    made.clear()
    second = build(content, str(tmp_path / "second"), **cached)
    assert made == ["news/cyber-drill.html"]
    made.clear()
    clean = build(content, str(tmp_path / "clean"), LAO_SEARCH_BACKGROUND=False, LAO_SEARCH_CACHE=False)
    assert search_files(second) == search_files(clean)


def test_long_jobs_report_plain_lines_where_there_is_no_terminal(capsys):
    with Progress() as progress:
        for done in range(0, 1001, 50):
            progress.step("Search (lo): articles read", done, 1000)
        progress.step("short", 5, 10)  # too short to report
    lines = [line for line in capsys.readouterr().out.splitlines() if line]
    assert len(lines) == LINES
    assert lines[-1] == "Search (lo): articles read: 1000 of 1000"


def test_a_build_that_empties_the_output_folder_first_still_indexes(tmp_path):
    output = build(FIXTURE, str(tmp_path / "output"), DELETE_OUTPUT_DIRECTORY=True)
    again = build(FIXTURE, output, DELETE_OUTPUT_DIRECTORY=True)  # this time there is something to delete
    assert os.path.isfile(os.path.join(again, "search-data", "index.js"))
    assert not os.path.exists(os.path.join(again, ".search-data-staging"))


def test_a_build_over_earlier_search_data_deletes_them_only_once_its_own_are_written(tmp_path, monkeypatch):
    # on ext4 without a journal, files made just after many deletions cost a scan each (docs/benchmarks.md)
    settings = {"LAO_SEARCH_CACHE": False, "LAO_SEARCH_BACKGROUND": False}
    output = build(FIXTURE, str(tmp_path / "output"), **settings)
    stale = [os.path.join(output, lang, "search-data", "d-000000000000", "0.js") for lang in ("", "en")]
    for path in stale:
        os.makedirs(os.path.dirname(path))
        Path(path).write_text("from a build before")
    replaced = os.path.join(output, indexing.REPLACED)
    still_there = []

    def write_files(folder, files):
        still_there.append(
            any("from a build before" in Path(path).read_text() for path in Path(replaced).rglob("0.js"))
        )
        return written(folder, files)

    written = indexing.write_files
    monkeypatch.setattr(indexing, "write_files", write_files)
    again = build(FIXTURE, output, **settings)
    assert still_there == [True, True]  # each language's: the earlier data set aside, not deleted yet
    assert not any(map(os.path.exists, stale)) and not os.path.exists(replaced)
    assert search_files(again) == search_files(build(FIXTURE, str(tmp_path / "clean"), **settings))


def test_pelican_alone_builds_the_search_data(tmp_path):
    output = tmp_path / "output"
    pelican = os.path.join(os.path.dirname(sys.executable), "pelican")
    result = subprocess.run(
        [pelican, FIXTURE, "-s", os.path.join(ROOT, "pelicanconf.py"), "-o", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in ("", "en"):
        assert (output / lang / "search-data" / "index.js").is_file()
    assert f"Search (lo): {len(articles('.lo.md'))} articles" in result.stdout


def test_a_build_with_nothing_changed_analyses_nothing_and_publishes_the_same_search_data(tmp_path, monkeypatch):
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "LAO_SEARCH_BACKGROUND": False}
    made = documents_made(monkeypatch)
    first = build(FIXTURE, str(tmp_path / "first"), **settings)
    assert len(made) == len(articles())
    pickled = tmp_path / "cache" / "lao_search.pickle"
    written = pickled.stat().st_mtime_ns
    made.clear()
    again = build(FIXTURE, str(tmp_path / "again"), **settings)
    assert made == []
    assert pickled.stat().st_mtime_ns == written
    assert search_files(again) == search_files(first)
    index = os.path.join("search-data", "index.js")
    assert os.path.samefile(os.path.join(first, index), os.path.join(again, index))  # linked, not written again


def test_a_build_with_one_article_changed_reads_no_pdf_again_and_makes_what_a_clean_build_makes(tmp_path, monkeypatch):
    content = str(tmp_path / "content")
    shutil.copytree(FIXTURE, content)
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "LAO_SEARCH_BACKGROUND": False}
    made = documents_made(monkeypatch)
    build(content, str(tmp_path / "first"), **settings)
    path = os.path.join(content, "news", "cyber-drill.lo.md")
    with open(path, "a", encoding="utf-8") as f:
        f.write("\nນ້ຳຖ້ວມ ໃໝ່.\n")
    made.clear()
    second = build(content, str(tmp_path / "second"), **settings)
    assert "news/cyber-drill.html" in made and "newspaper/edition-211.html" not in made  # its PDF's text is kept
    clean = build(content, str(tmp_path / "clean"), LAO_SEARCH_CACHE=False, CACHE_CONTENT=False, **settings)
    assert search_files(second) == search_files(clean)
    assert b"\xe0\xba\x96\xe0\xbb\x89\xe0\xba\xa7\xe0\xba\xa1" in b"".join(search_files(second).values())  # ຖ້ວມ


@pytest.mark.parametrize("damage", ["manifest", "file"])
def test_kept_search_data_that_were_damaged_are_made_anew(tmp_path, monkeypatch, damage):
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "LAO_SEARCH_BACKGROUND": False}
    first = build(FIXTURE, str(tmp_path / "first"), **settings)
    kept = tmp_path / "cache" / "lao_search-data"
    if damage == "manifest":
        (kept / "manifest.json").write_text("{not json")
    else:
        os.remove(kept / "0" / "index.js")
    made = documents_made(monkeypatch)
    again = build(FIXTURE, str(tmp_path / "again"), **settings)
    # the two editions with printed pages (a PDF's, and a scan's text read by machine) come from the cache
    printed = {"newspaper/edition-211.html", "newspaper/edition-210.html"}
    assert len(made) == len(articles()) - 2 and not printed & set(made)
    assert search_files(again) == search_files(first)


def test_the_cyclic_collector_is_off_while_the_indexing_runs_and_handed_back_after(tmp_path, monkeypatch):
    source = documents.Source(url="a/", title="ການປະຊຸມ", kind="news", date="2026-01-02", date_text="2 January 2026",
                              body_html="<p>ລັດຖະບານ ສະໜອງ ນ້ຳສະອາດ</p>")  # fmt: skip
    seen = []
    write_files = indexing.write_files

    def writing(*args):
        seen.append(("writing", gc.isenabled()))
        return write_files(*args)

    monkeypatch.setattr(indexing, "write_files", writing)

    def messages(plan=True):
        seen.append(("analysing", gc.isenabled()))
        yield ("sources", [("a.md", source)])
        if plan:
            yield ("plan", [("lo", "search-data", ["a.md"])])

    settings = {"CACHE_PATH": str(tmp_path / "cache"), "LAO_SEARCH_CACHE": False}
    summary = indexing.index(settings, str(tmp_path), indexing.Layout(), Inbox(messages()), lambda *message: None)
    assert summary and (tmp_path / "search-data" / "index.js").exists()
    assert seen == [("analysing", False), ("writing", False)]
    assert gc.isenabled()  # handed back: the indexing may run in Pelican's own process
    with pytest.raises(RuntimeError, match="before every article was read"):  # a build that stopped short
        indexing.index(settings, str(tmp_path), indexing.Layout(), Inbox(messages(plan=False)), lambda *message: None)
    assert gc.isenabled()  # handed back when the indexing fails too
