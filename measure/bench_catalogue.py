"""`invoke bench --catalogue`: the project at the size of a real back catalogue (measure/catalogue.py).

On one generated catalogue (made once and kept in --keep DIR, reused while it is of the same version and size):
  * builds, each `pelican` run directly in a subprocess: plain Pelican (default theme, no plugins, the pictures and
    PDFs copied), the project cold (an empty cache folder) and warm (the same cache again, nothing changed), each
    into an empty output folder; wall and CPU seconds, peak memory of the largest process and of the whole process
    tree summed, the files and bytes written;
  * each language's search data, by kind of file;
  * the search page in headless Chromium from file:// and over http://, for a common Lao word, a Lao word found
    only inside PDFs, a Lao two-word phrase and an English word: bytes (gzipped) and time until the first result;
    and the time to the first result on the phone's profile (bench_page.PHONE_*);
  * recall@10 of PDF-only words, by ../shared/tools/search_eval.py's own run and definition (the mean over words of
    the relevant articles in the first ten results, over the fewer of ten and the relevant articles), a word being
    relevant to each Lao article whose normalised text (search_eval.norm) holds it: its PDF's, by construction;
then one PASS/MISS line per target of issue 19. Figures to read, not a test.
"""

import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any

from tools.build import SETTINGS

from . import catalogue
from .bench import (
    SEED,
    Build,
    by_frequency,
    clear_aside,
    data_sizes,
    load_pairs,
    plain_pelicanconf,
    print_builds,
    print_phone_target,
    print_sizes,
    sentence_counts,
    set_aside,
    spread,
    timed_build,
    verdict,
    worst,
)
from .bench import workspace as bench_workspace
from .bench_page import Measure, browser_figures, kb, print_browser, say

SEARCH_EVAL = os.path.join(os.path.dirname(catalogue.__file__), "..", "..", "shared", "tools", "search_eval.py")
CATALOGUE = "catalogue"  # the sub-folder of the work folder that is kept between runs
RECALL_WORDS = 40  # PDF-only words whose recall@10 is measured
# Issue 19's targets at the back catalogue's size
WARM_LIMIT, COLD_LIMIT, FIRST_GZIP_LIMIT, RECALL_LIMIT, MEMORY_LIMIT_MB = 1.5, 6.0, 150 * 1024, 0.95, 1536


def search_eval() -> ModuleType:
    """../shared/tools/search_eval.py as a module: its norm() and summarize() are the reference's."""
    path = os.path.realpath(SEARCH_EVAL)
    if not os.path.exists(path):
        raise SystemExit(f"bench: {path} is not here; the benchmark needs ../shared/tools beside the clone.")
    spec = importlib.util.spec_from_file_location("search_eval", path)
    assert spec is not None and spec.loader is not None  # a .py file's
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def workspace(keep: str | None) -> str:
    """The folder to work in (bench.workspace): a new temporary one, or ``keep`` emptied of all but its catalogue."""
    return bench_workspace(keep, prefix="archive-bench-catalogue-", spared=(CATALOGUE,))


# --- builds ---------------------------------------------------------------------------------------------------


