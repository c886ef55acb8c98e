"""``Tokoh: kutipan``: a named speaker and a short, complete quotation.

Quotations and their speakers come from the syntax layer (:func:`summarizer.text.syntax.quotes`).
A quotation longer than the room left after the name gives its first clause (up to a comma)
or nothing: it must still hold a predicate and not open on a conjunction (``Kalau …``).
"""

from __future__ import annotations

from ..text.chunk import chunk
from ..text.clause import REPORTING, main_clause
from ..text.speech import SAYS
from ..text.syntax import Parse, Quote, quotes
from .build import MAX_WORDS, MIN_WORDS, Draft, render
from .speaker import short_speaker

__all__ = ["quote_headline", "QUOTE_WORDS"]

QUOTE_WORDS = 8  # longest quotation part of a "Tokoh: kutipan" headline
_OPENERS = frozenset(("SC", "CC"))


def quote_headline(parses: list[Parse], index: int, max_chars: int) -> str | None:
    """The ``Tokoh: kutipan`` headline of sentence ``index`` (``parses`` up to it), if any."""
    p = parses[index]
    for q in quotes(p):
        speaker = _speaker(p, q, parses[max(0, index - 2) : index])
        if not speaker:
            continue
        words = _quoted(p, q, MAX_WORDS - len(speaker.split()))
        if words is None:
            continue
        text = f"{speaker}: {words}"
        if len(text) <= max_chars:
            return text
    return None


def _speaker(p: Parse, q: Quote, before: list[Parse]) -> str:
    if q.speaker is not None:
        return short_speaker(p.span_text(q.speaker.start, q.speaker.end))
    if not q.pronoun:
        return ""
    # "…," ujarnya: the one who spoke last, named in the two sentences before
    for prev in reversed(before):
        for earlier in reversed(quotes(prev)):
            if earlier.speaker is not None:
                name = short_speaker(prev.span_text(earlier.speaker.start, earlier.speaker.end))
                if name:
                    return name
        clause = main_clause(prev)
        if clause is not None:
            verb = prev.tokens[clause.phrases[clause.predicate].end - 1].lower()
            if verb in SAYS or verb in REPORTING:
                first = clause.phrases[clause.subject[0]]
                name = short_speaker(prev.span_text(first.start, first.end))
                if name:
                    return name
    return ""


def _quoted(p: Parse, q: Quote, room: int) -> str | None:
    """The quotation's words for a headline: all of it, or its first clause, or None."""
    start, end = q.phrase.start + 1, q.phrase.end - 1
    while end > start and p.tags[end - 1] == "SYM":
        end -= 1  # the closing comma or period inside the quotation marks
    words = [i for i in range(start, end) if p.tags[i] != "SYM" or p.tokens[i] in "-/&'"]
    room = min(room, QUOTE_WORDS)
    if len(words) > room:
        commas = [i for i in range(start, end) if p.tokens[i] == ","]
        cut = next((c for c in commas if sum(1 for w in words if w < c) >= MIN_WORDS), None)
        if cut is None:
            return None
        words = [w for w in words if w < cut]
        if len(words) > room:
            return None
        end = cut
    if len(words) < MIN_WORDS:
        return None
    inner = chunk(p.tokens[start:end], p.tags[start:end])
    if inner and inner[0].kind in _OPENERS or p.tags[words[0]] in ("RP", "UH"):
        return None  # "Kalau memang itu benar", "Kan di sini …": not a statement
    if not any(ph.kind in ("VP", "ADJP") for ph in inner):
        return None
    if p.tags[words[-1]] in ("IN", "SC", "CC", "DT") or p.tokens[words[-1]].lower() == "yang":
        return None
    return render(Draft(p, words, frozenset(), 0))
