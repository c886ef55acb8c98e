"""Indonesian-aware sentence splitting.

A period in Indonesian news ends a sentence far less often than it appears:
titles and degrees (``Prof. Dr. Ir. H.``, ``S.H., M.Si.``), initials
(``B.J. Habibie``), ranks (``Irjen Pol.``), addresses (``Jl.``, ``No.``),
company suffixes (``Tbk.``), numbers (``Rp12.500``, ``09.30 WIB``) and
domains (``Kompas.com``). The splitter looks at each candidate boundary and
decides from the token before it and the text after it.
"""

from __future__ import annotations

import re
from importlib import resources

__all__ = ["segment", "split_spans"]


def _load_abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("summarizer.data").joinpath("abbreviations.txt").read_text("utf-8")
    never, maybe = set(), set()
    for line in text.splitlines():
        line = line.strip().lower()
        if not line or line.startswith("#"):
            continue
        if line.endswith("*"):
            maybe.add(line[:-1])
        else:
            never.add(line)
    return frozenset(never), frozenset(maybe)


ABBREVIATIONS, SOMETIMES_FINAL = _load_abbreviations()

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# A candidate boundary: terminal punctuation (with closing quotes/brackets)
# followed by whitespace, or a period glued to a capitalised word.
_CANDIDATE = re.compile(
    r"(?:[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s)|\n)"
    r"|(?<=[a-z\u00e0-\u00ff)\"”]{2})\.(?=[A-Z][a-z])"
)
_TOKEN_BEFORE = re.compile(r"([\w.]+)\.?[" + re.escape(_CLOSERS) + r"]*$")
_NEXT = re.compile(r"\s*([" + re.escape(_OPENERS) + r"]*)(\S*)")


def segment(text: str) -> list[str]:
    """Split ``text`` into sentences, in order, covering all its non-space characters."""
    return [text[start:end] for start, end in split_spans(text)]


def split_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if match.group() != "\n" and not _is_boundary(text, match.start(), end):
            continue
        _append(text, spans, start, end)
        start = end
    _append(text, spans, start, len(text))
    return spans


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _is_boundary(text: str, punct_start: int, end: int) -> bool:
    punct = text[punct_start:end].rstrip(_CLOSERS)
    nxt = _NEXT.match(text, end)
    opener, following = nxt.group(1), nxt.group(2)
    if not following and not opener:
        return True  # end of text
    first = following[:1]
    if end < len(text) and not text[end].isspace():
        # a period glued to the next word ("tersebut.Pesawat"): only a capitalised word
        return True
    if first.islower():
        # "...?" tanya warga. / "Amerika Serikat. dan sekutunya": not a boundary.
        return False
    if punct.startswith(("!", "?")) or punct.startswith("…") or len(punct) > 1:
        # ellipsis followed by a capital word, or ?/! followed by non-lower-case
        return not (punct[:1] in "…." and len(punct) > 1 and first.isdigit())
    # a single period
    before = _TOKEN_BEFORE.search(text, 0, punct_start + 1)
    token = before.group(1).lower().rstrip(".") if before else ""
    if not token:
        return True
    if token in SOMETIMES_FINAL:
        return bool(first) and first.isupper()
    if token in ABBREVIATIONS:
        return False
    last = token.rsplit(".", 1)[-1]
    if last in ABBREVIATIONS and "." in token:
        return False
    if len(last) == 1 and last.isalpha() and text[punct_start - 1].isupper():
        # an initial: "B.J. Habibie", "Agus H. Canny"
        return False
    return not (first.isdigit() and last.isdigit())
