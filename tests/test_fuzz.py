"""Property-based: whatever an editor (or a hostile contributor) writes, a build either succeeds, with a page for
every file and nothing that runs script in it (from metadata or the body), or stops with problems that each name a
content file. Never a traceback, never a hang. FUZZ_EXAMPLES sets how many content folders are tried (default: a
CI-friendly 40)."""

import glob
import os
import shutil
import signal
import tempfile
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import ContentError
from archive.fields import FIELDS
from tests.test_escaping import unsafe
from tools.build import build

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
BUILD_SECONDS = 120  # a build of a few files that takes longer has hung
RUN = {"examples": 0, "built": 0, "refused": 0}

LAO = [chr(c) for c in range(0x0E80, 0x0F00)]
ODD = ["\u200b", "\u200c", "\u200d", "\u200f", "\u200e", "\u202e", "\ufeff", "\x00", "\x1b", "\t", "\n", "\r"]
HTML = ["<", ">", "&", '"', "'", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:"]
HTML += [  # what issue 20 tried in bodies, and pieces to build others from
    "<svg onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<iframe srcdoc="<script>alert(1)</script>">',
    "<object data=javascript:alert(1)>",
    "[x](javascript:alert(1))",
    '<a href="javascript:alert(1)">',
    "<math><mi xlink:href=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>",
    "{: onclick=alert(1) }",
    "<p style=x>",
    " onmouseover=alert(1) ",
    "</",
    "=",
]
MARKDOWN = ["# ", "* ", "> ", "`", "**", "[x](y)", "![i](images/none.png)", "{static}/x", "\n\n", "    ", "---", ": "]
LATIN = list("abcXYZ019 -_,.:/#+")
text = st.lists(st.sampled_from(LAO + ODD + HTML + MARKDOWN + LATIN), max_size=25).map("".join)
plain = st.lists(st.sampled_from(LAO + LATIN), min_size=1, max_size=12).map("".join)

KNOWN = [f.name for f in FIELDS]
EXAMPLE = {f.name: f.example for f in FIELDS}
key = st.one_of(
    st.sampled_from(KNOWN), st.sampled_from(KNOWN).map(str.upper), st.from_regex(r"[A-Za-z_-]{1,12}", fullmatch=True)
)
value = st.one_of(text, st.sampled_from(KNOWN).map(EXAMPLE.get), plain)


@st.composite
def content_file(draw, slug):
    fields = {
        "Title": draw(st.one_of(plain, text)),
        "Date": draw(st.sampled_from(["2024-03-04"] * 6 + ["2024-02-30", "18/05/2023", "2024-03-04 09:30"])),
        "Lang": draw(st.sampled_from(["lo"] * 4 + ["en"] * 4 + ["th"])),
        "Slug": slug,
        "Category": draw(st.sampled_from(["news"] * 8 + ["reports", "magazine", "newspaper", "blog"])),
    }
    if draw(st.booleans()):  # often only the fields every item needs, so that many folders build
        fields.update(draw(st.dictionaries(key, value, max_size=4)))
    lines = [f"{name}: {text}" for name, text in fields.items()]
    front = draw(st.booleans())
    body = draw(st.lists(st.one_of(text, plain), max_size=8).map("\n".join))
    return ("---\n" if front else "") + "\n".join(lines) + ("\n---\n" if front else "\n\n") + body + "\n"


@st.composite
def content_folder(draw):
    count = draw(st.integers(1, 3))
    return {f"news/f{n}.md": draw(content_file(f"item-{n}")) for n in range(count)}


def _hung(signum, frame):
    raise TimeoutError(f"a build took more than {BUILD_SECONDS} s")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=content_folder())
def test_a_build_succeeds_whole_or_names_the_files_at_fault(files):
    RUN["examples"] += 1
    root = tempfile.mkdtemp(prefix="fuzz-")
    try:
        content, output = os.path.join(root, "content"), os.path.join(root, "output")
        for path, body in files.items():
            os.makedirs(os.path.dirname(os.path.join(content, path)), exist_ok=True)
            with open(os.path.join(content, path), "w", encoding="utf-8", newline="") as f:
                f.write(body)
        built = {}
        previous = signal.signal(signal.SIGALRM, _hung)
        signal.alarm(BUILD_SECONDS)
        try:
            build(content, output, record=built)
        except ContentError as error:
            RUN["refused"] += 1
            assert error.problems
            assert all(problem.path in files for problem in error.problems), error
            return
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        RUN["built"] += 1
        assert sorted(built.values()) == sorted(files)  # every file has its page
        for page in built:
            with open(os.path.join(output, page), encoding="utf-8") as f:
                html = f.read()
            assert unsafe(html) == [], page  # metadata escaped, the body sanitised
        for feed in glob.glob(os.path.join(output, "**", "*.xml"), recursive=True):
            ET.parse(feed)  # well-formed XML, whatever the titles and summaries hold
    finally:
        shutil.rmtree(root, ignore_errors=True)
