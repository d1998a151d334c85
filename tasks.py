"""Tasks of the archive, with the names Pelican users know (invoke --list). Run through `make` or .venv/bin/invoke.

Pelican runs in-process through ``pelican_run``, as in Pelican's own tasks.py template.
"""

import os
import re
import shlex
import shutil
import sys

from invoke import task

from archive import ContentError
from archive.schema import Schema
from tools.build import site_layout

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(os.path.dirname(HERE), "shared")
CONFIG = {
    "settings_base": os.path.join(HERE, "pelicanconf.py"),
    "deploy_path": os.path.join(HERE, "output"),
    "content": os.path.join(HERE, "content"),
}
# Where the site has its pages and the preview listens (BIND, PORT, EDITOR_BACKEND in pelicanconf.py)
LAYOUT = site_layout(CONFIG["settings_base"])
PYTHON = sys.executable
MISSPELT_QUERIES = os.path.join(HERE, "measure", "data", "misspelt-queries.json")  # measure/misspell.py made them


def pelican_run(args):
    """Run Pelican in this process; a failed build exits non-zero with Pelican's message."""
    from pelican import main as pelican_main

    pelican_main(shlex.split(args))


@task
def clean(c):
    """Remove the generated site."""
    from tools.output import remove

    remove(CONFIG["deploy_path"])


def _build_into_place(target, settings_file=None, **overrides):
    """Build the content into a new folder and, only when that succeeded, make it ``target`` in one step
    (tools/output.py). Pelican's errors are fatal; a content error is printed once, without a traceback."""
    import logging

    from pelican.log import init as init_logging

    from archive import ContentError
    from tools.build import SETTINGS
    from tools.build import build as build_site
    from tools.output import replacing_folder

    init_logging(level=logging.WARNING, fatal="errors")
    try:
        with replacing_folder(target) as staging:
            build_site(CONFIG["content"], staging, settings_file or SETTINGS, **overrides)
    except ContentError as error:
        sys.exit(str(error))


@task
def build(c):
    """Build the site into output/ (relative URLs: it opens from disk too). The new site replaces the old one in
    one step, and only if the whole build succeeded: output/ always holds one complete site."""
    _build_into_place(CONFIG["deploy_path"])


@task(clean, build)
def rebuild(c):
    """`clean` then `build`."""


@task
def regenerate(c):
    """Rebuild whenever content, theme or plugins change."""
    pelican_run(f"{shlex.quote(CONFIG['content'])} -r -s {shlex.quote(CONFIG['settings_base'])}")


PREVIEW_HELP = {
    "host": f"the address to listen on (default {LAYOUT.bind}: this computer only; 0.0.0.0: every network, to "
    "open the preview on a phone)",
    "port": f"the port to listen on (default {LAYOUT.port})",
}
WATCHED = ("content/**/*", "theme/**/*", "plugins/**/*.py", "js/src/**/*.js", "pelicanconf.py")


def _port(name, port, default=LAYOUT.port):
    """The port option as a number (``default`` when not given), or a one-line stop."""
    if port is None:
        return default
    if not str(port).isdigit() or not 0 < int(port) < 65536:
        sys.exit(f"{name}: the port must be a whole number from 1 to 65535, not {port!r}")
    return int(port)


def _preview(name, host, port, overrides=None, lines=()):
    """`serve` and `livereload`: check that host:port is free (one line and a non-zero exit if not, before the
    build), build, serve the site, rebuild on every save and reload the browser. Pelican's content cache keeps a
    rebuild to the files that changed; while a build has failed, every page shows its problems instead, in the
    browser as in the terminal, and the server keeps running (tools/preview.py)."""
    from tools import preview

    host = LAYOUT.bind if host is None else host
    port = _port(name, port)
    problem = preview.cannot_listen(host, port, f"make {name}")
    if problem:
        sys.exit(f"{name}: {problem}")
    last = preview.LastBuild()
    rebuild = preview.rebuilder(preview.preview_settings(CONFIG["settings_base"], **(overrides or {})), last=last)
    rebuild()
    server = preview.live_server(preview.PreviewApp(CONFIG["deploy_path"], last, LAYOUT))
    for pattern in WATCHED:
        server.watch(os.path.join(HERE, pattern), rebuild)
    print("\n".join([*preview.preview_lines(host, port, preview.lan_address()), *lines]), flush=True)
    try:
        server.serve(host=host, port=port, debug=False)  # debug would restart the process when a plugin changes
    except OSError:
        problem = preview.cannot_listen(host, port, f"make {name}")  # taken while the site was being built
        if not problem:
            raise
        sys.exit(f"{name}: {problem}")


