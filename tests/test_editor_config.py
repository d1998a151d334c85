"""The web editor's configuration is made from the content schema (plugins/editor/config.py): every kind a
collection, every field a widget of its type, in the schema's order, with its labels, help and requiredness; a
field added to the schema appears in the editor with no other change."""

import re
from dataclasses import replace

import pytest

from archive.fields import FIELDS, KINDS
from archive.fieldtypes import NUMBER, TEXT, Field
from archive.layout import Item
from archive.schema import Schema
from archive.settings import ArchiveSettings
from archive.strings import Strings
from editor.config import FORMAT, LANGUAGE_WIDGET, TEXT_FORMAT, TRANSLATION_WIDGET, decap_config, words_of
from tools.build import site_layout

BACKEND = {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1", "branch": "main"}
LAYOUT = site_layout()  # pelicanconf.py's: its upload folders, its ARTICLE_URL
# the editor's words from the site's strings table, as the plugin takes them
WORDS = words_of(Strings.load(ArchiveSettings().strings_path("theme")), LAYOUT.languages)
SCHEMA = Schema(("lo", "en"))

# The widget each type of field is edited with (the roles first: the fields that tie an item's files together).
WIDGETS = {
    "lang": LANGUAGE_WIDGET,
    "category": "hidden",
    "translation": TRANSLATION_WIDGET,
    "status": "select",
    "text": "string",
    "date": "datetime",
    "month": "string",
    "number": "number",
    "url": "string",
    "slug": "string",
    "list": "list",
    "tags": "list",
    "file": "file",
    "files": "list",
}


def expected_widget(field):
    if field.key in WIDGETS:
        return WIDGETS[field.key]
    if field.multiline:
        return "text"
    if field.type.name == "file" and field.type.suffixes and ".png" in field.type.suffixes:
        return "image"
    return WIDGETS[field.type.name]


def collections(schema=SCHEMA):
    """The collections of the kinds (not the texts read by machine)."""
    return {c["name"]: c for c in decap_config(schema, BACKEND, LAYOUT, WORDS)["collections"] if c["format"] == FORMAT}


def test_the_texts_read_from_page_scans_are_a_collection_of_plain_texts_an_editor_corrects():
    texts = decap_config(SCHEMA, BACKEND, LAYOUT, WORDS)["collections"][-1]
    assert texts["name"] == "machine-text"
    assert (texts["folder"], texts["extension"], texts["format"]) == ("content/images", "txt", TEXT_FORMAT)
    assert texts["nested"]["depth"] >= 2  # images/newspaper/345-1.jpg.txt and deeper
    assert texts["create"] is False and texts["delete"] is False and texts["i18n"] is False
    assert [(f["name"], f["widget"]) for f in texts["fields"]] == [("body", "text")]
    assert texts["label"] == "ຂໍ້ຄວາມຈາກໜ້າສະແກນ · Text read from page scans"


def test_every_kind_is_a_collection_of_its_folder_in_every_language():
    config = decap_config(SCHEMA, BACKEND, LAYOUT, WORDS)
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["lo", "en"], "default_locale": "lo"}
    assert config["backend"] == BACKEND
    assert list(collections()) == [kind.name for kind in KINDS]
    for kind in KINDS:
        c = collections()[kind.name]
        assert c["folder"] == f"content/{kind.name}" and c["extension"] == "md" and c["format"] == FORMAT
        assert c["label"] == f"{kind.label['lo']} · {kind.label['en']}"
        assert c["i18n"] is True and c["create"] is True


@pytest.mark.parametrize("kind", [kind.name for kind in KINDS])
def test_every_field_of_a_kind_is_in_its_form_in_the_schemas_order_with_its_type_labels_and_help(kind):
    form = {f["name"]: f for f in collections()[kind]["fields"]}
    assert list(form) == [f.name for f in SCHEMA.fields_of(kind)] + ["body"]
    for field in SCHEMA.fields_of(kind):
        widget = form[field.name]
        assert widget["widget"] == expected_widget(field), field.name
        assert widget["required"] == field.required_by(kind), field.name
        assert field.label["lo"] in widget["label"] and field.label["en"] in widget["label"]
        assert field.help["lo"] in widget["hint"] and field.help["en"] in widget["hint"]
        translated = field.type.name in ("text", "list", "tags", "files") or field.key in (
            "lang",
            "translation",
            "status",
        )
        assert widget["i18n"] == (True if translated else "duplicate"), field.name
    assert form["Category"]["default"] == kind


def test_a_fields_pattern_is_its_types_and_takes_its_example():
    for c in collections().values():
        for widget in c["fields"]:
            field = SCHEMA.fields.get(widget["name"].lower())
            if field is None or "pattern" not in widget:
                continue
            regex, message = widget["pattern"]
            assert re.search(regex, field.example), (widget["name"], regex)
            assert not re.search(regex, "not a , valid value ../x"), widget["name"]
            assert message
    kinds = {widget["name"] for c in collections().values() for widget in c["fields"] if "pattern" in widget}
    assert {"Month", "Registration_URL", "Slug", "PDF"} <= kinds


