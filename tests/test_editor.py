"""The web editor (admin/, plugins/editor) in headless Chromium against decap-server, Decap's local backend, as an
editor on their own computer uses it with `make edit`: what it writes passes the build and changes what it should."""

import difflib
import json
import os
import shutil

import pytest

from tests.fixture_site import FIXTURE, build
from tests.test_browser import serve
from tools.editor import backend, field, free_port

PICTURE = os.path.join(FIXTURE, "images", "fibre-map.png")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the fixture content, the local backend writing into it, and the site (with admin/) served."""
    folder = tmp_path_factory.mktemp("editor")
    shutil.copytree(FIXTURE, folder / "content")
    with backend(folder / "content", free_port()) as decap:
        site = build(str(folder / "content"), str(folder / "output"), EDITOR_BACKEND=decap)
        yield {"folder": folder, "root": serve(site)}


@pytest.fixture
def editor(browser, project):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # the editor's policy (plugins/archive/policy.py) is as tight as Decap runs under: any source it refuses fails
    page.on("console", lambda message: errors.append(message.text) if "Security Policy" in message.text else None)
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
            else None
        ),
    )
    page.errors = errors
    page.goto(project["root"] + "admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Collections").first.wait_for()
    yield page
    page.close()
    assert errors == []
    assert outside == [], "the editor loaded something from another host"


def read(folder, path):
    with open(os.path.join(folder, "content", path), encoding="utf-8") as f:
        return f.read()


def test_a_lao_news_item_and_its_english_translation_written_in_the_editor_build(editor, project):
    page, folder = editor, project["folder"]
    cover = folder / "trial-cover.png"  # a picture on the editor's computer, not yet in content/
    shutil.copyfile(PICTURE, cover)
    page.goto(project["root"] + "admin/#/collections/news/new")
    field(page, "Title", 0).fill("ທົດລອງ ເຄື່ອງມືຂຽນຂ່າວ ທາງເວັບ")
    field(page, "Published", 0).fill("2026-11-20")
    field(page, "Slug", 0).fill("web-editor-trial-2026")
    field(page, "Tags", 0).fill("ລັດດິຈິຕອນ, ເວັບໄຊ")
    field(page, "Summary", 0).fill("ພະນັກງານ ຂຽນຂ່າວໄດ້ ໂດຍບໍ່ຕ້ອງໃຊ້ git.")
    field(page, "By", 0).fill("ສລດ")
    page.get_by_role("button", name="Choose an image").first.click()  # the Cover's, in the Lao pane
    page.locator('input[type="file"]').set_input_files(cover)
    page.get_by_role("button", name="Choose selected").click()
    page.locator("[data-slate-editor]").nth(0).click()
    page.keyboard.type("ກະຊວງ ໄດ້ທົດລອງນຳໃຊ້ເຄື່ອງມືຂຽນຂ່າວ ທາງເວັບ.")
    field(page, "Title", 1).fill("Trial of the web editor for news")
    field(page, "Summary", 1).fill("Staff can write news without git.")
    field(page, "By", 1).fill("Lao Digital Government Centre")
    page.locator("[data-slate-editor]").nth(1).click()
    page.keyboard.type("The ministry trialled a web editor for news.")
    page.get_by_role("button", name="Toggle preview").first.click()  # the Lao item as readers will see it
    preview = page.frame_locator("iframe").first
    assert preview.locator('article[lang="lo"] h1').inner_text() == "ທົດລອງ ເຄື່ອງມືຂຽນຂ່າວ ທາງເວັບ"
    assert preview.locator('link[rel="stylesheet"][href*="/theme/css/site.css"]').count() == 1
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Entry saved").wait_for()

    lao, english = read(folder, "news/web-editor-trial-2026.lo.md"), read(folder, "news/web-editor-trial-2026.en.md")
    assert lao.startswith("Title: ທົດລອງ ເຄື່ອງມືຂຽນຂ່າວ ທາງເວັບ\nDate: 2026-11-20\nLang: lo\n"), lao
    assert "Slug: web-editor-trial-2026\nCategory: news\n" in lao
    assert "Tags: ລັດດິຈິຕອນ, ເວັບໄຊ\n" in lao and "Translation" not in lao
    assert "\nCover: images/trial-cover.png\n" in lao and "\nCover: images/trial-cover.png\n" in english
    assert lao.endswith("\n\nກະຊວງ ໄດ້ທົດລອງນຳໃຊ້ເຄື່ອງມືຂຽນຂ່າວ ທາງເວັບ.\n")
    assert "Lang: en\n" in english and "Translation: true\n" in english and "Date: 2026-11-20\n" in english
    assert os.path.isfile(folder / "content" / "images" / "trial-cover.png")

    site = build(str(folder / "content"), str(folder / "built"))
    with open(os.path.join(site, "news", "web-editor-trial-2026.html"), encoding="utf-8") as f:
        page_lo = f.read()
    with open(os.path.join(site, "en", "news", "web-editor-trial-2026.html"), encoding="utf-8") as f:
        page_en = f.read()
    assert "ທົດລອງ ເຄື່ອງມືຂຽນຂ່າວ ທາງເວັບ" in page_lo and 'lang="lo"' in page_lo and "trial-cover" in page_lo
    assert "Trial of the web editor for news" in page_en and "en/news/web-editor-trial-2026.html" in page_lo


def test_editing_one_field_of_a_report_changes_that_line_only(editor, project):
    folder = project["folder"]
    before = {lang: read(folder, f"reports/open-data-forum.{lang}.md") for lang in ("lo", "en")}
    page = editor
    page.goto(project["root"] + "admin/#/collections/reports/entries/open-data-forum")
    venue = field(page, "Venue", 0)
    venue.fill("ຫ້ອງປະຊຸມໃຫຍ່ ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ")
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Entry saved").wait_for()

    after = {lang: read(folder, f"reports/open-data-forum.{lang}.md") for lang in ("lo", "en")}
    assert after["en"] == before["en"]
    diff = difflib.unified_diff(before["lo"].splitlines(), after["lo"].splitlines(), lineterm="", n=0)
    changed = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    old_venue = next(line for line in before["lo"].splitlines() if line.startswith("Venue:"))
    assert changed == ["-" + old_venue, "+Venue: ຫ້ອງປະຊຸມໃຫຍ່ ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ"]
    build(str(folder / "content"), str(folder / "built-after-edit"))


def test_the_admin_page_is_not_for_search_engines(project):
    with open(os.path.join(project["folder"], "output", "admin", "index.html"), encoding="utf-8") as f:
        assert '<meta name="robots" content="noindex, nofollow">' in f.read()
    with open(os.path.join(project["folder"], "output", "admin", "config.yml"), encoding="utf-8") as f:
        config = json.loads(f.read().split("\n", 2)[2])
    assert config["backend"]["proxy_url"].startswith("http://127.0.0.1:")


def test_the_form_refuses_a_missing_required_field_and_a_malformed_slug_and_writes_nothing(editor, project):
    news = os.path.join(project["folder"], "content", "news")
    before = sorted(os.listdir(news))
    page = editor
    page.goto(project["root"] + "admin/#/collections/news/new")
    field(page, "Published", 0).fill("2026-11-21")
    field(page, "Slug", 0).fill("Not A Slug")
    publish(page)
    refused(page, "missed a required field", rejection="undefined")
    assert page.get_by_text("lower-case ASCII letters, digits, single hyphens").first.is_visible()  # the schema's
    assert page.get_by_text("ຫົວຂໍ້ · Title is required").first.is_visible()
    assert sorted(os.listdir(news)) == before


def publish(page):
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()


def refused(page, notice, rejection="Object"):
    """Wait for Decap's notice of a refused save. Decap also rejects a promise nobody catches, which the browser
    reports as an error: ``rejection`` ("undefined" when its own form check refused, decap-cms-core's
    actions/entries.ts; the failed save's error object when the backend refused)."""
    page.get_by_text(notice).first.wait_for()
    assert page.errors == [rejection]
    page.errors.clear()


def test_editing_a_lao_only_item_writes_no_english_file(editor, project):
    folder = project["folder"]
    before = read(folder, "news/cyber-drill.lo.md")
    page = editor
    page.goto(project["root"] + "admin/#/collections/news/entries/cyber-drill")
    field(page, "Published", 0).fill("2023-11-21")  # a field Decap copies into every language's pane
    publish(page)
    page.get_by_text("Entry saved").wait_for()
    assert not os.path.exists(folder / "content" / "news" / "cyber-drill.en.md")
    assert read(folder, "news/cyber-drill.lo.md") == before.replace("Date: 2023-11-20", "Date: 2023-11-21")


def test_a_new_item_may_not_take_the_slug_of_an_item_only_in_english(editor, project):
    folder = project["folder"]
    english = read(folder, "news/postal-app.en.md")
    page = editor
    page.goto(project["root"] + "admin/#/collections/news/new")
    field(page, "Title", 0).fill("ແອັບໄປສະນີ")
    field(page, "Published", 0).fill("2026-11-22")
    field(page, "Slug", 0).fill("postal-app")
    publish(page)
    refused(page, 'Slug "postal-app"')
    assert not os.path.exists(folder / "content" / "news" / "postal-app.lo.md")
    assert read(folder, "news/postal-app.en.md") == english


def test_an_english_translation_without_its_title_is_refused(editor, project):
    page = editor
    page.goto(project["root"] + "admin/#/collections/news/new")
    field(page, "Title", 0).fill("ບົດທີ່ແປບໍ່ແລ້ວ")
    field(page, "Published", 0).fill("2026-11-23")
    field(page, "Slug", 0).fill("half-translated-2026")
    field(page, "Summary", 1).fill("A summary, but no title.")
    publish(page)
    refused(page, "missing Title")
    assert not os.path.exists(project["folder"] / "content" / "news" / "half-translated-2026.lo.md")


def test_the_text_read_from_a_page_scan_is_corrected_in_the_editor(editor, project):
    # images/edition-210-2.png.txt, kept beside the scan by `invoke ocr`: one text field, written back as plain text
    folder = project["folder"]
    page = editor
    page.goto(project["root"] + "admin/#/collections/machine-text/entries/edition-210-2.png")
    text = page.locator("textarea").first
    text.wait_for()
    assert "ຊ່າງສ້ອມແປງສາຍເຄເບີນ" in text.input_value()
    corrected = text.input_value().replace("ຊ່າງສ້ອມແປງສາຍເຄເບີນ", "ຊ່າງສ້ອມແປງສາຍເຄເບິນ")
    text.fill(corrected)
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Entry saved").wait_for()
    assert read(folder, "images/edition-210-2.png.txt") == corrected
    build(str(folder / "content"), str(folder / "built-after-correction"))
