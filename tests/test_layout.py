"""Where everything of the site is comes from one place, the SiteLayout made from pelicanconf.py
(plugins/archive/layout.py): its answers, the settings it refuses, and a copy of the project whose pelicanconf.py
alone says that items' pages are folders, that every other language is under language/<lang>/, that the search
and tag pages are elsewhere, and that there is a third language. Built, every link of every page, every result of
each language's search and each language's 404 page are where they should be."""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from urllib.parse import unquote, urljoin

import pytest

from archive.layout import PAGES, SiteLayout
from archive.links import relative
from tests.fixture_site import FIXTURE, ROOT
from tests.test_links import lychee, pages
from tests.test_pdf_search import found
from tools.build import SETTINGS, site_layout
from tools.serve import not_found_pages

LAYOUT = site_layout()  # the project's


def test_the_projects_layout():
    assert LAYOUT.languages == ("lo", "en")
    assert [LAYOUT.folder(lang) for lang in LAYOUT.languages] == ["", "en/"]
    assert (
        LAYOUT.page("lo", "search") == "search.html" and LAYOUT.page("en", "kind", kind="news") == "en/news/index.html"
    )
    assert LAYOUT.url("en", "tag", tag="ຂໍ້ມູນ") == "en/tag/%E0%BA%82%E0%BB%8D%E0%BB%89%E0%BA%A1%E0%BA%B9%E0%BA%99.html"
    assert LAYOUT.article_lang.url == LAYOUT.article_lang.save_as == "{lang}/{category}/{slug}.html"
    assert LAYOUT.draft.save_as == "drafts/{slug}.html"
    assert (LAYOUT.static, LAYOUT.images, LAYOUT.files, LAYOUT.theme) == (
        ("images", "files"),
        "images",
        "files",
        "theme",
    )
    assert (LAYOUT.bind, LAYOUT.port, LAYOUT.editor_port, LAYOUT.editor) == ("127.0.0.1", 8000, 8081, "admin/")


@pytest.mark.parametrize(
    "path, lang",
    [("en/news/a.html", "en"), ("en/", "en"), ("news/a.html", "lo"), ("english.html", "lo"), ("", "lo")],
)
def test_the_language_of_an_address_is_the_one_whose_folder_holds_it(path, lang):
    assert LAYOUT.lang_of(path) == lang


def test_a_missing_address_is_answered_by_the_404_page_of_its_language():
    assert not_found_pages(LAYOUT, "/en/news/gone.html") == ["en/404.html", "404.html"]
    assert not_found_pages(LAYOUT, "/news/gone.html") == ["404.html"]
    moved = replace(LAYOUT, language_folder="language/{lang}/", pages={**PAGES, "notfound": "errors/404.html"})
    assert not_found_pages(moved, "/language/en/x") == ["language/en/errors/404.html", "errors/404.html"]


@pytest.mark.parametrize(
    "page, target, link",
    [
        ("en/search.html", "en/news/a.html", "news/a.html"),
        ("en/search.html", "files/a.pdf", "../files/a.pdf"),
        ("en/search.html", "en/", "./"),
        ("search.html", "en/search-data/", "en/search-data/"),
        ("language/en/find/index.html", "language/en/news/a/", "../news/a/"),
        ("language/en/find/index.html", "search-data/", "../../../search-data/"),
        ("english/a.html", "en/b.html", "../en/b.html"),  # a folder, not the start of a name
    ],
)
def test_a_link_from_a_page_leaves_out_the_folders_they_share(page, target, link):
    assert relative(page, target) == link
    assert unquote(urljoin("https://x.la/" + page, link)) == "https://x.la/" + target


def settings(**changed):
    from pelican.settings import read_settings

    return read_settings(SETTINGS, override=changed)


