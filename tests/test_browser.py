"""The search page as a reader's browser sees it: headless Chromium, from disk (file://) and over HTTP."""
import functools
import http.server
import threading
from urllib.parse import quote

import pytest

from tests.fixture_site import FIXTURE, build



@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURE, str(tmp_path_factory.mktemp("browser") / "output"))


@pytest.fixture(scope="module")
def http_root(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site)
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(params=["file", "http"])
def root(request, site):
    return "file://" + site + "/" if request.param == "file" else request.getfixturevalue("http_root")


@pytest.fixture
def page(browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.append(f"request failed: {request.url}"))
    yield page
    page.close()
    assert errors == []


def search(page, root, query, lang="lo"):
    page.goto(f"{root}{'' if lang == 'lo' else 'en/'}search.html?q={quote(query)}")
    page.wait_for_selector('#search-results[aria-busy="false"]', state="attached", timeout=10000)
    return page.eval_on_selector_all(
        "#search-results > li", "lis => lis.map(li => li.querySelector('a').getAttribute('href'))")


@pytest.mark.parametrize("query, expected", [
    ("ໜັງສືພິມ", ["news/fibre-backbone.html"]),
    ("ຫນັງສືພິມ", ["news/fibre-backbone.html"]),  # typed with HO + NO
    ("ນໍ້າ", ["news/cyber-drill.html"]),  # typed with NIGGAHITA, tone, AA
    ("ລັດດິຈິຕອນ", ["news/cyber-drill.html"]),  # two words typed without a space
    ("ຂໍ້ມູນເປີດ", ["reports/open-data-forum.html"]),
])
def test_lao_queries_find_the_articles_containing_them(page, root, query, expected):
    assert search(page, root, query) == expected


def test_english_query_finds_any_form_of_the_word(page, root):
    assert search(page, root, "playing", lang="en") == ["news/fibre-backbone.html"]
    assert search(page, root, "postal", lang="en") == ["news/postal-app.html"]


def test_result_shows_title_kind_date_and_marked_snippet(page, root):
    search(page, root, "ຫນັງສືພິມ")
    result = page.locator("#search-results > li").first
    assert result.locator("a").first.inner_text().strip()
    assert result.locator("mark").first.inner_text() == "ໜັງສືພິມ"
    assert "ຂ່າວ" in result.inner_text() and "2024" in result.inner_text()
    assert page.input_value("#search-q") == "ຫນັງສືພິມ"


def test_no_results_says_so_in_the_page_language(page, root):
    assert search(page, root, "ຊ້າງເຜືອກບິນໄດ້") == []
    status = page.inner_text("#search-status")
    assert status and not any("a" <= c.lower() <= "z" for c in status)
