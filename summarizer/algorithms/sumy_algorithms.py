"""sumy's extractive algorithms, wired for Indonesian.

sumy works on its own document model; we build it from our already cleaned,
segmented and tokenised :class:`~summarizer.text.document.Document` (sentences
carry our word tokens, so nothing is parsed twice), give it Sastrawi stems and
Indonesian stop words, and read the rating sumy computes for every sentence
instead of its top-N choice. TextRank and LexRank, whose pair loops are
sumy's slowest code, are recomputed with numpy matrix products that follow
sumy's arithmetic (same ratings; tests compare them with sumy's own).

sumy is imported on first use, not at import time: it pulls in NLTK and
SciPy (~0.8 s and ~40 MB), which the default algorithm does not need. Call
:func:`preload` to pay that cost up front (e.g. before gunicorn forks).
sumy's graph and greedy algorithms are quadratic (cubic for KL) in the number
of sentences, so each algorithm scores at most ``max_sentences`` sentences
(far above a news article's length); later sentences rank below all of them
in document order, which bounds the time of any document.
"""

from __future__ import annotations

import importlib
import math
import threading
from typing import Any, ClassVar

import numpy as np

from ..text.document import Document, Sentence
from ..text.words import STOP_WORDS, stem, tokenize
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
        from ..text.segment import segment

        return tuple(segment(text))


_TOKENIZER = IndonesianTokenizer()


def _stemmer(word: str) -> str:
    return stem(word.lower())


def to_sumy(sentences: list[Sentence]) -> Any:
    """Our sentences as sumy's object model, paragraphs kept."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    paragraphs: list[list[Any]] = []
    for sentence in sentences:
        while len(paragraphs) <= sentence.paragraph:
            paragraphs.append([])
        sumy_sentence = SumySentence(sentence.text, _TOKENIZER)
        # sumy caches a sentence's words in this slot: give it ours instead of re-tokenising
        sumy_sentence._cached_property_words = tuple(sentence.words)
        paragraphs[sentence.paragraph].append(sumy_sentence)
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs if p])


def _rating_reader(cls: type) -> type:
    """A subclass of sumy summarizer ``cls`` whose call returns every sentence's rating.

    sumy summarizers end with ``self._get_best_sentences(sentences, count,
    rating)``; returning the ratings from there (rather than patching an
    instance) keeps one summarizer per algorithm safe to share across threads.
    """

    def _get_best_sentences(self, sentences, count, rating, *args, **kwargs):
        rate = rating.__getitem__ if isinstance(rating, dict) else rating
        return [float(rate(s, *args, **kwargs)) for s in sentences]

    return type(cls.__name__, (cls,), {"_get_best_sentences": _get_best_sentences})


class SumyAlgorithm(Algorithm):
    """Runs a sumy summarizer and returns its rating of every sentence."""

    summarizer_path: ClassVar[str]  # "module:Class" inside sumy.summarizers
    max_sentences: ClassVar[int] = 400
    _lock = threading.Lock()

    def __init__(self) -> None:
        self._summarizer: Any = None

    def summarizer_class(self) -> type:
        module, _, cls = self.summarizer_path.partition(":")
        return getattr(importlib.import_module(f"sumy.summarizers.{module}"), cls)

    def _make(self) -> Any:
        summarizer = _rating_reader(self.summarizer_class())(_stemmer)
        summarizer.stop_words = STOP_WORDS
        return summarizer

    def summarizer(self) -> Any:
        """The configured sumy summarizer, made (and sumy imported) on first use."""
        if self._summarizer is None:
            with self._lock:
                if self._summarizer is None:
                    self._summarizer = self._make()
        return self._summarizer

    def score(self, doc: Document) -> np.ndarray:
        n = len(doc)
        if n == 0:
            return np.zeros(0)
        ratings = self.rate(doc.sentences[: self.max_sentences])
        if ratings is None:  # degenerate input (no content words): document order
            return 1.0 - np.arange(n, dtype=float) / n
        return _extend(np.nan_to_num(ratings), n)

    def rate(self, sentences: list[Sentence]) -> np.ndarray | None:
        """sumy's rating of each of ``sentences``, or ``None`` when sumy cannot rate them."""
        scored = len(sentences)
        try:
            ratings = self.summarizer()(to_sumy(sentences), scored)
        except (ValueError, ZeroDivisionError, np.linalg.LinAlgError):
            return None
        if len(ratings) != scored:
            return None
        return np.asarray(ratings, dtype=float)


