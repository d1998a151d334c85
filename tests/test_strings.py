"""The interface strings: one table for both languages, plural forms as CLDR defines them, chosen alike by the
build (Babel) and the browser (Intl.PluralRules)."""

import json
import os
import subprocess

import pytest

from archive.strings import Strings, plural_form, plural_forms
from tools.build import ROOT

TABLE = os.path.join(ROOT, "theme", "strings.json")


@pytest.fixture(scope="module")
def strings():
    return Strings.load(TABLE)


def test_counts_take_the_plural_form_of_their_language(strings):
    assert strings.get("en", "archive.count", n=1) == "1 article"
    assert strings.get("en", "archive.count", n=0) == "0 articles"
    assert strings.get("en", "archive.count", n=21) == "21 articles"
    assert strings.get("lo", "archive.count", n=1) == "1 ບົດ"
    assert strings.get("en", "search.count", n=1, q="broadband") == "1 article contains “broadband”"


def test_a_text_with_plural_forms_has_exactly_its_languages_forms():
    with open(TABLE, encoding="utf-8") as f:
        table = json.load(f)
    plural = [(lang, key) for lang, row in table.items() for key, text in row.items() if isinstance(text, dict)]
    assert ("en", "search.count") in plural and ("lo", "search.count") in plural
    for lang, key in plural:
        assert table[lang][key].keys() == plural_forms(lang), (lang, key)
    with pytest.raises(ValueError, match=r"'archive.count' in 'en' has the forms \['other'\]; en needs"):
        Strings({"lo": {"archive.count": {"other": "{n} ບົດ"}}, "en": {"archive.count": {"other": "{n} articles"}}})
    with pytest.raises(KeyError, match="has plural forms: give n"):
        Strings.load(TABLE).get("en", "archive.count")


def test_the_browser_chooses_the_form_the_build_chooses():
    numbers = list(range(1001))
    script = (
        "const [langs, numbers] = JSON.parse(process.argv[1]);"
        "console.log(JSON.stringify(Object.fromEntries(langs.map((l) => "
        "[l, numbers.map((n) => new Intl.PluralRules(l).select(n))]))));"
    )
    langs = ["lo", "en"]
    result = subprocess.run(["node", "-e", script, json.dumps([langs, numbers])], capture_output=True, text=True)
    browser = json.loads(result.stdout)
    for lang in langs:
        assert browser[lang] == [plural_form(lang, n) for n in numbers], lang
