"""No script runs on the archive but its own (issue 20), as Chromium sees it over HTTP and from disk: each attack
planted in a body, a newspaper page, a cover and a body's picture runs nothing; the Content-Security-Policy alone
stops the same attacks in a page that escaped sanitising; the site's own scripts still work under it."""

import shutil

import pytest

from tests.fixture_site import FIXTURE, build
from tests.test_browser import serve

RUN = "localStorage.setItem('pwned', 'yes'); document.title = 'pwned'"  # what every attack tries
SVG_ATTACK = (
    f'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="850" onload="{RUN}">'
    f"<script>{RUN}</script>"
    '<rect width="600" height="850" fill="#fff"/><text x="20" y="60">ສະບັບເລກທີ 210</text>'
    f'<foreignObject width="600" height="100"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="{RUN}"/>'
    "</foreignObject>"
    f'<a href="javascript:{RUN}"><rect id="link" width="100" height="100"/></a>'
    '<animate xlink:href="#link" xmlns:xlink="http://www.w3.org/1999/xlink" attributeName="href" '
    f'to="javascript:{RUN}"/></svg>\n'
)
ATTACKS = {  # what the issue tried, as editors could paste it into a body
    "script": f"<script>{RUN}</script>",
    "img onerror": f'<img src="data:," onerror="{RUN}">',
    "svg onload": f'<svg onload="{RUN}"></svg>',
    "details ontoggle": f'<details open ontoggle="{RUN}"><summary>x</summary></details>',
    "iframe srcdoc": f'<iframe srcdoc="<script>parent.{RUN.replace("document", "parent.document")}</script>"></iframe>',
    "object data": f'<object data="data:text/html,<script>{RUN}</script>"></object>',
    "javascript link": f'<a id="js-link" href="javascript:{RUN}">ອ່ານຕໍ່</a>',
}
BODY = "\n\n".join(
    [
        "ບົດຂ່າວ ທີ່ມີ ຄຳສັ່ງ ແອບແຝງ ໝາກມ່ວງສຸກ.",
        *ATTACKS.values(),
        f"[ລິ້ງ](javascript:{RUN.replace(' ', '')})",
        "![ແຜນທີ່]({static}/images/attack.svg)",
    ]
)
ARTICLE = (
    "Title: ບົດທີ່ມີການໂຈມຕີ\nDate: 2024-03-06\nLang: lo\nSlug: attack\nCategory: news\n"
    'Summary: ບົດສະຫຼຸບ <img src=x onerror="' + RUN + '">\n\n' + BODY + "\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site with every attack planted: in a body, as a newspaper page, a cover and a body's picture."""
    content = tmp_path_factory.mktemp("inert") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "news" / "attack.lo.md").write_text(ARTICLE, encoding="utf-8")
    for name in ("edition-210-1.svg", "issue-7.svg", "attack.svg"):  # a page, a cover, a picture in a body
        (content / "images" / name).write_text(SVG_ATTACK, encoding="utf-8")
    return build(str(content), str(content.parent / "output"))


@pytest.fixture(scope="module")
def http_root(site):
    return serve(site)


@pytest.fixture(params=["file", "http"])
def root(request, site):
    return "file://" + site + "/" if request.param == "file" else request.getfixturevalue("http_root")


@pytest.fixture
def page(browser):
    page = browser.new_page()  # a context of its own: its localStorage is empty
    page.errors, page.violations = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.violations.append(m.text) if "Security Policy" in m.text else None)
    yield page
    page.close()


def ran(page):
    """Whether any attack ran on the page's origin: the mark it leaves, or the title it sets."""
    page.wait_for_timeout(300)  # handlers of loads, errors and toggles fire after the load
    return page.evaluate("localStorage.getItem('pwned')") is not None or page.title() == "pwned"


def test_no_attack_in_a_body_runs_and_the_page_is_still_read(page, root):
    page.goto(root + "news/attack.html")
    assert not ran(page)
    assert page.locator("#js-link").count() == 1 and page.locator("#js-link").get_attribute("href") is None
    page.locator("#js-link").click()
    assert not ran(page)
    assert "ໝາກມ່ວງສຸກ" in page.inner_text("main")
    scripts = page.eval_on_selector_all("script[src]", "ss => ss.map(s => s.getAttribute('src'))")
    assert scripts == ["../theme/js/site.js"] and page.locator("script:not([src])").count() == 0
    handlers = "[...document.querySelectorAll('*')].flatMap(e => e.getAttributeNames()).filter(n => n.startsWith('on'))"
    assert page.evaluate(handlers) == []
    assert page.locator("main iframe, main object, main embed, main svg").count() == 0
    assert page.errors == []


def test_the_list_and_home_page_show_the_summary_without_its_attack(page, root):
    for path in ("index.html", "news/index.html"):
        page.goto(root + path)
        assert not ran(page)


@pytest.mark.parametrize("path", ["newspaper/edition-210.html", "magazine/ict-journal-7.html", "news/attack.html"])
def test_an_svg_shown_on_a_page_runs_nothing(page, root, path):
    page.goto(root + path)
    assert page.locator("img[src$='.svg']").count() >= 1
    assert not ran(page)


def test_a_newspaper_page_opened_full_size_from_its_edition_runs_nothing(page, root):
    page.goto(root + "newspaper/edition-210.html")
    page.locator("a[href$='edition-210-1.svg']").first.click()
    page.wait_for_url("**/images/edition-210-1.svg")
    assert not ran(page)
    assert page.evaluate("document.documentElement.localName") == "svg"  # the page's drawing, as an SVG
    assert page.evaluate("document.querySelectorAll('script, foreignObject, a, animate').length") == 0
    page.mouse.click(50, 50)  # where the javascript: link was
    assert not ran(page)


@pytest.mark.parametrize("name", ["issue-7.svg", "attack.svg"])
def test_a_cover_or_a_bodys_picture_opened_full_size_runs_nothing(page, root, name):
    page.goto(root + "images/" + name)
    assert not ran(page)
    assert page.evaluate("document.querySelector('text').textContent") == "ສະບັບເລກທີ 210"


def test_the_policy_alone_stops_the_attacks_in_a_page_that_escaped_sanitising(page, root, site):
    """The same attacks written straight into a built page, as a bug in sanitising would let them through."""
    with open(f"{site}/news/attack.html", encoding="utf-8") as f:
        html = f.read()
    planted = html.replace(
        '<main id="main" tabindex="-1">', '<main id="main" tabindex="-1">' + "".join(ATTACKS.values())
    )
    assert planted != html
    with open(f"{site}/news/planted.html", "w", encoding="utf-8") as f:
        f.write(planted)
    page.goto(root + "news/planted.html")
    assert page.locator("main script, main iframe, main object").count() == 3  # there, and refused
    page.locator("#js-link").first.click()  # the planted one, before the body's
    assert not ran(page)
    assert page.violations, "Chromium reported no refused script"


def test_the_sites_own_scripts_still_work_under_the_policy(page, root):
    page.goto(root + "search.html?q=" + "ໝາກມ່ວງສຸກ")
    page.wait_for_selector('#search-results[aria-busy="false"]', state="attached", timeout=10000)
    links = page.eval_on_selector_all("#search-results > li a:first-child", "as => as.map(a => a.getAttribute('href'))")
    assert links == ["news/attack.html"]
    page.goto(root + "registration.html")
    assert page.get_attribute(".registration[data-deadline]", "data-state") in ("open", "closed")  # site.js ran
    page.goto(root + "index.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-q"
    assert page.errors == [] and page.violations == []
