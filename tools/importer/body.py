"""An imported post's HTML as clean Markdown.

Three steps, each on its own: WordPress's shortcodes (``[caption]``, ``[gallery]``…, which are text, not HTML)
become HTML or go; the HTML is parsed (BeautifulSoup) and cleaned as a tree (block-editor comments, scripts,
frames, styles, event handlers, empty paragraphs, links that run code); markdownify writes it as Markdown, with
every link and picture passed through ``rewrite`` (uploads to files copied into content/, posts to {filename}
links). Content is untrusted: nothing that runs survives, and text that looks like HTML stays text.
"""

import re
import unicodedata
from collections.abc import Callable
from html import escape
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from markdownify import ATX, MarkdownConverter

from archive.metadata import CONTROL

# gallery(ids): the addresses of the attachments of those ids (with none: of the post's own)
Gallery = Callable[[list[str]], list[str]]

# Gone with all they hold: what runs, what draws from elsewhere, what a form asks for.
REMOVED = (
    *("script", "style", "noscript", "template", "object", "embed", "applet", "form", "input", "button"),
    *("select", "textarea", "svg", "math", "canvas", "head", "meta", "link", "base", "frameset", "frame"),
)
BLOCKS = (
    *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "table", "blockquote", "pre"),
    *("figure", "hr", "address", "section", "article", "aside", "header", "footer", "nav", "details", "iframe"),
)
# Gone when they hold nothing to read or see.
EMPTIED = (
    *("p", "div", "span", "figure", "figcaption", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6"),
    *("strong", "em", "b", "i", "a"),
)
# Where a fenced code block stays one (markdownify writes these as blocks at the top of the document).
TOP_LEVEL = ("[document]", "div", "section", "article", "main", "aside", "header", "footer", "nav", "figure")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")

# A shortcode: [name attributes] … [/name], or [name attributes /], as WordPress's get_shortcode_regex() reads it
# (names of letters, digits, "_" and "-"; [[name]] is an escaped one, written as [name]).
_SHORTCODE = re.compile(
    r"\[(?P<open>\[?)(?P<name>[A-Za-z][\w-]*)(?P<attrs>(?:\s[^\]]*?)?)\s*(?P<self>/)?\]"
    r"(?:(?P<inner>.*?)\[/(?P=name)\])?(?P<close>\]?)",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
# Names WordPress and common plugins register; any other [word] is text unless it has attributes or a closing tag.
KNOWN_SHORTCODES = {
    *("toc", "divider", "clear", "spacer", "separator", "row", "column", "button", "tabs", "tab", "accordion"),
    *("caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist", "audio", "wpvideo"),
    *("vc_row", "vc_column", "vc_column_text", "et_pb_section", "et_pb_row", "et_pb_column", "et_pb_text"),
    *("contact-form-7", "fusion_builder_container", "su_note", "su_button", "pdf-embedder", "pdfjs-viewer"),
}
# The elements wpautop() keeps out of paragraphs (its $allblocks), with the frame this import reads as a block.
WP_BLOCKS = (
    *("table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th", "div", "dl", "dd", "dt"),
    *("ul", "ol", "li", "pre", "form", "map", "area", "blockquote", "address", "math", "style", "p", "h[1-6]", "hr"),
    *("fieldset", "legend", "section", "article", "aside", "hgroup", "header", "footer", "nav", "figure"),
    *("figcaption", "details", "menu", "summary", "iframe"),
)
_BLOCK_OPEN = re.compile(r"(<(?:" + "|".join(WP_BLOCKS) + r")[\s/>])", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(r"(</(?:" + "|".join(WP_BLOCKS) + r")>)", re.IGNORECASE)
_BLOCK_START = re.compile(r"^\s*</?(?:" + "|".join(WP_BLOCKS) + r")[\s/>]", re.IGNORECASE)
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)
# An address of the old site's uploads written out in the text (WordPress makes no link of it).
_UPLOAD_IN_TEXT = re.compile(r"((?:https?:)?//[^\s<>\"']+/wp-content/uploads/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])")
# Where a line ends without ending a line of text: elements of their own, in plain text (titles, excerpts).
SEPARATE = (*BLOCKS, "br", "td", "th", "tr", "dt", "dd", "figcaption", "caption", "summary")


def attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTRIBUTE.finditer(text)}


def expand_shortcodes(text: str, gallery: Gallery = lambda ids: []) -> str:
    """``text`` with its shortcodes as HTML: a caption as a figure with its caption, a gallery as its pictures
    (``gallery(ids)``: the addresses of the attachments of those ids, or with none, of the post's own), an embed or
    a media file as a link; any other one unwrapped, its content kept."""

    def replace(match: re.Match[str]) -> str:
        name, inner = match.group("name"), match.group("inner") or ""
        attrs = attributes(match.group("attrs") or "")
        if match.group("open") and match.group("close"):
            return match.group(0)[1:-1]  # [[name]]: written as is
        if not attrs and match.group("inner") is None and not _bare_shortcode(name, match, text):
            return match.group(0)  # "[sic]" in a sentence: text
        inner = expand_shortcodes(inner, gallery)
        lower = name.lower()
        if lower in ("caption", "wp_caption"):
            return _caption(inner, attrs.get("caption", ""))
        if lower == "gallery":
            urls = gallery([i.strip() for i in attrs.get("ids", "").split(",") if i.strip()])
            return "".join(f'<p><img src="{escape(u)}" alt=""></p>' for u in urls if u)
        if lower in ("embed", "video", "audio", "wpvideo", "playlist"):
            url = attrs.get("src") or attrs.get("url") or next((v for k, v in attrs.items() if k in MEDIA), "")
            url = url or inner.strip()
            return (
                f'<p><a href="{escape(url)}">{escape(url)}</a></p>'
                if url.startswith(("http://", "https://", "/"))
                else ""
            )
        return inner

    return _SHORTCODE.sub(replace, text)


def _bare_shortcode(name: str, match: re.Match[str], text: str) -> bool:
    """Whether ``[name]``, with neither attributes nor a closing tag, is a shortcode rather than words in brackets:
    a name WordPress or a common plugin registers, a plugin's name (``[vc_row]``, ``[contact-form-7]``), or one
    alone on its line."""
    if name.lower() in KNOWN_SHORTCODES or "_" in name or "-" in name:
        return True
    before = text[: match.start()].rstrip(" \t")
    after = text[match.end() :].lstrip(" \t")
    return (not before or before.endswith(("\n", ">"))) and (not after or after.startswith(("\n", "<")))


MEDIA = ("mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a", "flv", "wmv")


def _caption(inner: str, caption: str) -> str:
    """[caption]<img …> The caption[/caption]: the picture (or the link around it) then its text."""
    soup = BeautifulSoup(inner, "html.parser")
    picture = soup.find("a") if soup.find("a") and soup.find("a").find("img") else soup.find("img")  # type: ignore[union-attr]
    if picture is not None:
        picture.extract()
    text = caption or soup.get_text(" ", strip=True)
    return f"<figure>{picture or ''}<figcaption>{text}</figcaption></figure>"


def autop(text: str) -> str:
    """The classic editor's text as WordPress shows it (its wpautop): a block element (a list, a heading, a
    figure) stands apart from the text around it; a blank line ends a paragraph; a line break inside one is a
    <br>; a <pre> is kept as written."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"<pre data-kept={len(kept) - 1}></pre>"

    text = _PRE.sub(keep, text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BLOCK_CLOSE.sub("\\1\n\n", _BLOCK_OPEN.sub("\n\n\\1", text))
    out: list[str] = []
    for part in re.split(r"\n\s*\n", text):
        part = part.strip()
        if not part:
            continue
        pieces = re.split(r"(<[^>]*>)", part)  # a line break inside a tag is no <br>
        part = "".join(p if p.startswith("<") else re.sub(r"[ \t]*\n", "<br>\n", p) for p in pieces)
        out.append(part if _BLOCK_START.match(part) else f"<p>{part}</p>")
    html = "\n".join(out)
    return re.sub(r"<pre data-kept=([0-9]+)></pre>", lambda m: kept[int(m.group(1))], html)


def is_block_editor(html: str) -> bool:
    return "<!-- wp:" in html


# The few `type: ignore`s of this module: bs4 types every attribute's value as maybe a list (class is one; src,
# href and alt are not), and markdownify's stub leaves out the methods its converters override.
class _Converter(MarkdownConverter):
    """markdownify with the archive's choices: text that looks like markup stays text (``<`` written ``&lt;``)."""

    def escape(self, text: str, parent_tags: set[str]) -> str:
        """Also what would make text into markup: ``<`` (HTML), an entity, ``{`` (attribute lists), and the
        ``](``, ``][``, ``]:`` of a link written out as text (``[x](javascript:…)`` stays words)."""
        text = super().escape(text, parent_tags)  # type: ignore[misc]
        if "_noformat" in parent_tags:  # code: Markdown shows it as written
            return text
        text = text.replace("&", "&amp;") if re.search(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);", text) else text
        text = re.sub(r"\](?=[(\[:])", r"\\]", text)
        return text.replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")

    def convert_figure(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A figure is a block of its own (a gallery's pictures one under another), as a paragraph is."""
        return f"\n\n{text.strip()}\n\n" if "_inline" not in parent_tags else text

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        alt = " ".join((el.attrs.get("alt") or "").split()).replace("[", "(").replace("]", ")")  # type: ignore[union-attr]
        el.attrs["alt"] = alt
        return super().convert_img(el, text, parent_tags)  # type: ignore[misc]


CONVERTER = _Converter(
    heading_style=ATX,
    bullets="-",
    keep_inline_images_in=["a", "td", "th", "p", "span", "em", "strong", "b", "i", "figure"],
    autolinks=False,
)


def to_markdown(
    html: str,
    rewrite: Callable[[str, bool], str | None],
    gallery: Gallery = lambda ids: [],
    alt_of: Callable[[str | None, str], str] = lambda attachment, src: "",
) -> tuple[str, list[str]]:
    """(Markdown of ``html``, [note]): ``rewrite(url, picture)`` gives the address to write for a link or a picture
    (``picture``: True for an <img>), or None to drop it (a link keeps its text, a picture its alt text); notes say
    what was changed that an operator may want to know. ``alt_of(attachment id or None, address)``: the alt text
    of the attachment a picture WordPress shows without one is (its class ``wp-image-ID`` names it, else its
    address)."""
    notes: list[str] = []
    html = expand_shortcodes(html, gallery)
    if not is_block_editor(html):
        html = autop(html)
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for frame in soup.find_all(("iframe", "video", "audio")):  # a frame, the block editor's video and audio
        source = frame if frame.get("src") else frame.find("source", src=True)
        src = (source.get("src") or "").strip() if source else ""  # type: ignore[union-attr]
        if src and _scheme(src) in ("http", "https", *(() if frame.name == "iframe" else ("",))):
            link = soup.new_tag("a", href=src)
            link.string = src if frame.name == "iframe" else urlsplit(src).path.rsplit("/", 1)[-1] or src
            paragraph = soup.new_tag("p")
            paragraph.append(link)
            frame.replace_with(paragraph)
            notes.append(f"an embedded {'frame' if frame.name == 'iframe' else frame.name} became a link to {src}")
        else:
            frame.decompose()
    for image in soup.find_all("img"):
        attachment = re.search(r"\bwp-image-([0-9]+)\b", " ".join(image.get_attribute_list("class")))
        if not (image.get("alt") or "").strip():  # type: ignore[union-attr]
            image["alt"] = alt_of(attachment and attachment.group(1), image.get("src") or "") or ""  # type: ignore[arg-type]
    for mark in soup.find_all("sup", attrs={"data-fn": True}):  # the block editor's footnote mark: its number
        mark.replace_with(NavigableString(f"[{mark.get_text().strip()}]"))
    for tag in soup.find_all(REMOVED):
        notes.append(f"removed a <{tag.name}>")
        tag.decompose()
    for tag in soup.find_all(True):
        tag.attrs = {k: v for k, v in tag.attrs.items() if k in ("href", "src", "alt", "title")}
    for block in soup.find_all(("p", "div", "figure")):  # an embed (oEmbed): an address alone on its line
        text = block.get_text().strip()
        if not block.find(True) and re.fullmatch(r"https?://\S+", text):
            link = soup.new_tag("a", href=text)
            link.string = text
            block.clear()
            block.append(link)
    for text in soup.find_all(string=_UPLOAD_IN_TEXT):  # an upload's address written out: a link to the file
        if not text.find_parent(("a", "code", "pre")):
            pieces = _UPLOAD_IN_TEXT.split(str(text))
            for n, piece in enumerate(pieces):
                if n % 2:
                    link = soup.new_tag("a", href=piece)
                    link.string = piece.rsplit("/", 1)[-1]
                    text.insert_before(link)
                elif piece:
                    text.insert_before(NavigableString(piece))
            text.extract()
    for pre in soup.find_all("pre"):  # Python-Markdown reads a fenced block only at the top: elsewhere, text
        if any(parent.name not in TOP_LEVEL for parent in pre.parents) or re.search(r"```|~~~", pre.get_text()):
            paragraph = soup.new_tag("p")
            for n, line in enumerate(pre.get_text().split("\n")):
                if n:
                    paragraph.append(soup.new_tag("br"))
                paragraph.append(NavigableString(line))
            pre.replace_with(paragraph)
    for code in soup.find_all("code"):  # a code span that an element, a line break or a backtick could end: text
        if not code.find_parent("pre") and (code.find(True) or re.search("[<&`\n]", code.get_text())):
            code.unwrap()
    for image in soup.find_all("img"):
        _rewrite_picture(image, rewrite)
    for link in soup.find_all("a"):
        href = (link.get("href") or "").strip()  # type: ignore[union-attr]
        # "#…": a place in the page, whose id the import does not keep (a footnote mark, a table of contents)
        safe = href and not href.startswith("#") and _scheme(href) in (*SAFE_SCHEMES, "")
        target = rewrite(href, False) if safe else None
        if target:
            link["href"] = target
            if _UPLOAD_IN_TEXT.fullmatch(link.get_text().strip()) and not link.find("img"):
                link.string = target.rsplit("/", 1)[-1]  # the old address as its text: the file's name instead
        else:
            link.unwrap()
    for text in soup.find_all(string=True):
        if "\xa0" in text:
            text.replace_with(NavigableString(text.replace("\xa0", " ")))
    _remove_empty(soup)
    markdown = CONVERTER.convert_soup(soup)
    return tidy(markdown), notes


def _rewrite_picture(image: Tag, rewrite: Callable[[str, bool], str | None]) -> None:
    src = (image.get("src") or "").strip()  # type: ignore[union-attr]
    target = rewrite(src, True) if src and _scheme(src) in ("http", "https", "") else None
    if target:
        image["src"] = target
        return
    alt = (image.get("alt") or "").strip()  # type: ignore[union-attr]
    image.replace_with(NavigableString(alt) if alt else "")


def _scheme(url: str) -> str:
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return "invalid"


def _remove_empty(soup: BeautifulSoup) -> None:
    """Paragraphs and other blocks with nothing to read or see in them (WordPress's <p>&nbsp;</p>)."""
    for tag in reversed(soup.find_all(EMPTIED)):
        if not tag.get_text(strip=True) and not tag.find(("img", "br", "hr", "table")):
            tag.decompose()


def tidy(markdown: str) -> str:
    """NFC (never NFKC: it would spell ໜ as ຫນ), no control character (a feed cannot carry one), no space at line
    ends but a Markdown line break, at most one blank line in a row, one newline at the end."""
    markdown = CONTROL.sub("", unicodedata.normalize("NFC", markdown))
    lines: list[str] = []
    for line in markdown.split("\n"):
        stripped = line.rstrip()
        lines.append(stripped + "  " if line.endswith("  ") and stripped else stripped)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    text = re.sub(r"  (?=\n\n|$)", "", text)  # a line break before a blank line or the end means nothing
    return text + "\n" if text else ""


def plain_text(html: str | None) -> str:
    """HTML (a title, an excerpt) as one line of text: words an inline element holds stay as written
    (``<b>Oudomxay</b>.``, a Lao word half in bold), an element of its own is apart from what is around it."""
    soup = BeautifulSoup(expand_shortcodes(html or ""), "html.parser")
    for tag in soup.find_all(REMOVED):
        tag.decompose()
    for tag in soup.find_all(SEPARATE):
        tag.insert_before(" ")
        tag.insert_after(" ")
    text = soup.get_text("")
    return " ".join(unicodedata.normalize("NFC", text).replace("\xa0", " ").split())
