"""Build a content folder with the project's settings into another folder; compare or refresh expected output.

python -m tests.fixture_site --write-expected     (also: .venv/bin/invoke expected)
"""

import argparse
import filecmp
import os
import shutil
import tempfile

from tools.build import ROOT, build

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "fixtures", "site", "content")
EXPECTED = os.path.join(HERE, "expected", "site")
# Copied from npm packages at build time; not ours to compare (the font, lunr and stemmer inside the bundles).
THIRD_PARTY = ("theme/fonts/", "theme/js/")
OURS_IN_ADMIN = ("admin/config.yml", "admin/index.html")  # the rest of admin/ is Decap CMS's, from npm


def third_party(path):
    return path.startswith(THIRD_PARTY) or (path.startswith("admin/") and path not in OURS_IN_ADMIN)


def compared_files(folder):
    """Site-relative paths of the files that the expected output holds (ours, not third-party)."""
    found = []
    for base, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.relpath(os.path.join(base, name), folder).replace(os.sep, "/")
            if not third_party(path):
                found.append(path)
    return sorted(found)


def reader_pages(site):
    """The pages readers read, in order: not the web editor's (admin/, Decap's app) nor any file of the theme."""
    return [p for p in compared_files(site) if p.endswith(".html") and not p.startswith(("admin/", "theme/"))]


def write_expected():
    with tempfile.TemporaryDirectory() as tmp:
        output = build(FIXTURE, os.path.join(tmp, "output"))
        if os.path.isdir(EXPECTED):
            shutil.rmtree(EXPECTED)
        for path in compared_files(output):
            target = os.path.join(EXPECTED, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(output, path), target)
    print(f"wrote {len(compared_files(EXPECTED))} files to {os.path.relpath(EXPECTED, ROOT)}")


THUMBNAILS = "thumbs/"  # encoded by Pillow: compared by format and size, not bytes (encoders may differ by a byte)


def same_picture(a, b):
    from PIL import Image

    with Image.open(a) as first, Image.open(b) as second:
        return (first.format, first.size) == (second.format, second.size)


def differences(output):
    """(only expected, only built, differing) file lists between EXPECTED and ``output``."""
    want, got = set(compared_files(EXPECTED)), set(compared_files(output))
    both = sorted(want & got)
    _same, differ, _ = filecmp.cmpfiles(
        EXPECTED, output, [p for p in both if not p.startswith(THUMBNAILS)], shallow=False
    )
    differ += [
        p
        for p in both
        if p.startswith(THUMBNAILS) and not same_picture(os.path.join(EXPECTED, p), os.path.join(output, p))
    ]
    return sorted(want - got), sorted(got - want), sorted(differ)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write-expected", action="store_true", required=True)
    parser.parse_args()
    write_expected()
