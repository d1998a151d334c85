"""Reading offline on the published site (ASSETS_OFFLINE, as publishconf.py sets it): in Chromium over a local HTTP
server on 127.0.0.1, one visit online, then the server gone and the browser offline, then online again after a new
item is published."""

import shutil

import pytest

from tests.fixture_site import FIXTURE, build
from tests.test_browser import Server

ARTICLE = "news/fibre-backbone.html"
QUERY = "ໜັງສືພິມ"
NEW_ITEM = """Title: ຂ່າວໃໝ່ ສູນຂໍ້ມູນແຫ່ງຊາດ
Date: 2030-01-02
Lang: lo
Slug: new-data-centre
Category: news

ສູນຂໍ້ມູນແຫ່ງຊາດ ເປີດແລ້ວ.
"""


def publish(content, output, server):
    """Builds ``content`` as `make publish` does for the server's address: absolute links, the worker."""
    build(str(content), output, SITEURL=server.root.rstrip("/"), RELATIVE_URLS=False, ASSETS_OFFLINE=True)


@pytest.fixture
def published(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    output = tmp_path / "output"
    output.mkdir()
    server = Server(str(output))
    publish(content, str(output), server)
    yield {"content": content, "output": str(output), "server": server}
    server.stop()


def controlled(page):
    """Waits until the site's worker runs the page (polled from here: the page's policy allows no string eval)."""
    for _ in range(100):
        if page.evaluate("() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the service worker never took charge of the page")


def results(page):
    page.wait_for_selector('#search-results[aria-busy="false"]', state="attached")
    listed = page.locator("#search-results > li")
    return page.get_attribute("#search-results", "data-total"), [
        listed.nth(i).locator("a").first.get_attribute("href") for i in range(listed.count())
    ]


def test_what_a_reader_opened_reads_offline_and_a_page_never_opened_says_so_in_its_language(browser, published):
    server = published["server"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.root)
    controlled(page)
    page.goto(server.root + ARTICLE)
    title = page.locator("h1").first.text_content()
    page.goto(server.root + f"search.html?q={QUERY}")
    online = results(page)
    assert int(online[0]) >= 1

    server.stop()
    context.set_offline(True)
    page.goto(server.root + ARTICLE)
    assert page.locator("h1").first.text_content() == title
    page.goto(server.root + f"search.html?q={QUERY}")
    assert results(page) == online  # the same search answers the same
    page.goto(server.root + "news/cyber-drill.html")  # never opened
    assert page.locator("h1").first.text_content() == "ບໍ່ມີອິນເຕີເນັດ"
    assert page.locator("html").get_attribute("lang") == "lo"
    page.locator("#offline-kept a").first.wait_for()
    kept = [link.get_attribute("href") for link in page.locator("#offline-kept a").all()]
    assert server.root + ARTICLE in kept
    page.goto(server.root + "en/news/postal-app.html")  # never opened, in English
    assert page.locator("h1").first.text_content() == "No connection"
    page.locator("#offline-kept a").first.wait_for()
    kept_article = page.locator("#offline-kept li").filter(has=page.locator(f'a[href="{server.root + ARTICLE}"]'))
    assert kept_article.get_attribute("lang") == "lo"  # a Lao page's title in the English list says its language
    context.close()


def test_a_new_item_reaches_the_home_page_by_the_second_visit(browser, published):
    server = published["server"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.root)
    controlled(page)
    page.goto(server.root)
    assert "ຂ່າວໃໝ່ ສູນຂໍ້ມູນແຫ່ງຊາດ" not in page.content()
    (published["content"] / "news" / "new-data-centre.lo.md").write_text(NEW_ITEM, encoding="utf-8")
    publish(published["content"], published["output"], server)
    page.goto(server.root)  # the kept home page at once, the new one fetched behind it
    page.wait_for_timeout(500)
    page.goto(server.root)
    assert "ຂ່າວໃໝ່ ສູນຂໍ້ມູນແຫ່ງຊາດ" in page.content()
    context.close()


def test_no_worker_without_the_setting_nor_from_disk(browser, tmp_path):
    output = build(FIXTURE, str(tmp_path / "output"))
    assert not (tmp_path / "output" / "sw.js").exists()
    page = browser.new_page()
    page.goto("file://" + output + "/index.html")
    assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    assert page.locator("script[data-worker]").count() == 0
    page.close()


def test_an_edition_is_kept_with_its_pdf_and_scans_at_a_click_showing_its_size_and_progress(browser, published):
    server = published["server"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.root + "newspaper/edition-210.html")
    controlled(page)
    keep = page.locator(".keep-offline")
    keep.wait_for()  # shown once the worker runs the page
    assert keep.locator("button").text_content().startswith("ເກັບໄວ້ອ່ານໂດຍບໍ່ມີອິນເຕີເນັດ (")  # with its size
    keep.locator("button").click()
    page.wait_for_function("() => document.querySelector('.keep-offline [role=status]').textContent.includes('ແລ້ວ')")
    scans = [server.root + "images/edition-210-1.svg", server.root + "images/edition-210-2.png"]
    for url in scans:
        assert page.evaluate("(url) => caches.match(url).then(Boolean)", url), url
    server.stop()
    context.set_offline(True)
    page.goto(scans[1])  # a scan never opened as a page: kept all the same
    assert page.evaluate("() => document.images.length") == 1
    context.close()


def test_the_whole_search_of_a_language_is_kept_at_two_clicks_and_what_is_kept_removed(browser, published):
    server = published["server"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.root + "search.html")
    controlled(page)
    keep = page.locator(".keep-offline")
    keep.wait_for()
    status = keep.locator("[role=status]")
    keep.locator("button[data-keep]").click()
    page.wait_for_function("() => /MB/.test(document.querySelector('.keep-offline [role=status]').textContent)")
    assert status.text_content().startswith("ຂໍ້ມູນການຊອກຫາທັງໝົດແມ່ນ ")  # its size, asked first
    keep.locator("button[data-keep]").click()
    page.wait_for_function("() => document.querySelector('.keep-offline [role=status]').textContent.includes('ແລ້ວ')")
    page.goto(server.root + "news/fibre-backbone.html")
    server.stop()
    context.set_offline(True)
    page.goto(server.root + "search.html?q=ເຄືອຂ່າຍ")  # never searched for: every part is kept
    total, found = results(page)
    assert int(total) >= 1 and found
    keep.locator("button[data-remove]").click()
    page.wait_for_function("() => document.querySelector('.keep-offline [role=status]').textContent.includes('ລຶບແລ້ວ')")
    page.goto(server.root + "news/fibre-backbone.html")  # kept before, removed now
    assert page.locator("h1").first.text_content() == "ບໍ່ມີອິນເຕີເນັດ"
    context.close()
