"""Sentence features for the learned ranker: news position, centrality, cues.

Everything is computed with numpy from the :class:`~summarizer.document.Document`
already built by the pipeline (no re-parsing). The only quadratic part is the
sentence-similarity matrix, which is bounded: similarities are taken against
at most :data:`MAX_PAIRWISE` leading sentences, so a very long article costs
``n × 64`` and not ``n × n``.

Features are deliberately general (position, length, centrality, overlap with
the lead and the title, quotes, numbers, capitalised names, attribution verbs)
so that weights learned on IndoSum carry over to other Indonesian news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from .document import Document

__all__ = [
    "CORE_FEATURE_NAMES",
    "FEATURE_NAMES",
    "MAX_PAIRWISE",
    "MODEL_FEATURE_NAMES",
    "Lexicon",
    "core_features",
    "features",
    "lexicon_features",
    "lexicon_matrix",
    "model_features",
    "opener_keys",
]

MAX_PAIRWISE = 64

# Verbs of attribution: a sentence that reports who said something.
_ATTRIBUTION = frozenset(
    [
        "kata",
        "ujar",
        "ungkap",
        "jelas",
        "tutur",
        "terang",
        "tambah",
        "imbuh",
        "sebut",
        "katanya",
        "ujarnya",
        "ungkapnya",
        "jelasnya",
        "tuturnya",
        "terangnya",
        "tambahnya",
        "imbuhnya",
        "sebutnya",
        "menurut",
        "mengatakan",
        "menyatakan",
        "menjelaskan",
        "mengungkapkan",
        "menuturkan",
        "menambahkan",
        "menegaskan",
    ]
)
# Openers that continue the previous sentence rather than state news.
_CONTINUATION = frozenset(
    [
        "namun",
        "tetapi",
        "tapi",
        "selain",
        "sementara",
        "itu",
        "hal",
        "ini",
        "tersebut",
        "dia",
        "ia",
        "mereka",
        "kami",
        "saya",
    ]
)
_QUOTE_CHARS = re.compile(r"[\"“”]")

FEATURE_NAMES: tuple[str, ...] = (
    "first",
    "second",
    "third",
    "fourth",
    "inv_position",
    "relative_position",
    "log_position",
    "log_paragraph",
    "first_paragraph",
    "first_in_paragraph",
    "inv_position_in_paragraph",
    "log_words",
    "short",
    "long",
    "relative_length",
    "centroid_cosine",
    "degree",
    "centrality_rank",
    "lead_cosine",
    "max_previous_cosine",
    "next_cosine",
    "title_cosine",
    "title_recall",
    "has_title",
    "title_rank",
    "quote_share",
    "starts_quote",
    "question",
    "exclamation",
    "digit_share",
    "capital_share",
    "attribution",
    "continuation",
    "log_sentences",
    "log_paragraphs",
    "single_sentence_paragraph",
)


def _rank(values: np.ndarray) -> np.ndarray:
    """1 for the highest value, falling to 0 for the lowest (ties by position)."""
    n = len(values)
    if n <= 1:
        return np.ones(n)
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(n)
    ranks[order] = np.arange(n)
    return 1.0 - ranks / (n - 1)


def _term_matrix(doc: Document) -> tuple[np.ndarray, dict[str, int]]:
    """Log-scaled term counts, one row per sentence, rows L2-normalised."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, sentence in enumerate(doc.sentences):
        for term in sentence.terms:
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
    counts = np.zeros((len(doc), max(len(vocab), 1)))
    if rows:
        np.add.at(counts, (np.asarray(rows), np.asarray(cols)), 1.0)
    weights = np.log1p(counts)
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return weights / np.where(norms == 0, 1.0, norms), vocab


def features(doc: Document) -> np.ndarray:
    """The ``len(doc) × len(FEATURE_NAMES)`` feature matrix of a document."""
    return _features(doc)[0]


