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
from functools import lru_cache
from itertools import repeat
from math import fsum

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


def _rank(values: np.ndarray) -> np.ndarray:
    """1 for the highest value, falling to 0 for the lowest (ties by position)."""
    n = len(values)
    if n <= 1:
        return np.ones(n)
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(n)
    ranks[order] = np.arange(n)
    return 1.0 - ranks / (n - 1)


@lru_cache(maxsize=512)
def _position_columns(n: int) -> np.ndarray:
    """``first`` … ``log_position``: they depend on the sentence count alone (read-only)."""
    idx = np.arange(n, dtype=float)
    block = np.column_stack(
        [idx == 0, idx == 1, idx == 2, idx == 3, 1.0 / (idx + 1.0), idx / n, np.log1p(idx)]
    )
    block.flags.writeable = False
    return block


# column numbers in the model matrix (its first columns are FEATURE_NAMES, then the
# context blocks, the lead block and the lexicon block in MODEL_FEATURE_NAMES order)
_B = len(FEATURE_NAMES)
_C = len(CONTEXT_FEATURES)
_LEAD = _B + 3 * _C
_LEX = len(CORE_FEATURE_NAMES)
_S = len(LEXICON_STATS)
_ZERO = repeat(0.0)


def _fill(doc: Document, lexicon: Lexicon | None) -> np.ndarray:
    """The ``len(doc) × len(MODEL_FEATURE_NAMES)`` matrix (lexicon block zero without one).

    One Python pass over the sentences collects the per-sentence facts (term ids
    into one vocabulary, quote/word cues, opener weights); every column is then
    a vectorised operation over all sentences, written into one preallocated
    matrix. The arithmetic of the similarity columns is that of the original
    per-feature code, so the packaged model sees the values it was trained on.
    """
    n = len(doc)
    out = np.zeros((n, len(MODEL_FEATURE_NAMES)))
    if n == 0:
        return out
    sentences = doc.sentences
    vocab: dict[str, int] = {}
    setdefault = vocab.setdefault
    ids: list[int] = []
    counts_per: list[int] = []
    facts: list[tuple] = []
    openers = lexicon.openers if lexicon is not None else {}
    get_opener = openers.get
    attribution_free = _ATTRIBUTION.isdisjoint
    find_quotes = _QUOTE_CHARS.findall
    get_term = lexicon.terms.get if lexicon is not None and lexicon.terms else None
    totals: list[float] = []
    for s in sentences:
        stems = s.terms
        ids += [setdefault(t, len(vocab)) for t in stems]
        counts_per.append(len(stems))
        if get_term is not None:
            totals.append(fsum(map(get_term, set(stems), _ZERO)))
        text = s.text
        quotes = find_quotes(text)
        if quotes:
            first = text.find(quotes[0])
            share = (text.rfind(quotes[-1]) - first) / max(len(text), 1) if len(quotes) > 1 else 0.5
            starts = first == 0
        else:
            share = 0.0
            starts = False
        end = text.rstrip("\"'”’)] ")
        words = s.words
        n_words = len(words)
        if words:
            heads = "".join([w[0] for w in words])
            low0 = words[0].lower()
            low1 = words[1].lower() if n_words > 1 else ""
            digit = sum(map(str.isdigit, heads)) / n_words
            capital = sum(map(str.isupper, heads[1:])) / n_words
            attribution = not attribution_free(map(str.lower, words))
            continuation = low0 in _CONTINUATION
            one = get_opener("1:" + low0, 0.0) if openers else 0.0
            two = (
                get_opener("2:" + (f"{low0} {low1}" if n_words > 1 else low0), one)
                if openers
                else one
            )
        else:
            digit = capital = 0.0
            attribution = continuation = False
            one = get_opener("1:", 0.0) if openers else 0.0
            two = get_opener("2:", one) if openers else one
        facts.append(
            (
                s.paragraph,
                s.position_in_paragraph,
                n_words,
                share,
                starts,
                end.endswith("?"),
                end.endswith("!"),
                digit,
                capital,
                attribution,
                continuation,
                two,
                one,
            )
        )
    info = np.array(facts, dtype=float)
    paragraph = info[:, 0]
    in_para = info[:, 1]
    n_words_col = info[:, 2]

    # term matrix: log-scaled counts, rows L2-normalised
    width = max(len(vocab), 1)
    flat = np.repeat(np.arange(0, n * width, width), counts_per)
    flat += np.array(ids, dtype=np.intp)
    counts = np.bincount(flat, minlength=n * width).reshape(n, width)
    present = counts > 0
    weights = np.log1p(counts.astype(float))
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    unit = weights / np.where(norms == 0, 1.0, norms)

    # centrality: cosine to the document centroid, mean similarity to the lead block
    centroid = unit.sum(axis=0)
    c_norm = np.linalg.norm(centroid)
    centroid_cos = unit @ (centroid / c_norm) if c_norm else np.zeros(n)
    sim = unit @ unit[:MAX_PAIRWISE].T  # n × min(n, MAX_PAIRWISE): bounded
    m = sim.shape[1]
    diagonal = np.arange(m)
    sim[diagonal, diagonal] = 0.0
    out[:, 0:7] = _position_columns(n)
    out[:, 7] = np.log1p(paragraph)
    out[:, 8] = paragraph == 0
    out[:, 9] = in_para == 0
    out[:, 10] = 1.0 / (in_para + 1.0)
    out[:, 11] = np.log1p(n_words_col)
    out[:, 12] = n_words_col < 8
    out[:, 13] = n_words_col > 40
    out[:, 14] = n_words_col / (n_words_col.mean() or 1.0)
    out[:, 15] = centroid_cos
    out[:, 16] = sim.sum(axis=1) / max(m - 1, 1)
    out[:, 17] = _rank(centroid_cos)
    lead_cos = out[:, 18]
    lead_cos[:] = sim[:, 0]
    lead_cos[0] = 1.0
    out[:, 19] = np.tril(sim, k=-1).max(axis=1)
    if n > 1:
        out[:-1, 20] = np.einsum("ij,ij->i", unit[:-1], unit[1:])

    if doc.title_terms:
        out[:, 23] = 1.0
        known = [vocab[t] for t in doc.title_terms if t in vocab]
        if known:
            t_vec = np.log1p(np.bincount(known, minlength=width).astype(float))
            title_cos = unit @ (t_vec / np.linalg.norm(t_vec))
            out[:, 21] = title_cos
            out[:, 22] = (present & (t_vec > 0)).sum(axis=1) / len(set(doc.title_terms))
            out[:, 24] = _rank(title_cos)
        else:
            out[:, 24] = _rank(np.zeros(n))
    out[:, 25:33] = info[:, 3:11]
    out[:, 33] = np.log(n)
    out[:, 34] = np.log(doc.paragraph_count or 1)
    sizes = np.bincount(paragraph.astype(np.intp))[paragraph.astype(np.intp)]
    out[:, 35] = sizes == 1

    # previous / next sentence's context features, and each minus its opening mean
    ctx = out[:, _CONTEXT]
    out[1:, _B : _B + _C] = ctx[:-1]
    out[:-1, _B + _C : _B + 2 * _C] = ctx[1:]
    out[:, _B + 2 * _C : _LEAD] = ctx - ctx[:OPENING].mean(axis=0)

    # lead block: the two opening sentences and the sentence's paragraph
    if n > 1:
        second = unit @ unit[1]
        second[1] = 1.0
        out[:, _LEAD] = second
        out[:, _LEAD + 1] = np.maximum(lead_cos, second)
        out[0, _LEAD + 1] = second[0]
        out[1, _LEAD + 1] = lead_cos[1]
        lead_terms = present[0] | present[1]
    else:
        lead_terms = present[0]
    own = present.sum(axis=1)
    new = (present & ~lead_terms).sum(axis=1)
    out[:, _LEAD + 2] = np.divide(new, own, out=np.zeros(n), where=own > 0)
    out[:, _LEAD + 3] = new
    out[:, _LEAD + 4] = sizes
    opens = in_para == 0
    out[:, _LEAD + 5] = opens & (paragraph == 1)
    out[:, _LEAD + 6] = opens & (paragraph == 2)

    if lexicon is not None and (lexicon.terms or lexicon.openers):
        _fill_lexicon(out, vocab, present, own, totals, info[:, 11:13], lexicon)
    return out


