"""Is this text markup? The test that decides whether text is read as HTML.

Kept apart from :mod:`summarizer.text.html` so that a plain-text request never loads
lxml: most text holds no "<" at all and is answered by one ``in``.
"""

from __future__ import annotations

import re

__all__ = ["is_full_page", "looks_like_html"]

_PAGE = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\b|<html\b|<head\b)|<body\b", re.I | re.S)
# Markup in a text: tags of the elements articles are written in, whole.
_TAG = re.compile(
    r"<(/?)(p|div|span|a|b|i|u|em|strong|br|hr|h[1-6]|ul|ol|li|table|tr|td|th|tbody|thead|"
    r"img|figure|figcaption|blockquote|script|style|iframe|section|article|header|footer|"
    r"nav|aside|main|sup|sub|small|font|center|pre|code|noscript|picture|source|video|audio|"
    r"embed|ins|mark|q|cite|time|form|input|button|meta|link|title|head|body|html)"
    r"(?=[\s/>])[^<>]{0,2000}>",
    re.I,
)


def is_full_page(markup: str) -> bool:
    """A whole web page (doctype, ``<html>``, ``<head>`` or ``<body>``) rather than a fragment."""
    return bool(_PAGE.search(markup[:5000]))


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup (a CMS fragment or a page) rather than prose.

    A whole page; text that opens with a tag of an element articles are written in; or
    three such tags, one of them a closing tag or ``<br>``. "a < b", "<3" or an article
    that names ``<p>`` once or twice are prose.
    """
    if "<" not in text:
        return False
    if is_full_page(text):
        return True
    closing = 0
    for tags, match in enumerate(_TAG.finditer(text), 1):
        if tags == 1 and not text[: match.start()].strip():
            return True
        closing += bool(match.group(1)) or match.group(2).lower() == "br"
        if closing and tags >= 3:
            return True
    return False
