"""Choosing sentences from scores: length budgets, exclusions, redundancy.

Every algorithm only scores; this module turns scores into a summary the
same way for all of them, so ``sentences``, ``ratio``, ``max_words``,
``max_chars`` and ``exclude`` mean one thing whatever algorithm ran.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from .text.document import Document, Sentence

EXCLUDABLE = ("quotes", "questions", "exclamations")

_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]?")


@dataclass(frozen=True, slots=True)
class Budget:
    """At most one length control; ``sentences=3`` when none is given.

    The values are checked before they get here (:class:`summarizer.options.Options`).
    """

    sentences: int | None = None
    ratio: float | None = None
    max_words: int | None = None
    max_chars: int | None = None

    def max_sentences(self, n: int) -> int:
        if self.ratio is not None:
            return max(1, math.ceil(self.ratio * n))
        if self.max_words is not None or self.max_chars is not None:
            return n
        return min(n, self.sentences or 3)


def best_first(scores: np.ndarray) -> list[int]:
    """Sentence indices by falling score, ties to the earlier sentence."""
    return np.argsort(-np.asarray(scores, dtype=float), kind="stable").tolist()


def is_mostly_quote(sentence: Sentence) -> bool:
    """Whether at least half of the sentence is direct speech."""
    quoted = sum(len(m.group(1)) for m in _QUOTED.finditer(sentence.text))
    return quoted >= 0.5 * len(sentence.text)


def _excluded(sentence: Sentence, exclude: frozenset[str]) -> bool:
    text = sentence.text.rstrip("\"'”’)] ")
    return (
        ("questions" in exclude and text.endswith("?"))
        or ("exclamations" in exclude and text.endswith("!"))
        or ("quotes" in exclude and is_mostly_quote(sentence))
    )


def select(
    doc: Document,
    scores: np.ndarray,
    budget: Budget,
    *,
    exclude: frozenset[str] = frozenset(),
    redundancy: float = 0.0,
) -> list[int]:
    """Indices of the chosen sentences, in document order.

    Sentences are taken best score first (ties by position). With
    ``redundancy`` > 0 a candidate's score is lowered by its highest word
    overlap with sentences already chosen (maximal marginal relevance).
    Excluded sentences are used only when the rest cannot fill the budget.
    """
    n = len(doc)
    if n == 0:
        return []
    limit = budget.max_sentences(n)
    order = best_first(scores)
    allowed = [i for i in order if not _excluded(doc.sentences[i], exclude)]
    if len(allowed) < min(limit, n) and budget.max_words is None and budget.max_chars is None:
        taken = set(allowed)
        allowed += [i for i in order if i not in taken]
    elif not allowed:
        allowed = order
    chosen = _pick(doc, scores, allowed, limit, budget, redundancy)
    return sorted(chosen)


def _pick(
    doc: Document,
    scores: np.ndarray,
    candidates: list[int],
    limit: int,
    budget: Budget,
    redundancy: float,
) -> list[int]:
    chosen: list[int] = []
    words = chars = 0
    remaining = list(candidates)
    term_sets = [set(s.terms) for s in doc.sentences] if redundancy > 0 else []
    while remaining and len(chosen) < limit:
        if redundancy > 0 and chosen:
            best = max(
                remaining,
                key=lambda i: (
                    float(scores[i])
                    - redundancy * max(_overlap(term_sets[i], term_sets[j]) for j in chosen),
                    -i,
                ),
            )
        else:
            best = remaining[0]
        remaining.remove(best)
        sentence = doc.sentences[best]
        n_words, n_chars = len(sentence.words), len(sentence.text) + (1 if chosen else 0)
        if (budget.max_words is not None and words + n_words > budget.max_words) or (
            budget.max_chars is not None and chars + n_chars > budget.max_chars
        ):
            continue
        chosen.append(best)
        words += n_words
        chars += n_chars
    # A budget smaller than every sentence still gets the best one: an
    # extractive summary cannot cut a sentence, and an empty one helps nobody.
    return chosen or candidates[:1]


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
