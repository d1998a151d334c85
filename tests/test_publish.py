"""What `invoke publish` and `invoke bundle` produce: a site for a web server, and one for a USB stick."""

import contextlib
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from bs4 import BeautifulSoup

from archive.sitemap import robots_txt
from tests.fixture_site import FIXTURE
from tools.build import PUBLISH_SETTINGS, build, site_layout
from tools.bundle import FOLDER, make_bundle

SITE_URL = "https://archive.example.la"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@contextlib.contextmanager
def environment(**values):
    """The process environment with ``values`` set (None: unset), as it was afterwards. GitHub Actions sets
    GITHUB_REPOSITORY, which publishconf.py reads: each test says what it wants."""
    keys = ("SITEURL", "GITHUB_REPOSITORY", "EDITOR_REPOSITORY", "EDITOR_BRANCH", "EDITOR_AUTH_URL", *values)
    saved = {key: os.environ.pop(key, None) for key in keys}
    os.environ.update({key: value for key, value in values.items() if value is not None})
    try:
        yield
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None)
            if value is not None:
                os.environ[key] = value


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    with environment(SITEURL=SITE_URL + "/"):  # a trailing slash is forgiven
        return build(FIXTURE, str(tmp_path_factory.mktemp("published") / "output"), settings_file=PUBLISH_SETTINGS)


def page(site, path):
    with open(os.path.join(site, path), encoding="utf-8") as f:
        return BeautifulSoup(f.read(), "html.parser")


def test_published_pages_use_absolute_urls(published):
    soup = page(published, "en/news/fibre-backbone.html")
    links = [a["href"] for a in soup.select("a[href]") if not a["href"].startswith("#")]
    assert links and all(href.startswith((SITE_URL + "/", "https://")) for href in links)
    assert soup.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}/en/news/fibre-backbone.html"
    assert soup.select_one('meta[property="og:locale"]')["content"] == "en_GB"
    assert soup.select_one('meta[property="og:type"]')["content"] == "article"
    assert soup.select_one('meta[name="twitter:card"]')


def test_assets_are_fingerprinted_and_minified(published):
    css = page(published, "index.html").select_one('link[rel="stylesheet"]')["href"]
    assert re.fullmatch(re.escape(SITE_URL) + r"/theme/css/site\.[0-9a-f]{12}\.css", css)
    scripts = os.listdir(os.path.join(published, "theme", "js"))
    assert sorted(re.sub(r"\.[0-9a-f]{12}\.", ".", s) for s in scripts) == ["admin.js", "search.js", "site.js"]
    with open(os.path.join(published, css[len(SITE_URL) + 1 :]), encoding="utf-8") as f:
        assert f.read().count("\n") < 5  # minified


@pytest.mark.parametrize(
    "feed",
    [
        "feeds/atom.xml",
        "en/feeds/atom.xml",
        "feeds/news.atom.xml",
        "en/feeds/reports.atom.xml",
        "feeds/magazine.atom.xml",
    ],
)
def test_feeds_parse_and_link_absolutely(published, feed):
    root = ET.parse(os.path.join(published, feed)).getroot()
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert entry.find(f"{ATOM}link").get("href").startswith(SITE_URL + "/")


def test_sitemap_lists_pages_with_their_translations(published):
    urls = {
        u.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href") for link in u.findall(f"{XHTML}link")}
        for u in ET.parse(os.path.join(published, "sitemap.xml")).getroot()
    }
    assert urls[f"{SITE_URL}/news/fibre-backbone.html"] == {
        "lo": f"{SITE_URL}/news/fibre-backbone.html",
        "en": f"{SITE_URL}/en/news/fibre-backbone.html",
    }
    assert f"{SITE_URL}/en/index.html" in urls
    assert not [url for url in urls if url.endswith("404.html")]  # a page for missing addresses is not a page to find
    with open(os.path.join(published, "robots.txt")) as f:
        assert f"Sitemap: {SITE_URL}/sitemap.xml" in f.read()


def test_the_local_build_has_no_sitemap_or_absolute_urls(tmp_path):
    site = build(FIXTURE, str(tmp_path / "output"))
    assert not os.path.exists(os.path.join(site, "sitemap.xml"))
    assert not page(site, "index.html").select('meta[property^="og:"]')


