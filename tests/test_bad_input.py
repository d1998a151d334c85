"""Bad content stops the build with every problem listed, by file and line; nothing is skipped."""

import os

import pytest

from archive import ContentError
from tests.fixture_site import build

GOOD = {"Title": "ຂ່າວ", "Date": "2024-03-04", "Lang": "lo", "Slug": "story", "Category": "news"}
ISSUE = {
    "Title": "ວາລະສານ ສະບັບທີ 7",
    "Date": "2024-03-01",
    "Lang": "lo",
    "Slug": "ict-journal-7",
    "Category": "magazine",
    "Issue": "7",
    "Month": "2024-03",
    "Cover": "images/issue-7.svg",
}


def markdown(fields, body="ເນື້ອໃນຂອງບົດ."):
    return "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None) + "\n" + body + "\n"


def changed(**fields):
    return markdown({**GOOD, **fields})


CASES = [
    ("missing title", {"news/a.md": changed(Title=None)}, ["news/a.md:1: missing required field Title"]),
    (
        "missing several",
        {"news/a.md": markdown({"Title": "x", "Lang": "lo"})},
        ["news/a.md:1: missing required fields Date, Slug, Category"],
    ),
    (
        "no metadata at all",
        {"news/a.md": "ເນື້ອໃນ ບໍ່ມີຫົວ.\n"},
        ["news/a.md:1: missing required fields Title, Date, Lang, Slug, Category"],
    ),
    (
        "unparsable date",
        {"news/a.md": changed(Date="18/05/2023")},
        ["news/a.md:2: unparsable Date: '18/05/2023' is not a date written as YYYY-MM-DD"],
    ),
    (
        "impossible date",
        {"news/a.md": changed(Date="2023-02-30")},
        ["news/a.md:2: unparsable Date: '2023-02-30' is not a real date"],
    ),
    ("unknown language", {"news/a.md": changed(Lang="th")}, ["news/a.md:3: unknown Lang 'th': write one of lo, en"]),
    (
        "unknown kind",
        {"news/a.md": changed(Category="blog")},
        ["news/a.md:5: unknown Category 'blog': write one of news, reports, magazine, newspaper"],
    ),
    (
        "slug not ascii",
        {"news/a.md": changed(Slug="ຂ່າວ")},
        ["news/a.md:4: Slug 'ຂ່າວ' must be lower-case ASCII letters, digits and single hyphens"],
    ),
    (
        "duplicate slug in one language",
        {"news/a.md": changed(), "news/deep/b.md": changed(Title="ອື່ນ")},
        [
            "news/a.md:4: duplicate Slug 'story' in language 'lo': also used by news/deep/b.md",
            "news/deep/b.md:4: duplicate Slug 'story' in language 'lo': also used by news/a.md",
        ],
    ),
    (
        "translation without original",
        {"news/a.en.md": changed(Lang="en", Translation="true")},
        ["news/a.en.md:6: Translation: true, but no original in another language has Slug 'story'"],
    ),
    (
        "issue that does not exist",
        {"news/a.md": changed(Journal_Issue="9")},
        ["news/a.md:6: Journal_Issue 9 does not exist: no magazine file in language 'lo' has Issue: 9"],
    ),
    (
        "missing image",
        {"news/a.md": markdown(GOOD, "ຮູບ:\n\n![ຮູບ]({static}/images/none.png)")},
        ["news/a.md:9: links to '{static}/images/none.png', but there is no such file under content/"],
    ),
    (
        "link to missing article",
        {"news/a.md": markdown(GOOD, "ອ່ານ [ບົດອື່ນ]({filename}other.md).")},
        ["news/a.md:7: links to '{filename}other.md', but there is no such file under content/"],
    ),
    (
        "missing cover",
        {"magazine/i.md": markdown({**ISSUE, "Cover": "images/none.svg"})},
        ["magazine/i.md:8: Cover names 'images/none.svg', which is not a file under content/"],
    ),
    (
        "report without its fields",
        {"reports/r.md": changed(Category="reports")},
        ["reports/r.md:1: missing required fields Event_Start, Venue, Organisers"],
    ),
    (
        "newspaper without pages",
        {"newspaper/e.md": changed(Category="newspaper", Edition="12")},
        ["newspaper/e.md:1: a newspaper item needs PDF or Pages"],
    ),
    (
        "issue number not a number",
        {"magazine/i.md": markdown({**ISSUE, "Issue": "seven"})},
        ["magazine/i.md:6: Issue must be a whole number, not 'seven'"],
    ),
    (
        "slug written twice",
        {"news/a.md": markdown(GOOD).replace("Category:", "Slug: other\nCategory:")},
        ["news/a.md:5: Slug is written again on line 5 (first on line 4): keep one"],
    ),
    (
        "value on two lines",
        {"news/a.md": changed(Tags="ໜຶ່ງ,\n    ສອງ")},
        ["news/a.md:7: Tags goes on to line 7: write its value on one line"],
    ),
    (
        "misspelt field",
        {"news/a.md": changed(Autor="ສລດ")},
        ["news/a.md:6: unknown field 'autor': did you mean Author?"],
    ),
    (
        "field of another kind",
        {"news/a.md": changed(Venue="ວຽງຈັນ")},
        ["news/a.md:6: Venue is a field of reports, not of news: remove it or change Category"],
    ),
    (
        "month that does not exist",
        {"magazine/i.md": markdown({**ISSUE, "Month": "2024-13"})},
        ["magazine/i.md:7: Month '2024-13' must be written as YYYY-MM"],
    ),
    (
        "event that ends before it starts",
        {
            "reports/r.md": changed(
                Category="reports", Event_Start="2024-03-05", Event_End="2024-03-04", Venue="v", Organisers="o"
            )
        },
        ["reports/r.md:7: Event_End is before Event_Start"],
    ),
    (
        "link from the server root",
        {"news/a.md": markdown(GOOD, "![ຮູບ](/images/issue-7.svg)")},
        [
            "news/a.md:7: link '/images/issue-7.svg' starts at the server root: it breaks when the site is opened "
            "from disk"
        ],
    ),
    (
        "tag without letters or digits",
        {"news/a.md": changed(Tags="ລັດດິຈິຕອນ, !!!")},
        ["news/a.md:6: Tags: '!!!' has no letter or digit: write the tag in words"],
    ),
    (
        "status pelican skips",
        {"news/a.md": changed(Status="skip")},
        ["news/a.md:6: unknown Status 'skip': write one of draft, published, hidden"],
    ),
    (
        "extension in capitals",
        {"news/a.md": changed(), "news/b.MD": changed(Slug="b")},
        ["news/b.MD:1: has the extension '.MD', which Pelican does not read: rename it news/b.md"],
    ),
    (
        "misspelt pelican directive",
        {"news/a.md": markdown(GOOD, "ອ່ານ [ບົດອື່ນ]({filenmae}other.md).")},
        [
            "news/a.md:7: link '{filenmae}other.md' uses {filenmae}, which Pelican does not know: write one of "
            "{static}, {attach}, {filename}"
        ],
    ),
    (
        "control character",
        {"news/a.md": changed(Title="ຂ່າວ\x00")},
        ["news/a.md:1: holds the control character U+0000: remove it (feeds cannot carry it)"],
    ),
    (
        "page in a static folder",
        {"news/a.md": changed(), "files/form.HTML": "<script>alert(1)</script>"},
        ["files/form.HTML:1: is a .HTML file, which a browser would open as a page of the site, scripts and all"],
    ),
    (
        "markdown in a static folder",
        {"news/a.md": changed(), "images/notes.md": changed(Slug="notes")},
        ["images/notes.md:1: is inside 'images', which is not read as articles"],
    ),
]


