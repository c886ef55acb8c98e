"""What in an HTML tree is not the story: scripts, embeds, captions, ads, "Baca juga" blocks.

:func:`drop_junk_elements` (by tag, class or id) and :func:`drop_read_also` (by text)
remove it from a parsed tree and count it by kind (the API reports the counts). Every pass here is linear in the size of the tree, whatever its shape:

- An element is marked when it is found, and all marked elements go at once
  (:func:`drop_marked`). Removing them one by one appended each one's tail text to its
  neighbour's, which for ten thousand ads in a row copied that text ten thousand times.
- The text tests ("does it start with *Baca juga*", "is it under 300 characters, mostly
  link text") read figures computed for every element in one bottom-up pass
  (:func:`_text_figures`), not the element's whole text: inside 255 nested ``<div>`` each
  element's text is nearly the whole document.

The decisions are those of reading each element's text in document order while removing
as it goes: a removal never changes the text of an element visited later.
"""

from __future__ import annotations

import re
from collections import Counter

import lxml.etree

__all__ = ["BLOCKS", "HEADINGS", "drop_junk_elements", "drop_marked", "drop_read_also", "mark"]

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
# "head" or "loading" never match "ad" (blanks part the tokens of "class id").
_JUNK_TOKEN = re.compile(
    r"(?:^|[-_\s])(?:"
    r"(?P<ads>ads?|adsbygoogle|advert\w*|iklan\w*|banner\w*|sponsor\w*|promo\w*|dfp|"
    r"outbrain|taboola|mgid)"
    r"|(?P<related_links>related\w*|terkait|baca-?juga|bacajuga|read-?also|lihat-?juga|"
    r"baca-?lainnya|recommend\w*|rekomendasi\w*|populer|terpopuler|trending)"
    r"|(?P<captions>caption|figcaption|wp-caption\w*|credit\w*|photo-?credit)"
    r"|(?P<embeds>embed\w*|twitter-tweet|instagram-media|tiktok-embed|video-?player)"
    r"|(?P<page_chrome>share\w*|social\w*|comments?|newsletter|subscribe|breadcrumbs?|tags)"
    r")(?:$|[-_\s])"
)
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "h1", "ul", "ol", "li", "dl", "dt"}
    | {"dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "address"}
    | {"center", "details", "summary", "fieldset", "hr", "body", "html"}
    | HEADINGS
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
# The text tests compare lengths up to 300 characters: an element's text is kept to a few
# more than that (whitespace collapsed), so "longer than 300" is still known once stripped.
_HEAD = 303
# What :func:`mark` sets: no HTML element has this name (one sent as such goes too).
_MARK = "__dropped__"


def mark(element: lxml.etree._Element) -> None:
    """Set ``element`` to go, with its content, at the next :func:`drop_marked`."""
    element.tag = _MARK


def drop_marked(root: lxml.etree._Element) -> None:
    """Remove every marked element and its content; the text after each one stays.

    Parent by parent, the text around the removed children is joined once and set once.
    (``lxml.etree.strip_elements`` leaves the tails as separate text nodes, and lxml joins
    adjacent text nodes anew, quadratically, each time ``.text`` or ``.tail`` is read.)
    """
    parents = {id(p): p for el in root.iter(_MARK) if (p := el.getparent()) is not None}
    for parent in parents.values():
        if parent.tag == _MARK:
            continue  # it goes whole
        pending = [parent.text or ""]
        kept = None  # the last child kept: the text gathered so far is its tail
        for child in list(parent):
            if child.tag == _MARK:
                tail = child.tail
                parent.remove(child)  # lxml takes the tail with it
                if tail:
                    pending.append(tail)
                continue
            _set_text(parent, kept, pending)
            kept, pending = child, [child.tail or ""]
        _set_text(parent, kept, pending)


def _set_text(
    parent: lxml.etree._Element, kept: lxml.etree._Element | None, parts: list[str]
) -> None:
    text = "".join(parts) or None
    if kept is None:
        parent.text = text
    else:
        kept.tail = text


def _attribute_kind(element: lxml.etree._Element) -> str | None:
    """The junk an element's attributes say it is: hidden, or a class or id such as "iklan"."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return "page_chrome"
    # one search over "class id": blanks bound the tokens as the start and end do
    match = _JUNK_TOKEN.search(f"{element.get('class', '')} {element.get('id', '')}".lower())
    return match.lastgroup if match else None


def drop_junk_elements(root: lxml.etree._Element, removed: Counter) -> None:
    """Drop scripts, embeds, captions, ads and junk containers (by tag, class or id).

    Junk inside junk is counted too (a ``<figure>``'s ``<img>``), as it always was. The
    tags are found by libxml2; Python looks only at elements with attributes.
    """
    for element in list(root.iter(*_DROP_TAGS)):
        if element is not root:
            removed[_DROP_TAGS[element.tag]] += 1
            mark(element)
    for element in root.iter():
        if (
            element.attrib
            and element.tag != _MARK
            and element is not root
            and (kind := _attribute_kind(element)) is not None
        ):
            removed[kind] += 1
            mark(element)
    drop_marked(root)


def _join(head: str, piece: str) -> str:
    """Collapsed text followed by collapsed text, collapsed; at most ``_HEAD`` characters."""
    if piece[:1] == " " and head[-1:] == " ":
        piece = piece[1:]
    return (head + piece)[:_HEAD]


def _text_figures(root: lxml.etree._Element) -> dict:
    """element → (head, solid, links, has_p) for every element below ``root``.

    ``head``: the start of its text (``text_content()``) with whitespace collapsed, at most
    ``_HEAD`` characters; ``solid``: non-space characters in that text; ``links``:
    non-space characters in the text of each ``<a>`` in it, itself included (an ``<a>`` in
    an ``<a>`` counts twice); ``has_p``: whether a ``<p>`` lies below it.
    """
    figures: dict = {}
    space = _SPACE
    for _, element in lxml.etree.iterwalk(root, events=("end",)):
        text = element.text
        if text:
            head = space.sub(" ", text)[:_HEAD]
            solid = len(space.sub("", text))
        else:
            head, solid = "", 0
        links = 0
        has_p = False
        for child in element:
            c_head, c_solid, c_links, c_has_p = figures[child]
            if len(head) < _HEAD and c_head:
                head = _join(head, c_head)
            solid += c_solid
            links += c_links
            has_p = has_p or c_has_p or child.tag == "p"
            tail = child.tail
            if tail:
                solid += len(space.sub("", tail))
                if len(head) < _HEAD:
                    head = _join(head, space.sub(" ", tail))
        if element.tag == "a":
            links += solid
        figures[element] = (head, solid, links, has_p)
    return figures


def drop_read_also(root: lxml.etree._Element, removed: Counter) -> None:
    """ "Baca juga:" blocks, link-only paragraphs and stray photo credits."""
    figures = _text_figures(root)
    for element in list(root.iter()):
        if element is root or element.tag == _MARK:
            continue
        head, solid, links, _ = figures[element]
        if not solid:
            continue
        text = head.strip()  # the whole text when it is shorter than _HEAD, else its start
        length = len(text) if len(head) < _HEAD else _HEAD  # over 300 either way
        share = links / max(1, solid)
        tag = element.tag
        if _READ_ALSO.match(text) and (length < 300 or share > 0.5):
            label_only = length <= 25
            following = element.getnext()
            if tag in BLOCKS:
                mark(element)
                removed["read_also"] += 1
                # "<p><b>Baca juga:</b></p><ul><li><a>…</a></li></ul>": the list goes too.
                if (
                    label_only
                    and following is not None
                    and following.tag in ("ul", "ol", "p")
                    and _share(figures[following]) > 0.8
                ):
                    mark(following)
            else:  # inline: "<strong>Baca juga:</strong> <a>…</a>" inside a paragraph
                tail_blank = not (element.tail or "").strip()
                mark(element)
                removed["read_also"] += 1
                if label_only and tail_blank and following is not None and following.tag == "a":
                    mark(following)
            continue
        if tag in ("p", "li", "div") and length < 300:
            if share > 0.9 and not figures[element][3]:
                removed["related_links"] += 1
                mark(element)
            elif _CREDIT_LINE.match(text) and length < 200:
                removed["captions"] += 1
                mark(element)
        elif tag in ("ul", "ol") and share > 0.9:
            removed["related_links"] += 1
            mark(element)
    drop_marked(root)


def _share(figures: tuple[str, int, int, bool]) -> float:
    """Share of an element's non-space characters that are link text."""
    return figures[2] / max(1, figures[1])