@task(help=PREVIEW_HELP)
def serve(c, host=None, port=None):
    """Build, serve on the preview's address (BIND and PORT in pelicanconf.py), rebuild on every save and reload
    the browser (the same as `livereload`); `--host 0.0.0.0` to preview on a phone on the same network."""
    _preview("serve", host, port)


@task(help=PREVIEW_HELP)
def livereload(c, host=None, port=None):
    """Build, serve on the preview's address (BIND and PORT in pelicanconf.py), rebuild on every save and reload
    the browser; while a file has a problem, every page shows it (file:line: message) until it is fixed. `--host
    0.0.0.0` for a phone."""
    _preview("livereload", host, port)


EDIT_HELP = {
    "port": f"the preview's port (default {LAYOUT.port}); the editor is at /{LAYOUT.editor} on it",
    "backend_port": "the port of the editor's local backend, decap-server (default: the one pelicanconf.py's "
    f"EDITOR_BACKEND names, {LAYOUT.editor_port})",
}


@task(help=EDIT_HELP)
def edit(c, port=None, backend_port=None):
    """The web editor on this computer: prints its address (the preview's, its folder admin/), starts Decap CMS's
    local backend (decap-server, which writes into content/ alone and answers the editor's page alone) and the
    preview. Each save rebuilds the preview; a problem the editor's form cannot check is shown in the editor and on
    every page of the preview until it is fixed. Both listen on 127.0.0.1 only."""
    import signal

    from tools import editor, preview

    host = preview.LOCALHOST
    if LAYOUT.editor_port is None:
        sys.exit("edit: EDITOR_BACKEND in pelicanconf.py names no local backend (a proxy_url with a port)")
    port, backend_port = _port("edit", port), _port("edit", backend_port, LAYOUT.editor_port)
    problem = preview.cannot_listen(host, port, "make edit")
    if problem:
        sys.exit(f"edit: {problem}")
    if preview.listen_error(host, backend_port):
        free = preview.free_port(host, backend_port)
        sys.exit(
            f"edit: port {backend_port} (the editor's backend) is taken; choose another: make edit BACKEND_PORT={free}"
        )
    address = f"http://{host}:{port}/{LAYOUT.editor}"
    print(f"Web editor: {address}  (starting; Ctrl-C to stop)", flush=True)
    server = editor.start_backend(CONFIG["content"], backend_port, host, origin=f"http://{host}:{port}")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopped by a service manager: stop the backend too
    try:
        overrides = {
            "EDITOR_BACKEND": editor.proxy_backend(backend_port, host),
            "EDITOR_SITE_URL": f"http://{host}:{port}",
        }
        _preview("edit", host, port, overrides, [f"Web editor: {address}"])
    finally:
        server.terminate()
        server.wait(10)


def _write_new(path, text):
    full = os.path.join(CONFIG["content"], path)
    if os.path.exists(full):
        sys.exit(f"{full} exists already")
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"Wrote content/{path} as a draft: fill it in, then delete its `Status: draft` line to publish it.")


def _new(c, kind, title, lang=None, date=None, **fields):
    """Create a correctly filled Markdown file (a draft) of a kind and language; the kind's fields as options."""
    import datetime

    from tools.build import site_schema
    from tools.scaffold import new_item

    schema = site_schema()
    try:
        day = datetime.date.fromisoformat(date) if date else datetime.date.today()
    except ValueError:
        sys.exit(f"new: --date {date!r} is not a date written as YYYY-MM-DD")
    try:
        path, text = new_item(CONFIG["content"], kind, lang or schema.languages[0], title, day, schema, **fields)
    except ValueError as error:
        sys.exit(f"new: {error}")
    _write_new(path, text)


