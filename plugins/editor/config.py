"""The web editor's configuration (Decap CMS's config.yml), derived from the content schema: pure functions.

One collection per kind, with every field the kind has as a widget chosen by the field's type, labels and help in
every language of the site, the fields the schema requires required, and the languages edited side by side
(Decap's i18n ``multiple_files``: ``content/<kind>/<slug>.<lang>.md``, the archive's own layout). Files are read
and written in the archive's format (``Key: value`` lines, js/src/admin/format.js), not Decap's YAML.

Four fields tie an item's files together rather than describe it, and get a widget for that role: ``Category``
(the collection's kind, never typed), ``Slug`` (the file name of a new item), ``Lang`` (the language of the pane it
is written in) and ``Translation`` (``true`` in a pane other than the original's).
"""

from collections.abc import Iterable, Mapping
from typing import Any

from archive.fieldtypes import IMAGE_SUFFIXES, Field, Kind, suffix_pattern
from archive.layout import SiteLayout
from archive.schema import Schema
from archive.strings import Strings

# what Decap reads (a JSON object)
Config = dict[str, Any]

FORMAT = "archive-markdown"  # registered by js/src/admin/admin.js
TEXT_FORMAT = "archive-text"  # registered there too: a plain text file, the whole of it one field
LANGUAGE_WIDGET = "archive-language"
TRANSLATION_WIDGET = "archive-translation"
CONTENT = "content"  # where the content folder is in the repository Decap's backend writes (GitHub's)
# Uploaded pictures go into the layout's ``images`` folder of the content (and a field names them there), PDFs
# and other files into its ``files``.

# Fields whose text is written in each language; every other field holds the same value in every language's file
# (a date, a number, a file) and is edited once, in the original's pane.
TRANSLATED_TYPES = ("text", "list", "tags")

# The interface words the editor shows beyond the schema's, from the site's strings table (theme/strings.json):
# {key: {lang: text}} (``words_of``).
WORDS = (
    "language.name",
    "editor.translation",
    "editor.original",
    "preview.title",
    "editor.fix_and_save",
    "editor.missing",
    "editor.slug_taken",
)
Words = Mapping[str, Mapping[str, str]]


def words_of(strings: Strings, languages: Iterable[str]) -> dict[str, dict[str, str]]:
    """The editor's WORDS in each of ``languages``, from the site's ``strings``."""
    return {key: {lang: strings.get(lang, key) for lang in languages} for key in WORDS}


def _both(texts: Mapping[str, str], languages: Iterable[str]) -> str:
    """``{"lo": "ຫົວຂໍ້", "en": "Title"}`` -> ``"ຫົວຂໍ້ · Title"``: the editor reads Lao, English helps (the
    schema has every language's; the body's label, the editor's own, has Lao and English)."""
    return " · ".join(dict.fromkeys(texts[lang] for lang in languages if lang in texts))


def _in(root: str, *parts: str) -> str:
    """A path in the backend's repository: ``root`` is where the content folder is in it ("": it is the content
    folder, as decap-server serves it for `make edit`)."""
    return "/".join(part for part in (root, *parts) if part)


def widget_of(field: Field, schema: Schema, words: Words, layout: SiteLayout, root: str = CONTENT) -> Config:
    """Decap's widget options for one field of the schema (without name, label, hint, required, i18n)."""
    kind = field.type.name
    if field.type.choices == schema.languages:
        return {"widget": LANGUAGE_WIDGET, "languages": dict(words["language.name"])}
    if field.type.choices == tuple(schema.kinds):
        return {"widget": "hidden"}  # the collection's kind: the default is set per collection
    if field.key == "translation":
        shown = {role: _both(words[f"editor.{role}"], schema.languages) for role in ("translation", "original")}
        return {"widget": TRANSLATION_WIDGET, "original": schema.languages[0], "words": shown}
    if kind == "text":
        return {"widget": "text" if field.multiline else "string"}
    if kind == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if kind == "number":
        return {"widget": "number", "value_type": "int", "min": 0}
    if kind == "bool":
        return {"widget": "boolean"}
    if kind == "choice":
        return {"widget": "select", "options": list(field.type.choices)}
    if kind in ("list", "tags"):
        return {"widget": "list"}  # one line, comma-separated, as the file writes it
    if kind == "file" and field.type.suffixes and set(field.type.suffixes) <= set(IMAGE_SUFFIXES):
        return {"widget": "image", "choose_url": False}
    if kind == "file":
        return {
            "widget": "file",
            "choose_url": False,
            "media_folder": "/" + _in(root, layout.files),
            "public_folder": layout.files,
        }
    if kind == "files":
        page = {"name": "file", "label": _both(field.label, schema.languages), "widget": "image", "choose_url": False}
        return {"widget": "list", "field": page}
    # month, url, slug and any type to come: text checked with the type's own pattern
    return {"widget": "string"}


