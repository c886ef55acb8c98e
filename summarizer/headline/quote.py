"""``Tokoh: kutipan``: a named speaker and a short, complete quotation.

Quotations and their speakers come from the syntax layer (:func:`summarizer.text.syntax.quotes`).
A quotation longer than the room left after the name gives its first clause (up to a comma)
or nothing: it must still hold a predicate and not open on a conjunction (``Kalau …``).
"""

from __future__ import annotations

from collections.abc import Callable

from ..text.clause import REPORTING, main_clause
from ..text.speech import SAYS
from ..text.syntax import Parse, Quote, quotes
from .build import MAX_WORDS, MIN_WORDS, Draft, render
from .speaker import short_speaker

__all__ = ["quote_headline", "QUOTE_WORDS"]

QUOTE_WORDS = 8  # longest quotation part of a "Tokoh: kutipan" headline
_OPENERS = frozenset(("SC", "CC", "RP", "UH"))  # a conjunction or a particle first


def quote_headline(p: Parse, before: Callable[[], list[Parse]], max_chars: int) -> str | None:
    """The ``Tokoh: kutipan`` headline of sentence ``p``; ``before`` gives the (up to two)
    sentences before it, parsed only when a ``…," ujarnya`` needs them."""
    for q in quotes(p):
        if _quoted(p, q, MAX_WORDS) is None:
            continue  # too long or no statement, whoever said it
        speaker = _speaker(p, q, before)
        if not speaker:
            continue
        words = _quoted(p, q, MAX_WORDS - len(speaker.split()))
        if words is None:
            continue
        text = f"{speaker}: {words}"
        if len(text) <= max_chars:
            return text
    return None


def _speaker(p: Parse, q: Quote, before: Callable[[], list[Parse]]) -> str:
    if q.speaker is not None:
        return _named(p, q.speaker.start, q.speaker.end)
    if not q.pronoun:
        return ""
    # "…," ujarnya: the one who spoke last, named in the two sentences before
    for prev in reversed(before()):
        for earlier in reversed(quotes(prev)):
            if earlier.speaker is not None:
                name = _named(prev, earlier.speaker.start, earlier.speaker.end)
                if name:
                    return name
        clause = main_clause(prev)
        if clause is not None:
            verb = prev.lows[clause.phrases[clause.predicate].end - 1]
            if verb in SAYS or verb in REPORTING:
                first = clause.phrases[clause.subject[0]]
                name = _named(prev, first.start, first.end)
                if name:
                    return name
    return ""


def _named(p: Parse, start: int, end: int) -> str:
    """The speaker of tokens ``start``..``end - 1`` without their title: a name (a proper
    noun among them, none after a quotation mark), or "" ("Seorang pria", "Bintang film")."""
    for i in range(start, end):
        if p.tags[i] == "SYM" and p.tokens[i] in "\"“”‘’'":
            end = i
            break
    if not any(p.tags[i] == "NNP" for i in range(start, end)):
        return ""
    return short_speaker(p.span_text(start, end))


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
        if p.tags[words[-1]] == "PR" or p.tags[words[-2]] in ("IN", "SC"):
            return None  # "… dan bagi saya,": the clause goes on after the comma
    if len(words) < MIN_WORDS:
        return None
    if p.tags[words[0]] in _OPENERS:
        return None  # "Kalau memang itu benar", "Kan di sini …": not a statement
    if not any(p.tags[i] in ("VB", "JJ") for i in words):
        return None  # no predicate: a name, a slogan
    if p.tags[words[-1]] in ("IN", "SC", "CC", "DT") or p.lows[words[-1]] == "yang":
        return None
    return render(Draft(p, words, frozenset(), 0))