@pytest.mark.parametrize(
    "changed, refused",
    [
        ({"ARTICLE_LANG_URL": "{category}/{slug}.{lang}.html"}, "ARTICLE_LANG_URL .* must start with"),
        ({"DRAFT_LANG_SAVE_AS": "drafts/{slug}.{lang}.html"}, "DRAFT_LANG_SAVE_AS .* must start with"),
        (
            {
                "ARCHIVE_LANGUAGES": ("lo", "en", "th"),
                "ARCHIVE_LANGUAGE_FOLDER": "english/",
                **{
                    f"ARCHIVE_{name}": {"lo": "ລາວ", "en": "En", "th": "ไทย"}
                    for name in ("PUBLISHER", "JOURNAL", "NEWSPAPER")
                },
            },
            "one for each language but the first",
        ),
        ({"ARCHIVE_PAGES": {"serach": "find.html"}}, "ARCHIVE_PAGES names serach"),
        ({"ARCHIVE_IMAGES": "pictures"}, "ARCHIVE_IMAGES 'pictures' is not one of STATIC_PATHS"),
        ({"EDITOR_BACKEND": {"name": "proxy", "proxy_url": "http://127.0.0.1/api/v1"}}, "names no port"),
    ],
)
def test_settings_that_contradict_each_other_are_refused_naming_them(changed, refused):
    with pytest.raises(ValueError, match=refused):
        SiteLayout.from_pelican(settings(**changed))


def test_a_site_without_a_local_editor_backend_has_no_editor_port():
    assert SiteLayout.from_pelican(settings(EDITOR_BACKEND=None)).editor_port is None


# --- another layout, said in pelicanconf.py alone -----------------------------------------------------------------

# The lines of pelicanconf.py changed, and with what: nothing else of the project is touched but the new language's
# interface texts (its strings and the schema's labels, here the English ones) and its names of the publisher,
# journal and newspaper.
CHANGES = {
    'ARCHIVE_LANGUAGES = ("lo", "en")': 'ARCHIVE_LANGUAGES = ("lo", "en", "de")',
    'ARCHIVE_LANGUAGE_FOLDER = "{lang}/"': 'ARCHIVE_LANGUAGE_FOLDER = "language/{lang}/"',
    'ARTICLE_URL = ARTICLE_SAVE_AS = "{category}/{slug}.html"': (
        'ARTICLE_URL = "{category}/{slug}/"\nARTICLE_SAVE_AS = "{category}/{slug}/index.html"'
    ),
    'DRAFT_URL = DRAFT_SAVE_AS = "drafts/{slug}.html"': (
        'DRAFT_URL = "unpublished/{slug}/"\nDRAFT_SAVE_AS = "unpublished/{slug}/index.html"'
    ),
}
ADDED = """
ARCHIVE_PAGES = {"search": "find/index.html", "tags": "topics/index.html", "tag": "topics/{tag}.html"}
ARCHIVE_PUBLISHER = {"lo": "ກະຊວງ", "en": "Ministry", "de": "Ministerium"}
ARCHIVE_JOURNAL = {"lo": "ວາລະສານ", "en": "Journal", "de": "Zeitschrift"}
ARCHIVE_NEWSPAPER = {"lo": "ໜັງສືພິມ", "en": "Newspaper", "de": "Zeitung"}
"""