def test_uploads_land_in_content_and_are_named_as_the_files_fields_name_them():
    config = decap_config(SCHEMA, BACKEND, LAYOUT, WORDS)
    assert (config["media_folder"], config["public_folder"]) == ("content/images", "images")
    pdf = next(f for f in collections()["magazine"]["fields"] if f["name"] == "PDF")
    assert (pdf["media_folder"], pdf["public_folder"]) == ("/content/files", "files")
    pages = next(f for f in collections()["newspaper"]["fields"] if f["name"] == "Pages")
    assert pages["field"]["widget"] == "image"
    body = collections()["news"]["fields"][-1]
    assert body["public_folder"] == "{static}/images"  # a body image links from the content root, as Pelican reads


def test_a_field_added_to_the_schema_appears_in_the_editor_with_no_other_change():
    pages = Field(
        "Page_Count",
        NUMBER,
        {"lo": "ຈຳນວນໜ້າ", "en": "Pages"},
        {"lo": "ຈຳນວນໜ້າຂອງສະບັບ.", "en": "How many pages the issue has."},
        "48",
        kinds=("magazine",),
        required=True,
    )
    motto = Field("Motto", TEXT, {"lo": "ຄຳຂວັນ", "en": "Motto"}, {"lo": "ຄຳຂວັນ.", "en": "A motto."}, "ຢຸດ, ຄິດ")
    schema = Schema(("lo", "en"), fields=(*FIELDS, pages, motto))
    magazine = {f["name"]: f for f in collections(schema)["magazine"]["fields"]}
    assert magazine["Page_Count"]["widget"] == "number" and magazine["Page_Count"]["required"] is True
    assert magazine["Page_Count"]["label"] == "ຈຳນວນໜ້າ · Pages"
    assert all("Motto" in [f["name"] for f in c["fields"]] for c in collections(schema).values())
    assert "Page_Count" not in [f["name"] for f in collections(schema)["news"]["fields"]]


def test_a_third_language_is_a_third_pane():
    schema = Schema(
        ("lo", "en", "fr"),
        fields=[
            replace(f, label={**f.label, "fr": f.label["en"]}, help={**f.help, "fr": f.help["en"]}) for f in FIELDS
        ],
        kinds=[
            replace(
                k,
                label={**k.label, "fr": k.label["en"]},
                label_one={**k.label_one, "fr": k.label_one["en"]},
                number_label=k.number_label and {**k.number_label, "fr": k.number_label["en"]},
            )
            for k in KINDS
        ],
    )
    words = {key: {**texts, "fr": texts["en"]} for key, texts in WORDS.items()}  # its strings table has French too
    config = decap_config(schema, BACKEND, LAYOUT, words)
    assert config["i18n"]["locales"] == ["lo", "en", "fr"]
    lang = next(f for f in config["collections"][0]["fields"] if f["name"] == "Lang")
    assert list(lang["languages"]) == ["lo", "en", "fr"]


def test_for_decap_server_serving_the_content_folder_alone_paths_start_inside_it():
    config = decap_config(SCHEMA, BACKEND, LAYOUT, WORDS, root="")
    assert config["media_folder"] == "images"
    news = {c["name"]: c for c in config["collections"]}["news"]
    assert news["folder"] == "news" and news["fields"][-1]["media_folder"] == "/images"
    pdf = next(f for f in {c["name"]: c for c in config["collections"]}["magazine"]["fields"] if f["name"] == "PDF")
    assert pdf["media_folder"] == "/files"


def test_the_view_link_of_an_item_follows_pelicans_article_url():
    def views(article_url):
        layout = replace(LAYOUT, article=Item(article_url, article_url))
        return {
            c["name"]: (c.get("preview_path"), c.get("preview_path_date_field"))
            for c in decap_config(SCHEMA, BACKEND, layout, WORDS)["collections"]
            if c["format"] == FORMAT
        }

    assert views(LAYOUT.article.url)["news"] == ("news/{{slug}}.html", None)
    assert views("{category}/{slug}/index.html")["reports"] == ("reports/{{slug}}/index.html", None)
    assert views("{date:%Y}/{date:%m}/{slug}.html")["news"] == ("{{year}}/{{month}}/{{slug}}.html", "Date")
    assert views("{author}/{slug}.html")["news"] == (None, None)  # no placeholder Decap fills: no view link


def test_the_editors_words_are_the_sites_strings_in_both_languages():
    fields = {f["name"]: f for f in collections()["news"]["fields"]}
    assert fields["Lang"]["languages"] == {"lo": "ລາວ", "en": "English"}  # theme/strings.json language.name
    assert fields["Translation"]["words"] == {"translation": "ສະບັບແປ · translation", "original": "ຕົ້ນສະບັບ · original"}
