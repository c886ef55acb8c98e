"""HTML in, article text out: what a CMS sends, turned into paragraphs the pipeline can read.

CMS bodies are fragments (``<p>``, ``<br>``, lists, ``<figure>``, embedded scripts, ads,
inline "Baca juga" link blocks, photo credits). Whole web pages add navigation, footers and
sidebars, so they go through trafilatura's main-content extraction first. Either way the junk
is dropped from the tree (and counted), block elements become paragraph breaks, and the text
then takes the one data path every article takes (:func:`summarizer.summarize`). Nothing here
fetches anything: the input is always the markup itself.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

__all__ = ["HtmlText", "decode_html", "decode_text", "html_to_text", "is_full_page"]

# Dropped with their content: not story text, whatever is inside.
_DROP_TAGS = {
    "script": "scripts",
    "style": "scripts",
    "noscript": "scripts",
    "template": "scripts",
    "link": "scripts",
    "meta": "scripts",
    "iframe": "embeds",
    "frame": "embeds",
    "frameset": "embeds",
    "embed": "embeds",
    "object": "embeds",
    "applet": "embeds",
    "video": "embeds",
    "audio": "embeds",
    "canvas": "embeds",
    "svg": "embeds",
    "math": "embeds",
    "map": "embeds",
    "img": "images",
    "picture": "images",
    "figure": "captions",
    "figcaption": "captions",
    "form": "page_chrome",
    "button": "page_chrome",
    "input": "page_chrome",
    "select": "page_chrome",
    "textarea": "page_chrome",
    "dialog": "page_chrome",
    "nav": "page_chrome",
    "aside": "page_chrome",
    "footer": "page_chrome",
    "head": "page_chrome",
    "title": "page_chrome",
    "ins": "ads",  # <ins class="adsbygoogle">
}
# Class or id tokens of junk containers, matched per token on word boundaries so that
# "head" or "loading" never match "ad".
_JUNK_TOKEN = re.compile(
    r"(?:^|[-_])(?:"
    r"(?P<ads>ads?|adsbygoogle|advert\w*|iklan\w*|banner\w*|sponsor\w*|promo\w*|dfp|"
    r"outbrain|taboola|mgid)"
    r"|(?P<related_links>related\w*|terkait|baca-?juga|bacajuga|read-?also|lihat-?juga|"
    r"baca-?lainnya|recommend\w*|rekomendasi\w*|populer|terpopuler|trending)"
    r"|(?P<captions>caption|figcaption|wp-caption\w*|credit\w*|photo-?credit)"
    r"|(?P<embeds>embed\w*|twitter-tweet|instagram-media|tiktok-embed|video-?player)"
    r"|(?P<page_chrome>share\w*|social\w*|comments?|newsletter|subscribe|breadcrumbs?|tags)"
    r")(?:$|[-_])"
)
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "h1", "ul", "ol", "li", "dl", "dt"}
    | {"dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "address"}
    | {"center", "details", "summary", "fieldset", "hr", "body", "html"}
    | _HEADINGS
)
_READ_ALSO = re.compile(
    r"^\W*(?:baca|lihat|simak)\s+(?:juga|pula|selengkapnya|lainnya)\b|^\W*(?:artikel|berita)\s+"
    r"(?:terkait|lainnya)\b|^\W*baca\s*:",
    re.I,
)
_CREDIT_LINE = re.compile(
    r"^\W*(?:foto|photo|ilustrasi|dok(?:umentasi)?\.?|sumber\s+foto|antara\s+foto|video)\s*[:/]",
    re.I,
)
_SPACE = re.compile(r"\s+")
_PAGE = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\b|<html\b|<head\b)|<body\b", re.I | re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


@dataclass(slots=True)
class HtmlText:
    """The article text (blank lines between paragraphs), its title if the markup had one,
    what was dropped, and whether the input was a whole page."""

    text: str
    title: str | None = None
    removed: Counter = field(default_factory=Counter)
    page: bool = False


def is_full_page(markup: str) -> bool:
    """A whole web page (doctype, ``<html>``, ``<head>`` or ``<body>``) rather than a fragment."""
    return bool(_PAGE.search(markup[:5000]))


def html_to_text(markup: str) -> HtmlText:
    """Extract the article from HTML; an empty ``text`` means there was none."""
    markup = _BAD_CHARS.sub(" ", _XML_DECL.sub("", markup))
    if not markup.strip():
        return HtmlText("")
    page = is_full_page(markup)
    removed: Counter = Counter()
    root = _parse(markup, page)
    if root is None:
        return HtmlText("", page=page)
    title = _page_title(root) if page else None
    _drop_junk(root, removed)
    if page:
        main = _main_content(root)
        if main is not None:
            root = main
            _drop_junk(root, removed)  # trafilatura keeps what it thinks is content
    for heading in list(root.iter("h1", *_HEADINGS)):
        # The first <h1> is the title; sub-headings are labels, not sentences for a summary.
        if heading.tag == "h1" and title is None:
            title = _inline_text(heading) or None
        removed["headings"] += 1
        _drop(heading)
    return HtmlText(_blocks_text(root), title, +removed, page)


def _parse(markup: str, page: bool) -> lxml.html.HtmlElement | None:
    try:
        if page:
            return lxml.html.document_fromstring(markup)
        return lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return None


def _page_title(root: lxml.html.HtmlElement) -> str | None:
    for xpath in (
        "//meta[@property='og:title']/@content",
        "//h1",
        "//title",
    ):
        for hit in root.xpath(xpath):
            text = hit if isinstance(hit, str) else _inline_text(hit)
            text = _SPACE.sub(" ", text).strip()
            if text:
                return text
    return None


def _main_content(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The page's main content as HTML, by trafilatura (imported here: it is heavy to load)."""
    import trafilatura

    extracted = trafilatura.extract(
        lxml.html.tostring(root, encoding="unicode"),
        output_format="html",
        include_comments=False,
        include_images=False,
        include_tables=True,
        include_links=True,
        with_metadata=False,
        deduplicate=False,
        fast=True,
    )
    if not extracted:
        return None
    try:
        return lxml.html.document_fromstring(extracted).body
    except (lxml.etree.ParserError, ValueError):
        return None


