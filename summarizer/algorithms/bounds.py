"""Bounds that keep scoring fast on any input, however long or degenerate.

The graph algorithms compare every sentence with every other (sumy's TextRank even
compares every word of one sentence with every word of the other), so their cost grows
with the square of the document. News articles are far below these caps (the longest of
IndoSum's 2,809 articles has 77 sentences and 1,174 words, its longest sentence 83 words);
a pasted book, 20,000 one-word "sentences" or 200,000 characters without a full stop are
not. Only the leading part of such a document is scored: the first ``MAX_SCORED_SENTENCES``
sentences, each cut after ``MAX_SENTENCE_WORDS`` words or ``MAX_SENTENCE_CHARS`` characters,
and no more than ``MAX_SCORED_WORDS`` words in all. (The character cap is for "sentences"
of punctuation: half a megabyte of ``"( "`` holds no word, and the headline rules' regular
expressions took seconds over it.) Every sentence after that scores lower than all scored ones (in news order
the lead wins), and headline candidates come from the scored part only.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..text.document import Document, Sentence
from ..text.words import lower_terms
from .base import Algorithm

MAX_SCORED_SENTENCES = 150
MAX_SCORED_WORDS = 5_000
MAX_SENTENCE_WORDS = 250
MAX_SENTENCE_CHARS = 2_500


def _cut(sentence: Sentence, n_words: int) -> Sentence:
    """The sentence up to (and including) its ``n_words``-th word, in at most
    ``MAX_SENTENCE_CHARS`` characters."""
    text = sentence.text
    end = kept = 0
    for word in sentence.words[:n_words]:
        found = text.find(word, end)
        stop = found + len(word) if found >= 0 else end
        if stop > MAX_SENTENCE_CHARS:
            break
        end = stop
        kept += 1
    if kept == len(sentence.words):  # cut for its length only: keep what follows the words
        end = min(len(text), MAX_SENTENCE_CHARS)
    return replace(
        sentence, text=text[:end], words=sentence.words[:kept], lower=sentence.lower[:kept]
    )


def scored_part(doc: Document) -> Document:
    """The leading sentences (and words) an algorithm scores; ``doc`` itself when it fits.

    Their ``terms`` (stems) are set here, once: the document computes a sentence's terms
    only when asked, so that no stem is made for the sentences nothing scores.
    """
    kept: list[Sentence] = []
    n_words = 0
    cut = False
    for sentence in doc.sentences[:MAX_SCORED_SENTENCES]:
        room = min(MAX_SCORED_WORDS - n_words, MAX_SENTENCE_WORDS)
        if room <= 0:
            break
        if len(sentence.words) > room or len(sentence.text) > MAX_SENTENCE_CHARS:
            sentence = _cut(sentence, room)
            cut = True
        sentence.terms = lower_terms(sentence.lower)
        kept.append(sentence)
        n_words += len(sentence.words)
    if len(kept) == len(doc) and not cut:
        return doc
    return replace(doc, sentences=kept)


def bounded_scores(algorithm: Algorithm, doc: Document, part: Document | None = None) -> np.ndarray:
    """``algorithm``'s scores for ``doc``, computed on ``part`` (:func:`scored_part`) only.

    Sentences beyond the scored part get ``min(lowest score, 0) - 1``: below every
    scored sentence, tied among themselves (ties go to the earlier sentence).
    """
    part = scored_part(doc) if part is None else part
    if part is doc:
        return algorithm.score(doc)
    scores = np.asarray(algorithm.score(part), dtype=float) if len(part) else np.zeros(0)
    floor = (min(float(scores.min()), 0.0) if len(scores) else 0.0) - 1.0
    full = np.full(len(doc), floor)
    full[: len(scores)] = scores
    return full
