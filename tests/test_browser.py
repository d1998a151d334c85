"""The search page as a reader's browser sees it: headless Chromium, from disk (file://) and over HTTP."""

import functools
import http.server
import os
import threading
from urllib.parse import quote

import pytest

from tests.fixture_site import FIXTURE, build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURE, str(tmp_path_factory.mktemp("browser") / "output"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    """``folder`` over HTTP on a port of 127.0.0.1, which can be stopped and started again (the same origin)."""

    def __init__(self, folder):
        self.folder = folder
        self.port = 0
        self.start()

    def start(self):
        handler = functools.partial(QuietHandler, directory=self.folder)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def root(self):
        return f"http://127.0.0.1:{self.port}/"


def serve(folder):
    """A local HTTP server of ``folder``, for the test session; its root URL."""
    return Server(folder).root


@pytest.fixture(scope="module")
def http_root(site):
    return serve(site)


@pytest.fixture(params=["file", "http"])
def root(request, site):
    return "file://" + site + "/" if request.param == "file" else request.getfixturevalue("http_root")


@pytest.fixture
def page(browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.append(f"request failed: {request.url} ({request.failure})"))
    # every page has a Content-Security-Policy (plugins/archive/policy.py): the site's own files break none of it
    page.on("console", lambda message: errors.append(message.text) if "Security Policy" in message.text else None)
    yield page
    during_the_test = list(errors)  # closing the page aborts what it still loads (its favicon): no failure of the site
    page.close()
    assert during_the_test == []


def search(page, root, query, lang="lo"):
    page.goto(f"{root}{'' if lang == 'lo' else 'en/'}search.html?q={quote(query)}")
    page.wait_for_selector('#search-results[aria-busy="false"]', state="attached", timeout=10000)
    return page.eval_on_selector_all(
        "#search-results > li", "lis => lis.map(li => li.querySelector('a').getAttribute('href'))"
    )


@pytest.mark.parametrize(
    "query, expected",
    [
        ("ໜັງສືພິມ", ["news/fibre-backbone.html"]),
        ("ຫນັງສືພິມ", ["news/fibre-backbone.html"]),  # typed with HO + NO
        ("ນໍ້າ", ["news/cyber-drill.html"]),  # typed with NIGGAHITA, tone, AA
        ("ລັດດິຈິຕອນ", ["news/cyber-drill.html"]),  # two words typed without a space
        ("ຂໍ້ມູນເປີດ", ["reports/open-data-forum.html"]),
        ("ໄຟເບີແກນຫລັກ", ["news/fibre-backbone.html", "newspaper/edition-210.html"]),  # typed ຫລ; they write ຫຼ
        ("ນະຄອນຫຼວງວຽງຈັນ", ["news/cyber-drill.html"]),  # the article writes ຫລ
        ("ອາເມລິກາ", ["news/cyber-drill.html"]),  # the article writes ຣ, as older texts do
        ("ໂທຣະຄົມມະນາຄົມ", ["news/fibre-backbone.html"]),
    ],
)
def test_lao_queries_find_the_articles_containing_them(page, root, query, expected):
    assert search(page, root, query) == expected


def test_english_query_finds_any_form_of_the_word_with_or_without_accents(page, root):
    assert search(page, root, "playing", lang="en") == ["news/fibre-backbone.html"]
    assert search(page, root, "postal", lang="en") == ["news/postal-app.html"]
    assert search(page, root, "bogota", lang="en") == ["news/postal-app.html"]
    assert page.inner_text("#search-results mark") == "Bogotá"  # marked as the article spells it


def test_the_list_says_how_many_articles_match(page, root):
    search(page, root, "ITU")
    assert page.get_attribute("#search-results", "data-total") == str(len(search(page, root, "ITU")))
    search(page, root, "ຊ້າງເຜືອກບິນໄດ້")
    assert page.get_attribute("#search-results", "data-total") == "0"


def test_the_page_marks_when_its_first_result_is_shown_and_when_the_whole_page_is(page, root):
    assert len(search(page, root, "ໄຟເບີແກນຫລັກ")) > 1
    first, whole = page.evaluate(
        """() => ["archive-search:first-result", "archive-search:shown"].map(
             (name) => performance.getEntriesByName(name).map((mark) => mark.startTime))"""
    )
    assert len(first) == 1 and len(whole) == 1 and first[0] <= whole[0]  # what the benchmark reads


def test_result_shows_title_kind_date_and_marked_snippet(page, root):
    search(page, root, "ຫນັງສືພິມ")
    result = page.locator("#search-results > li").first
    assert result.locator("a").first.inner_text().strip()
    assert result.locator("mark").first.inner_text() == "ໜັງສືພິມ"
    assert "ຂ່າວ" in result.inner_text() and "2024" in result.inner_text()
    assert page.input_value("#search-q") == "ຫນັງສືພິມ"


def pdf_links(page):
    """Each result's links after the article's."""
    return page.eval_on_selector_all(
        "#search-results > li", "lis => lis.map(li => [...li.querySelectorAll('a')].slice(1).map(a => a.href))"
    )


def test_a_match_in_the_pdfs_text_links_to_its_page(page, root):
    assert search(page, root, "ສັດປ່າ") == ["newspaper/edition-211.html"]  # only its PDF has it, on page 2
    assert pdf_links(page) == [[f"{root}files/edition-211.pdf#page=2"]]
    assert page.locator("#search-results .result-pdf").inner_text().endswith("2")
    assert page.locator("#search-results .snippet mark").first.inner_text() == "ສັດປ່າ"
    search(page, root, "ຫ້ອງສະໝຸດ")
    assert pdf_links(page) == [[f"{root}files/edition-211.pdf#page=1"]]
    assert "newspaper/edition-211.html" in search(page, root, "ສະບັບນີ້")  # in the body of the edition
    assert pdf_links(page) == [[], []]


def test_no_results_says_so_in_the_page_language(page, root):
    assert search(page, root, "ຊ້າງເຜືອກບິນໄດ້") == []
    status = page.inner_text("#search-status")
    assert status and not any("a" <= c.lower() <= "z" for c in status)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A generated archive of 80 articles made from the project's own content."""
    from measure.generate import generate, pairs_from_content
    from tests.fixture_site import ROOT

    work = tmp_path_factory.mktemp("archive")
    generate(str(work / "content"), pairs_from_content(os.path.join(ROOT, "content")), 80, seed=5)
    return build(str(work / "content"), str(work / "output"))


@pytest.mark.parametrize("over", ["file", "http"])
def test_results_come_a_page_at_a_time_and_more_loads_the_next(page, archive, over, tmp_path_factory):
    root = "file://" + archive + "/"
    if over == "http":
        root = serve(archive)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    first = search(page, root, "ແລະ")
    total = int(page.get_attribute("#search-results", "data-total"))
    assert total > 20 and len(first) == 10
    texts = [url for url in requested if "/search-data/f-" in url]
    assert len(texts) == 10  # the text of the articles on screen, no more
    requested.clear()
    page.click("#search-more")
    # a selector, not wait_for_function: Playwright evaluates a predicate's text with eval, which the pages' CSP refuses
    page.wait_for_selector("#search-results > li:nth-child(20)", state="attached")
    page.wait_for_selector('#search-results[aria-busy="false"]', state="attached")
    assert len([url for url in requested if "/search-data/f-" in url]) == 10
    assert len(set(page.eval_on_selector_all("#search-results > li a:first-child", "as => as.map(a => a.href)"))) == 20


def test_nothing_found_offers_the_other_languages_results_and_the_kinds(page, root):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    assert search(page, root, "connecting") == []  # an English word: no Lao article has it
    page.wait_for_selector("#search-other a", timeout=10000)
    english = [url for url in requested if "/en/search-data/" in url]
    assert english and not [url for url in english if "/f-" in url]  # counted without the articles' files
    other = page.locator("#search-other a")
    assert other.get_attribute("href").endswith("en/search.html?q=connecting")
    assert other.get_attribute("hreflang") == "en"
    assert "connecting" in other.text_content() and "1" in other.text_content()
    assert page.locator("#search-empty").is_visible()
    assert page.locator("#search-empty .kind-links a").count() == 4
    assert page.evaluate("document.activeElement.id") == "search-status"
    assert page.title().startswith("ຊອກຫາ “connecting”")
    other.click()
    page.wait_for_selector('#search-results[aria-busy="false"]', state="attached")
    assert page.locator("#search-results > li").count() == 1


def test_the_language_switcher_of_the_search_page_keeps_the_query(page, root):
    search(page, root, "ອິນເຕີເນັດ")
    assert (
        page.locator(".language a")
        .get_attribute("href")
        .endswith(
            "en/search.html?q=%E0%BA%AD%E0%BA%B4%E0%BA%99%E0%BB%80%E0%BA%95%E0%BA%B5%E0%BB%80%E0%BA%99%E0%BA%B1%E0%BA%94"
        )
    )


def test_slash_puts_the_cursor_in_the_search_box(page, root):
    page.goto(f"{root}index.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-q"
