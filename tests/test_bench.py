"""`invoke bench` compares like with like: the project's build without its search is the project's build, no
timed build runs right after the benchmark deleted an earlier one's files, and watching a build's memory does not
slow it."""

import json
import os
from types import SimpleNamespace

from pelican.settings import read_settings

from measure import proctree
from measure.bench import ASIDE, MARKER, SEARCH_PLUGIN, clear_aside, set_aside, without_search, workspace
from measure.bench_catalogue import CATALOGUE
from measure.bench_catalogue import workspace as catalogue_workspace
from tools.build import SETTINGS


def test_the_build_without_search_runs_every_plugin_of_the_project_but_the_search():
    plugins = read_settings(SETTINGS)["PLUGINS"]
    name, _, value = without_search().partition("=")
    assert name == "PLUGINS" and SEARCH_PLUGIN in plugins
    assert json.loads(value) == [plugin for plugin in plugins if plugin != SEARCH_PLUGIN]
    assert len(json.loads(value)) == len(plugins) - 1


def test_an_earlier_runs_files_are_set_aside_whole_and_deleted_once_the_builds_are_timed(tmp_path):
    keep = tmp_path / "bench"
    (keep / "with-search" / "search-data").mkdir(parents=True)
    page = keep / "with-search" / "search-data" / "index.js"
    page.write_text("LaoArchive.receive({});")
    inode = page.stat().st_ino
    (keep / MARKER).touch()

    assert workspace(str(keep)) == str(keep)
    assert sorted(os.listdir(keep)) == sorted([MARKER, ASIDE])  # emptied for the new run...
    (moved,) = (keep / ASIDE).rglob("with-search/search-data/index.js")
    assert moved.stat().st_ino == inode  # ...by a rename: no file deleted yet

    (keep / "with-search").mkdir()  # the next run's build, then the one after it
    set_aside(str(keep / "with-search"), str(keep))
    set_aside(str(keep / "not-there"), str(keep))
    assert len(list((keep / ASIDE).rglob("with-search"))) == 2 and not (keep / "with-search").exists()

    clear_aside(str(keep))
    assert sorted(os.listdir(keep)) == [MARKER]


def test_the_catalogue_bench_keeps_its_catalogue_and_sets_an_earlier_runs_sites_aside(tmp_path):
    keep = tmp_path / "bench"
    for name in (CATALOGUE, "cold", "cache"):
        (keep / name).mkdir(parents=True)
        (keep / name / "index.html").write_text(name)
    (keep / MARKER).touch()

    catalogue_workspace(str(keep))
    assert sorted(os.listdir(keep)) == sorted([ASIDE, CATALOGUE, MARKER])
    assert sorted(page.read_text() for page in (keep / ASIDE).rglob("index.html")) == ["cache", "cold"]


def test_the_costly_proportional_sets_are_read_seldom_and_after_the_resident_sets_highs(monkeypatch):
    read = []  # the /proc files read, in order
    resident = iter([100, 300, 200, 250, 150, 150])  # kB of the tree's resident sets, sample by sample
    proportional = iter([50, 80])
    every = proctree.PSS_INTERVAL
    now = iter([0.0, 0.2, 0.4, every - 0.1, every + 0.1, every + 0.3])  # the clock at each sample

    def field_kb(path, name):
        read.append(path.rsplit("/", 1)[1])
        return next(resident) if name == "VmRSS:" else next(proportional)

    monkeypatch.setattr(proctree, "tree", lambda root: [root])
    monkeypatch.setattr(proctree, "field_kb", field_kb)
    monkeypatch.setattr(proctree, "time", SimpleNamespace(monotonic=lambda: next(now)))
    peak = proctree.PeakMemory(1)
    for _ in range(6):
        peak.sample()
    assert (peak.rss_kb, peak.pss_kb) == (300, 80)
    # at the first sample; the high of the second at the first sample PSS_INTERVAL after that reading, though the
    # resident sets have fallen since; then no more, as they reach no new high
    assert read == ["status", "smaps_rollup", "status", "status", "status", "status", "smaps_rollup", "status"]
