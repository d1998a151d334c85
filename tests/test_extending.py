"""A kind and a field added to the content schema alone, in a copy of the project: the new kind is in the
navigation and has its pages, the new field is checked, offered by `invoke new`, shown on the page, and documented
in the field tables of docs/writing.md and the JSON Schema."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.fixture_site import FIXTURE, ROOT

TALKS = """    Kind("talks", _text("ການບັນຍາຍ", "Talks"), _text("ການບັນຍາຍ", "Talk")),
"""
SPEAKER = """    Field(
        "Speaker",
        TEXT,
        _text("ຜູ້ບັນຍາຍ", "Speaker"),
        _text("ຜູ້ທີ່ບັນຍາຍ.", "Who gives the talk."),
        "ທ່ານ ສົມພອນ ແກ້ວມະນີ",
        kinds=("talks", "reports"),
        required=("talks",),
        fact=True,
    ),
"""


def add_to_schema(project):
    """The one edit: a Kind at the end of KINDS, a Field at the end of FIELDS."""
    path = os.path.join(project, "plugins", "archive", "fields.py")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    kinds_end = text.index("\n)\n", text.index("\nKINDS = ("))
    text = text[: kinds_end + 1] + TALKS + text[kinds_end + 1 :]
    fields_end = text.index("\n)\n", text.index("\nFIELDS = ("))
    text = text[: fields_end + 1] + SPEAKER + text[fields_end + 1 :]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project's code, theme and settings, with the fixture content; node_modules/ and js/ shared."""
    copy = str(tmp_path_factory.mktemp("extended") / "project")
    os.makedirs(copy)
    for name in ("plugins", "theme", "tools"):
        shutil.copytree(
            os.path.join(ROOT, name), os.path.join(copy, name), ignore=shutil.ignore_patterns("__pycache__")
        )
    for name in ("pelicanconf.py", "tasks.py", "content.schema.json"):
        shutil.copy(os.path.join(ROOT, name), copy)
    os.makedirs(os.path.join(copy, "docs"))
    shutil.copy(os.path.join(ROOT, "docs", "writing.md"), os.path.join(copy, "docs"))
    for name in ("node_modules", "js", "package.json"):
        os.symlink(os.path.join(ROOT, name), os.path.join(copy, name))
    shutil.copytree(FIXTURE, os.path.join(copy, "content"))
    add_to_schema(copy)
    return copy


def run(project, *args, check=True):
    """A command in the copy, importing the copy's plugins and tools (not the installed project's)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([os.path.join(project, "plugins"), project])}
    result = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} failed:\n{result.stdout}\n{result.stderr}")
    return result


def invoke(project, *args, check=True):
    return run(project, sys.executable, "-m", "invoke", *args, check=check)


def test_the_copy_runs_its_own_code(project):
    result = run(project, sys.executable, "-c", "import archive.schema, tools; print(archive.schema.__file__)")
    assert result.stdout.startswith(project)


def test_a_new_kind_and_field_are_scaffolded_checked_and_rendered(project):
    refused = invoke(project, "new", "--kind", "talks", "--title", "Open data talk", check=False)
    assert refused.returncode != 0 and "a talks item needs --speaker (Who gives the talk.)" in refused.stderr
    invoke(project, "new", "--kind", "talks", "--lang", "en", "--title", "Open data talk", "--speaker", "Ms Somphone")
    path = os.path.join(project, "content", "talks", "open-data-talk.en.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert "Category: talks\n" in text and "Speaker: Ms Somphone\n" in text
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("Status: draft\n", ""))  # published

    invoke(project, "build")
    with open(os.path.join(project, "output", "en", "talks", "open-data-talk.html"), encoding="utf-8") as f:
        page = f.read()
    assert '<dt>Speaker</dt><dd class="meta-value">Ms Somphone</dd>' in page
    assert '<a href="../../en/talks/index.html">Talks</a>' in page  # the navigation names the new kind
    assert os.path.isfile(os.path.join(project, "output", "en", "talks", "index.html"))
    assert os.path.isfile(os.path.join(project, "output", "talks", "index.html"))  # an empty list in Lao


def test_the_new_field_is_checked_where_it_does_not_belong(project, tmp_path):
    content = tmp_path / "content" / "news"
    content.mkdir(parents=True)
    (content / "a.md").write_text(
        "Title: ຂ່າວ\nDate: 2024-03-04\nLang: lo\nSlug: a\nCategory: news\nSpeaker: ທ່ານ ສົມພອນ\n\nເນື້ອໃນ.\n",
        encoding="utf-8",
    )
    (content / "b.md").write_text(
        "Title: ການບັນຍາຍ\nDate: 2024-03-04\nLang: lo\nSlug: b\nCategory: talks\n\nເນື້ອໃນ.\n", encoding="utf-8"
    )
    script = "from tools.build import build; import sys; build(sys.argv[1], sys.argv[2])"
    result = run(project, sys.executable, "-c", script, str(tmp_path / "content"), str(tmp_path / "out"), check=False)
    assert result.returncode != 0
    assert "news/a.md:6: Speaker is a field of talks, reports, not of news" in result.stderr
    assert "news/b.md:1: missing required field Speaker" in result.stderr


def test_the_field_tables_and_json_schema_document_the_new_field(project):
    invoke(project, "schema")
    with open(os.path.join(project, "content.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    assert schema["properties"]["Speaker"]["x-label"] == {"lo": "ຜູ້ບັນຍາຍ", "en": "Speaker"}
    assert {"const": "talks"} in [rule["if"]["properties"].get("Category") for rule in schema["allOf"] if "if" in rule]
    assert "talks" in schema["properties"]["Category"]["anyOf"][1]["enum"]
    with open(os.path.join(project, "docs", "writing.md"), encoding="utf-8") as f:
        tables = f.read()
    assert "| `Speaker` | yes | text | Who gives the talk. |" in tables
