"""sumy's extractive algorithms, wired for Indonesian.

sumy works on its own document model; we build it from our already cleaned,
segmented and tokenised :class:`~summarizer.document.Document` (so nothing is
parsed twice), give it Sastrawi stems and Indonesian stop words, and read the
rating sumy computes for every sentence instead of its top-N choice.
"""

from __future__ import annotations

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from ..document import Document
from ..words import STOP_WORDS, stem, tokenize
from .base import Algorithm

# Edmundson's cue words: bonus words signal a key statement in Indonesian news,
# stigma words signal asides and hedges.
BONUS_WORDS = [
    "penting",
    "utama",
    "pertama",
    "resmi",
    "mengumumkan",
    "menetapkan",
    "memutuskan",
    "akhirnya",
    "berhasil",
    "menyatakan",
    "menegaskan",
    "mengatakan",
    "menurut",
    "sebanyak",
    "total",
]
STIGMA_WORDS = [
    "baca",
    "simak",
    "lihat",
    "tonton",
    "klik",
    "iklan",
    "video",
    "foto",
    "ilustrasi",
    "sumber",
]


class IndonesianTokenizer:
    """The tokenizer interface sumy expects, backed by our word tokenizer."""

    language = "indonesian"

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(tokenize(text))

    @staticmethod
    def to_sentences(text: str) -> tuple[str, ...]:  # pragma: no cover - we pass sentences
        from ..segment import segment

        return tuple(segment(text))


_TOKENIZER = IndonesianTokenizer()


def _stemmer(word: str) -> str:
    return stem(word.lower())


def to_sumy(doc: Document) -> ObjectDocumentModel:
    """Our document as sumy's object model (paragraph structure kept)."""
    paragraphs: list[list[SumySentence]] = []
    for sentence in doc.sentences:
        while len(paragraphs) <= sentence.paragraph:
            paragraphs.append([])
        paragraphs[sentence.paragraph].append(SumySentence(sentence.text, _TOKENIZER))
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs if p])


class SumyAlgorithm(Algorithm):
    """Runs a sumy summarizer and returns its rating of every sentence."""

    summarizer_class: type[AbstractSummarizer]

    def _make(self) -> AbstractSummarizer:
        summarizer = self.summarizer_class(_stemmer)
        summarizer.stop_words = STOP_WORDS
        return summarizer

    def score(self, doc: Document) -> np.ndarray:
        n = len(doc)
        if n == 0:
            return np.zeros(0)
        summarizer = self._make()
        captured: list[float] = []

        def capture(sentences, count, rating, *args, **kwargs):
            rate = rating.__getitem__ if isinstance(rating, dict) else rating
            captured.extend(float(rate(s, *args, **kwargs)) for s in sentences)
            return tuple(sentences)

        summarizer._get_best_sentences = capture  # read sumy's ratings, not its top-N
        try:
            summarizer(to_sumy(doc), n)
        except (ValueError, ZeroDivisionError, np.linalg.LinAlgError):
            # degenerate input (no content words): fall back to document order
            captured = []
        if len(captured) != n:
            return 1.0 - np.arange(n, dtype=float) / n
        scores = np.nan_to_num(np.asarray(captured, dtype=float))
        return scores


def _sumy(name: str, cls: type[AbstractSummarizer], description: str) -> type[SumyAlgorithm]:
    return type(
        cls.__name__.replace("Summarizer", ""),
        (SumyAlgorithm,),
        {"name": name, "description": description, "summarizer_class": cls},
    )


class Edmundson(SumyAlgorithm):
    name = "edmundson"
    description = "sumy Edmundson: cue words, key words, title words and location combined."
    summarizer_class = EdmundsonSummarizer

    def _make(self) -> AbstractSummarizer:
        summarizer = EdmundsonSummarizer(_stemmer)
        summarizer.bonus_words = BONUS_WORDS
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.null_words = sorted(STOP_WORDS)
        return summarizer


SUMY_ALGORITHMS: tuple[type[SumyAlgorithm], ...] = (
    _sumy(
        "lexrank",
        LexRankSummarizer,
        "sumy LexRank: sentence centrality in a cosine-similarity graph.",
    ),
    _sumy("textrank", TextRankSummarizer, "sumy TextRank: PageRank over sentence word overlap."),
    _sumy("lsa", LsaSummarizer, "sumy LSA: sentences spanning the main latent topics (SVD)."),
    _sumy("luhn", LuhnSummarizer, "sumy Luhn: clusters of significant (frequent) words."),
    Edmundson,
    _sumy("kl", KLSummarizer, "sumy KL-Sum: greedy word-distribution match to the document."),
    _sumy("sumbasic", SumBasicSummarizer, "sumy SumBasic: average word probability."),
    _sumy(
        "reduction",
        ReductionSummarizer,
        "sumy Reduction: graph of shared words, sum of edge weights.",
    ),
)