def needs_sumy(algorithm: Algorithm) -> bool:
    """Whether scoring with ``algorithm`` imports sumy (and with it NLTK): ~1 s and ~80 MB once."""
    return isinstance(algorithm, SumyAlgorithm) and type(algorithm).rate is SumyAlgorithm.rate


def _by_text(sentences: list[Sentence], ranks: np.ndarray) -> np.ndarray:
    """sumy keys its ratings by sentence text: repeated sentences share the last one's rank."""
    by_text = dict(zip((s.text for s in sentences), ranks, strict=True))
    return np.array([by_text[s.text] for s in sentences], dtype=float)


def preload() -> None:
    """Import sumy and build every sumy summarizer now rather than on the first request."""
    from . import ALGORITHMS

    for algorithm in ALGORITHMS.values():
        if isinstance(algorithm, SumyAlgorithm):
            algorithm.summarizer()


def _sumy(name: str, path: str, description: str, **attrs: Any) -> type[SumyAlgorithm]:
    return type(
        path.partition(":")[2].replace("Summarizer", ""),
        (SumyAlgorithm,),
        {"name": name, "description": description, "summarizer_path": path, **attrs},
    )


class TextRank(SumyAlgorithm):
    """sumy's TextRank computed with numpy: same arithmetic, same ratings, no pair loop.

    sumy rates each sentence pair in Python (``words2.count(w)`` per word), which
    dominates its run time. The shared-word count of every pair is one integer
    matrix product of term-count vectors; the edge weights, the normalisation
    and the power method then follow sumy's code operation for operation, so the
    ratings are bitwise those of ``TextRankSummarizer`` (the tests compare them).
    """

    name = "textrank"
    description = "sumy TextRank: PageRank over sentence word overlap."
    summarizer_path = "text_rank:TextRankSummarizer"
    damping = 0.85
    epsilon = 1e-4
    _ZERO_DIVISION_PREVENTION = 1e-7

    def rate(self, sentences: list[Sentence]) -> np.ndarray:
        scored = len(sentences)
        # sumy's words of a sentence: lower-cased, stop words out, stemmed (no length filter)
        per_sentence = [_sumy_terms(s.words) for s in sentences]
        lengths = [len(t) for t in per_sentence]
        counts, _ = _count_matrix(per_sentence)
        shared = counts @ counts.T  # Σ_w count_i(w)·count_j(w): exact small integers
        logs = np.array([math.log(x) if x else 0.0 for x in lengths])
        norm = logs[:, None] + logs[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            weights = np.where(norm == 0.0, shared, shared / norm)
        weights[shared == 0] = 0.0
        weights /= weights.sum(axis=1)[:, np.newaxis] + self._ZERO_DIVISION_PREVENTION
        matrix = np.full((scored, scored), (1.0 - self.damping) / scored) + self.damping * weights
        return _by_text(sentences, _power_method(matrix, self.epsilon))


class LexRank(SumyAlgorithm):
    """sumy's LexRank computed with numpy: the same graph and power method, no pair loop.

    sumy computes the idf-modified cosine of every pair in Python; here it is one
    matrix product of tf·idf rows. Sums are taken in a different order than
    sumy's (which iterates over sets, so its own last bits vary between runs),
    so ratings agree to ~1e-15; the graph is identical unless a cosine falls
    within that distance of the 0.1 threshold.
    """

    name = "lexrank"
    description = "sumy LexRank: sentence centrality in a cosine-similarity graph."
    summarizer_path = "lex_rank:LexRankSummarizer"
    threshold = 0.1
    epsilon = 0.1

    def rate(self, sentences: list[Sentence]) -> np.ndarray:
        scored = len(sentences)
        counts, present = _count_matrix([_sumy_terms(s.words) for s in sentences])
        row_max = counts.max(axis=1, keepdims=True)
        tf = counts / np.where(row_max == 0, 1.0, row_max)
        document_frequency = present.sum(axis=0)
        idf = np.log(scored / (1.0 + document_frequency))
        weighted = tf * idf
        norms = np.sqrt((weighted * weighted).sum(axis=1))
        with np.errstate(divide="ignore", invalid="ignore"):
            cosine = (weighted @ weighted.T) / np.outer(norms, norms)
        cosine[~np.isfinite(cosine)] = 0.0
        cosine[(norms == 0)[:, None] | (norms == 0)[None, :]] = 0.0
        matrix = (cosine > self.threshold).astype(float)
        degrees = matrix.sum(axis=1)
        degrees[degrees == 0] = 1.0
        matrix /= degrees[:, None]
        p_vector = np.array([1.0 / scored] * scored)
        lambda_val: Any = 1.0  # numpy floating from the first pass on
        with np.errstate(divide="ignore", invalid="ignore"):  # all-zero graph: NaN, as in sumy
            while lambda_val > self.epsilon:
                next_p = np.dot(matrix.T, p_vector)
                next_p /= np.linalg.norm(next_p)
                lambda_val = np.linalg.norm(next_p - p_vector)
                p_vector = next_p
        return _by_text(sentences, p_vector)


def _count_matrix(per_sentence: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Term counts (sentences × vocabulary) and whether each term occurs in each sentence."""
    vocab: dict[str, int] = {}
    cols = [vocab.setdefault(t, len(vocab)) for ts in per_sentence for t in ts]
    rows = np.repeat(np.arange(len(per_sentence)), [len(ts) for ts in per_sentence])
    counts = np.zeros((len(per_sentence), max(len(vocab), 1)))
    np.add.at(counts, (rows, np.asarray(cols, dtype=int)), 1.0)
    return counts, counts > 0


_SUMY_TERMS: dict[str, str] = {}  # token → sumy's term for it ("" for a stop word)


def _sumy_terms(words: list[str]) -> list[str]:
    """sumy's view of a sentence's words: lower-cased, stop words dropped, stemmed."""
    get = _SUMY_TERMS.get
    out = []
    for word in words:
        term = get(word)
        if term is None:
            low = word.lower()
            term = "" if low in STOP_WORDS else stem(low)
            if len(_SUMY_TERMS) < 300_000:
                _SUMY_TERMS[word] = term
        if term:
            out.append(term)
    return out


def _power_method(matrix: np.ndarray, epsilon: float) -> np.ndarray:
    """sumy's power iteration, step for step."""
    transposed = matrix.T
    p_vector = np.array([1.0 / len(matrix)] * len(matrix))
    lambda_val = 1.0
    while lambda_val > epsilon:
        next_p = np.dot(transposed, p_vector)
        step = next_p - p_vector
        lambda_val = math.sqrt(step.dot(step))  # what np.linalg.norm computes for a vector
        p_vector = next_p
    return p_vector


def _extend(scores: np.ndarray, n: int) -> np.ndarray:
    """Scores for all ``n`` sentences: those past the scored ones rank below, in order."""
    if len(scores) >= n:
        return scores
    floor = scores.min() - 1.0
    return np.concatenate([scores, floor - np.arange(n - len(scores), dtype=float) / n])


class Edmundson(SumyAlgorithm):
    name = "edmundson"
    description = "sumy Edmundson: cue words, key words, title words and location combined."
    summarizer_path = "edmundson:EdmundsonSummarizer"

    def _make(self) -> Any:
        summarizer = _rating_reader(self.summarizer_class())(_stemmer)
        summarizer.bonus_words = BONUS_WORDS
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.null_words = sorted(STOP_WORDS)
        return summarizer


class Lsa(SumyAlgorithm):
    name = "lsa"
    description = "sumy LSA: sentences spanning the main latent topics (SVD)."
    summarizer_path = "lsa:LsaSummarizer"
    max_sentences = 200  # the dense SVD grows faster than the graphs: a smaller cap

    def summarizer_class(self) -> type:
        """sumy's LSA with its term rows in sorted order.

        sumy numbers the rows in the order of a ``frozenset``, which changes with
        Python's hash seed, so the SVD (and now and then the chosen sentences)
        differed from one process to the next.
        """

        def _create_dictionary(summarizer: Any, document: Any) -> dict[str, int]:
            words = map(summarizer.normalize_word, document.words)
            stop_words = summarizer._stop_words
            unique = sorted({summarizer.stem_word(w) for w in words if w not in stop_words})
            return {w: i for i, w in enumerate(unique)}

        base = super().summarizer_class()
        return type(base.__name__, (base,), {"_create_dictionary": _create_dictionary})


SUMY_ALGORITHMS: tuple[type[SumyAlgorithm], ...] = (
    LexRank,
    TextRank,
    Lsa,
    _sumy("luhn", "luhn:LuhnSummarizer", "sumy Luhn: clusters of significant (frequent) words."),
    Edmundson,
    # KL's greedy passes grow faster than the graphs: a smaller cap
    _sumy(
        "kl",
        "kl:KLSummarizer",
        "sumy KL-Sum: greedy word-distribution match to the document.",
        max_sentences=120,
    ),
    _sumy("sumbasic", "sum_basic:SumBasicSummarizer", "sumy SumBasic: average word probability."),
    _sumy(
        "reduction",
        "reduction:ReductionSummarizer",
        "sumy Reduction: graph of shared words, sum of edge weights.",
    ),
)
