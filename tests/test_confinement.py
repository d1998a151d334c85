"""Nothing from outside content/ is built or bundled: symbolic links that leave content/ or loop, and file fields
that point outside it, stop the build naming the file (and the link or field)."""

import os
import zipfile

import pytest

from archive import ContentError
from tests.fixture_site import build
from tools.bundle import bundle_content

NEWS = "Title: ຂ່າວ\nDate: 2024-03-04\nLang: lo\nSlug: story\nCategory: news\n{extra}\nເນື້ອໃນ.\n"
ISSUE = (
    "Title: ວາລະສານ\nDate: 2024-03-01\nLang: lo\nSlug: issue-7\nCategory: magazine\nIssue: 7\nMonth: 2024-03\n"
    "Cover: {cover}\n\nບົດບັນນາທິການ.\n"
)


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    for folder in ("news", "images", "files", "magazine"):
        (root / folder).mkdir(parents=True)
    (root / "news" / "a.md").write_text(NEWS.format(extra=""), encoding="utf-8")
    (root / "images" / "c.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    (tmp_path / "secret.txt").write_text("not for publishing\n")
    return root


def failed_build(content):
    output = content.parent / "output"
    with pytest.raises(ContentError) as failure:
        build(str(content), str(output))
    assert not output.exists() or not any(output.iterdir()), "a failed build wrote a site"
    return str(failure.value)


@pytest.mark.parametrize(
    "link, target, message",
    [
        (
            "files/secret.txt",
            "../../secret.txt",
            "files/secret.txt:1: is a symbolic link to '../../secret.txt', outside content/",
        ),
        ("images/etc", "/etc", "images/etc:1: is a symbolic link to '/etc', outside content/"),
        ("news/loop", ".", "news/loop:1: is a symbolic link to '.', a folder that holds it: a loop"),
        ("news/self.md", "self.md", "news/self.md:1: is a symbolic link to 'self.md', which loops or leads to nothing"),
        (
            "files/gone.pdf",
            "nothing-here.pdf",
            "files/gone.pdf:1: is a symbolic link to 'nothing-here.pdf', which loops",
        ),
    ],
)
def test_a_link_that_leaves_content_or_loops_stops_the_build(content, link, target, message):
    os.symlink(target, content / link)
    report = failed_build(content)
    assert message in report
    assert "cannot be read" not in report  # the link is named as a link, once


def test_a_link_inside_content_is_followed(content):
    os.symlink("c.svg", content / "images" / "same.svg")
    output = build(str(content), str(content.parent / "output"))
    assert os.path.isfile(os.path.join(output, "images", "same.svg"))


@pytest.mark.parametrize(
    "cover",
    ["/etc/passwd", "../../../../../../../../etc/passwd", "images/../../secret.txt", "C:/Windows/win.ini"],
)
def test_a_cover_outside_content_stops_the_build(content, cover):
    (content / "magazine" / "i.md").write_text(ISSUE.format(cover=cover), encoding="utf-8")
    report = failed_build(content)
    assert f"magazine/i.md:8: Cover {cover!r} must be a path inside content/" in report


def test_pages_outside_content_stop_the_build(content):
    edition = "Title: ໜັງສືພິມ\nDate: 2024-03-01\nLang: lo\nSlug: e-1\nCategory: newspaper\nEdition: 1\n"
    (content / "news" / "e.md").write_text(edition + "Pages: images/c.svg, /etc/passwd\n\nx\n", encoding="utf-8")
    assert "news/e.md:7: Pages '/etc/passwd' must be a path inside content/" in failed_build(content)


def test_a_cover_that_is_a_link_out_of_content_is_not_a_file_under_content(content):
    os.symlink("../../secret.txt", content / "images" / "cover.svg")
    (content / "magazine" / "i.md").write_text(ISSUE.format(cover="images/cover.svg"), encoding="utf-8")
    report = failed_build(content)
    assert "magazine/i.md:8: Cover names 'images/cover.svg', which is not a file under content/" in report


def test_the_bundle_of_content_with_a_link_out_is_not_written(content, tmp_path):
    os.symlink("../../secret.txt", content / "files" / "secret.txt")
    with pytest.raises(ContentError, match=r"files/secret\.txt:1: is a symbolic link"):
        bundle_content(str(content), str(tmp_path / "dist" / "a.zip"))
    assert not (tmp_path / "dist" / "a.zip").exists()


def test_the_bundle_holds_the_files_links_inside_content_point_at(content, tmp_path):
    os.symlink("c.svg", content / "images" / "same.svg")
    with zipfile.ZipFile(bundle_content(str(content), str(tmp_path / "dist" / "a.zip"))) as bundle:
        names = bundle.namelist()
        assert "lao-ict-journal-archive/images/same.svg" in names
        assert not [n for n in names if b"not for publishing" in bundle.read(n)]
        assert not [n for n in names if "/admin/" in n]  # the web editor needs a server: not on a USB stick
