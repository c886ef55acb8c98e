"""The title line a CMS puts before the story: ``Kim Jong Un Janji …`` then the dateline.

A title is no sentence of the story: left in, it became the first summary sentence (with
the dateline after it never removed, since that was no longer at the start) and the first
headline candidate, copied. :func:`is_title_line` tells a title line from a first
paragraph by its form alone: a title is short and does not end as a sentence does, and it
is either written in Title Case (``Harga BBM Naik Lagi di Jakarta``) or followed by a
paragraph that opens with a dateline. A lead paragraph is a sentence: it ends with a
period and is cased as a sentence. ``benchmarks/title_line.py`` measures both sides on
IndoSum (articles as they are; and with their real title put before them).
"""

from __future__ import annotations

import re

from .segment import segment

__all__ = ["MAX_TITLE_CHARS", "MAX_TITLE_WORDS", "is_title_line", "may_be_title"]

MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 250
# Title Case leaves these in lower case ("Kereta Cepat Tiba di Jakarta pada Maret").
_SMALL_WORDS = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "untuk",
        "dengan",
        "pada",
        "atau",
        "dalam",
        "oleh",
        "bagi",
        "soal",
        "akan",
        "jadi",
        "karena",
        "kepada",
        "tak",
        "tidak",
        "ini",
        "itu",
        "juga",
        "usai",
        "vs",
        "of",
        "the",
        "and",
        "in",
        "on",
        "for",
        "to",
        "a",
    ]
)
_WORD = re.compile(r"(?<!\w)[^\W\d_][\w'’-]*")
# How a sentence ends: a full stop (not "..."), colon, semicolon or comma, then quotes.
_SENTENCE_END = re.compile(r"[.,:;](?<!\.\.\.)[\"'”’)\]]*$")
# A photo caption: "Tim Cook, CEO Apple (Foto: Reuters)".
_CAPTION = re.compile(r"\(\s*(?:foto|kredit|photo|sumber)\s*:", re.I)
_FOLD = re.compile(r"[\W_]+")


def _folded(text: str) -> str:
    return _FOLD.sub(" ", text.lower()).strip()


def may_be_title(line: str) -> bool:
    """A cheap first test, before the dateline is looked for: most first paragraphs end
    as a sentence, and a title with a dateline before it is still short."""
    return len(line) <= MAX_TITLE_CHARS + 80 and not _SENTENCE_END.search(line)


def is_title_line(line: str, next_opens_with_dateline: bool, title: str | None = None) -> bool:
    """Whether ``line``, the first of a text with more after it, is the article's title.

    ``line`` comes without a dateline (``Merdeka.com - La Roja Menang`` is read as the
    title after it); ``next_opens_with_dateline``: the paragraph after it opens with one.
    A line equal to the ``title`` given (case and punctuation aside) is the title whatever
    its form.
    """
    if title and _folded(line) == _folded(title):
        return True
    if len(line) > MAX_TITLE_CHARS or _SENTENCE_END.search(line) or _CAPTION.search(line):
        return False
    words = _WORD.findall(line)
    if not 2 <= len(words) <= MAX_TITLE_WORDS or not words[0][0].isupper():
        return False
    content = [w for w in words[1:] if w.lower() not in _SMALL_WORDS]
    if sum(w[0].isupper() for w in content) >= 0.8 * len(content):
        return True  # Title Case
    # In sentence case only before a dateline, and only as one statement: a lead that
    # lost its full stop, or opens with a question, is a sentence.
    return next_opens_with_dateline and not line.endswith("?") and len(segment(line)) == 1
