"""Unicode and whitespace normalisation.

Scraped and CMS-exported news text carries non-breaking spaces, zero-width
characters, stray control characters and odd line endings; every later step
assumes they are gone. Paragraph breaks (blank lines) are kept because position
in the paragraph is a strong signal for news summaries.
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Runs of spaces collapse in two steps: every odd space (tab, no-break, em, ...)
# becomes " ", then runs of " " become one. That is the same as replacing each run
# of mixed spaces, and both regexes start with something the engine can jump to,
# where one regex matching every single space cost a match per word.
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUNS = re.compile(r"  +")
# C0/C1 controls other than tab and newline, plus line/paragraph separators
# handled below, plus unassigned surrogates that cannot be encoded.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_SEP = re.compile(r"\r\n?|[\u2028\x85]")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING = re.compile(r"[ \t]+\n|\n[ \t]+")
# A line break with a space before or after it, or three in a row. It starts with
# "\n" so the engine jumps from one line break to the next.
_LINE_EDGE = re.compile(r"\n(?:(?<= \n)|(?= |\n\n))")
# Every character the rewrites above replace or drop, except the plain space and
# the line break. Three articles in four hold none: one scan for them is much
# cheaper than running each rewrite over every character.
_ODD = re.compile(
    r"[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\xad\u1680\u2000-\u200d\u2028\u2029"
    r"\u202f\u205f\u2060\u3000\ufeff\ud800-\udfff]"
)


def normalize(text: str) -> str:
    """Return ``text`` in NFC with clean spaces, ``\\n`` lines and ``\\n\\n`` paragraphs.

    Each rewrite runs only when a cheap test (one character-class scan, ``in``)
    says it can change something; the order of the rewrites matters and is kept.
    """
    text = unicodedata.normalize("NFC", text)
    if _ODD.search(text):
        if "\r" in text or "\u2028" in text or "\x85" in text:
            text = _LINE_SEP.sub("\n", text)
        if "\u2029" in text:
            text = text.replace("\u2029", "\n\n")
        text = _ZERO_WIDTH.sub("", text)
        text = _CONTROLS.sub(" ", text)
        text = _ODD_SPACES.sub(" ", text)
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    # Tabs are spaces by now, so the two rewrites below can only change a space
    # touching a line break or three line breaks in a row; otherwise every match
    # is already "\n\n".
    if _LINE_EDGE.search(text):
        text = _TRAILING.sub("\n", text)
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


# The line break comes first so the regex engine can jump from one "\n" to the next.
_HARD_WRAP = re.compile(r"\n(?<![.!?:;\"'\u201d\u2019)\]]\n)(?=[a-z(\u201c\"'])")


def paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs.

    CMS exports put one paragraph per line, so a single newline is a paragraph
    break too, except where a line was hard-wrapped mid-sentence (no closing
    punctuation before it and a lower-case word after it).
    """
    text = _HARD_WRAP.sub(" ", text)
    return [stripped for line in text.split("\n") if (stripped := line.strip())]