def _new_task():
    """`invoke new` with an option for every field of the content schema that it does not fill in itself."""
    import inspect

    from archive.fields import KINDS
    from tools.scaffold import options

    fields = options(Schema())
    given = inspect.signature(_new).parameters
    _new.__signature__ = inspect.Signature(
        [*(p for p in given.values() if p.kind != p.VAR_KEYWORD)]
        + [inspect.Parameter(f.key, inspect.Parameter.KEYWORD_ONLY, default=None) for f in fields]
    )
    kinds = {f.key: ", ".join(f.kinds) if f.kinds else "any kind" for f in fields}
    return task(
        _new,
        name="new",
        help={
            "kind": " or ".join(kind.name for kind in KINDS),
            "lang": "the language (default: the site's first)",
            "title": "the title",
            "date": "YYYY-MM-DD (default: today)",
            **{f.key: f"{kinds[f.key]}: {f.help['en']}" for f in fields},
        },
    )


new = _new_task()


@task
def schema(c):
    """Rewrite what is derived from the content schema (plugins/archive/fields.py) and committed: the field
    tables of docs/writing.md and content.schema.json (JSON Schema for editors' tools)."""
    from tools.schema_files import write

    for path in write():
        print(f"Wrote {os.path.relpath(path, HERE)}")


@task(help={"slug": "the slug of the item to translate", "lang": "the language to write (default: the other)"})
def translate(c, slug, lang=None):
    """Create the other language's file of an item: same slug, pointing at its original (a draft)."""
    from tools.build import site_schema
    from tools.scaffold import translation

    try:
        path, text = translation(CONFIG["content"], slug, lang, site_schema())
    except ValueError as error:
        sys.exit(f"translate: {error}")
    _write_new(path, text)


@task(
    help={
        "force": "read again the pages whose text OCR wrote, though it is newer than the scan",
        "replace_edited": "also replace texts an editor changed (their corrections are lost)",
        "workers": "pages read at a time (default: one per core)",
        "content": "the content folder (default: content/)",
    }
)
def ocr(c, force=False, replace_edited=False, workers=None, content=None):
    """Read the text of every page scan and every PDF page without a text layer with Tesseract (Lao and English)
    and keep it beside the file (images/newspaper/345-1.jpg.txt) for editors to correct and commit; the build
    indexes it. Skips pages that have their text already."""
    from tools.ocr import OcrError, run

    prerequisites = shlex.quote(os.path.join(HERE, "scripts", "prerequisites.sh"))
    if c.run(f"sh {prerequisites} --ocr", warn=True).failed:  # Tesseract and its models: installs or names them
        sys.exit(1)
    try:
        failed = run(
            content or CONFIG["content"], force=force, replace_edited=replace_edited, workers=workers and int(workers)
        )
    except OcrError as error:
        sys.exit(f"ocr: {error}")
    if failed:
        sys.exit(f"ocr: {failed} page(s) could not be read (above)")


@task(
    help={
        "keep": "make the scans in this folder and keep them (default: cache/ocr-measure/)",
        "pages": "pages per font (default 2; each shot at 150 and 300 dpi, level and tilted)",
        "workers": "pages read at a time (default: one per core)",
        "search": "instead: an edition per font given only as page scans, added to content/, read by `invoke ocr`, "
        "built and searched for words printed only there (recall@10)",
    }
)
def ocr_measure(c, keep=None, pages=2, workers=None, search=False):
    """Measure how well `invoke ocr` reads Lao scans, step by step (CER, word recall), on scans it makes from
    ../shared/corpus in Phetsarath OT, Noto Sans Lao and Noto Serif Lao. Figures to read, not a test."""
    from measure.bench import load_pairs
    from measure.ocr_measure import run
    from tools.ocr import OcrUnavailable, check_tesseract

    try:
        check_tesseract()
    except OcrUnavailable as error:
        sys.exit(f"ocr-measure: {error}")
    folder = keep or os.path.join(HERE, "cache", "ocr-measure")
    workers = workers and int(workers)
    run(folder, load_pairs(), int(pages), workers, search_in=CONFIG["content"] if search else None)


