"""Headline candidates from the article's own sentences.

First version: compress the best-ranked sentences into headline shape
(attributions, time phrases and parentheticals dropped, cut at a clause
boundary to at most 12 words and ``max_chars`` characters, no final period,
newsroom casing with acronyms kept).
"""

from __future__ import annotations

import re

from .document import Document
from .result import Headline

MAX_WORDS = 12
DEFAULT_MAX_CHARS = 90
HEADLINE_CASES = ("title", "sentence")

_PAREN = re.compile(r"\s*\([^)]*\)")
_DAYS = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)"
_TIME = re.compile(
    rf"\s*,?\s*(?:pada\s+)?(?:hari\s+)?{_DAYS}(?:\s+(?:pagi|siang|sore|malam|dini hari))?(?:\s*\([^)]*\))?",
    re.I,
)
_ATTRIBUTION = re.compile(
    r"\s*,?\s*\"?\s*(?:kata|ujar|ucap|ungkap|tutur|jelas|imbuh|tambah|terang|sebut|papar|tegas|lanjut)"
    r"(?:nya)?\b.*$",
    re.I,
)
_CLAUSE = re.compile(
    r"\s*(?:,|;|:|\s(?:yang|karena|sehingga|setelah|ketika|saat|namun|tetapi|dan)\s)"
)
# words kept lower-case inside a title-cased headline
_MINOR = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "atau",
        "yang",
        "untuk",
        "pada",
        "dengan",
        "dalam",
        "oleh",
        "bagi",
        "ini",
        "itu",
        "akan",
        "tak",
        "di-",
    ]
)


def headlines(
    doc: Document,
    ranked: list[int],
    count: int = 3,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    case: str = "title",
) -> list[Headline]:
    """Up to ``count`` distinct candidates made from the sentences in ``ranked`` order."""
    out: list[Headline] = []
    seen: list[set[str]] = []
    for rank, index in enumerate(ranked):
        if len(out) >= count:
            break
        text = compress(doc.sentences[index].text, max_chars=max_chars)
        if not text:
            continue
        words = {w.lower() for w in text.split()}
        if any(len(words & s) / max(1, min(len(words), len(s))) > 0.7 for s in seen):
            continue
        seen.append(words)
        out.append(
            Headline(
                text=apply_case(text, case),
                score=round(1.0 / (1 + rank), 4),
                kind="compressed",
                sentence_index=index,
            )
        )
    return out


def compress(sentence: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """A sentence cut down to headline shape, or ``""`` when nothing sensible remains."""
    text = sentence.strip().strip("\"“”'")
    text = _PAREN.sub("", text)
    text = _ATTRIBUTION.sub("", text)
    text = _TIME.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:!?\"“”'")
    words = text.split()
    if len(words) > MAX_WORDS:
        cut = MAX_WORDS
        for match in _CLAUSE.finditer(text):
            n = len(text[: match.start()].split())
            if 4 <= n <= MAX_WORDS:
                cut = n
        words = words[:cut]
    while words and len(" ".join(words)) > max_chars:
        words.pop()
    while words and words[-1].lower() in _MINOR:
        words.pop()
    text = " ".join(words).strip(" ,.;:")
    return text if len(words) >= 2 else ""


def apply_case(text: str, case: str) -> str:
    """Title or sentence case, keeping acronyms (``KPK``, ``AS``) and mixed-case names."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        if _keep_as_is(word):
            out.append(word)
        elif case == "title":
            low = word.lower()
            out.append(low if i > 0 and low in _MINOR else word[:1].upper() + word[1:].lower())
        else:
            out.append(word[:1].upper() + word[1:] if i == 0 else word)
    return " ".join(out)


def _keep_as_is(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return True
    upper = sum(c.isupper() for c in letters)
    # acronyms (KPK, AS, TNI) and mixed case (iPhone, McDonald) stay; an all-caps
    # long word is shouting, not an acronym, and gets cased like the rest
    return (upper == len(letters) and len(letters) <= 5) or (
        0 < upper < len(letters) and not word[:1].isupper()
    )
