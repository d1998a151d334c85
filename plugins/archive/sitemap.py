"""sitemap.xml with hreflang alternates, and robots.txt pointing at it: what search engines read."""

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap_xml(site_url: str, pages: Iterable[tuple[str, Mapping[str, str], str | None]]) -> str:
    """``pages``: (site-relative URL, {lang: site-relative URL of each version}, lastmod ISO date or None)."""
    lines = [HEAD]
    for url, alternates, lastmod in sorted(pages, key=lambda page: page[0]):
        lines.append(f"  <url><loc>{_escape(site_url, url)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{lastmod}</lastmod>")
        for lang, other in sorted(alternates.items()):
            lines.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(f"{site_url}/{other}")}/>')
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    return "".join(lines)


def robots_txt(site_url: str, hidden: Iterable[str], sitemap: str) -> str:
    """``hidden``: folders of the site ("admin/") that are no pages to find, below the site's own path;
    ``sitemap``: where the sitemap is in the site."""
    base = urlsplit(site_url).path.rstrip("/")
    disallow = "".join(f"Disallow: {base}/{folder.strip('/')}/\n" for folder in sorted(hidden))
    return f"User-agent: *\n{disallow}Allow: /\n\nSitemap: {site_url}/{sitemap}\n"


def _escape(site_url: str, url: str) -> str:
    return quoteattr(f"{site_url}/{url}")[1:-1]