@task(
    name="import",
    iterable=["kind"],
    help={
        "wordpress": "a WordPress export (WXR, Tools → Export → All content) to import",
        "feed": "an RSS or Atom feed to import: a file or an http(s) address",
        "pdfs": "a folder of back issues as PDFs to import, one item each (with --kind magazine or newspaper)",
        "uploads": "the old site's wp-content/uploads folder, as copied: pictures and files the posts show",
        "csv": "with --pdfs: a CSV of each PDF's number, date, titles (columns file, number, date, title, ...)",
        "kind": "CATEGORY=KIND: posts of a category become items of a kind (repeatable; *=KIND: all the others; "
        "default news); with --pdfs: magazine or newspaper",
        "lang": "the language of posts that do not say theirs (default: told from their text)",
        "update": "replace items content/ has already with what the import makes of them",
        "dry_run": "print what would be written, and write nothing",
        "drop_missing": "leave out pictures and files the uploads folder lacks (each named) instead of stopping",
        "content": "the content folder (default: content/)",
    },
)
def import_archive(
    c,
    wordpress=None,
    feed=None,
    pdfs=None,
    uploads=None,
    csv=None,
    kind=None,
    lang=None,
    update=False,
    dry_run=False,
    drop_missing=False,
    content=None,
):
    """Bring an existing archive in: a WordPress export, a feed or a folder of PDFs, as checked Markdown in
    content/. Writes every file or none: each is checked with the archive's own checks first. A second run of the
    same import changes nothing."""
    from tools.importer import main

    sys.exit(
        main(
            wordpress=wordpress,
            feed=feed,
            pdfs=pdfs,
            uploads=uploads,
            csv=csv,
            kinds=kind,
            lang=lang,
            update=update,
            dry_run=dry_run,
            drop_missing=drop_missing,
            content=content or CONFIG["content"],
        )
    )


@task
def check(c):
    """Build the content into a temporary folder and check it without publishing: content rules, broken links and
    images, HTML that does not parse cleanly; lists missing translations. Exits non-zero on errors."""
    from tools.check import run
    from tools.output import replacing_folder

    with replacing_folder(os.path.join(HERE, "cache", "checked-site")) as site:  # kept there until the next check
        errors = run(CONFIG["content"], site)
    if errors:
        sys.exit(1)


@task
def publish(c):
    """Check, then build with publishconf.py (absolute URLs from $SITEURL) and only then replace output/: a build
    with any error publishes nothing and leaves output/ as it was."""
    from tools.build import PUBLISH_SETTINGS

    if not os.environ.get("SITEURL"):
        sys.exit("publish: set SITEURL, e.g. SITEURL=https://archive.example.la .venv/bin/invoke publish")
    check(c)
    _build_into_place(CONFIG["deploy_path"], PUBLISH_SETTINGS)
    print(f"Published {os.environ['SITEURL']} into output/")


@task
def bundle(c):
    """Write dist/lao-ict-journal-archive.zip: the site to read offline, unzipped anywhere and opened from disk."""
    from tools.bundle import bundle_content

    try:
        path = bundle_content(CONFIG["content"], os.path.join(HERE, "dist", "lao-ict-journal-archive.zip"))
    except ContentError as error:
        sys.exit(str(error))
    print(f"Wrote {os.path.relpath(path, HERE)} ({os.path.getsize(path) / 1e6:.1f} MB)")


@task
def gh_pages(c):
    """Publish (SITEURL must be set), then push output/ to the gh-pages branch with ghp-import."""
    publish(c)
    c.run(
        f"{os.path.join(os.path.dirname(PYTHON), 'ghp-import')} -b gh-pages -n -p -m 'Publish the archive' "
        f"{shlex.quote(CONFIG['deploy_path'])}"
    )


@task(help={"destination": "user@host:/path/ (default: $DEPLOY_RSYNC)"})
def rsync(c, destination=None):
    """Publish (SITEURL must be set), then copy output/ to any web server with rsync over ssh."""
    destination = destination or os.environ.get("DEPLOY_RSYNC")
    if not destination:
        sys.exit("rsync: give --destination user@host:/var/www/archive/ or set DEPLOY_RSYNC")
    publish(c)
    c.run(f"rsync -rvzc --delete {shlex.quote(CONFIG['deploy_path'])}/ {shlex.quote(destination)}")


