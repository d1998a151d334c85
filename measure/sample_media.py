"""The sample content's pictures and PDFs, made by the project's own tooling (Chromium through Playwright, the
site's Lao font): `python -m measure.sample_media` rewrites them under content/.

- files/magazine/ict-journal-14.pdf: the issue as a three-page A5 PDF with a Lao text layer (the search reads it);
- images/newspaper/345-1.png, 345-2.png: the edition's pages as raster scans (the thumbnails are made from them);
- images/magazine/issue-13.png: a raster cover.

Sample content, not test data: the tests build their own (tests/fixtures/).
"""

import html
import os

from tools.browser import launch

from .pdf_measure import PAGES, ROOT, _fontsource_css, page_html

CONTENT = ROOT / "content"
NEWSPAPER = [
    ("ໜັງສືພິມ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ", "ສະບັບເລກທີ 345 · 5 ມີນາ 2026", PAGES[0]),
    ("ໜັງສືພິມ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ", "ສະບັບເລກທີ 345 · ໜ້າ 2", PAGES[1]),
]


def newspaper_page(masthead: str, line: str, story: tuple[str, list[str]], css: str) -> str:
    heading, paragraphs = story
    columns = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs * 2)
    return (
        f'<!doctype html><html lang="lo"><head><meta charset="utf-8"><style>{css}'
        "body { margin: 0; width: 900px; height: 1275px; background: #f7f4ec; font-family: 'Noto Sans Lao';"
        " color: #1b1f24; padding: 40px; box-sizing: border-box }"
        "header { border-bottom: 4px double #1b1f24; margin-bottom: 24px } h1 { font-size: 44px; margin: 0 }"
        ".line { font-size: 18px; color: #4a5560 } h2 { font-size: 34px; margin: 0 0 16px }"
        "main { columns: 3; column-gap: 28px; font-size: 17px; line-height: 1.7 }"
        ".photo { height: 260px; background: linear-gradient(135deg, #073763, #0b5394); margin-bottom: 20px }"
        f"</style></head><body><header><h1>{html.escape(masthead)}</h1><p class='line'>{html.escape(line)}</p>"
        f"</header><h2>{html.escape(heading)}</h2><div class='photo'></div><main>{columns}</main></body></html>"
    )


def cover(css: str) -> str:
    return (
        f'<!doctype html><html lang="lo"><head><meta charset="utf-8"><style>{css}'
        "body { margin: 0; width: 600px; height: 800px; font-family: 'Noto Sans Lao'; color: #fff;"
        " background: linear-gradient(160deg, #0b5394, #073763 60%, #041f38) }"
        "h1 { font-size: 64px; margin: 0; padding: 60px 40px 0 } p { font-size: 28px; padding: 0 40px }"
        ".ring { position: absolute; right: 60px; top: 300px; width: 220px; height: 220px; border-radius: 50%;"
        " border: 10px solid #ffd166 }</style></head><body><h1>ວາລະສານ ໄອຊີທີ</h1>"
        "<p>ສະບັບທີ 13 · ມິຖຸນາ 2024</p><div class='ring'></div>"
        "<p style='position:absolute;bottom:40px'>ລັດດິຈິຕອນ ແລະ ຂໍ້ມູນເປີດ</p></body></html>"
    )


def small_png(path: str | os.PathLike[str]) -> None:
    """A screenshot as a palette PNG: a scan's few colours, a fraction of the bytes."""
    from PIL import Image

    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=64).save(path, optimize=True)


def main() -> None:
    from playwright.sync_api import sync_playwright

    css = _fontsource_css((400, 700))
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.set_content(page_html(PAGES, css))
            page.evaluate("document.fonts.ready")
            pdf = CONTENT / "files" / "magazine" / "ict-journal-14.pdf"
            page.pdf(path=str(pdf), format="A5", margin={"top": "15mm", "bottom": "15mm", "left": "15mm"})
            print(f"wrote {os.path.relpath(pdf, ROOT)}")
            for n, (masthead, line, story) in enumerate(NEWSPAPER, 1):
                shot = browser.new_page(viewport={"width": 900, "height": 1275})
                shot.set_content(newspaper_page(masthead, line, story, css))
                shot.evaluate("document.fonts.ready")
                target = CONTENT / "images" / "newspaper" / f"345-{n}.png"
                shot.screenshot(path=str(target))
                small_png(target)
                shot.close()
                print(f"wrote {os.path.relpath(target, ROOT)}")
            shot = browser.new_page(viewport={"width": 600, "height": 800})
            shot.set_content(cover(css))
            shot.evaluate("document.fonts.ready")
            target = CONTENT / "images" / "magazine" / "issue-13.png"
            shot.screenshot(path=str(target))
            small_png(target)
            print(f"wrote {os.path.relpath(target, ROOT)}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