def _drop(element: lxml.html.HtmlElement) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    if element.getparent() is not None:
        element.drop_tree()


def _junk_kind(element: lxml.html.HtmlElement) -> str | None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _DROP_TAGS:
        return _DROP_TAGS[tag]
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return "page_chrome"
    names = f"{element.get('class', '')} {element.get('id', '')}".lower().split()
    for name in names:
        if match := _JUNK_TOKEN.search(name):
            return match.lastgroup
    return None


def _link_text_share(element: lxml.html.HtmlElement, text: str) -> float:
    links = "".join(_inline_text(a) for a in element.iter("a"))
    return len(_SPACE.sub("", links)) / max(1, len(_SPACE.sub("", text)))


def _drop_junk(root: lxml.html.HtmlElement, removed: Counter) -> None:
    """Drop scripts, embeds, captions, ads, related-link blocks and credits from the tree."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments, processing instructions
            if element.getparent() is not None:
                element.drop_tree()
            continue
        if element is root or element.getparent() is None:
            continue
        if (kind := _junk_kind(element)) is not None:
            removed[kind] += 1
            _drop(element)
    _drop_read_also(root, removed)


def _drop_read_also(root: lxml.html.HtmlElement, removed: Counter) -> None:
    """ "Baca juga:" blocks, link-only paragraphs and stray photo credits."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element is root or element.getparent() is None:
            continue
        text = _SPACE.sub(" ", element.text_content()).strip()
        if not text:
            continue
        tag = element.tag
        if _READ_ALSO.match(text) and (len(text) < 300 or _link_text_share(element, text) > 0.5):
            label_only = len(text) <= 25
            if tag in _BLOCKS:
                following = element.getnext()
                _drop(element)
                removed["read_also"] += 1
                # "<p><b>Baca juga:</b></p><ul><li><a>…</a></li></ul>": the list goes too.
                if (
                    label_only
                    and following is not None
                    and following.tag in ("ul", "ol", "p")
                    and _link_text_share(following, following.text_content()) > 0.8
                ):
                    _drop(following)
            else:  # inline: "<strong>Baca juga:</strong> <a>…</a>" inside a paragraph
                following = element.getnext()
                tail_blank = not (element.tail or "").strip()
                _drop(element)
                removed["read_also"] += 1
                if label_only and tail_blank and following is not None and following.tag == "a":
                    _drop(following)
            continue
        if tag in ("p", "li", "div") and len(text) < 300:
            if _link_text_share(element, text) > 0.9 and element.find(".//p") is None:
                removed["related_links"] += 1
                _drop(element)
            elif _CREDIT_LINE.match(text) and len(text) < 200:
                removed["captions"] += 1
                _drop(element)
        elif tag in ("ul", "ol") and _link_text_share(element, text) > 0.9:
            removed["related_links"] += 1
            _drop(element)