@task
def lint(c):
    """The house style, checked: ruff for the Python and mypy for its types, Biome for the JavaScript, CSS and JSON
    (`invoke format` rewrites what these would reject for layout alone); the CI workflow and its shared set-up
    audited by zizmor and validated against GitHub's schemas."""
    c.run(f"{PYTHON} -m ruff check .", pty=False)
    c.run(f"{PYTHON} -m ruff format --check .", pty=False)
    c.run(f"{PYTHON} -m mypy", pty=False)  # what it checks and how strictly: pyproject.toml, [tool.mypy]
    c.run("npx --no-install biome check .", pty=False)
    bin_dir = os.path.dirname(PYTHON)
    workflows = os.path.join(HERE, ".github", "workflows")
    files = " ".join(shlex.quote(os.path.join(workflows, n)) for n in sorted(os.listdir(workflows)))
    actions_folder = os.path.join(HERE, ".github", "actions")  # the jobs' shared set-up (composite actions)
    actions = " ".join(
        shlex.quote(os.path.join(actions_folder, n, "action.yml")) for n in sorted(os.listdir(actions_folder))
    )
    c.run(f"{bin_dir}/zizmor --offline --persona=auditor --quiet {files} {actions}", pty=False)
    c.run(f"{bin_dir}/check-jsonschema --builtin-schema vendor.github-workflows {files}", pty=False)
    c.run(f"{bin_dir}/check-jsonschema --builtin-schema vendor.github-actions {actions}", pty=False)


@task(name="format")
def format_code(c):
    """Lay out the Python (ruff) and the JavaScript, CSS and JSON (Biome) in the house style, in place."""
    c.run(f"{PYTHON} -m ruff check --fix .", pty=False)
    c.run(f"{PYTHON} -m ruff format .", pty=False)
    c.run("npx --no-install biome check --write .", pty=False)


PASSING = re.compile(r"^\s*[✔▶ℹ] ")  # a passing test's line, a suite's heading, a total, in node's spec reporter
TOTAL = re.compile(r"^ℹ (\w+) ([\d.]+)$", re.MULTILINE)
COUNTS = (("fail", "failed"), ("pass", "passed"), ("cancelled", "cancelled"), ("skipped", "skipped"), ("todo", "todo"))


def node_report(output, ok):
    """What `make test` shows of node's test runner (spec reporter): one line of totals when every test passed;
    otherwise everything but the passing tests' lines (each failure in full, a file that would not load with its
    error), then that line. Output it cannot read is shown whole."""
    totals = dict(TOTAL.findall(output))
    if "duration_ms" not in totals:
        return output.rstrip()
    counts = ", ".join(f"{totals[key]} {word}" for key, word in COUNTS if totals.get(key, "0") != "0")
    summary = f"js/test: {counts or 'no tests'} in {float(totals['duration_ms']) / 1000:.2f}s"
    if ok:
        return summary
    kept = "\n".join(line for line in output.splitlines() if not PASSING.match(line))
    return re.sub(r"\n{3,}", "\n\n", kept).strip() + "\n\n" + summary


@task(pre=[lint])
def test(c):
    """Every test, after the linters: pytest (Python, build, browser) and node's test runner (browser modules); a
    few lines each when all pass, every failure in full when one does not."""
    c.run(f"{PYTHON} -m pytest -q tests", pty=False)
    node = c.run("node --test --test-reporter=spec js/test/*.test.mjs", pty=False, hide=True, warn=True)
    print(node_report(node.stdout, node.ok))
    if node.stderr.strip():
        print(node.stderr.rstrip(), file=sys.stderr)
    if not node.ok:
        sys.exit(node.return_code)


@task
def expected(c):
    """Rebuild the committed expected output of the fixture site (tests/expected/) after an intended change."""
    c.run(f"{PYTHON} -m tests.fixture_site --write-expected", pty=False)


def _shared(path):
    """A file of ../shared/, or a clear stop when this clone has none beside it."""
    full = os.path.join(SHARED, path)
    if not os.path.exists(full):
        sys.exit(f"{full} is not here: this task needs the development corpus in ../shared/ beside the clone.")
    return full


