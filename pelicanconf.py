"""Pelican settings for building the archive locally: relative URLs, so output/ also opens from disk."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

SITENAME = "ຄັງເອກະສານ ວາລະສານ ໄອຊີທີ"  # per-language names are in theme/strings.json
SITEURL = ""
RELATIVE_URLS = True
PATH = os.path.join(HERE, "content")
OUTPUT_PATH = os.path.join(HERE, "output")
THEME = os.path.join(HERE, "theme")
# The scripts and stylesheet as readers get them, in every build (the preview, the bundle, the published site and
# the benchmark measure the same files): esbuild's minified output. Their sources are js/src/ and theme/static/css/.
ASSETS_MINIFY = True
PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = ["archive", "lao_search", "assets", "images", "editor"]

TIMEZONE = "Asia/Vientiane"
DEFAULT_LANG = "lo"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# Every Markdown file under content/ is an article of one of the four kinds; images/ and files/ are copied as
# they are. The archive plugin rejects a Markdown file it finds anywhere Pelican would not read it.
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["images", "files"]
PAGE_PATHS = []
STATIC_PATHS = ["images", "files"]
READERS = {"html": None, "htm": None, "rst": None}  # Markdown only

ARTICLE_URL = ARTICLE_SAVE_AS = "{category}/{slug}.html"
ARTICLE_LANG_URL = ARTICLE_LANG_SAVE_AS = "{lang}/{category}/{slug}.html"
DRAFT_URL = DRAFT_SAVE_AS = "drafts/{slug}.html"
DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = "{lang}/drafts/{slug}.html"

# Listing pages and feeds of both languages are written by the archive plugin (plugins/archive/listings.py);
# Pelican's own would list only the default language.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
PAGINATED_TEMPLATES = {"listing": None}
DEFAULT_PAGINATION = 20

# Pelican's content cache in cache/: a build reads again only the Markdown that changed (plugins/archive/
# contentcache.py forgets it when Pelican, Markdown or these settings change). Not gzipped: at the back catalogue,
# gzipping it took longer than reading the Markdown it saves.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
GZIP_CACHE = False

THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = []  # the stylesheet is built with the scripts by plugins/assets
MARKDOWN = {
    "extension_configs": {
        # a column's alignment as align="…", not style="text-align: …", which the pages' CSP would refuse
        "markdown.extensions.extra": {"tables": {"use_align_attribute": True}},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
SUMMARY_MAX_LENGTH = 40
# Titles, venues and other metadata are text: escape them. Article bodies and summaries are HTML (|safe).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# The web editor at admin/ (plugins/editor): Decap CMS writing content/ through decap-server on this computer, which
# `make edit` starts on this port, serving the content folder alone (EDITOR_ROOT: content/ is its root).
# publishconf.py connects the published site's editor to the repository instead.
EDITOR_BACKEND = {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1", "branch": "main"}
EDITOR_ROOT = ""

# What only the operator knows, for search engines and reference managers (docs/site.md, "Found, shared and cited"): the
# publisher's, journal's and newspaper's names in both languages, the publisher's logo, the journal's ISSN. The
# sample site keeps the defaults of plugins/archive/settings.py; a real one sets, for example:
# ARCHIVE_ISSN = "1234-5678"
# ARCHIVE_PUBLISHER_LOGO = "images/logo.png"
