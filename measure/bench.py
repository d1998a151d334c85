"""`invoke bench`: what the search costs, on one generated archive of N news articles.

It measures, on the same content:
  * three builds, each Pelican run directly as a subprocess with its own empty cache: plain Pelican (default theme,
    no plugins), the project without search (its plugins but the search) and the project with search. Wall-clock
    seconds, CPU seconds (user + sys of Pelican and its children: the search indexing runs partly in a forked
    background process, so CPU may exceed wall time) and peak memory (the largest process of the build, and the
    whole process tree's summed: measure/proctree.py);
  * each language's search data: files and bytes, raw and gzipped, by kind of file;
  * the search page in headless Chromium, from file:// and over http:// (a local server gzipping as a web server
    would), for four kinds of query picked from the content, and three kinds of them misspelt (a Lao word without
    its tone marks or with a slip, an English word with a slip): bytes loaded before the first result is shown, the
    time until then, the page's JavaScript heap, and the bytes of the next page of results ("more"); and the time
    to the first result on a phone's profile (bench_page.PHONE_*: a mobile network, a slowed CPU, over http://).
It ends with one line per target of the issue, measured figure and PASS/MISS: figures to read, not a test.
`invoke bench --catalogue` measures a back catalogue of every kind instead (bench_catalogue.py).

The articles are made by measure/generate.py from the Lao/English sentence pairs of
../shared/corpus/flores200-sib-lo-en.jsonl (FLORES-200 with SIB-200 topics, CC BY-SA 4.0: NLLB Team et al. 2022;
Adelani et al. 2023). A generated archive is test data under that licence: it is written to a temporary folder (or
the one --keep names), never into content/.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from pelican.settings import read_settings

from lao_search import indexing
from tools.build import ROOT, SETTINGS, site_layout
from tools.serve import GZIP_LEVEL

from . import bench_offline, bench_preview
from .bench_page import KINDS, Measure, browser_figures, gzipped_size, kb, print_browser, say
from .generate import generate
from .proctree import PeakMemory

CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "flores200-sib-lo-en.jsonl")
SEED = 2026
T = TypeVar("T")
MARKER = ".archive-bench"  # marks a --keep folder as this benchmark's, so that it may be emptied again
ASIDE = ".set-aside"  # in the work folder: what the benchmark deletes once every build is timed (set_aside)
SEARCH_PLUGIN = "lao_search"


def without_search() -> str:
    """The setting (pelican -e, JSON) of the project's plugins (pelicanconf.py) but the search's."""
    plugins = read_settings(SETTINGS)["PLUGINS"]
    return "PLUGINS=" + json.dumps([plugin for plugin in plugins if plugin != SEARCH_PLUGIN])


def plain_pelicanconf() -> str:
    """A settings file of Pelican's defaults and its default theme; the content's pictures and PDFs copied as the
    project copies them (its STATIC_PATHS)."""
    return f'PLUGINS = []\nRELATIVE_URLS = True\nSITEURL = ""\nSTATIC_PATHS = {list(site_layout().static)!r}\n'


def load_pairs(path: str = CORPUS) -> list[dict[str, str]]:
    """The corpus's sentence pairs as [{"lo": text, "en": text}], in pair order."""
    if not os.path.exists(path):
        raise SystemExit(f"bench: {path} is not here; the benchmark needs ../shared/corpus beside the clone.")
    pairs: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            pairs.setdefault(row["pair_id"], {})[row["lang"]] = row["text"]
    return [pairs[k] for k in sorted(pairs) if {"lo", "en"} <= pairs[k].keys()]


def workspace(keep: str | None, prefix: str = "archive-bench-", spared: Iterable[str] = ()) -> str:
    """The folder to work in: a new temporary one (named from ``prefix``), or ``keep`` emptied of all but
    ``spared`` (set aside: ``set_aside``), if it is empty or an earlier bench's (so that a mistyped --keep cannot
    wipe anything else, content/ least of all)."""
    if not keep:
        return tempfile.mkdtemp(prefix=prefix)
    if os.path.isdir(keep) and os.listdir(keep) and not os.path.exists(os.path.join(keep, MARKER)):
        raise SystemExit(f"bench: {keep} is not empty and not an earlier benchmark's folder; name another.")
    os.makedirs(keep, exist_ok=True)
    for name in os.listdir(keep):
        if name not in (MARKER, ASIDE, *spared):
            set_aside(os.path.join(keep, name), keep)
    open(os.path.join(keep, MARKER), "w").close()
    return keep