@task(
    help={
        "articles": "how many articles to generate (default 1,000; half Lao, half English)",
        "queries": "queries per kind measured in the browser (default 8; four kinds)",
        "keep": "work in this folder and keep the generated archive and its builds (default: a temporary one); "
        "with --catalogue, a catalogue already in it is reused",
        "browser": "measure the search page in headless Chromium (--no-browser: builds and data sizes only)",
        "baselines": "also build plain Pelican and the project without search (--no-baselines: only the build "
        "with search)",
        "runs": "build each way this many times, in turn, and report the median (default 3; 1 with --catalogue)",
        "rebuilds": "rebuild the project's content this many times as `make serve` does and report the preview's "
        "memory (default 100; 0 skips it)",
        "phone_queries": "queries per kind timed on the phone's profile (default: all of them, whose median the "
        "target is; 0 skips it)",
        "catalogue": "measure a generated back catalogue of every kind instead (measure/catalogue.py: 1,600 news "
        "items, 200 reports, 24 magazine issues with 48-96-page PDFs, 60 newspaper editions with scans): plain "
        "Pelican, the project cold and warm, memory, the search page, PDF-only words' recall@10",
        "scale": "with --catalogue: its size times this (default 1; 0.1 for a quick look; a PDF keeps its length)",
        "workers": "with --catalogue: processes generating it (default: one per core)",
        "variant": "with --catalogue: the catalogue made otherwise, as a held-out one may be (issues printed by "
        "LibreOffice, scans at 1654x2339; needs Debian's libreoffice-writer)",
    }
)
def bench(
    c,
    articles=1000,
    queries=8,
    keep=None,
    browser=True,
    baselines=True,
    runs=None,
    rebuilds=100,
    phone_queries=None,
    catalogue=False,
    scale="1",
    workers=None,
    variant=False,
):
    """Build a generated archive of N articles from ../shared/corpus three ways (plain Pelican, the project without
    and with search) and print build times, CPU and memory, the search data's files and sizes, and what the search
    page loads and how fast it shows results in headless Chromium ($CHROMIUM), from file:// and over http:// and
    on a phone's profile; ends with the issue's targets, PASS or MISS. With --catalogue, the same of a back
    catalogue of every kind (measure/bench_catalogue.py). Figures to read, not a test."""
    keep = keep and os.path.abspath(keep)
    phone_queries = phone_queries if phone_queries is None else int(phone_queries)
    if catalogue:
        from measure.bench_catalogue import run as run_catalogue

        run_catalogue(
            scale=float(scale),
            queries=int(queries),
            keep=keep,
            browser=browser,
            runs=int(runs or 1),
            workers=workers and int(workers),
            phone_queries=phone_queries,
            variant=variant,
        )
        return
    from measure.bench import run

    run(
        articles=int(articles),
        queries=int(queries),
        keep=keep,
        browser=browser,
        baselines=baselines,
        runs=int(runs or 3),
        rebuilds=int(rebuilds),
        phone_queries=phone_queries,
    )


@task(
    help={
        "http": "also measure over http:// (the default is file://, as a reader opening output/ from disk)",
        "keep": "keep the generated site in .bench/search-quality/ to look at",
    }
)
def search_quality(c, http=False, keep=False):
    """Recall and precision of the search page on the development corpus (../shared/corpus), as a browser sees it.

    Adds dev-articles.jsonl to a copy of content/ (in a new sub-folder, as the acceptance check does), builds
    it, and runs dev-queries.json, then the same corpus's words misspelt (measure/data/misspelt-queries.json, made
    by measure/misspell.py), against output/search.html in headless Chromium.
    """
    import tempfile

    from tools.build import build as build_site

    evaluator, articles, queries = (
        _shared("tools/search_eval.py"),
        _shared("corpus/dev-articles.jsonl"),
        _shared("corpus/dev-queries.json"),
    )
    work = os.path.join(HERE, ".bench", "search-quality") if keep else tempfile.mkdtemp(prefix="search-quality-")
    shutil.rmtree(work, ignore_errors=True)
    content = os.path.join(work, "content")
    shutil.copytree(CONFIG["content"], content)
    c.run(f"{PYTHON} {evaluator} make-content {articles} {os.path.join(content, 'dev-evaluation')}")
    output = build_site(content, os.path.join(work, "output"))
    try:
        for mode in ["file"] + (["http"] if http else []):
            for name, path in [("exact", queries), ("misspelt", MISSPELT_QUERIES)]:
                print(f"search quality over {mode}://, {name} queries")
                c.run(f"{PYTHON} {evaluator} run {output} {path}" + (" --http" if mode == "http" else ""), warn=True)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


@task(
    help={
        "screenshots": "also write docs/screenshots/ (dark mode, print view, 404, search with no results)",
    }
)
def audit(c, screenshots=True):
    """Audit the published site as reviewers do: Lighthouse 12.2.3 (mobile) and axe-core (light and dark) on the
    home page, an article, a search with and without results and the 404 page, in both languages, served
    gzip-compressed on 127.0.0.1 (measure/audit.py; the tools are installed into .bench/audit/). Figures, not a test."""
    from measure.audit import run
    from tools.browser import CHROMIUM

    if not run(CHROMIUM, shots=screenshots):
        sys.exit(1)
