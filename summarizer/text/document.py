"""The document model: paragraphs of sentences of words, built once per request.

Algorithms only read a :class:`Document`; they never re-parse text. Keeping
this separate from the scorers (as sumy does) means cleaning, segmentation and
stemming happen exactly once, whatever algorithm runs.

A document holds at most :data:`MAX_SENTENCES` sentences, read from at most
:data:`MAX_LINES` lines, and segmentation looks at no more than :data:`MAX_CANDIDATES`
places where a sentence might end: each costs microseconds of Python, and a megabyte of
``". "`` (500,000 one-character sentences) took half a minute. The longest IndoSum
article has 77 sentences; a megabyte of real news has about 8,400, and 19,000 such
places. What lies past a cap is not read, and ``Document.truncated`` says so. Stems
(``Sentence.terms``) are computed only for what scoring reads (``scored_part`` sets
them) or when first read: Sastrawi takes ~90 µs for a word no cache holds, and a
megabyte of made-up words took over a minute.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .clean import clean
from .segment import Allowance, segment
from .words import lower_terms, terms, tokenize

__all__ = [
    "MAX_CANDIDATES",
    "MAX_LINES",
    "MAX_SENTENCES",
    "Document",
    "Sentence",
    "build_document",
]

MAX_SENTENCES = 10_000
MAX_LINES = 10_000
MAX_CANDIDATES = 50_000  # places a sentence might end, looked at (segment.Allowance)


@dataclass(slots=True)
class Sentence:
    """One sentence with everything the scorers need about it."""

    text: str
    index: int  # position in the document's sentence list
    paragraph: int  # paragraph number
    position_in_paragraph: int
    words: list[str]  # word tokens, original casing
    lower: list[str]  # ``words`` lower-cased, computed once for every reader
    # stems of the content (non-stop) words: computed on first read (``__getattr__``), or
    # set by whoever reads them all, as ``algorithms.bounds.scored_part`` does
    terms: list[str] = field(init=False, repr=False, compare=False)

    def __getattr__(self, name: str) -> list[str]:
        # only called for a slot not set yet: ``terms`` before it is first read
        if name != "terms":
            raise AttributeError(name)
        found = self.terms = lower_terms(self.lower)
        return found


@dataclass(slots=True)
class Document:
    """A cleaned article: its sentences (in order) and cleaning statistics."""

    sentences: list[Sentence]
    paragraph_count: int
    removed: Counter = field(default_factory=Counter)
    title: str | None = None
    title_terms: list[str] = field(default_factory=list)
    truncated: bool = False  # the text went on past one of the caps above

    def __len__(self) -> int:
        return len(self.sentences)


def build_document(text: str, *, title: str | None = None) -> Document:
    """Clean ``text`` and split it into sentences and words (up to the caps above).

    The document's title is ``title``, else the title line the text opens with, if any.
    """
    cleaned = clean(text, max_lines=MAX_LINES, title=title)
    title = title or cleaned.title
    truncated = cleaned.unread > 0
    sentences: list[Sentence] = []
    append = sentences.append
    n_paragraphs = 0
    allowance = Allowance(MAX_CANDIDATES)
    for p_index, para in enumerate(cleaned.paragraphs):
        room = MAX_SENTENCES - len(sentences)
        if room <= 0 or allowance.spent:
            truncated = True
            break
        # one sentence past the room: there is more text than the document holds
        split = segment(para, limit=room + 1, allowance=allowance)
        if len(split) > room:
            truncated = True
            del split[room:]
        truncated = truncated or allowance.spent
        if not split:
            continue  # the allowance ran out before this paragraph's first sentence ended
        n_paragraphs += 1
        for position, sentence_text in enumerate(split):
            words = tokenize(sentence_text)
            lower = list(map(str.lower, words))
            append(Sentence(sentence_text, len(sentences), p_index, position, words, lower))
    title_terms = terms(tokenize(title)) if title else []
    return Document(sentences, n_paragraphs, cleaned.removed, title, title_terms, truncated)