def set_aside(path: str, work: str) -> None:
    """Moves ``path`` (an earlier build's output or cache), if it is there, into the work folder's ASIDE, which
    ``clear_aside`` deletes once every build is timed: deleted before a timed build, its files would slow that
    build, the one with search most (lao_search.indexing.set_aside says why)."""
    indexing.set_aside(path, os.path.join(work, ASIDE))


def clear_aside(work: str) -> None:
    """Deletes what ``set_aside`` moved aside in ``work``."""
    shutil.rmtree(os.path.join(work, ASIDE), ignore_errors=True)


# --- builds ---------------------------------------------------------------------------------------------------


@dataclass
class Build:
    name: str
    wall: float  # seconds
    cpu: float  # user + sys seconds of Pelican and every process it waited for
    peak_kb: int  # maxrss: the largest single process of the build (the forked indexer shares its parent's pages)
    output: str
    walls: list[float] | None = None  # every run's wall time, when there were several
    tree_kb: int = 0  # the largest sum of resident memory over the build's process tree (proctree.py)
    tree_pss_kb: int = 0  # the same in proportional set size (shared pages counted once), read seldom: a lower bound
    files: int = 0  # files in the output folder once built
    bytes: int = 0  # and their bytes
    written: float = 0  # bytes the build and its children wrote to disk (ru_oublock, 512-byte blocks)


def pelican_command() -> str:
    """The pelican of the Python running this (the venv's): the issue asks for Pelican run directly."""
    return os.path.join(os.path.dirname(sys.executable), "pelican")


def folder_size(folder: str) -> tuple[int, int]:
    """(files, bytes) under ``folder``."""
    files = size = 0
    for directory, _dirs, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(directory, name)).st_size
    return files, size


def timed_build(work: str, name: str, content: str, settings_file: str, *extra: str, cache: str | None = None) -> Build:
    """Build ``content`` with ``pelican`` in a subprocess into an empty folder, timed, with ``cache`` as its
    cache folder (default: a new empty one of its own).

    CPU and the largest process's memory come from os.wait4, the kernel's account of that one child together with
    the children it waited for (the same sum getrusage(RUSAGE_CHILDREN) grows by, but of this build alone); the
    whole tree's memory from sampling /proc meanwhile."""
    output = os.path.join(work, name)
    set_aside(output, work)  # each run writes into an empty folder
    cache = cache or tempfile.mkdtemp(prefix=f"cache-{name}-", dir=work)
    log_path = os.path.join(work, f"{name}.log")
    command = [pelican_command(), content, "-s", settings_file, "-o", output, "--cache-path", cache, *extra]
    with open(log_path, "w") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=work, stdout=log, stderr=subprocess.STDOUT)
        with PeakMemory(process.pid) as peak:
            _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        with open(log_path, encoding="utf-8", errors="replace") as log:
            tail = log.read()[-3000:]
        raise SystemExit(f"bench: the {name} build failed (exit {process.returncode}); {log_path} ends:\n{tail}")
    files, size = folder_size(output)
    return Build(
        name,
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss,
        output,
        tree_kb=max(peak.rss_kb, usage.ru_maxrss),  # a peak between two samples is at least the largest process's
        tree_pss_kb=peak.pss_kb,
        files=files,
        bytes=size,
        written=usage.ru_oublock * 512,
    )