def relaid(project):
    """The copy's pelicanconf.py given CHANGES and ADDED; German's texts the English ones; a German item."""
    path = os.path.join(project, "pelicanconf.py")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for old, new in CHANGES.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + ADDED)
    fields = os.path.join(project, "plugins", "archive", "fields.py")
    with open(fields, encoding="utf-8") as f:
        text = f.read()
    with open(fields, "w", encoding="utf-8") as f:
        f.write(text.replace('return {"lo": lo, "en": en}', 'return {"lo": lo, "en": en, "de": en}'))
    strings = os.path.join(project, "theme", "strings.json")
    with open(strings, encoding="utf-8") as f:
        table = json.load(f)
    table["de"] = {**table["en"], "language.name": "Deutsch"}
    with open(strings, "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False)
    news = os.path.join(project, "content", "news")
    with open(os.path.join(news, "fibre-backbone.en.md"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(news, "fibre-backbone.de.md"), "w", encoding="utf-8") as f:
        f.write(text.replace("Lang: en", "Lang: de").replace("Journal_Issue: 7\n", ""))  # no German issue 7


BUILD = """
import json, sys
from tools.build import build, site_layout
build(sys.argv[1], sys.argv[2])
layout = site_layout()
print(json.dumps({
    "folders": {lang: layout.folder(lang) for lang in layout.languages},
    "search": {lang: layout.page(lang, "search") for lang in layout.languages},
    "data": {lang: layout.page(lang, "search_data") for lang in layout.languages},
    "item": layout.article_lang.save_as,
}))
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A copy of the project's code, theme and settings, laid out anew, with the fixture content, built; readable
    by all (LinkChecker, run by root, drops to "nobody")."""
    project = str(tmp_path_factory.mktemp("relaid") / "project")
    os.makedirs(project)
    for name in ("plugins", "theme", "tools"):
        shutil.copytree(
            os.path.join(ROOT, name), os.path.join(project, name), ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(os.path.join(ROOT, "pelicanconf.py"), project)
    for name in ("node_modules", "js", "package.json"):
        os.symlink(os.path.join(ROOT, name), os.path.join(project, name))
    shutil.copytree(FIXTURE, os.path.join(project, "content"))
    relaid(project)
    site = os.path.join(project, "output")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([os.path.join(project, "plugins"), project])}
    result = subprocess.run(
        [sys.executable, "-c", BUILD, os.path.join(project, "content"), site],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site, json.loads(result.stdout.splitlines()[-1])


def test_the_new_layout_is_where_the_pages_are(built):
    site, layout = built
    assert layout["folders"] == {"lo": "", "en": "language/en/", "de": "language/de/"}
    assert layout["item"] == "language/{lang}/{category}/{slug}/index.html"
    for path in (
        "news/fibre-backbone/index.html",
        "news/fibre-backbone/index.ris",
        "language/en/reports/open-data-forum/index.bib",
        "language/de/news/fibre-backbone/index.html",
        *layout["search"].values(),
        "language/de/topics/index.html",
        "language/de/404.html",
        "language/en/feeds/atom.xml",
    ):
        assert os.path.isfile(os.path.join(site, path)), path
    assert not os.path.exists(os.path.join(site, "en")) and not os.path.exists(os.path.join(site, "search.html"))
    with open(os.path.join(site, "admin", "config.yml"), encoding="utf-8") as f:
        views = {c["name"]: c.get("preview_path") for c in json.loads(f.read().split("\n", 2)[2])["collections"]}
    assert views["news"] == "news/{{slug}}/"  # the editor's "view" link, from ARTICLE_URL


def test_every_link_and_anchor_of_the_new_layout_resolves(built):
    site, _layout = built
    files = pages(site)
    report, broken = lychee(site, files)
    assert len(files) > 50 and report["total"] > 1500
    assert broken == {}


@pytest.mark.parametrize("lang, query", [("lo", "ອິນເຕີເນັດ"), ("en", "fibre"), ("de", "fibre")])
def test_each_languages_search_finds_its_items_where_they_are(built, lang, query):
    site, layout = built
    data = os.path.join(site, layout["data"][lang])
    results = found(site, os.path.dirname(data.rstrip("/")), [query])[query]
    assert results, query
    page = os.path.join(site, layout["search"][lang])
    for url in results:  # relative to the search page, which loads them
        target = os.path.normpath(os.path.join(os.path.dirname(page), unquote(url)))
        assert os.path.isfile(os.path.join(target, "index.html") if url.endswith("/") else target), url
        assert target.startswith(os.path.join(site, layout["folders"][lang]).rstrip("/"))
