"""The document model: paragraphs of sentences of words, built once per request.

Algorithms only read a :class:`Document`; they never re-parse text. Keeping
this separate from the scorers (as sumy does) means cleaning, segmentation and
stemming happen exactly once, whatever algorithm runs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .clean import clean
from .segment import segment
from .words import lower_terms, terms, tokenize

__all__ = ["Document", "Sentence", "build_document"]


@dataclass(slots=True)
class Sentence:
    """One sentence with everything the scorers need about it."""

    text: str
    index: int  # position in the document's sentence list
    paragraph: int  # paragraph number
    position_in_paragraph: int
    words: list[str]  # word tokens, original casing
    terms: list[str]  # stems of the content (non-stop) words
    lower: list[str]  # ``words`` lower-cased, computed once for every reader


@dataclass(slots=True)
class Document:
    """A cleaned article: its sentences (in order) and cleaning statistics."""

    sentences: list[Sentence]
    paragraph_count: int
    removed: Counter = field(default_factory=Counter)
    title: str | None = None
    title_terms: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.sentences)


def build_document(text: str, *, title: str | None = None) -> Document:
    """Clean ``text``, split it into sentences and words, stem the content words."""
    cleaned = clean(text)
    sentences: list[Sentence] = []
    append = sentences.append
    for p_index, para in enumerate(cleaned.paragraphs):
        for position, sentence_text in enumerate(segment(para)):
            words = tokenize(sentence_text)
            lower = list(map(str.lower, words))
            append(
                Sentence(
                    sentence_text,
                    len(sentences),
                    p_index,
                    position,
                    words,
                    lower_terms(lower),
                    lower,
                )
            )
    title_terms = terms(tokenize(title)) if title else []
    return Document(sentences, len(cleaned.paragraphs), cleaned.removed, title, title_terms)
