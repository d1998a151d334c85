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
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# Where everything of the site is: plugins/archive/layout.py reads these settings once (SiteLayout), and the
# plugins, templates, tools and benchmarks read it; change them here and nowhere else.
# The site's languages, the default first: its pages at the root, every other language's in its folder. A new
# language also needs its words: a table in theme/strings.json, its labels in plugins/archive/fields.py, and its
# names of the publisher, journal and newspaper (ARCHIVE_PUBLISHER, ARCHIVE_JOURNAL, ARCHIVE_NEWSPAPER).
ARCHIVE_LANGUAGES = ("lo", "en")
DEFAULT_LANG = ARCHIVE_LANGUAGES[0]
ARCHIVE_LANGUAGE_FOLDER = "{lang}/"
# An item's page, the same in every language's folder (Pelican's own settings). Pages as folders would be
# ARTICLE_URL = "{category}/{slug}/" with ARTICLE_SAVE_AS = "{category}/{slug}/index.html" (then a page opened from
# disk shows a folder, not the item: the offline bundle needs links to files).
ARTICLE_URL = ARTICLE_SAVE_AS = "{category}/{slug}.html"
ARTICLE_LANG_URL = ARCHIVE_LANGUAGE_FOLDER + ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARCHIVE_LANGUAGE_FOLDER + ARTICLE_SAVE_AS
DRAFT_URL = DRAFT_SAVE_AS = "drafts/{slug}.html"
DRAFT_LANG_URL = ARCHIVE_LANGUAGE_FOLDER + DRAFT_URL
DRAFT_LANG_SAVE_AS = ARCHIVE_LANGUAGE_FOLDER + DRAFT_SAVE_AS
# The archive's own pages (home, lists, search, feeds, 404…) are where the table PAGES of plugins/archive/layout.py
# puts them in each language's folder; ARCHIVE_PAGES = {"search": "find.html"} would move one.
# The preview (`make serve`; Pelican's own --listen reads them too), and the web editor's local backend below.
BIND = "127.0.0.1"
PORT = 8000

# Every Markdown file under content/ is an article of one of the four kinds; the folders of pictures and of other
# files (PDFs) are copied as they are, and are where the web editor and the importers put them. The archive plugin
# rejects a Markdown file it finds anywhere Pelican would not read it.
ARCHIVE_IMAGES = "images"
ARCHIVE_FILES = "files"
STATIC_PATHS = [ARCHIVE_IMAGES, ARCHIVE_FILES]
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = [*STATIC_PATHS]
PAGE_PATHS = []
READERS = {"html": None, "htm": None, "rst": None}  # Markdown only

# Listing pages and feeds of every language are written by the archive plugin (plugins/archive/listings.py);
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
# auto_reload off: Jinja would otherwise ask the file system each time a template includes another (some 30 times a
# page); every build makes its generators' Environment anew, so a preview still sees an edited template.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False}

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