def field_config(
    field: Field, schema: Schema, kind: str, words: Words, layout: SiteLayout, root: str = CONTENT
) -> Config:
    config: Config = {
        "name": field.name,
        "label": _both(field.label, schema.languages),
        "hint": " / ".join(dict.fromkeys(field.help[lang] for lang in schema.languages)),
        "required": field.required_by(kind),
        **widget_of(field, schema, words, layout, root),
    }
    pattern = field.type.json.get("pattern") or (suffix_pattern(field.type.suffixes) if field.type.suffixes else None)
    if pattern and config["widget"] in ("string", "file"):
        config["pattern"] = [pattern, field.type.describe.replace("`", "")]  # Decap's: [regex, message]
    if config["widget"] == "hidden":
        config["default"] = kind
    # Written in each language's pane: text; the two role widgets; a status (a translation may stay a draft while
    # its original is published); a list of files, since Decap copies single values only ("duplicate"). The rest
    # (dates, numbers, a file, the slug, the kind) is the same in every language: written once, copied.
    per_language = field.type.name in TRANSLATED_TYPES or config["widget"] in (
        LANGUAGE_WIDGET,
        TRANSLATION_WIDGET,
        "select",
        "list",
    )
    config["i18n"] = True if per_language else "duplicate"
    return config


# Pelican's placeholders of ARTICLE_URL and Decap's of preview_path that say the same; the date's are filled from
# the field preview_path_date_field names
SLUG = {"{slug}": "{{slug}}"}
DATE = {"{date:%Y}": "{{year}}", "{date:%m}": "{{month}}", "{date:%d}": "{{day}}"}


def preview_path(layout: SiteLayout, kind: Kind) -> str | None:
    """Where Decap's "view" link finds an item of ``kind`` on the site: the default language's ARTICLE_URL, its
    category the kind's folder, its slug and date Decap's; None (no link) when it has a placeholder Decap cannot
    fill."""
    path = layout.article.url.replace("{category}", kind.name).replace("{lang}", layout.languages[0])
    for pelican, decap in {**SLUG, **DATE}.items():
        path = path.replace(pelican, decap)
    return None if "{" in path.replace("{{", "").replace("}}", "") else path


def collection(kind: Kind, schema: Schema, layout: SiteLayout, words: Words, root: str = CONTENT) -> Config:
    languages = schema.languages
    fields = [field_config(f, schema, kind.name, words, layout, root) for f in schema.fields_of(kind.name)]
    fields.append(
        {
            "name": "body",
            "label": _both({"lo": "ເນື້ອໃນ", "en": "Text"}, languages),
            "widget": "markdown",
            "required": False,
            "i18n": True,
            "media_folder": "/" + _in(root, layout.images),
            "public_folder": f"{{static}}/{layout.images}",  # Pelican's link from the content root, whatever the folder
        }
    )
    config: Config = {
        "name": kind.name,
        "label": _both(kind.label, languages),
        "label_singular": _both(kind.label_one, languages),
        "folder": _in(root, kind.name),
        "create": True,
        "extension": "md",
        "format": FORMAT,
        "slug": "{{Slug}}",
        "identifier_field": schema.name_of("title"),
        "summary": "{{Title}} · {{Date}}",
        "sortable_fields": [schema.name_of("date"), schema.name_of("title")],
        # An item is listed by its original's file: one only in another language is edited in its file.
        "filter": {"field": schema.name_of("lang"), "value": languages[0]},
        "i18n": True,
        "preview_path": preview_path(layout, kind),
        "fields": fields,
    }
    if config["preview_path"] is None:
        del config["preview_path"]
    elif any(decap in config["preview_path"] for decap in DATE.values()):
        config["preview_path_date_field"] = schema.name_of("date")
    return config