def run_builds(work: str, content: str, runs: int) -> dict[str, Build]:
    """{"plain", "cold", "warm": Build, the run of median wall time}, built in turns ``runs`` times."""
    plain_settings = os.path.join(work, "plain-pelicanconf.py")
    with open(plain_settings, "w") as f:
        f.write(plain_pelicanconf())
    done: dict[str, list[Build]] = {"plain": [], "cold": [], "warm": []}
    for run in range(runs):
        cache = os.path.join(work, "cache")  # the project's cache/ folder, of this build alone
        set_aside(cache, work)
        for name, settings in (("plain", plain_settings), ("cold", SETTINGS), ("warm", SETTINGS)):
            say(f"Building: {name} ({run + 1} of {runs}) …")
            done[name].append(timed_build(work, name, content, settings, cache=cache if name != "plain" else None))
    builds: dict[str, Build] = {}
    for name, made in done.items():
        median = sorted(made, key=lambda b: b.wall)[len(made) // 2]
        builds[name] = Build(
            **{**median.__dict__, "walls": [b.wall for b in made], "tree_kb": max(b.tree_kb for b in made)}
        )
    return builds


# --- queries --------------------------------------------------------------------------------------------------


def lao_texts(content: str, evaluator: ModuleType) -> dict[str, str]:
    """{slug: normalised text} of every Lao Markdown file of ``content``."""
    texts: dict[str, str] = {}
    for directory, _dirs, names in os.walk(content):
        for name in names:
            if name.endswith(".lo.md"):
                with open(os.path.join(directory, name), encoding="utf-8") as f:
                    texts[name[: -len(".lo.md")]] = evaluator.norm(f.read())
    return texts


def pdf_only_words(
    pairs: Sequence[Mapping[str, str]], manifest: Mapping[str, Any], content: str, evaluator: ModuleType
) -> dict[str, list[str]]:
    """{word: [slugs of the Lao articles relevant to it]} for every word of the PDF-only sentences (as the
    search's own word breaker finds them, two syllables or more) that no Markdown file holds: the relevant
    articles are those whose PDF holds it. Found with one pass of an Aho-Corasick automaton over each text."""
    import ahocorasick

    from lao_search.text import chunk_pieces, chunks, folded, has_lao

    pairs_of = catalogue.split_pairs(pairs)
    candidates = {
        evaluator.norm(piece)
        for pair in pairs_of[1]
        for chunk in chunks(folded(pair["lo"]))
        for _start, piece in chunk_pieces(chunk)
        if has_lao(piece)
    }
    automaton = ahocorasick.Automaton()
    for word in candidates:
        if len(word) >= 4:
            automaton.add_word(word, word)
    automaton.make_automaton()

    def held(text: str) -> set[str]:
        return {word for _end, word in automaton.iter(text)}

    outside: set[str] = set().union(*map(held, lao_texts(content, evaluator).values()))
    found: dict[str, list[str]] = {}
    for slug, pdf in sorted(manifest["pdfs"].items()):
        text = evaluator.norm("\n".join(catalogue.sentence(pairs_of, ref) for ref in pdf["sentences"]))
        for word in held(text) - outside:
            found.setdefault(word, []).append(slug)
    return found


def choose_queries(
    pairs: Sequence[Mapping[str, str]], pdf_words: Mapping[str, list[str]], count: int
) -> dict[str, list[str]]:
    """{kind: [query]}: Lao words in the most sentences, two-word runs and English words of every frequency (of
    the articles' pairs, as bench.choose_queries), and PDF-only words from the most to the fewest PDFs."""
    body, _only = catalogue.split_pairs(pairs)
    lao, phrases, english = sentence_counts(body)
    ranked = sorted(pdf_words, key=lambda w: (-len(pdf_words[w]), w))
    return {
        "lo-common": [w for w in by_frequency(lao) if len(w) >= 3][:count],
        "lo-pdf": spread(ranked, count),
        "lo-phrase": spread(by_frequency(phrases), count),
        "en-word": spread([w for w in by_frequency(english) if len(w) >= 5], count),
    }


# --- recall ---------------------------------------------------------------------------------------------------


def pdf_recall(
    work: str, site: str, pdf_words: Mapping[str, list[str]], evaluator: ModuleType
) -> tuple[float | None, float | None, list[str]]:
    """(recall@10, precision@10, words) of RECALL_WORDS PDF-only words, by search_eval.py run (file://)."""
    words = sorted(random.Random(SEED).sample(sorted(pdf_words), min(RECALL_WORDS, len(pdf_words))))
    queries = os.path.join(work, "pdf-queries.json")
    results = os.path.join(work, "pdf-results.json")
    with open(queries, "w", encoding="utf-8") as f:
        json.dump([{"kind": "lo-pdf", "q": w, "lang": "lo", "rel": pdf_words[w]} for w in words], f, ensure_ascii=False)
    say(f"Measuring recall@10 of {len(words)} PDF-only words (search_eval.py run) …")
    command = [sys.executable, os.path.realpath(SEARCH_EVAL), "run", site, queries, "--out", results]
    finished = subprocess.run([*command, "--timeout", "60"], capture_output=True, text=True)
    if finished.returncode or not os.path.exists(results):
        say(f"  search_eval.py failed (exit {finished.returncode}):\n{finished.stdout}{finished.stderr[-2000:]}")
        return None, None, words
    with open(results, encoding="utf-8") as f:
        answered = json.load(f)
    say("\nRecall of PDF-only words (search_eval.py's summary, file://)")
    recall, precision = evaluator.summarize(answered)
    missed = [r for r in answered if r["got"] is None or not set(r["got"]) & set(r["rel"])]
    for r in missed[:10]:
        say(f"  none of {r['q']}'s {len(r['rel'])} relevant in the first ten: {r['rel'][:4]}")
    return recall, precision, words


# --- printing -------------------------------------------------------------------------------------------------


def print_catalogue(manifest: Mapping[str, Any], content: str) -> None:
    size = manifest["key"]["size"]
    fonts: dict[str, int] = {}
    pages: dict[str, list[int]] = {"issue": [], "edition": []}
    for pdf in manifest["pdfs"].values():
        fonts[pdf["font"]] = fonts.get(pdf["font"], 0) + 1
        pages[pdf["kind"]].append(pdf["pages"])
    media = sum(os.path.getsize(os.path.join(d, n)) for d, _s, ns in os.walk(content) for n in ns)
    say(
        f"\nCatalogue: {size['news']:,} news items and {size['reports']:,} reports (Lao + English), "
        f"{size['issues']} magazine issues ({min(pages['issue'])}–{max(pages['issue'])} pages, "
        f"{sum(pages['issue']):,} in all), {size['editions']} newspaper editions ({sum(pages['edition']):,} pages "
        f"and as many scans); PDFs in "
        + ", ".join(f"{font} {n}" for font, n in sorted(fonts.items()))
        + f"; {media / 2**20:,.0f} MB of content"
    )


def print_targets(builds: Mapping[str, Build], results: Mapping[str, list[Measure]], recall: float | None) -> None:
    say("\nTargets of issue 19 at the back catalogue (figures, not a test)")
    plain, cold, warm = builds["plain"], builds["cold"], builds["warm"]
    for name, build, limit in (("warm", warm, WARM_LIMIT), ("cold", cold, COLD_LIMIT)):
        ratio = build.wall / plain.wall
        say(
            f"  {name} build ≤ {limit}× plain Pelican:               {ratio:6.2f}× ({build.wall:.1f} s / "
            f"{plain.wall:.1f} s)  {verdict(ratio <= limit)}"
        )
    peak = max(cold.tree_kb, warm.tree_kb) / 1024
    say(
        f"  peak memory ≤ {MEMORY_LIMIT_MB / 1024:.1f} GB (process tree, summed RSS):  {peak:,.0f} MB "
        f"(PSS {max(cold.tree_pss_kb, warm.tree_pss_kb) / 1024:,.0f} MB)  {verdict(peak <= MEMORY_LIMIT_MB)}"
    )
    for mode in ("file", "http"):
        measures = results.get(mode)
        if measures:
            figure, kind = worst(measures, "first_gzip", max)
            ok = figure is not None and figure <= FIRST_GZIP_LIMIT
            say(
                f"  every first result ≤ 150 KB gzipped ({mode}://, worst):  {kb(figure):>6s} KB ({kind})  "
                f"{verdict(ok)}"
            )
    if recall is not None:
        say(
            f"  PDF-only words recall@10 ≥ {RECALL_LIMIT}:              {recall:.3f}  {verdict(recall >= RECALL_LIMIT)}"
        )
    print_phone_target(results, 10_000)
    unfinished = sum(m.first_ms is None for ms in results.values() for m in ms)
    if unfinished:
        say(f"  {unfinished} page loads never showed their results (see Page problems): the figures leave them out")


# --- the whole run --------------------------------------------------------------------------------------------


def run(
    scale: float = 1.0,
    queries: int = 8,
    keep: str | None = None,
    browser: bool = True,
    runs: int = 1,
    workers: int | None = None,
    phone_queries: int | None = None,
    variant: bool = False,
) -> None:
    """Generate (or reuse), build, measure and print; removes the work folder unless ``keep`` names one.
    ``variant``: the catalogue made otherwise (catalogue.py's docstring)."""
    pairs = load_pairs()
    work = workspace(keep)
    try:
        folder = os.path.join(work, CATALOGUE)
        manifest = catalogue.generate(folder, pairs, catalogue.Size.scaled(scale), SEED, workers, say, variant)
        content = os.path.join(folder, "content")
        print_catalogue(manifest, content)
        builds = run_builds(work, content, runs)
        print_builds(builds)
        say(
            f"  cold / plain Pelican: {builds['cold'].wall / builds['plain'].wall:.2f}× wall; warm / plain: "
            f"{builds['warm'].wall / builds['plain'].wall:.2f}× wall"
        )
        site = builds["warm"].output
        print_sizes(data_sizes(site))
        results: dict[str, list[Measure]] = {}
        recall: float | None = None
        if browser:
            evaluator = search_eval()
            pdf_words = pdf_only_words(pairs, manifest, content, evaluator)
            say(
                f"\n{len(pdf_words):,} words found only inside PDFs (of the PDF-only sentences; no Markdown holds them)"
            )
            asked = choose_queries(pairs, pdf_words, queries)
            results = browser_figures(site, asked, ("file", "http"), phone_queries)
            print_browser(results, queries)
            recall, _precision, _words = pdf_recall(work, site, pdf_words, evaluator)
        print_targets(builds, results, recall)
        say(f"\nWork folder: {work}" + ("" if keep else " (removed)"))
    finally:
        if keep:
            clear_aside(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
