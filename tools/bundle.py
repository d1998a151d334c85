"""The offline bundle: the built site in one zip that works unzipped anywhere and opened from disk."""

from __future__ import annotations

import os
import tempfile
import zipfile
from typing import TYPE_CHECKING

from .build import build, site_layout
from .output import replacing_file

if TYPE_CHECKING:
    from archive.layout import SiteLayout

FOLDER = "lao-ict-journal-archive"
README = """\
ຄັງເອກະສານ ວາລະສານ ໄອຊີທີ (ສະບັບອ່ານໂດຍບໍ່ຕ້ອງມີອິນເຕີເນັດ)
==========================================================

1. ແຕກໄຟລ໌ zip ນີ້ໄວ້ບ່ອນໃດກໍໄດ້ (ຄອມພິວເຕີ ຫຼື USB).
2. ເປີດໄຟລ໌ {home} ໃນໂຟນເດີນີ້ ດ້ວຍໂປຣແກຣມທ່ອງເວັບ.
ທຸກໜ້າ, ຟອນລາວ ແລະ ການຊອກຫາ ເຮັດວຽກໄດ້ໂດຍບໍ່ຕ້ອງເຊື່ອມຕໍ່ອິນເຕີເນັດ.
ສະບັບພາສາອັງກິດ ຢູ່ໃນໂຟນເດີ {english}.

Lao ICT Journal Archive (offline edition)
========================================

1. Unzip this file anywhere (a computer or a USB stick).
2. Open {home} in this folder with a web browser (English: {english_home}).
Every page, the Lao font and search work without an internet connection.

Font: Noto Sans Lao, SIL Open Font License 1.1 ({theme}/fonts/LICENSE-noto-sans-lao.txt).
"""


def readme(layout: SiteLayout) -> str:
    """The README.txt of the bundle of a site laid out as ``layout`` (the Lao home page, the English folder)."""
    return README.format(
        home=layout.page(layout.languages[0], "home"),
        english=layout.folder("en"),
        english_home=layout.page("en", "home"),
        theme=layout.theme,
    )


def make_bundle(site: str, zip_path: str, layout: SiteLayout) -> str:
    """Zip the built ``site`` (laid out as ``layout``) under one folder, with a README.txt; the same site gives
    the same bytes."""
    os.makedirs(os.path.dirname(os.path.abspath(zip_path)), exist_ok=True)
    files: list[tuple[str, str]] = []
    for folder, _dirs, names in os.walk(site):
        for name in names:
            full = os.path.join(folder, name)
            files.append((os.path.relpath(full, site).replace(os.sep, "/"), full))
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        _add(bundle, f"{FOLDER}/README.txt", readme(layout).encode("utf-8"))
        for name, full in sorted(files):
            with open(full, "rb") as f:
                _add(bundle, f"{FOLDER}/{name}", f.read())
    return zip_path


def _add(bundle: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))  # fixed: reproducible bundles
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    bundle.writestr(info, data)


def bundle_content(content: str, zip_path: str) -> str:
    """Build ``content`` for reading offline and zip it to ``zip_path``, which is replaced only when both
    succeeded (a failed or killed run leaves the previous bundle whole)."""
    with replacing_file(zip_path) as part:
        folder, name = os.path.split(os.path.abspath(zip_path))
        with tempfile.TemporaryDirectory(prefix=f".{name}-site-", dir=folder) as tmp:  # a leftover if killed
            # no web editor: it needs a server (make edit, or the published site's)
            site = build(content, os.path.join(tmp, "site"), EDITOR_BACKEND=None)
            make_bundle(site, part, site_layout())
    return zip_path
