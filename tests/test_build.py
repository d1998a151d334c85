"""The fixture site, built as `make build` builds, against its committed expected output (tests/expected/).

After an intended change to templates or plugins: `.venv/bin/invoke expected`, then review the diff.
"""

import os
import re

import pytest
from bs4 import BeautifulSoup

from tests.fixture_site import FIXTURE, build, compared_files, differences, reader_pages

LAO = re.compile("[\u0e80-\u0eff]")
LATIN = re.compile("[A-Za-z]")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURE, str(tmp_path_factory.mktemp("fixture") / "output"))


def read(site, path):
    with open(os.path.join(site, path), encoding="utf-8") as f:
        return BeautifulSoup(f.read(), "html.parser")


def test_build_matches_expected_output(site):
    only_expected, only_built, differing = differences(site)
    assert (only_expected, only_built, differing) == ([], [], []), (
        "the fixture site differs from tests/expected/; if intended, run `.venv/bin/invoke expected`"
    )


def test_build_is_deterministic(site, tmp_path):
    again = build(FIXTURE, str(tmp_path / "again"))
    for path in [*compared_files(site), "theme/js/search.js", "theme/js/site.js"]:
        with open(os.path.join(site, path), "rb") as a, open(os.path.join(again, path), "rb") as b:
            assert a.read() == b.read(), path


def interface_text(path, soup):
    """The page's own words: everything but what editors wrote (articles, their titles, tags, venues...) and what
    is marked as another language (the switcher names each language in itself)."""
    editors = "[data-search], .card-title, .card-summary, .meta-value, .tag-cloud a, .issue-cover, title, script"
    editors += ", [data-print-url], .file-size"  # an address; a file's format and size ("PDF · 20 KB")
    for element in soup.select(editors + (", h1" if "/tag/" in f"/{path}" else "")):
        element.decompose()
    for element in soup.select("body [lang]"):
        if element["lang"] != soup.html["lang"]:
            element.decompose()
    texts = [soup.get_text(" ")]
    texts += [el[attr] for attr in ("alt", "placeholder", "aria-label", "title") for el in soup.select(f"[{attr}]")]
    return " ".join(texts)