def _features(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """:func:`features` and the unit term matrix it was computed from."""
    n = len(doc)
    out = np.zeros((n, len(FEATURE_NAMES)))
    if n == 0:
        return out, np.zeros((0, 1))
    sentences = doc.sentences
    idx = np.arange(n, dtype=float)
    paragraph = np.array([s.paragraph for s in sentences], dtype=float)
    in_para = np.array([s.position_in_paragraph for s in sentences], dtype=float)
    n_words = np.array([len(s.words) for s in sentences], dtype=float)
    para_sizes = np.bincount(paragraph.astype(int))

    unit, vocab = _term_matrix(doc)
    # centrality: cosine to the document centroid, mean similarity to the lead block
    centroid = unit.sum(axis=0)
    c_norm = np.linalg.norm(centroid)
    centroid_cos = unit @ (centroid / c_norm) if c_norm else np.zeros(n)
    head = unit[:MAX_PAIRWISE]
    sim = unit @ head.T  # n × min(n, MAX_PAIRWISE): bounded
    m = sim.shape[1]
    sim[np.arange(min(n, m)), np.arange(min(n, m))] = 0.0
    degree = sim.sum(axis=1) / max(m - 1, 1)
    lead_cos = sim[:, 0].copy()
    lead_cos[0] = 1.0
    prev = np.tril(sim[:, :m], k=-1)
    max_prev = prev.max(axis=1) if m else np.zeros(n)
    next_cos = np.zeros(n)
    if n > 1:
        next_cos[:-1] = np.einsum("ij,ij->i", unit[:-1], unit[1:])

    title_cos = np.zeros(n)
    title_recall = np.zeros(n)
    if doc.title_terms:
        t_vec = np.zeros(unit.shape[1])
        known = [vocab[t] for t in doc.title_terms if t in vocab]
        if known:
            np.add.at(t_vec, np.asarray(known), 1.0)
            t_vec = np.log1p(t_vec)
            title_cos = unit @ (t_vec / np.linalg.norm(t_vec))
            present = (unit > 0).astype(float)
            title_recall = present @ (t_vec > 0) / len(set(doc.title_terms))

    quote_share = np.zeros(n)
    starts_quote = np.zeros(n)
    question = np.zeros(n)
    exclamation = np.zeros(n)
    digit_share = np.zeros(n)
    capital_share = np.zeros(n)
    attribution = np.zeros(n)
    continuation = np.zeros(n)
    for i, s in enumerate(sentences):
        text = s.text
        quotes = _QUOTE_CHARS.findall(text)
        if quotes:
            first = text.find(quotes[0])
            last = text.rfind(quotes[-1])
            quote_share[i] = (last - first) / max(len(text), 1) if len(quotes) > 1 else 0.5
            starts_quote[i] = first == 0
        end = text.rstrip("\"'”’)] ")
        question[i] = end.endswith("?")
        exclamation[i] = end.endswith("!")
        words = s.words
        if words:
            lower = [w.lower() for w in words]
            digit_share[i] = sum(w[0].isdigit() for w in words) / len(words)
            capital_share[i] = sum(w[0].isupper() for w in words[1:]) / len(words)
            attribution[i] = any(w in _ATTRIBUTION for w in lower)
            continuation[i] = lower[0] in _CONTINUATION

    mean_words = n_words.mean() or 1.0
    cols = (
        idx == 0,
        idx == 1,
        idx == 2,
        idx == 3,
        1.0 / (idx + 1.0),
        idx / n,
        np.log1p(idx),
        np.log1p(paragraph),
        paragraph == 0,
        in_para == 0,
        1.0 / (in_para + 1.0),
        np.log1p(n_words),
        n_words < 8,
        n_words > 40,
        n_words / mean_words,
        centroid_cos,
        degree,
        _rank(centroid_cos),
        lead_cos,
        max_prev,
        next_cos,
        title_cos,
        title_recall,
        np.full(n, bool(doc.title_terms)),
        _rank(title_cos) if doc.title_terms else np.zeros(n),
        quote_share,
        starts_quote,
        question,
        exclamation,
        digit_share,
        capital_share,
        attribution,
        continuation,
        np.full(n, np.log(n)),
        np.full(n, np.log(doc.paragraph_count or 1)),
        para_sizes[paragraph.astype(int)] == 1,
    )
    for j, col in enumerate(cols):
        out[:, j] = col
    return out, unit


# Features whose values in the neighbouring sentences and relative to the
# article's opening block tell the ranker when to go beyond the lead (a quote
# continuing, a background paragraph starting, a stronger sentence later on).
CONTEXT_FEATURES: tuple[str, ...] = (
    "centroid_cosine",
    "degree",
    "title_cosine",
    "lead_cosine",
    "log_words",
    "quote_share",
    "attribution",
    "digit_share",
    "capital_share",
    "starts_quote",
    "continuation",
)
OPENING = 6
_CONTEXT = [FEATURE_NAMES.index(name) for name in CONTEXT_FEATURES]

# How a sentence relates to the two opening sentences (the block a 3-sentence
# summary almost always keeps) and to its paragraph: the third pick is a choice
# between continuing the lead and jumping to a new paragraph with new content.
LEAD_BLOCK_FEATURES: tuple[str, ...] = (
    "second_cosine",
    "max_lead_block_cosine",
    "lead_block_novelty",
    "lead_block_new_terms",
    "paragraph_size",
    "opens_paragraph_2",
    "opens_paragraph_3",
)
# Learned lexical evidence (a :class:`Lexicon`, trained with the model): the
# log-odds that sentences with these stems / these opening words are kept.
LEXICON_STATS: tuple[str, ...] = ("lexicon_mean", "lexicon_max", "lexicon_min", "lexicon_sum")
LEXICON_FEATURES: tuple[str, ...] = (
    *LEXICON_STATS,
    "opener_2",
    "opener_1",
    *(f"relative_{name}" for name in LEXICON_STATS),
    *(f"previous_{name}" for name in LEXICON_STATS),
    *(f"next_{name}" for name in LEXICON_STATS),
)

CORE_FEATURE_NAMES: tuple[str, ...] = (
    *FEATURE_NAMES,
    *(f"previous_{name}" for name in CONTEXT_FEATURES),
    *(f"next_{name}" for name in CONTEXT_FEATURES),
    *(f"relative_{name}" for name in CONTEXT_FEATURES),
    *LEAD_BLOCK_FEATURES,
)
MODEL_FEATURE_NAMES: tuple[str, ...] = (*CORE_FEATURE_NAMES, *LEXICON_FEATURES)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Per-stem and per-opener log-odds of a sentence being kept (0 when unknown)."""

    terms: dict[str, float] = field(default_factory=dict)
    openers: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, dict[str, float]]) -> Lexicon:
        return cls(dict(data.get("terms", {})), dict(data.get("openers", {})))


def opener_keys(words: list[str]) -> tuple[str, str]:
    """Keys of a sentence's first two words and first word (lower case) in a lexicon."""
    lower = [w.lower() for w in words[:2]]
    return "2:" + " ".join(lower), "1:" + (lower[0] if lower else "")


def _lead_block(doc: Document, base: np.ndarray, unit: np.ndarray) -> np.ndarray:
    n = len(doc)
    sentences = doc.sentences
    second = unit @ unit[1] if n > 1 else np.zeros(n)
    if n > 1:
        second[1] = 1.0
    lead_cos = base[:, FEATURE_NAMES.index("lead_cosine")]
    block = np.maximum(
        np.where(np.arange(n) == 0, 0.0, lead_cos), np.where(np.arange(n) == 1, 0.0, second)
    )
    lead_terms = set(sentences[0].terms) | (set(sentences[1].terms) if n > 1 else set())
    sizes = np.bincount([s.paragraph for s in sentences])
    rows = []
    for s in sentences:
        own = set(s.terms)
        new = len(own - lead_terms)
        opens = s.position_in_paragraph == 0
        rows.append(
            (
                new / len(own) if own else 0.0,
                new,
                sizes[s.paragraph],
                opens and s.paragraph == 1,
                opens and s.paragraph == 2,
            )
        )
    return np.column_stack([second, block, np.array(rows, dtype=float)])


def core_features(doc: Document) -> np.ndarray:
    """:func:`features` plus the previous and next sentence's context features, each
    context feature minus its mean over the first :data:`OPENING` sentences, and the
    lead-block features (everything except the lexicon)."""
    base, unit = _features(doc)
    if not len(base):
        return np.zeros((0, len(CORE_FEATURE_NAMES)))
    ctx = base[:, _CONTEXT]
    pad = np.zeros((1, len(_CONTEXT)))
    previous = np.vstack([pad, ctx[:-1]])
    following = np.vstack([ctx[1:], pad])
    relative = ctx - ctx[:OPENING].mean(axis=0)
    return np.hstack([base, previous, following, relative, _lead_block(doc, base, unit)])


def lexicon_features(doc: Document, lexicon: Lexicon) -> np.ndarray:
    """The :data:`LEXICON_FEATURES` of every sentence (one dict lookup per term)."""
    return lexicon_matrix(
        [s.terms for s in doc.sentences], [opener_keys(s.words) for s in doc.sentences], lexicon
    )


def lexicon_matrix(
    terms: list[list[str]], openers: list[tuple[str, str]], lexicon: Lexicon
) -> np.ndarray:
    """:func:`lexicon_features` from each sentence's stems and :func:`opener_keys`
    (the form training keeps, so fold lexicons can be swapped without re-parsing)."""
    n = len(terms)
    if not n:
        return np.zeros((0, len(LEXICON_FEATURES)))
    weights_of, opener_of = lexicon.terms, lexicon.openers
    rows = []
    for stems, (two, one) in zip(terms, openers, strict=True):
        weights = [weights_of.get(t, 0.0) for t in set(stems)] or [0.0]
        total = sum(weights)
        first_word = opener_of.get(one, 0.0)
        rows.append(
            (
                total / len(weights),
                max(weights),
                min(weights),
                total,
                opener_of.get(two, first_word),
                first_word,
            )
        )
    own = np.array(rows)
    stats = own[:, : len(LEXICON_STATS)]
    pad = np.zeros((1, stats.shape[1]))
    relative = stats - stats[:OPENING].mean(axis=0)
    previous = np.vstack([pad, stats[:-1]])
    following = np.vstack([stats[1:], pad])
    return np.hstack([own, relative, previous, following])


def model_features(doc: Document, lexicon: Lexicon | None = None) -> np.ndarray:
    """All :data:`MODEL_FEATURE_NAMES` of a document (an empty lexicon gives zeros)."""
    return np.hstack([core_features(doc), lexicon_features(doc, lexicon or Lexicon())])
