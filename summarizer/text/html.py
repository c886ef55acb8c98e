"""HTML in, article text out: what a CMS sends, turned into paragraphs the pipeline can read.

CMS bodies are fragments (``<p>``, ``<br>``, lists, ``<figure>``, embedded scripts, ads,
inline "Baca juga" link blocks, photo credits). Whole web pages add navigation, footers and
sidebars, so they go through trafilatura's main-content extraction first. Either way the junk
is dropped from the tree (and counted, see :mod:`summarizer.text.html_junk`), block elements
become paragraph breaks, and the text then takes the one data path every article takes
(:func:`summarizer.summarize`). Nothing here fetches anything: the input is the markup itself.

Bounds, so that no markup within the request limit costs seconds (benchmarks/pathological.py):

- a start tag keeps its first :data:`MAX_ATTRIBUTES` attributes: libxml2 compares each
  attribute's name with every earlier one's, and 64,000 attributes in one tag never parsed;
- only the first :data:`MAX_ELEMENTS` elements of the tree (after the junk is gone) are
  read: every later pass takes Python time per element;
- trafilatura reads a page of at most :data:`MAX_EXTRACT_ELEMENTS` elements and
  :data:`MAX_EXTRACT_CHARS` characters of text (its time grows with both: about a second
  for the most it is given here, on a busy machine); a larger page is read whole, its junk
  dropped as usual;
- libxml2 itself drops what is nested more than 255 elements deep.

Each bound that cut something adds a note to :attr:`HtmlText.notes` (the API's warnings).
The tree is built by ``lxml.etree`` without ``lxml.html``'s element classes, whose class
lookup ran Python code for every element touched.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

import lxml.etree

from .html_junk import BLOCKS, HEADINGS, drop_junk_elements, drop_marked, drop_read_also, mark
from .markup import is_full_page

__all__ = [
    "MAX_ATTRIBUTES",
    "MAX_ELEMENTS",
    "MAX_EXTRACT_CHARS",
    "MAX_EXTRACT_ELEMENTS",
    "HtmlText",
    "html_to_text",
]

MAX_ATTRIBUTES = 64
MAX_ELEMENTS = 10_000
MAX_EXTRACT_ELEMENTS = 5_000
MAX_EXTRACT_CHARS = 300_000

_SPACE = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_STRING = lxml.etree.XPath("string()")

# A start tag the way libxml2 reads one: a name, then attributes (name, optionally "=" and a
# value) after blanks, slashes or nothing (a="1"b="2" is two), and stray quotes or "=" as
# attributes of their own. Every part is possessive or atomic, so a tag is read once.
_ATTRIBUTE = r"""[\s/]*+(?:[^\s/>"'=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?+|["'=])"""
_CROWDED_TAG = re.compile(
    rf"(<[A-Za-z][\w:.-]*+(?>(?:{_ATTRIBUTE}){{{MAX_ATTRIBUTES}}}))(?:{_ATTRIBUTE})++"
)

NOTE_DEEP = "the HTML nests elements more than 255 deep; what lay deeper was not read"
NOTE_ELEMENTS = (
    f"the HTML holds more than {MAX_ELEMENTS:,} elements; only the first {MAX_ELEMENTS:,} were read"
)
NOTE_PAGE = (
    f"the page is too large for main-content extraction (more than {MAX_EXTRACT_ELEMENTS:,} "
    f"elements or {MAX_EXTRACT_CHARS:,} characters of text): all of its text was read, "
    "without its navigation and other junk"
)


@dataclass(slots=True)
class HtmlText:
    """The article text (blank lines between paragraphs), its title if the markup had one,
    what was dropped, whether the input was a whole page, and what a bound cut."""

    text: str
    title: str | None = None
    removed: Counter = field(default_factory=Counter)
    page: bool = False
    notes: list[str] = field(default_factory=list)


def html_to_text(markup: str) -> HtmlText:
    """Extract the article from HTML; an empty ``text`` means there was none."""
    markup = _BAD_CHARS.sub(" ", _XML_DECL.sub("", markup))
    if not markup.strip():
        return HtmlText("")
    page = is_full_page(markup)
    parser = lxml.etree.HTMLParser(remove_comments=True, remove_pis=True)  # one per call
    root = _parse(_CROWDED_TAG.sub(r"\1", markup), page, parser)
    if root is None:
        return HtmlText("", page=page)
    notes = [NOTE_DEEP] if any("Excessive depth" in e.message for e in parser.error_log) else []
    title = _page_title(root) if page else None
    removed: Counter = Counter()
    _drop_junk(root, removed, notes)
    if page:
        if (
            _more_than(root, MAX_EXTRACT_ELEMENTS) is not None
            or len(_STRING(root)) > MAX_EXTRACT_CHARS
        ):
            notes.append(NOTE_PAGE)
        elif (main := _main_content(root, parser)) is not None:
            root = main
            _drop_junk(root, removed, notes)  # trafilatura keeps what it thinks is content
    for heading in list(root.iter("h1", *HEADINGS)):
        # The first <h1> is the title; sub-headings are labels, not sentences for a summary.
        if heading.tag == "h1" and title is None:
            title = _inline_text(heading) or None
        removed["headings"] += 1
        mark(heading)
    drop_marked(root)
    return HtmlText(_blocks_text(root), title, +removed, page, notes)


def _parse(markup: str, page: bool, parser: lxml.etree.HTMLParser) -> lxml.etree._Element | None:
    """The page's ``<html>``, or a ``<div>`` holding the fragment (as lxml.html builds it)."""
    try:
        if page:
            return lxml.etree.fromstring(markup, parser)
        doc = lxml.etree.fromstring(f"<html><body>{markup}</body></html>", parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None
    body = doc.find("body") if doc is not None else None
    if body is None:
        return None
    root = parser.makeelement("div")
    if body.text and body.text.strip():
        root.text = body.text
    root.extend(body)
    return root


def _drop_junk(root: lxml.etree._Element, removed: Counter, notes: list[str]) -> None:
    """Junk elements out, the tree cut to MAX_ELEMENTS, then the junk only text tells."""
    drop_junk_elements(root, removed)
    _cap(root, notes)
    drop_read_also(root, removed)


def _more_than(root: lxml.etree._Element, limit: int) -> lxml.etree._Element | None:
    """The element after the first ``limit`` of the tree (document order), if there is one."""
    return next(islice(root.iter(), limit, None), None)


def _cap(root: lxml.etree._Element, notes: list[str]) -> None:
    """Cut the tree after its first MAX_ELEMENTS elements (in document order)."""
    first_cut = _more_than(root, MAX_ELEMENTS)
    if first_cut is None:
        return
    node, keep = first_cut, 0  # at the first level the cut element goes too
    while node is not root:  # what follows at every level goes, tails included
        parent = node.getparent()
        del parent[parent.index(node) + keep :]
        node, keep = parent, 1
    if NOTE_ELEMENTS not in notes:
        notes.append(NOTE_ELEMENTS)


def _page_title(root: lxml.etree._Element) -> str | None:
    for xpath in (
        "(//meta[@property='og:title'])[position() <= 10]/@content",
        "(//h1)[position() <= 10]",
        "(//title)[position() <= 10]",
    ):
        for hit in root.xpath(xpath):
            text = hit if isinstance(hit, str) else _inline_text(hit)
            text = _SPACE.sub(" ", text).strip()
            if text:
                return text
    return None


def _main_content(
    root: lxml.etree._Element, parser: lxml.etree.HTMLParser
) -> lxml.etree._Element | None:
    """The page's main content as HTML, by trafilatura (imported here: it is heavy to load)."""
    import trafilatura

    extracted = trafilatura.extract(
        lxml.etree.tostring(root, encoding="unicode", method="html"),
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
        doc = lxml.etree.fromstring(extracted, parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None
    return doc.find("body") if doc is not None else None


def _inline_text(element: lxml.etree._Element) -> str:
    return _SPACE.sub(" ", _STRING(element)).strip()


def _blocks_text(root: lxml.etree._Element) -> str:
    """Text with a blank line between block elements and a line break for each ``<br>``.

    Whitespace inside a block collapses to one space as a browser would render it, so
    source-code line wrapping never splits a paragraph.
    """
    parts: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in BLOCKS:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            elif tag in ("td", "th"):
                parts.append(" ")
            if element.text:
                parts.append(_SPACE.sub(" ", element.text))
        else:
            if tag in BLOCKS:
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