def _inline_text(element: lxml.html.HtmlElement) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def _blocks_text(root: lxml.html.HtmlElement) -> str:
    """Text with a blank line between block elements and a line break for each ``<br>``.

    Whitespace inside a block collapses to one space as a browser would render it, so
    source-code line wrapping never splits a paragraph.
    """
    parts: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            elif tag in ("td", "th"):
                parts.append(" ")
            if element.text:
                parts.append(_SPACE.sub(" ", element.text))
        else:
            if tag in _BLOCKS:
                parts.append("\n\n")
            if element.tail and element is not root:
                parts.append(_SPACE.sub(" ", element.tail))
    return _tidy("".join(parts))


_LINE_SPACES = re.compile(r"[ \t]*\n[ \t]*")
_MANY_BREAKS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    text = _LINE_SPACES.sub("\n", text)
    text = _MANY_BREAKS.sub("\n\n", text)
    return "\n".join(line.strip() for line in text.strip().split("\n"))


# --- charsets ---------------------------------------------------------------------------

# Codecs Python knows that are not character encodings a client could mean.
_NOT_CHARSETS = {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode"}
# WHATWG: these labels mean windows-1252 on the web (it is a superset for printable text).
_WINDOWS_1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class CharsetError(ValueError):
    """The body names a charset we cannot decode with, or is not valid in its charset."""

    def __init__(self, message: str, *, unknown: bool) -> None:
        super().__init__(message)
        self.unknown = unknown


def _codec(charset: str) -> str:
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except (LookupError, ValueError, TypeError):
        name = ""
    if not name or name in _NOT_CHARSETS or not codecs.lookup(name)._is_text_encoding:
        raise CharsetError(f"unknown charset {charset!r}", unknown=True)
    return name


def decode_text(data: bytes, charset: str | None) -> str:
    """Bytes in the named charset (UTF-8 when none) as text; a byte-order mark wins.

    Raises :class:`CharsetError` for an unknown charset or bytes invalid in it.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            charset = name
            break
    name = _codec(charset or "utf-8")
    if name in _WINDOWS_1252:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")  # the five bytes cp1252 leaves undefined
    try:
        return data.decode(name)
    except UnicodeError:
        raise CharsetError(
            f"request body is not valid {charset or 'utf-8'}", unknown=False
        ) from None


def decode_html(data: bytes, charset: str | None) -> str:
    """HTML bytes as text: the transport charset, else ``<meta charset>``, else UTF-8."""
    if charset is None:
        match = _META_CHARSET.search(data[:2048])
        if match:
            try:
                charset = _codec(match.group(1).decode("ascii"))
            except CharsetError:
                charset = None  # a page's wrong meta tag is no reason to refuse it
    return decode_text(data, charset)