def test_offline_bundle_reads_and_searches_from_disk(tmp_path, browser):
    site = build(FIXTURE, str(tmp_path / "site"))
    bundle = make_bundle(site, str(tmp_path / "dist" / "archive.zip"), site_layout())
    with zipfile.ZipFile(bundle) as z:
        names = z.namelist()
        assert f"{FOLDER}/README.txt" in names and f"{FOLDER}/theme/fonts/LICENSE-noto-sans-lao.txt" in names
        readme = z.read(f"{FOLDER}/README.txt").decode("utf-8")
        assert "Open index.html in this folder with a web browser (English: en/index.html)." in readme
        assert "ໂຟນເດີ en/." in readme and "(theme/fonts/LICENSE-noto-sans-lao.txt)" in readme
        z.extractall(tmp_path / "usb")
    root = f"file://{tmp_path}/usb/{FOLDER}/"
    tab = browser.new_page()
    failed = []
    tab.on("requestfailed", lambda request: failed.append(request.url))
    tab.goto(root + "news/fibre-backbone.html")
    tab.click(".language a")
    assert tab.url == root + "en/news/fibre-backbone.html"
    assert tab.locator("html").get_attribute("lang") == "en"
    tab.fill("#search-q", "connecting")
    tab.press("#search-q", "Enter")
    tab.wait_for_selector('#search-results[aria-busy="false"]', state="attached")
    assert tab.eval_on_selector_all("#search-results > li > a:first-child", "as => as.map(a => a.href)") == [
        root + "en/news/fibre-backbone.html"
    ]
    loaded = tab.evaluate("document.fonts.load('16px \"Noto Sans Lao\"', 'ລາວ').then(faces => faces.length)")
    assert loaded > 0  # the Lao font came from the bundle itself
    assert failed == []
    tab.close()


def test_published_pages_bring_the_lao_font_with_them(published):
    """Preloaded, and "optional" in the stylesheet: drawn from the first paint or not at all (no layout shift)."""
    soup = page(published, "index.html")
    preloaded = [link["href"] for link in soup.select('link[rel="preload"][as="font"]')]
    assert len(preloaded) == 2 and all(href.startswith(SITE_URL) and href.endswith(".woff2") for href in preloaded)
    for href in preloaded:
        assert os.path.isfile(os.path.join(published, href[len(SITE_URL) + 1 :]))


def test_a_shared_item_shows_its_cover_or_its_front_page(published):
    issue = page(published, "magazine/ict-journal-7.html").select_one('meta[property="og:image"]')
    assert issue["content"] == f"{SITE_URL}/images/issue-7.svg"
    edition = page(published, "newspaper/edition-210.html").select_one('meta[property="og:image"]')
    assert edition["content"] == f"{SITE_URL}/images/edition-210-1.svg"
    assert page(published, "newspaper/edition-210.html").select_one('meta[name="twitter:card"]')["content"] == (
        "summary_large_image"
    )


def test_the_published_editor_commits_to_the_repository_and_search_engines_leave_it_alone(tmp_path):
    repository = {"GITHUB_REPOSITORY": "mtc-lao/ict-archive", "EDITOR_AUTH_URL": "https://auth.example.la/"}
    with environment(SITEURL=SITE_URL, **repository):  # as the workflow builds it
        site = build(FIXTURE, str(tmp_path / "output"), settings_file=PUBLISH_SETTINGS)
    with open(os.path.join(site, "admin", "config.yml"), encoding="utf-8") as f:
        config = json.loads(f.read().split("\n", 2)[2])
    assert config["backend"] == {
        "name": "github",
        "repo": "mtc-lao/ict-archive",
        "branch": "main",
        "base_url": "https://auth.example.la",
    }
    assert config["site_url"] == SITE_URL
    with open(os.path.join(site, "robots.txt"), encoding="utf-8") as f:
        assert f.read().startswith("User-agent: *\nDisallow: /admin/\nAllow: /\n")
    with open(os.path.join(site, "sitemap.xml"), encoding="utf-8") as f:
        assert "admin" not in f.read()
    for lang in ("", "en/"):
        for folder, _, names in os.walk(os.path.join(site, lang, "search-data")):
            for name in names:
                with open(os.path.join(folder, name), "rb") as f:
                    assert b"admin/" not in f.read(), name


def test_without_a_repository_the_published_site_has_no_editor(published):
    assert not os.path.exists(os.path.join(published, "admin"))
    with open(os.path.join(published, "robots.txt"), encoding="utf-8") as f:
        assert "Disallow" not in f.read()


def test_robots_txt_disallows_hidden_folders_below_the_sites_own_path():
    assert robots_txt("https://mtc.gov.la/archive", {"admin/"}, "sitemap.xml").splitlines() == [
        "User-agent: *",
        "Disallow: /archive/admin/",
        "Allow: /",
        "",
        "Sitemap: https://mtc.gov.la/archive/sitemap.xml",
    ]
