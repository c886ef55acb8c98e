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

import numpy as np

from .document import Document

__all__ = ["FEATURE_NAMES", "MAX_PAIRWISE", "MODEL_FEATURE_NAMES", "features", "model_features"]

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
    n = len(doc)
    out = np.zeros((n, len(FEATURE_NAMES)))
    if n == 0:
        return out
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
    return out


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

MODEL_FEATURE_NAMES: tuple[str, ...] = (
    *FEATURE_NAMES,
    *(f"previous_{name}" for name in CONTEXT_FEATURES),
    *(f"next_{name}" for name in CONTEXT_FEATURES),
    *(f"relative_{name}" for name in CONTEXT_FEATURES),
)


def model_features(doc: Document) -> np.ndarray:
    """:func:`features` plus the previous and next sentence's context features and
    each context feature minus its mean over the first :data:`OPENING` sentences."""
    base = features(doc)
    ctx = base[:, _CONTEXT]
    pad = np.zeros((1, len(_CONTEXT)))
    previous = np.vstack([pad, ctx[:-1]])
    following = np.vstack([ctx[1:], pad])
    relative = ctx - ctx[:OPENING].mean(axis=0) if len(ctx) else ctx
    return np.hstack([base, previous, following, relative])
