"""Unicode and whitespace normalisation.

Scraped and CMS-exported news text carries non-breaking spaces, zero-width
characters, stray control characters and odd line endings; every later step
assumes they are gone. Paragraph breaks (blank lines) are kept because position
in the paragraph is a strong signal for news summaries.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Characters no later step wants. Zero-width ones are dropped; C0/C1 controls
# other than tab and newline, unpaired surrogates (they cannot be encoded), tabs
# and the other Unicode spaces become a plain space; line and paragraph separators
# become line breaks. Three articles in four hold none of them, and the few that
# do hold one or two distinct ones, so one scan finds them and ``str.replace``
# rewrites just those.
_ODD = re.compile(
    r"[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\xad\u1680\u2000-\u200d\u2028\u2029"
    r"\u202f\u205f\u2060\u3000\ufeff\ud800-\udfff]"
)
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_LINE_SEPS = frozenset("\r\u2028\x85")
_LINE_SEP = re.compile(r"\r\n?|[\u2028\x85]")
_SPACE_RUNS = re.compile(r"  +")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING = re.compile(r"[ \t]+\n|\n[ \t]+")
# HTML character references left in text by a CMS or a JSON export ("&quot;", "&amp;",
# "&#8220;", "&nbsp;"): only complete ones, with their semicolon, so "AT&T" and "R&D" stay.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A line break with a space before or after it, or three in a row. It starts with
# "\n" so the engine jumps from one line break to the next.
_LINE_EDGE = re.compile(r"\n(?:(?<= \n)|(?= |\n\n))")


def normalize(text: str) -> str:
    """Return ``text`` in NFC with clean spaces, ``\\n`` lines and ``\\n\\n`` paragraphs.

    Each rewrite runs only when a cheap test (one character-class scan, ``in``)
    says it can change something; running every regex over every character was
    most of the cost of cleaning an article.
    """
    if "&" in text and _ENTITY.search(text):
        text = _ENTITY.sub(_unescape, text)
    text = unicodedata.normalize("NFC", text)
    first = _ODD.search(text)  # cheaper than ``findall`` when, as usual, there is none
    if first:
        found = set(_ODD.findall(text, first.start()))
        if not found.isdisjoint(_LINE_SEPS):
            text = _LINE_SEP.sub("\n", text)  # first: "\r\n" is one line break
        if "\u2029" in found:
            text = text.replace("\u2029", "\n\n")
        chars = sorted(found - _LINE_SEPS - {"\u2029"})
        if len(chars) > 8:  # one pass whatever the mix (2,048 surrogates, say)
            text = text.translate({ord(c): "" if c in _ZERO_WIDTH else " " for c in chars})
        else:
            for char in chars:
                text = text.replace(char, "" if char in _ZERO_WIDTH else " ")
    # A run of spaces (tabs, no-break, em, ... are plain spaces by now) becomes one.
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    # The two rewrites below can only change a space touching a line break or three
    # line breaks in a row; otherwise every match is already "\n\n".
    if _LINE_EDGE.search(text):
        text = _TRAILING.sub("\n", text)
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


_UNESCAPED: dict[str, str] = {}  # character reference → what it stands for


def _unescape(match: re.Match[str]) -> str:
    """One character reference decoded; an unknown name ("&foo;") stays as written.

    Kept per reference: a text holds few distinct ones, and ``html.unescape`` took 2 µs
    each for the 166,000 ``&amp;`` of a megabyte.
    """
    reference = match.group()
    found = _UNESCAPED.get(reference)
    if found is None:
        found = html.unescape(reference)
        if len(_UNESCAPED) < 10_000:
            _UNESCAPED[reference] = found
    return found


# The line break comes first so the regex engine can jump from one "\n" to the next.
_HARD_WRAP = re.compile(r"\n(?<![.!?:;\"'\u201d\u2019)\]]\n)(?=[a-z(\u201c\"'])")


def paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs.

    CMS exports put one paragraph per line, so a single newline is a paragraph
    break too, except where a line was hard-wrapped mid-sentence (no closing
    punctuation before it and a lower-case word after it).
    """
    if _HARD_WRAP.search(text):  # rare; a search is cheaper than a ``sub`` that finds nothing
        text = _HARD_WRAP.sub(" ", text)
    return [stripped for line in text.split("\n") if (stripped := line.strip())]
