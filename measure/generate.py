"""Generated archives: many news-length articles made from a few texts, for benchmarks and tests.

A generated archive is test data, written to a folder the caller names (a temporary one), never into content/.
Each article takes 12-40 consecutive sentence pairs (half the articles Lao originals, half their English
translations) and a few invented names, places and codes, so that its vocabulary grows with the archive as a real
one's does; its Lao is typed the ways real Lao text is (ໍ + າ for ຳ, ຫນ for ໜ, ຫລ for ຫຼ, ຣ for ລ in names, zero-width
spaces), so that search meets every spelling it must fold.
"""

import glob
import os
import random
import re
from collections.abc import Mapping, Sequence

SENTENCES = (12, 40)
# Syllables of invented Lao names, with a Latin spelling for the English articles.
SYLLABLES = [
    ("ສົມ", "som"),
    ("ພອນ", "phone"),
    ("ຄຳ", "kham"),
    ("ແກ້ວ", "keo"),
    ("ວົງ", "vong"),
    ("ສີ", "si"),
    ("ບຸນ", "boun"),
    ("ມະ", "ma"),
    ("ນີ", "ni"),
    ("ທອງ", "thong"),
    ("ຈັນ", "chan"),
    ("ເພັດ", "phet"),
    ("ດາ", "da"),
    ("ລາ", "la"),
    ("ໄຊ", "xay"),
    ("ວັນ", "van"),
    ("ຫຼວງ", "luang"),
    ("ໜູ", "nou"),
    ("ສຸກ", "souk"),
    ("ຣັດ", "rat"),
    ("ພູ", "phou"),
    ("ແສງ", "seng"),
    ("ອິນ", "in"),
    ("ລີ", "li"),
]
# Ways real Lao text spells the same letters, applied now and then: [(written, typed instead)].
VARIANTS = [
    ("\u0eb3", "\u0ecd\u0eb2"),
    ("\u0edc", "\u0eab\u0e99"),
    ("\u0edd", "\u0eab\u0ea1"),
    ("\u0eab\u0ebc", "\u0eab\u0ea5"),
]
ZERO_WIDTH_SPACE = "\u200b"
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def invented(rnd: random.Random) -> tuple[str, str]:
    """(Lao, English) of an invented name of two to four syllables."""
    parts = [rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))]
    return "".join(lao for lao, _ in parts), "".join(latin for _, latin in parts).capitalize()


def retyped(text: str, rnd: random.Random) -> str:
    """``text`` with some of its letters typed another way, as editors' keyboards and sources do."""
    for written, typed in VARIANTS:
        if rnd.random() < 0.3:
            text = text.replace(written, typed)
    if rnd.random() < 0.2:
        text = text.replace(" ", ZERO_WIDTH_SPACE, 3)  # words kept apart by nothing a reader sees
    return text


def article(rnd: random.Random, run: Sequence[Mapping[str, str]]) -> tuple[str, str]:
    """(Lao, English) bodies of an article made of the pairs of ``run``, with invented names and codes."""
    people = [invented(rnd) for _ in range(3)]
    place = invented(rnd)
    code = f"LA-{rnd.randrange(10000):04d}"
    lao: list[str] = []
    english: list[str] = []
    for i, pair in enumerate(run):
        lo, en = pair["lo"], pair["en"]
        if rnd.random() < 0.3:
            (name_lo, name_en) = rnd.choice(people)
            if rnd.random() < 0.3:
                name_lo = name_lo.replace("\u0ea5", "\u0ea3")  # ລ as ຣ, as older texts write names
            lo += f" ທ່ານ {name_lo} ກ່າວ."
            en += f" {name_en} said."
        if i == 1:
            lo += f" ທີ່ ບ້ານ{place[0]} ({code})."
            en += f" in Ban {place[1]} ({code})."
        lao.append(lo)
        english.append(en)
    return retyped("\n\n".join(lao), rnd), "\n\n".join(english)


def generate(
    content: str,
    pairs: Sequence[Mapping[str, str]],
    articles: int,
    seed: int = 2026,
    sentences: tuple[int, int] = SENTENCES,
) -> list[str]:
    """Write ``articles`` Markdown files into ``content`` (half Lao, half English) from ``pairs``
    ([{"lo": text, "en": text}]); returns the paths written."""
    rnd = random.Random(seed)
    written: list[str] = []
    for n in range(articles // 2):
        start = rnd.randrange(len(pairs))
        run = [pairs[(start + i) % len(pairs)] for i in range(rnd.randint(*sentences))]
        day = f"{2012 + n % 15}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        bodies = dict(zip(("lo", "en"), article(rnd, run), strict=True))
        for lang in ("lo", "en"):
            title = re.sub(r"\s+", " ", run[0][lang])[:80].strip()
            meta = [f"Title: {title}", f"Date: {day}", f"Lang: {lang}", f"Slug: generated-{n:06d}", "Category: news"]
            if lang == "en":
                meta.append("Translation: true")
            path = os.path.join(content, "news", f"{n // 1000:03d}", f"generated-{n:06d}.{lang}.md")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(meta) + "\n\n" + bodies[lang] + "\n")
            written.append(path)
    return written


def pairs_from_content(folder: str) -> list[dict[str, str]]:
    """Paragraphs of the project's own content as pairs: each Lao item's paragraphs beside its translation's (or,
    for an item with none, another's), for tests that must not need ../shared."""

    def paragraphs(path: str) -> list[str]:
        with open(path, encoding="utf-8") as f:
            body = f.read().split("\n\n", 1)[1]
        body = MARKDOWN_LINK.sub(r"\1", body)  # links to other items and files would lead nowhere
        return [p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith(("#", "!", "|"))]

    lao = sorted(glob.glob(os.path.join(folder, "**", "*.lo.md"), recursive=True))
    english = sorted(glob.glob(os.path.join(folder, "**", "*.en.md"), recursive=True))
    lo_paragraphs = [p for path in lao for p in paragraphs(path)]
    en_paragraphs = [p for path in english for p in paragraphs(path)]
    return [{"lo": lo, "en": en_paragraphs[i % len(en_paragraphs)]} for i, lo in enumerate(lo_paragraphs)]