def _fill_lexicon(
    out: np.ndarray,
    vocab: dict[str, int],
    present: np.ndarray,
    own: np.ndarray,
    totals: list[float],
    opener_weights: np.ndarray,
    lexicon: Lexicon,
) -> None:
    """Write the :data:`LEXICON_FEATURES` block from each sentence's exact weight total
    (``totals``, see :func:`lexicon_matrix`) and the document's distinct stems' weights
    (min/max over each sentence's stems as array ops)."""
    get = lexicon.terms.get
    term_weights = np.array([get(t, 0.0) for t in vocab] or [0.0])
    stats = out[:, _LEX : _LEX + _S]
    total = np.array(totals) if totals else np.zeros(len(own))
    has = own > 0
    stats[:, 0] = np.divide(total, own, out=np.zeros(len(own)), where=has)
    stats[:, 1] = np.where(present, term_weights, -np.inf).max(axis=1)
    stats[:, 2] = np.where(present, term_weights, np.inf).min(axis=1)
    stats[:, 3] = total
    stats[~has, 1:3] = 0.0
    out[:, _LEX + _S : _LEX + _S + 2] = opener_weights
    start = _LEX + _S + 2
    out[:, start : start + _S] = stats - stats[:OPENING].mean(axis=0)
    out[1:, start + _S : start + 2 * _S] = stats[:-1]
    out[:-1, start + 2 * _S : start + 3 * _S] = stats[1:]


def features(doc: Document) -> np.ndarray:
    """The ``len(doc) × len(FEATURE_NAMES)`` feature matrix of a document."""
    return _fill(doc, None)[:, :_B].copy()


def core_features(doc: Document) -> np.ndarray:
    """:func:`features` plus the previous and next sentence's context features, each
    context feature minus its mean over the first :data:`OPENING` sentences, and the
    lead-block features (everything except the lexicon)."""
    return _fill(doc, None)[:, :_LEX].copy()


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
        total = fsum(weights)  # exact: the same value whatever the set's order
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
    return _fill(doc, lexicon)
