"""Unicode and whitespace normalisation.

Scraped and CMS-exported news text carries non-breaking spaces, zero-width
characters, stray control characters and odd line endings; every later step
assumes they are gone. Paragraph breaks (blank lines) are kept because position
in the paragraph is a strong signal for news summaries.
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# C0/C1 controls other than tab and newline, plus line/paragraph separators
# handled below, plus unassigned surrogates that cannot be encoded.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_SEP = re.compile(r"\r\n?|[\u2028\x85]")
_PARA_SEP = re.compile(r"\u2029")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING = re.compile(r"[ \t]+\n|\n[ \t]+")


def normalize(text: str) -> str:
    """Return ``text`` in NFC with clean spaces, ``\\n`` lines and ``\\n\\n`` paragraphs."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_SEP.sub("\n", text)
    text = _PARA_SEP.sub("\n\n", text)
    text = text.translate(_ZERO_WIDTH)
    text = _CONTROLS.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = _TRAILING.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


_HARD_WRAP = re.compile(r"(?<![.!?:;\"'\u201d\u2019)\]])\n(?=[a-z(\u201c\"'])")


def paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs.

    CMS exports put one paragraph per line, so a single newline is a paragraph
    break too, except where a line was hard-wrapped mid-sentence (no closing
    punctuation before it and a lower-case word after it).
    """
    text = _HARD_WRAP.sub(" ", text)
    return [line.strip() for line in text.split("\n") if line.strip()]
