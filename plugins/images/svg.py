"""SVG files made inert before they are published: an SVG opened full size is a document of the site's origin, and
one with a script, an event handler or a foreignObject would run there (and read the web editor's sign-in).

The file is read by a real XML parser (defusedxml: no entity declarations, nothing fetched) and written again
with only what ALLOWED names: SVG elements that draw, their presentation and geometry attributes, links to
within the file (``href="#id"``, ``url(#id)``) and embedded raster images. Everything else goes with all it
holds: scripts, handlers, animation (which can set an href), foreignObject, other namespaces (Inkscape's,
RDF metadata), comments, processing instructions (an XSLT stylesheet) and any reference outside the file. What
went is told (``inert`` returns it), so that it does not vanish silently. Sanitised, not rasterised: a vector
stays sharp at every size and small (docs/development.md, "Bad input").
"""

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .thumbs import Unreadable

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
READ = "read as an SVG image"  # what the archive's check of a Cover or page that is an SVG is called

DRAWING = {
    *("svg", "g", "defs", "symbol", "use", "switch", "title", "desc"),
    *("path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "image"),
    *("linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "style", "filter"),
}
FILTERS = {
    *("feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting"),
    *("feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR"),
    *("feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight"),
    *("feSpecularLighting", "feSpotLight", "feTile", "feTurbulence"),
}
ELEMENTS = DRAWING | FILTERS
UNWRAPPED = {"a"}  # a link: its drawing is kept, not the link (which could be javascript:)

GEOMETRY = {
    *("id", "class", "style", "lang", "transform", "viewBox", "preserveAspectRatio", "width", "height", "x", "y"),
    *("x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength"),
    *("dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side", "version"),
    *("gradientUnits", "gradientTransform", "spreadMethod", "offset", "patternUnits", "patternContentUnits"),
    *("patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "markerUnits", "markerWidth"),
    *("markerHeight", "refX", "refY", "orient", "filterUnits", "primitiveUnits", "result", "in", "in2", "mode"),
    *("operator", "k1", "k2", "k3", "k4", "stdDeviation", "edgeMode", "type", "values", "tableValues", "slope"),
    *("intercept", "amplitude", "exponent", "scale", "xChannelSelector", "yChannelSelector", "radius", "order"),
    *("kernelMatrix", "divisor", "bias", "targetX", "targetY", "preserveAlpha", "surfaceScale", "baseProfile"),
    *("diffuseConstant", "specularConstant", "specularExponent", "kernelUnitLength", "azimuth", "elevation"),
    *("z", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "baseFrequency", "numOctaves", "seed"),
    *("stitchTiles", "role", "aria-label", "aria-hidden", "focusable", "systemLanguage", "enable-background"),
}
PRESENTATION = {
    *("alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color", "color-interpolation"),
    *("color-interpolation-filters", "direction", "display", "dominant-baseline", "fill", "fill-opacity"),
    *("fill-rule", "filter", "flood-color", "flood-opacity", "font", "font-family", "font-size", "font-style"),
    *("font-size-adjust", "font-stretch", "font-variant", "font-weight", "image-rendering", "letter-spacing"),
    *("lighting-color", "marker", "marker-start", "marker-mid", "marker-end", "mask", "opacity", "overflow"),
    *("paint-order", "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke"),
    *("stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit"),
    *("stroke-opacity", "stroke-width", "text-anchor", "text-decoration", "text-rendering", "unicode-bidi"),
    *("vector-effect", "visibility", "word-spacing", "writing-mode", "mix-blend-mode", "isolation"),
    *("transform-origin", "glyph-orientation-horizontal", "glyph-orientation-vertical"),
}
ATTRIBUTES = GEOMETRY | PRESENTATION | {f"{{{XML}}}space", f"{{{XML}}}lang"}
HREFS = {"href", f"{{{XLINK}}}href"}  # written back as href (SVG 2): no xlink namespace in the output

_LOCAL = re.compile(r"#[\w.:-]*")  # a fragment of this file
_RASTER = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*")  # pictures inside the file
_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
_IMPORT = re.compile(r"@import\b[^;]*;?", re.IGNORECASE)


def _name(qualified: str) -> str:
    """``{namespace}local`` as the file wrote it, near enough: svg:local, xlink:href, inkscape:label, local."""
    namespace, _, local = qualified[1:].rpartition("}") if qualified.startswith("{") else ("", "", qualified)
    prefix = {"": "", SVG: "", XLINK: "xlink:", XML: "xml:"}.get(namespace, f"{namespace.rsplit('/', 1)[-1]}:")
    return prefix + local


def _local_only(css: str) -> str:
    """CSS (a style attribute or element) with no @import, and no url() but of this file: others become none."""
    css = _IMPORT.sub("", css)
    return _URL.sub(lambda m: m.group(0) if _LOCAL.fullmatch(m.group(2)) else "none", css)


def _href(tag: str, value: str) -> str | None:
    value = value.strip()
    if _LOCAL.fullmatch(value):
        return value
    if tag in ("image", "feImage") and _RASTER.fullmatch(value):
        return value
    return None


class _Cleaner:
    def __init__(self) -> None:
        self.dropped: list[str] = []  # names of what went, as the file wrote them, in order, each once

    def drop(self, name: str) -> None:
        if name not in self.dropped:
            self.dropped.append(name)

    def element(self, node: ET.Element) -> ET.Element:
        """A copy of ``node`` (an SVG element of ELEMENTS) with only what may stay."""
        tag = node.tag.removeprefix(f"{{{SVG}}}")
        copy = ET.Element(tag)  # the namespace once, on the root (ElementTree would name it ns0: everywhere)
        for name, value in node.attrib.items():
            kept = self.attribute(tag, name, value)
            if kept is None:
                self.drop(_name(name) + "=")
            else:
                copy.set(*kept)
        copy.text = node.text if tag != "style" else _local_only("".join(node.itertext()))
        if tag != "style":
            self.children(node, copy)
        return copy

    def attribute(self, tag: str, name: str, value: str) -> tuple[str, str] | None:
        if name in HREFS:
            href = _href(tag, value)
            return None if href is None else ("href", href)
        if name not in ATTRIBUTES:
            return None
        if name == "style":
            return name, _local_only(value)
        if "url(" in value.lower() and any(not _LOCAL.fullmatch(m.group(2)) for m in _URL.finditer(value)):
            return None  # fill="url(https://…)": a reference outside the file
        return name, value

    def children(self, node: ET.Element, copy: ET.Element) -> None:
        """Append to ``copy`` the kept children of ``node``; the text after a dropped one stays where it was."""
        for child in node:
            tag = child.tag.removeprefix(f"{{{SVG}}}") if isinstance(child.tag, str) else None
            if tag in ELEMENTS and child.tag.startswith(f"{{{SVG}}}"):
                kept = self.element(child)
                kept.tail = child.tail
                copy.append(kept)
                continue
            if tag in UNWRAPPED and child.tag.startswith(f"{{{SVG}}}"):
                self.drop("<a>")
                self.children(child, copy)  # its drawing, without the link
            else:
                self.drop(f"<{_name(child.tag)}>" if tag else "comment")
            _add_text(copy, child.tail)


def _add_text(parent: ET.Element, text: str | None) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def inert(data: bytes) -> tuple[bytes, list[str]]:
    """(the SVG document ``data`` (bytes) written again with only what may stay, as UTF-8 bytes; the names of what
    went, in order). Raises Unreadable, saying why, when ``data`` is no SVG document."""
    try:
        root = fromstring(data)
    except ET.ParseError as error:
        raise Unreadable(f"it is not well-formed XML ({error})") from None
    except DefusedXmlException:
        raise Unreadable("it declares XML entities, which an image must not: save it again without them") from None
    if root.tag != f"{{{SVG}}}svg":
        raise Unreadable(f'its root element is <{_name(root.tag)}>, not <svg xmlns="{SVG}">: save it as an SVG image')
    cleaner = _Cleaner()
    svg = cleaner.element(root)
    svg.attrib = {"xmlns": SVG, **svg.attrib}
    text = ET.tostring(svg, encoding="unicode")
    return (text + "\n").encode("utf-8"), cleaner.dropped


def check(path: str) -> bool:
    """For the archive's check of a field naming an SVG: raises Unreadable when the file at ``path`` is none."""
    with open(path, "rb") as f:
        inert(f.read())
    return True