def test_every_page_declares_its_language_and_alternates(site):
    for path in reader_pages(site):
        soup = read(site, path)
        lang = soup.html["lang"]
        assert lang == ("en" if path.startswith("en/") else "lo"), path
        hreflangs = {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert lang in hreflangs, path
        assert soup.select_one(".language a[hreflang]"), path


def test_lao_pages_have_no_english_interface_and_english_pages_no_lao(site):
    for path in reader_pages(site):
        soup = read(site, path)
        text = interface_text(path, soup)
        if soup.html["lang"] == "lo":
            assert not LATIN.findall(text), (path, text)
        else:
            assert not LAO.findall(text), (path, text)


def test_language_switcher_lands_on_the_translation_and_names_it_in_its_language(site):
    switch = read(site, "news/fibre-backbone.html").select_one(".language a")
    assert switch["href"] == "../en/news/fibre-backbone.html"
    assert (switch.get_text(), switch["lang"], switch["hreflang"]) == ("English", "en", "en")
    back = read(site, "en/news/fibre-backbone.html").select_one(".language a")
    assert back["href"] == "../../news/fibre-backbone.html"
    assert (back.get_text(), back["lang"]) == ("ລາວ", "lo")
    for path in ("index.html", "search.html", "archive/index.html", "tag/index.html"):
        assert read(site, path).select_one(".language a")["href"].endswith(f"en/{path}"), path


def test_an_item_not_yet_translated_says_so_in_the_other_language(site):
    untranslated = [
        p for p in reader_pages(site) if not read(site, p).select_one('link[rel="alternate"][hreflang="en"]')
    ]
    assert untranslated, "the fixture has a Lao-only article"
    language = read(site, untranslated[0]).select_one(".language")
    assert language.select_one("a")["href"].endswith("en/index.html")
    note = language.select_one(".untranslated")
    assert (note["lang"], note.get_text()) == ("en", "not available in English yet")
    translated = read(site, "news/fibre-backbone.html").select_one(".language")
    assert translated.select_one(".untranslated") is None


def test_a_404_page_in_each_language_says_it_in_both_and_leads_on(site):
    for path, lang, other in (("404.html", "lo", "en"), ("en/404.html", "en", "lo")):
        soup = read(site, path)
        assert soup.html["lang"] == lang
        assert soup.select_one(".search-form")  # the header's search box
        assert len(soup.select(".notfound > .kind-links a")) == 4
        section = soup.select_one(f'.notfound-other[lang="{other}"]')
        assert len(section.select(".kind-links a")) == 4
    assert read(site, "404.html").h1.get_text() == "ບໍ່ພົບໜ້ານີ້"
    assert read(site, "en/404.html").h1.get_text() == "Page not found"


def test_every_page_has_an_icon_a_theme_colour_and_a_manifest(site):
    import json

    for path in ("index.html", "en/news/fibre-backbone.html"):
        soup = read(site, path)
        icon = soup.select_one('link[rel="icon"]')["href"]
        assert os.path.isfile(os.path.normpath(os.path.join(site, os.path.dirname(path), icon)))
        assert soup.select('meta[name="theme-color"]')
        manifest = os.path.normpath(
            os.path.join(site, os.path.dirname(path), soup.select_one('link[rel="manifest"]')["href"])
        )
        with open(manifest, encoding="utf-8") as f:
            data = json.load(f)
        assert data["lang"] == soup.html["lang"] and data["start_url"] == "./"
        assert os.path.isfile(os.path.normpath(os.path.join(os.path.dirname(manifest), data["icons"][0]["src"])))
    alone = read(site, "news/cyber-drill.html").select_one(".language a")
    assert alone["href"] == "../en/index.html"  # no English version: the English home


def test_dates_are_written_in_the_page_language(site):
    assert read(site, "news/fibre-backbone.html").select_one(".article-meta time").text == "4 ມີນາ 2024"
    assert read(site, "en/news/fibre-backbone.html").select_one(".article-meta time").text == "4 March 2024"


def test_issue_page_lists_its_articles(site):
    contents = read(site, "magazine/ict-journal-7.html").select(".contents > ol:first-of-type .card-title")
    assert [a["href"] for a in contents] == ["../news/fibre-backbone.html"]
    english = read(site, "en/magazine/ict-journal-7.html").select(".contents .card-title")
    assert [a["href"] for a in english] == ["../../en/news/postal-app.html", "../../en/news/fibre-backbone.html"]


def test_links_and_images_resolve_on_disk(site):
    for path in reader_pages(site):
        soup = read(site, path)
        for element in soup.select("[href], [src]"):
            url = element.get("href") or element.get("src")
            if re.match(r"^[a-z]+:|^#", url):
                continue
            from urllib.parse import unquote

            target = os.path.normpath(os.path.join(site, os.path.dirname(path), unquote(url.split("#")[0])))
            assert os.path.isfile(target), f"{path} links to missing {url}"


def test_english_only_article_is_listed_only_in_english(site):
    english = [a["href"] for a in read(site, "en/news/index.html").select(".card-title")]
    lao = [a["href"] for a in read(site, "news/index.html").select(".card-title")]
    assert "../../en/news/postal-app.html" in english
    assert not any("postal-app" in href for href in lao)


def test_font_is_served_from_the_site_with_its_licence(site):
    fonts = os.listdir(os.path.join(site, "theme", "fonts"))
    assert "noto-sans-lao-lao-400-normal.woff2" in fonts and "LICENSE-noto-sans-lao.txt" in fonts
    with open(os.path.join(site, "theme", "css", "site.css"), encoding="utf-8") as f:
        css = f.read()
    assert "url(../fonts/noto-sans-lao-lao-400-normal.woff2)" in css
    assert not re.search(r"url\((?:https?:)?//", css)  # no other host


def test_metadata_is_text_and_the_body_is_html(tmp_path):
    content = tmp_path / "content" / "news"
    content.mkdir(parents=True)
    (content / "a.md").write_text(
        "Title: Fibre & <5G>\nDate: 2024-01-02\nLang: en\nSlug: a\nCategory: news\n\nSome *emphasis* & more.\n",
        encoding="utf-8",
    )
    site = build(str(tmp_path / "content"), str(tmp_path / "output"))
    soup = read(site, "en/news/a.html")
    assert soup.h1.get_text() == "Fibre & <5G>"
    assert soup.select_one(".prose em").get_text() == "emphasis"


def test_the_archive_builds_without_the_search_plugin(tmp_path):
    """As `invoke bench` builds it for comparison; in a process of its own, since Pelican's signals are global."""
    import subprocess
    import sys

    code = "import sys; from tools.build import build; build(sys.argv[1], sys.argv[2], PLUGINS=['archive', 'assets'])"
    result = subprocess.run(
        [sys.executable, "-c", code, FIXTURE, str(tmp_path / "output")], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "output" / "search-data").exists()
    assert '"data": null' in (tmp_path / "output" / "search.html").read_text(encoding="utf-8")


def test_an_article_says_where_it_is_and_where_to_go_next(site):
    soup = read(site, "en/news/fibre-backbone.html")
    assert soup.select_one('.site-nav a[aria-current="true"]')["href"].endswith("en/news/index.html")
    crumbs = [a["href"] for a in soup.select(".breadcrumb a")]
    assert crumbs[0].endswith("en/index.html") and crumbs[1].endswith("en/news/index.html")
    translation = soup.select_one(".translation-link a")
    assert translation["href"] == "../../news/fibre-backbone.html" and translation["lang"] == "lo"
    older = soup.select_one('.neighbours a[rel="prev"]')
    assert older["href"] == "../../en/news/postal-app.html"  # the English news item before it
    assert soup.select_one('.neighbours a[rel="next"]') is None  # the newest English news item
    assert [a["href"] for a in soup.select(".related .card-title")] == ["../../en/news/postal-app.html"]


def test_a_list_is_marked_as_the_current_page_in_the_menu(site):
    current = read(site, "news/index.html").select('.site-nav a[aria-current="page"]')
    assert [a["href"] for a in current] == ["../news/index.html"]
    assert (
        read(site, "archive/2024.html")
        .select_one('.site-nav a[aria-current="true"]')["href"]
        .endswith("archive/index.html")
    )


def test_magazine_issues_are_listed_as_covers_with_number_and_month(site):
    cover = read(site, "magazine/index.html").select_one(".covers .card-cover a")
    assert cover.img["src"] == "../images/issue-7.svg" and cover.img["loading"] == "lazy"
    assert cover.get_text(" ", strip=True) == "ສະບັບທີ 7 · ມີນາ 2024"  # the month, not the day


def test_newspaper_editions_are_listed_by_year_and_month_with_their_front_page(site):
    soup = read(site, "newspaper/index.html")
    year = soup.select_one("section.year")
    assert year.h2.get_text() == "2024" and [h.get_text() for h in year.select("h3")] == ["ເມສາ 2024", "ມີນາ 2024"]
    april, march = year.select(".card-edition a")
    assert march.img["src"] == "../images/edition-210-1.svg"
    assert march.select_one("time").get_text() == "5 ມີນາ 2024"
    assert march.select_one(".edition-number").get_text() == "ສະບັບເລກທີ 210"
    assert april.img["src"].startswith("../thumbs/") and april.img["src"].endswith("-page1.jpg")  # its PDF's page 1
    assert april.find_parent("picture") is None and april.select_one("source[type='image/webp']")


def test_a_year_lists_its_items_by_month_and_counts_each_kind(site):
    soup = read(site, "archive/2024.html")
    assert soup.select_one(".kind-counts").get_text() == "ຂ່າວ: 1 · ວາລະສານ ໄອຊີທີ: 1 · ໜັງສືພິມ: 2"
    assert [h.get_text() for h in soup.select("section.month h2")] == ["ເມສາ 2024", "ມີນາ 2024"]


def test_the_front_page_leads_with_a_story_the_latest_cover_and_front_page_then_titles_by_kind(site):
    soup = read(site, "index.html")
    assert soup.h1.get_text() == "ຄັງເອກະສານ ວາລະສານ ໄອຊີທີ" and "visually-hidden" in soup.h1["class"]
    assert soup.select_one(".lead-story h2 a")["href"] == "./reports/open-data-forum.html"  # the newest story
    assert soup.select_one(".front-latest .card-cover img")["src"] == "./images/issue-7.svg"
    front = soup.select_one(".front-latest .card-edition img")["src"]  # the latest edition has only a PDF
    assert front.startswith("./thumbs/") and front.endswith("-page1.jpg")
    news = soup.select_one("#home-news").parent
    assert news.select(".compact li") and not news.select(".kind")  # no kind label inside a kind's section
    assert soup.select_one(".home-registrations .registration[data-deadline]")


def test_an_issue_lists_its_articles_that_exist_only_in_the_other_language(site):
    soup = read(site, "magazine/ict-journal-7.html")
    elsewhere = soup.select(".contents h3 + ol .card-title")
    assert [(a["href"], a["lang"]) for a in elsewhere] == [("../en/news/postal-app.html", "en")]


def test_an_editions_pages_are_captioned_with_their_numbers(site):
    pages = read(site, "newspaper/edition-210.html").select(".page-images a")
    assert [a.select_one(".page-number").get_text() for a in pages] == ["ໜ້າ 1", "ໜ້າ 2"][: len(pages)]


def test_an_editions_page_offers_the_text_read_from_each_scan_collapsed(site):
    # page 1 is drawn (no text); page 2 a scan whose text is kept beside it (images/edition-210-2.png.txt)
    texts = read(site, "newspaper/edition-210.html").select("details.page-text")
    assert len(texts) == 1 and texts[0].get("open") is None
    assert texts[0].select_one("summary").get_text() == "ຂໍ້ຄວາມຂອງໜ້າ 2 (ເຄື່ອງອ່ານຈາກຮູບ, ອາດມີຂໍ້ຜິດພາດ)"
    text = texts[0].select_one(".machine-text")
    assert text.get("lang") == "lo" and "ຊ່າງສ້ອມແປງສາຍເຄເບີນ" in text.get_text()