def write_tree(root, files):
    os.makedirs(os.path.join(root, "images"), exist_ok=True)
    with open(os.path.join(root, "images", "issue-7.svg"), "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="3" height="4"/>\n')
    for path, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
        with open(os.path.join(root, path), "w", encoding="utf-8") as f:
            f.write(text)


@pytest.mark.parametrize("case, files, messages", CASES, ids=[c[0] for c in CASES])
def test_bad_input_fails_the_build_naming_file_and_problem(tmp_path, case, files, messages):
    write_tree(tmp_path / "content", files)
    with pytest.raises(ContentError) as failure:
        build(str(tmp_path / "content"), str(tmp_path / "output"))
    report = str(failure.value)
    for message in messages:
        assert message in report
    assert not (tmp_path / "output" / "index.html").exists()


def test_every_problem_is_reported_at_once(tmp_path):
    write_tree(tmp_path / "content", {"news/a.md": changed(Lang="th"), "news/b.md": changed(Slug="b", Date="x")})
    with pytest.raises(ContentError) as failure:
        build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert len(failure.value.problems) == 2
    assert str(failure.value).startswith("2 problems in the content; nothing was published:")


def test_a_file_with_front_matter_is_read_as_pelican_reads_it(tmp_path):
    write_tree(tmp_path / "content", {"news/a.md": "---\n" + markdown(GOOD).replace("\n\n", "\n---\n", 1)})
    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert os.path.isfile(os.path.join(output, "news", "story.html"))


def test_tags_that_differ_have_a_page_each_listing_the_article_once(tmp_path):
    write_tree(tmp_path / "content", {"news/a.md": changed(Tags="C++, C, c#, ICT, ict")})
    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    tags = sorted(os.listdir(os.path.join(output, "tag")))
    assert tags == ["c-plus-plus.html", "c-sharp.html", "c.html", "ict.html", "index.html"]
    with open(os.path.join(output, "tag", "ict.html"), encoding="utf-8") as f:
        assert f.read().count('class="card-title"') == 1


def test_an_editors_new_sub_folder_is_built(tmp_path):
    write_tree(tmp_path / "content", {"2026/campaign/a.md": changed()})
    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert os.path.isfile(os.path.join(output, "news", "story.html"))


def test_a_file_that_is_not_utf8_is_named_with_the_others(tmp_path):
    write_tree(tmp_path / "content", {"news/b.md": changed(Lang="th")})
    (tmp_path / "content" / "news" / "a.md").write_bytes(markdown(GOOD).encode("utf-16"))
    with pytest.raises(ContentError) as failure:
        build(str(tmp_path / "content"), str(tmp_path / "output"))
    report = str(failure.value)
    assert "news/a.md:1: cannot be read as UTF-8 text" in report and "save it as UTF-8" in report
    assert "news/b.md:3: unknown Lang 'th'" in report


def test_a_pdf_that_cannot_be_opened_is_named_with_the_field(tmp_path):
    fixture_pdf = os.path.join(os.path.dirname(__file__), "fixtures", "pdf", "lao-news.pdf")
    issue = markdown({**ISSUE, "PDF": "files/issue-7.pdf"})
    write_tree(tmp_path / "content", {"magazine/i.md": issue})
    (tmp_path / "content" / "files").mkdir()
    (tmp_path / "content" / "files" / "issue-7.pdf").write_bytes(b"<html>not a PDF</html>")
    with pytest.raises(ContentError) as failure:
        build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert "magazine/i.md:9: PDF 'files/issue-7.pdf' cannot be opened as a PDF: not a PDF, or damaged" in str(
        failure.value
    )
    with open(fixture_pdf, "rb") as f:
        (tmp_path / "content" / "files" / "issue-7.pdf").write_bytes(f.read())
    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert "(PDF · 20 KB)" in (tmp_path / "output" / "magazine" / "ict-journal-7.html").read_text(encoding="utf-8")
    assert os.path.isfile(os.path.join(output, "files", "issue-7.pdf"))


def test_a_cover_must_be_an_image_of_a_reasonable_size(tmp_path):
    write_tree(tmp_path / "content", {"magazine/i.md": markdown({**ISSUE, "Cover": "images/cover.txt"})})
    with pytest.raises(ContentError) as failure:
        build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert (
        "magazine/i.md:8: Cover 'images/cover.txt' must be a png or jpg or jpeg or gif or webp or avif or svg file"
        in (str(failure.value))
    )
    write_tree(tmp_path / "content", {"magazine/i.md": markdown({**ISSUE, "Cover": "images/huge.png"})})
    with open(tmp_path / "content" / "images" / "huge.png", "wb") as f:
        f.truncate(21_000_000)  # sparse: no disk used
    with pytest.raises(ContentError) as failure:
        build(str(tmp_path / "content"), str(tmp_path / "output"))
    assert "magazine/i.md:8: Cover 'images/huge.png' is 21.0 MB: at most 20 MB; make it smaller" in str(failure.value)


def test_a_language_without_articles_says_so_on_its_home_page(tmp_path):
    write_tree(tmp_path / "content", {"news/a.md": changed()})
    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    with open(os.path.join(output, "en", "index.html"), encoding="utf-8") as f:
        home = f.read()
    assert "Nothing here yet." in home and 'class="kind-links"' in home