def run_builds(work: str, content: str, baselines: bool, runs: int) -> dict[str, Build]:
    """{name: Build, the run of median wall time}: plain Pelican and the project without search (if
    ``baselines``), and with search, each built ``runs`` times, in turn (a machine shared with others is not
    equally fast all the while: turns spread that over the three)."""
    settings: dict[str, tuple[str, ...]] = {"with-search": (SETTINGS,)}
    if baselines:
        plain_settings = os.path.join(work, "plain-pelicanconf.py")
        with open(plain_settings, "w") as f:
            f.write(plain_pelicanconf())
        settings = {"plain": (plain_settings,), "without-search": (SETTINGS, "-e", without_search()), **settings}
    done: dict[str, list[Build]] = {name: [] for name in settings}
    for run in range(runs):
        for name, args in settings.items():
            say(f"Building: {name} ({run + 1} of {runs}) …")
            done[name].append(timed_build(work, name, content, *args))
    builds: dict[str, Build] = {}
    for name, made in done.items():
        by_wall = sorted(made, key=lambda b: b.wall)
        median = by_wall[len(by_wall) // 2]
        builds[name] = Build(
            name,
            median.wall,
            statistics.median(b.cpu for b in made),
            max(b.peak_kb for b in made),
            made[-1].output,
            [b.wall for b in made],
            max(b.tree_kb for b in made),
            max(b.tree_pss_kb for b in made),
            made[-1].files,
            made[-1].bytes,
            statistics.median(b.written for b in made),
        )
    return builds


# --- search data ----------------------------------------------------------------------------------------------

# The kinds of search-data file, in the order a query loads them: (label, how a path in search-data/ begins)
PARTS = [
    ("entry index.js", "index.js"),
    ("dictionary shards d-*/", "d-"),
    ("big records l/", "l/"),
    ("commonest words' records c-*/", "c-"),
    ("Lao words w-*/", "w-"),
    ("articles f-*/", "f-"),
    ("close spellings n-*/", "n-"),
]


def part_kind(relative: str) -> str:
    """Which kind of search-data file ``relative`` (to search-data/, with /) is."""
    return next((label for label, start in PARTS if relative.startswith(start)), "other")


def data_sizes(site: str) -> dict[str, dict[str, list[int]]]:
    """{lang: {kind of file: [files, raw bytes, gzip bytes]}} of each language's search-data/."""
    sizes: dict[str, dict[str, list[int]]] = {}
    layout = site_layout()  # the project's: the site was built with its settings
    for lang in ("lo", "en"):  # the generated archives' languages
        folder = os.path.join(site, layout.page(lang, "search_data"))
        kinds: dict[str, list[int]] = {}
        for directory, _dirs, files in os.walk(folder):
            for name in files:
                path = os.path.join(directory, name)
                with open(path, "rb") as f:
                    data = f.read()
                row = kinds.setdefault(part_kind(os.path.relpath(path, folder).replace(os.sep, "/")), [0, 0, 0])
                row[0] += 1
                row[1] += len(data)
                row[2] += gzipped_size(data)
        order = [label for label, _start in PARTS] + ["other"]
        sizes[lang] = dict(sorted(kinds.items(), key=lambda item: order.index(item[0])))
    return sizes


# --- queries --------------------------------------------------------------------------------------------------


def spread(ranked: Sequence[T], count: int) -> list[T]:
    """``count`` items of ``ranked`` (most frequent first) at geometrically spaced ranks, from the first to the
    last: as many frequent as rare ones, where even spacing would pick almost only words seen once."""
    if len(ranked) <= count:
        return list(ranked)
    if count == 1:
        return [ranked[0]]  # one query: the most frequent (no spacing to speak of)
    picked: list[T] = []
    for i in range(count):
        at = round(len(ranked) ** (i / (count - 1))) - 1
        while ranked[at] in picked:  # two ranks rounded to one
            at += 1
        picked.append(ranked[at])
    return picked


def by_frequency(counter: Counter[T]) -> list[T]:
    return [key for key, _n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))]


