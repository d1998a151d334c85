"""`invoke bench`: build a generated archive of N articles and print what it costs.

The articles are made of the Lao/English sentence pairs of ../shared/corpus/flores200-sib-lo-en.jsonl
(FLORES-200 with SIB-200 topics, CC BY-SA 4.0: NLLB Team et al. 2022; Adelani et al. 2023). A generated archive is
test data: it is written to a temporary folder, never into content/.
"""
import gzip
import json
import os
import random
import statistics
import tempfile
import time

from .build import ROOT, build

CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "flores200-sib-lo-en.jsonl")
SEED = 2026


def load_pairs(path=CORPUS):
    if not os.path.exists(path):
        raise SystemExit(f"bench: {path} is not here; the benchmark needs ../shared/corpus beside the clone.")
    pairs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            pairs.setdefault(row["pair_id"], {})[row["lang"]] = row["text"]
    return [pairs[k] for k in sorted(pairs) if {"lo", "en"} <= pairs[k].keys()]


def generate(content, pairs, articles):
    """Write ``articles`` files (half Lao originals, half English translations) made of 4–12 consecutive pairs."""
    rnd = random.Random(SEED)
    for n in range(articles // 2):
        start = rnd.randrange(len(pairs))
        run = [pairs[(start + i) % len(pairs)] for i in range(rnd.randint(4, 12))]
        day = f"{2012 + n % 15}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        for lang in ("lo", "en"):
            title = run[0][lang][:80]
            body = "\n\n".join(pair[lang] for pair in run[1:])
            meta = [f"Title: {title}", f"Date: {day}", f"Lang: {lang}", f"Slug: bench-{n:05d}", "Category: news"]
            if lang == "en":
                meta.append("Translation: true")
            path = os.path.join(content, "news", f"{n // 1000:02d}", f"bench-{n:05d}.{lang}.md")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(meta) + "\n\n" + body + "\n")


def timed_build(content, output, **overrides):
    start = time.perf_counter()
    build(content, output, **overrides)
    return time.perf_counter() - start


def sizes(site, root):
    folder = os.path.join(site, root, "search-data")
    index, docs = {"raw": 0, "gzip": 0}, {"raw": 0, "gzip": 0}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        target = index if name == "index.js" else docs
        target["raw"] += len(data)
        target["gzip"] += len(gzip.compress(data, 9, mtime=0))
    return index, docs


def sample_queries(pairs, count):
    from lao_search.text import words

    rnd = random.Random(SEED + 1)
    lao, english = [], []
    while len(lao) < count:
        tokens = [w for w in words(rnd.choice(pairs)["lo"]) if len(w) > 1]
        if len(tokens) > 2:
            at = rnd.randrange(len(tokens) - 1)
            lao.append("".join(tokens[at:at + rnd.choice((1, 2))]))
    while len(english) < count:
        tokens = [w for w in words(rnd.choice(pairs)["en"]) if len(w) > 4]
        if tokens:
            english.append(rnd.choice(tokens))
    return {"lo": lao, "en": english}


def browser_figures(site, queries, chromium):
    """Index load time (median of 5) and query times per language, in headless Chromium from file://."""
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    figures = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        page = browser.new_page()
        for lang, asked in queries.items():
            base = "file://" + os.path.join(site, "" if lang == "lo" else "en") + "/search.html"
            loads = []
            for _ in range(5):
                page.goto(base)
                page.wait_for_selector('#search-results[aria-busy="false"]', state="attached", timeout=120000)
                loads.append(page.evaluate(
                    "performance.getEntriesByName('archive-search:index-loaded')[0].startTime"))
            times = []
            for query in asked:
                page.goto(f"{base}?q={quote(query)}")
                page.wait_for_selector('#search-results[aria-busy="false"]', state="attached", timeout=120000)
                times.append(page.evaluate("performance.getEntriesByName('archive-search:query')[0].duration"))
            times.sort()
            figures[lang] = {"load_ms": statistics.median(loads), "query_median_ms": statistics.median(times),
                             "query_p95_ms": times[max(0, round(0.95 * len(times)) - 1)]}
        browser.close()
    return figures


def run(articles=1000, queries=50, keep=None, chromium="/usr/bin/chromium"):
    pairs = load_pairs()
    work = keep or tempfile.mkdtemp(prefix="archive-bench-")
    content = os.path.join(work, "content")
    print(f"Generating {articles} articles ({articles // 2} Lao, {articles // 2} English) in {content} …")
    generate(content, pairs, articles)
    without = timed_build(content, os.path.join(work, "without-search"), PLUGINS=["archive", "assets"])
    site = os.path.join(work, "site")
    with_search = timed_build(content, site)
    print(f"\nArchive of {articles} articles")
    print(f"  build without search   {without:8.1f} s")
    print(f"  build with search      {with_search:8.1f} s   (search costs {with_search - without:.1f} s)")
    print("\nSearch data            raw KB   gzip KB")
    for lang, root in (("lo", ""), ("en", "en")):
        index, docs = sizes(site, root)
        print(f"  {lang} index.js         {index['raw'] / 1024:8.0f}  {index['gzip'] / 1024:8.0f}")
        print(f"  {lang} docs-*.js        {docs['raw'] / 1024:8.0f}  {docs['gzip'] / 1024:8.0f}")
        print(f"  {lang} total            {(index['raw'] + docs['raw']) / 1024:8.0f}  "
              f"{(index['gzip'] + docs['gzip']) / 1024:8.0f}")
    figures = browser_figures(site, sample_queries(pairs, queries), chromium)
    print(f"\nHeadless Chromium, search.html from file:// ({queries} queries per language)")
    print("  lang   index load ms   query median ms   query p95 ms")
    for lang, f in figures.items():
        print(f"  {lang:4s} {f['load_ms']:14.0f} {f['query_median_ms']:17.1f} {f['query_p95_ms']:14.1f}")
    if not keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