def machine_texts(schema: Schema, layout: SiteLayout, root: str = CONTENT) -> Config:
    """The texts read by machine beside the page scans (archive/machinetext.py: ``images/…/345-1.jpg.txt``, written
    by `invoke ocr`), each a text an editor corrects; none is made or deleted here."""
    languages = schema.languages
    return {
        "name": "machine-text",
        "label": _both({"lo": "ຂໍ້ຄວາມຈາກໜ້າສະແກນ", "en": "Text read from page scans"}, languages),
        "label_singular": _both({"lo": "ຂໍ້ຄວາມຂອງໜ້າສະແກນ", "en": "Text of a page scan"}, languages),
        "folder": _in(root, layout.images),
        "nested": {"depth": 6},
        "extension": "txt",
        "format": TEXT_FORMAT,
        "create": False,
        "delete": False,
        "i18n": False,
        "identifier_field": "body",
        "summary": "{{dirname}}/{{filename}}.{{extension}}",
        "fields": [
            {
                "name": "body",
                "label": _both({"lo": "ຂໍ້ຄວາມທີ່ເຄື່ອງອ່ານ, ແກ້ໄຂໄດ້", "en": "Text read by machine: correct it"}, languages),
                "widget": "text",
                "required": False,
            }
        ],
    }


def decap_config(
    schema: Schema, backend: Config, layout: SiteLayout, words: Words, site_url: str = "", root: str = CONTENT
) -> Config:
    """The whole configuration: ``backend`` is Decap's (the local proxy, or GitHub's for the published site);
    ``layout``, the site's (its upload folders, its items' URLs); ``root``, where the content folder is in the
    repository it writes (see _in)."""
    config: Config = {
        "backend": backend,
        "locale": "en",  # Decap's own buttons (it has no Lao); every field says what it is in Lao first
        "media_folder": _in(root, layout.images),
        "public_folder": layout.images,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {
            "structure": "multiple_files",
            "locales": list(schema.languages),
            "default_locale": schema.languages[0],
        },
        "collections": [
            *(collection(kind, schema, layout, words, root) for kind in schema.kinds.values()),
            machine_texts(schema, layout, root),
        ],
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def page_data(schema: Schema, items: Iterable[tuple[str, str, str]], words: Words) -> Config:
    """What the editor's page tells its script (js/src/admin/): each field's type (lists are arrays there), the
    fields written in each language, and per kind the fields a file must have and the slugs of the items the
    editor does not list (``items``: (kind, slug, lang) of every file built; those with no file in the original
    language)."""
    original = schema.languages[0]
    slugs: dict[str, dict[str, set[str]]] = {}
    for kind, slug, lang in items:
        slugs.setdefault(kind, {}).setdefault(slug, set()).add(lang)
    translated = [f.name for f in schema.fields.values() if f.type.name in TRANSLATED_TYPES] + ["body"]
    return {
        "fields": {f.name: f.type.name for f in schema.fields.values()},
        "original": original,
        "translated": translated,
        # the banner of a failed build (js/src/admin/status.js): the preview's words; what a save that is refused
        # says (js/src/admin/persist.js), with {fields} and {slug} filled in there
        "words": {
            "build_failed": _both(words["preview.title"], schema.languages),
            "fix_and_save": _both(words["editor.fix_and_save"], schema.languages),
            "missing": _both(words["editor.missing"], schema.languages),
            "slug_taken": _both(words["editor.slug_taken"], schema.languages),
        },
        "kinds": {
            kind: {
                "required": [f.name for f in schema.required(kind)],
                "unlisted": sorted(s for s, langs in slugs.get(kind, {}).items() if original not in langs),
            }
            for kind in schema.kinds
        },
    }