def sentence_counts(pairs: Iterable[Mapping[str, str]]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """How many sentences hold each Lao word, Lao two-word run (adjacent, no space between) and English word.

    Every sentence is used by many generated articles, so sentence counts rank words as article counts would."""
    from lao_search.text import chunk_pieces, chunks, folded, has_lao, words

    lao: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    english: Counter[str] = Counter()
    for pair in pairs:
        lao_words: set[str] = set()
        runs: set[str] = set()
        for chunk in chunks(folded(pair["lo"])):
            pieces = chunk_pieces(chunk)
            lao_words.update(word for _start, word in pieces if has_lao(word))
            runs.update(
                a + b
                for (at, a), (bt, b) in pairwise(pieces)
                if at + len(a) == bt and len(a) > 1 and len(b) > 1 and has_lao(a) and has_lao(b)
            )
        lao.update(lao_words)
        phrases.update(runs)
        english.update({w for w in words(pair["en"]) if w.isascii() and w.isalpha()})
    return lao, phrases, english


def invented_names(content: str) -> Counter[str]:
    """How many generated Lao articles name each person (``ທ່ານ NAME ກ່າວ``, as measure/generate.py writes it)."""
    from lao_search.text import LAO, folded

    said = re.compile(f"ທ່ານ\\s*([{LAO}]+?)\\s*ກ່າວ")
    names: Counter[str] = Counter()
    for path in sorted(glob.glob(os.path.join(content, "**", "*.lo.md"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            names.update(set(said.findall(folded(f.read()))))
    return names


def choose_queries(pairs: Sequence[Mapping[str, str]], content: str, count: int) -> dict[str, list[str]]:
    """{kind: [query]}, the same for the same content: the Lao words in the most sentences; two-word runs and
    English words of every frequency; invented names found in the fewest articles (the longest first)."""
    import random

    from .misspell import slip, toneless

    lao, phrases, english = sentence_counts(pairs)
    names = invented_names(content)
    rare = sorted(names, key=lambda name: (names[name], -len(name), name))[: 4 * count]
    english_words = spread([w for w in by_frequency(english) if len(w) >= 5], count)
    lao_words = spread([w for w in by_frequency(lao) if len(w) >= 4], count)
    toned = spread([w for w in by_frequency(lao) if toneless(w) != w and len(toneless(w)) >= 3], count)
    typing = random.Random(SEED)
    return {
        "lo-common": [w for w in by_frequency(lao) if len(w) >= 3][:count],
        "lo-phrase": spread(by_frequency(phrases), count),
        "lo-rare": random.Random(SEED).sample(rare, min(count, len(rare))),
        "en-word": english_words,
        "lo-toneless": [toneless(w) for w in toned],
        "lo-slip": [slip(w, typing) for w in lao_words],
        "en-slip": [slip(w, typing, keyboard=True) for w in english_words],
    }


# --- printing -------------------------------------------------------------------------------------------------


LABELS = {
    "plain": "plain Pelican",
    "without-search": "project without search",
    "with-search": "project with search",
    "cold": "project, cold (no cache)",
    "warm": "project, warm (unchanged)",
}


def print_builds(builds: Mapping[str, Build]) -> None:
    runs = len(next(iter(builds.values())).walls or [0])
    say(
        f"\nBuilds (median of {runs} run{'s' if runs > 1 else ''}; CPU = user+sys of Pelican and its children, the "
        "search's background process too;\n  peak = the largest process; tree = the whole process tree summed, "
        "resident (RSS) and proportional (PSS: shared pages once);\n  out = files and MB in the output folder; "
        "written = MB written to disk by the build)"
    )
    say(
        f"  {'':26s} {'wall s':>8s} {'CPU s':>8s} {'peak MB':>8s} {'tree MB':>8s} {'PSS MB':>8s} {'out files':>9s} "
        f"{'out MB':>8s} {'written':>8s}   every run's wall s"
    )
    for name, build in builds.items():
        say(
            f"  {LABELS[name]:26s} {build.wall:8.1f} {build.cpu:8.1f} {build.peak_kb / 1024:8.0f} "
            f"{build.tree_kb / 1024:8.0f} {build.tree_pss_kb / 1024:8.0f} {build.files:9,d} "
            f"{build.bytes / 2**20:8.0f} {build.written / 2**20:8.0f}   "
            + " ".join(f"{w:.1f}" for w in build.walls or [])
        )
    if "without-search" in builds:
        plain, without, search = builds["plain"], builds["without-search"], builds["with-search"]
        say(
            f"  with search / plain Pelican:              {search.wall / plain.wall:5.2f}× wall, "
            f"{search.cpu / plain.cpu:5.2f}× CPU"
        )
        say(
            f"  search's share over the project without:  {search.wall / without.wall - 1:+6.0%} wall, "
            f"{search.cpu / without.cpu - 1:+6.0%} CPU"
        )


def print_sizes(sizes: Mapping[str, Mapping[str, list[int]]]) -> None:
    say(f"\nSearch data (gzip level {GZIP_LEVEL})")
    say(f"  {'':4s}{'':24s} {'files':>7s} {'raw KB':>10s} {'gzip KB':>10s}")
    for lang, kinds in sizes.items():
        total = [sum(row[i] for row in kinds.values()) for i in range(3)]
        for i, (label, (count, raw, packed)) in enumerate([*kinds.items(), ("total", total)]):
            say(f"  {'' if i else lang:4s}{label:24s} {count:7,d} {kb(raw):>10s} {kb(packed):>10s}")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def worst(
    measures: Sequence[Measure], name: str, pick: Callable[[list[float]], float]
) -> tuple[float, str] | tuple[None, str]:
    """(figure, kind) of the kind whose ``pick`` of ``name`` (max or median over its queries) is the largest."""
    per_kind: list[tuple[float, str]] = []
    for kind, _lang in KINDS:
        values = [getattr(m, name) for m in measures if m.kind == kind and getattr(m, name) is not None]
        if values:
            per_kind.append((pick(values), kind))
    return max(per_kind) if per_kind else (None, "no query finished")


def print_targets(builds: Mapping[str, Build], results: Mapping[str, list[Measure]]) -> None:
    """One line per target of the issue, the figure it is judged on, PASS or MISS."""
    say("\nTargets of the issue (figures, not a test)")
    if "plain" not in builds and not results:
        say("  none measured: this run skipped the baseline builds and the browser")
    if "plain" in builds:
        share = builds["with-search"].wall / builds["without-search"].wall - 1
        say(
            f"  search adds ≤ 30% to the project's build without search:   {share:+.0%} wall "
            f"({builds['with-search'].cpu / builds['without-search'].cpu - 1:+.0%} CPU)  {verdict(share <= 0.30)}"
        )
        ratio = builds["with-search"].wall / builds["plain"].wall
        say(
            f"  whole build ≤ 1.5× plain Pelican:                           {ratio:.2f}× wall "
            f"({builds['with-search'].cpu / builds['plain'].cpu:.2f}× CPU)  {verdict(ratio <= 1.5)}"
        )
    measures = results.get("file")
    if not measures:
        return
    for name, limit, label in (("first_gzip", 150, "gzipped"), ("first_raw", 500, "raw")):
        figure, kind = worst(measures, name, max)
        ok = figure is not None and figure <= limit * 1024
        say(
            f"  first result after ≤ {limit} KB {label:7s} from file:// (worst query): {kb(figure):>5s} KB "
            f"({kind})  {verdict(ok)}"
        )
    figure, kind = worst(measures, "first_ms", statistics.median)
    ok = figure is not None and figure <= 300
    say(
        f"  median time to first result ≤ 300 ms from file:// (worst kind): "
        f"{'-' if figure is None else f'{figure:,.0f}'} ms ({kind})  {verdict(ok)}"
    )
    figure, kind = worst(measures, "next_gzip", max)
    raw, _kind = worst(measures, "next_raw", max)
    ok = figure is not None and figure <= 50 * 1024
    say(
        f"  a page of further results ≤ 50 KB gzipped (worst query):   {kb(figure):>5s} KB ({kind}; "
        f"{kb(raw)} KB raw)  {verdict(ok)}"
    )
    print_phone_target(results, 10_000)
    unfinished = sum(m.first_ms is None for ms in results.values() for m in ms)
    if unfinished:
        say(f"  {unfinished} page loads never showed their results (see Page problems): the figures leave them out")


def print_phone_target(results: Mapping[str, list[Measure]], articles: int) -> None:
    """The phone's line: the median time to the first result of the slowest kind, ≤ 1.5 s (a target set at
    ``articles`` news articles; at another size, a figure to compare)."""
    measures = results.get("phone")
    if not measures:
        return
    figure, kind = worst(measures, "first_ms", statistics.median)
    slowest, _kind = worst(measures, "first_ms", max)
    ok = figure is not None and figure <= 1500
    say(
        f"  first result ≤ 1.5 s on the phone's profile (worst kind's median; set at {articles:,} news articles): "
        f"{'-' if figure is None else f'{figure / 1000:.2f}'} s ({kind}; slowest query "
        f"{'-' if slowest is None else f'{slowest / 1000:.2f}'} s)  {verdict(ok)}"
    )


# --- the whole run --------------------------------------------------------------------------------------------


def run(
    articles: int = 1000,
    queries: int = 8,
    keep: str | None = None,
    browser: bool = True,
    baselines: bool = True,
    runs: int = 3,
    rebuilds: int = 100,
    phone_queries: int | None = None,
) -> None:
    """Generate, build, measure and print; removes the generated archive unless ``keep`` names a folder."""
    pairs = load_pairs()
    work = workspace(keep)
    try:
        content = os.path.join(work, "content")
        say(f"Generating {articles:,} articles ({articles // 2:,} Lao, {articles // 2:,} English) in {content} …")
        generate(content, pairs, articles, seed=SEED)
        builds = run_builds(work, content, baselines, runs)
        site = builds["with-search"].output
        say(f"\nArchive of {articles:,} generated articles; builds in {work}")
        print_builds(builds)
        print_sizes(data_sizes(site))
        results: dict[str, list[Measure]] = {}
        if browser:
            asked = choose_queries(pairs, content, queries)
            results = browser_figures(site, asked, ("file", "http"), phone_queries)
            print_browser(results, queries)
            bench_offline.report(bench_offline.first_visit(site, read_settings(SETTINGS)), say)
        print_targets(builds, results)
        if rebuilds:
            say(f"\nRebuilding the project's content {rebuilds} times as the preview does …")
            bench_preview.report(bench_preview.measure(os.path.join(ROOT, "content"), work, rebuilds), say)
    finally:
        if keep:
            clear_aside(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
