"""Metadata that reaches pages and feeds as HTML, made safe: Summary is Markdown (Pelican renders it), so its HTML
keeps inline formatting and links and loses everything else (scripts, event handlers, styles, javascript: links).
Every other field is text, escaped by the templates (Jinja's autoescape) and by the feed writer.
"""

import nh3

SUMMARY_TAGS = {"p", "a", "em", "strong", "b", "i", "code", "br", "abbr", "sub", "sup", "span"}
SUMMARY_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "span": {"lang"}}


def clean_summary(html):
    """``html`` with only the elements, attributes and URL schemes a summary may have (nh3, i.e. ammonia)."""
    return nh3.clean(html, tags=SUMMARY_TAGS, attributes=SUMMARY_ATTRIBUTES, link_rel=None)
