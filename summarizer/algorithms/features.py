"""Sentence features for the learned ranker: news position, centrality, cues.

Everything is computed with numpy from the :class:`~summarizer.text.document.Document`
already built by the pipeline (no re-parsing). The only quadratic part is the
sentence-similarity matrix, which is bounded: similarities are taken against
at most :data:`MAX_PAIRWISE` leading sentences, so a very long article costs
``n × 64`` and not ``n × n``.

All columns come from one Python pass over the sentences plus array operations
over all of them (:func:`_fill`); the values are those of the original
feature-by-feature code (checked to the bit on IndoSum), except that lexicon
sums are exact (``math.fsum``) so they no longer depend on set order.

Features are deliberately general (position, length, centrality, overlap with
the lead and the title, quotes, numbers, capitalised names, attribution verbs)
so that weights learned on IndoSum carry over to other Indonesian news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from math import fsum, sqrt

import numpy as np

from ..text.document import Document

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

# Verbs of attribution: a sentence that reports who said something. Narrower than
# speech.SAID and speech.SAYS on purpose: the ranker was trained with this set, and the
# wider ones gave a lower cross-validated ROUGE-1 (70.55 and 70.52 against 70.67).
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
        return cls(_shared_values(data.get("terms", {})), _shared_values(data.get("openers", {})))


def _shared_values(weights: dict[str, float]) -> dict[str, float]:
    """``weights`` with one object per distinct value: the stored log-odds are rounded
    (~1,300 values for 14k stems), so a request's lookups read a few kilobytes of
    shared floats instead of one cache line per stem in a server's cold cache."""
    shared: dict[float, float] = {}
    # zeros stay as they are: 0.0 == -0.0, and a dict would give both the first one's sign
    return {key: shared.setdefault(w, w) if w else w for key, w in weights.items()}


def opener_keys(words: list[str]) -> tuple[str, str]:
    """Keys of a sentence's first two words and first word (lower case) in a lexicon."""
    lower = [w.lower() for w in words[:2]]
    return "2:" + " ".join(lower), "1:" + (lower[0] if lower else "")


_CACHED_LENGTHS = 256  # sentence counts whose per-length arrays are kept
_CACHED_BLANKS = 64  # the same for whole model matrices (n × 151 floats each)


def _cached(function):
    """Memoise a per-length array for the common lengths only (bounded memory)."""
    cached = lru_cache(maxsize=_CACHED_LENGTHS)(function)

    def by_length(n: int) -> np.ndarray:
        return cached(n) if n <= _CACHED_LENGTHS else function(n)

    return by_length


def _write_rank(out: np.ndarray, column: int, values: np.ndarray) -> None:
    """``out[:, column]``: 1 for the highest value, falling to 0 for the lowest (ties by position)."""
    n = len(values)
    if n <= 1:
        out[:, column] = 1.0
    else:
        out[np.argsort(-values, kind="stable"), column] = _rank_values(n)


@_cached
def _rank_values(n: int) -> np.ndarray:
    """``1 - k / (n - 1)`` for the k-th best of ``n`` (read-only)."""
    values = 1.0 - np.arange(n) / (n - 1)
    values.flags.writeable = False
    return values


_BEFORE = np.tri(_CACHED_LENGTHS, MAX_PAIRWISE, k=-1)


def _before(n: int, m: int) -> np.ndarray:
    """1 where column j < row i (``np.tril(…, k=-1)`` as a multiplier)."""
    return _BEFORE[:n, :m] if n <= _CACHED_LENGTHS else np.tri(n, m, k=-1)


def _opening_mean(values: np.ndarray) -> np.ndarray:
    """``values[:OPENING].mean(axis=0)`` with numpy's arithmetic, minus its call overhead."""
    head = values[:OPENING]
    return np.add.reduce(head, axis=0) / len(head)


@_cached
def _position_columns(n: int) -> np.ndarray:
    """``first`` … ``log_position``: they depend on the sentence count alone (read-only)."""
    idx = np.arange(n, dtype=float)
    block = np.column_stack(
        [idx == 0, idx == 1, idx == 2, idx == 3, 1.0 / (idx + 1.0), idx / n, np.log1p(idx)]
    )
    block.flags.writeable = False
    return block


def _new_blank(n: int) -> np.ndarray:
    """A model matrix with only the columns that depend on the sentence count alone
    filled in (:func:`_position_columns`, ``log_sentences``)."""
    block = np.zeros((n, len(MODEL_FEATURE_NAMES)))
    block[:, 0:7] = _position_columns(n)
    block[:, FEATURE_NAMES.index("log_sentences")] = np.log(n)
    return block


@lru_cache(maxsize=_CACHED_BLANKS)
def _blank_template(n: int) -> np.ndarray:
    """:func:`_new_blank` kept for the common lengths (read-only)."""
    block = _new_blank(n)
    block.flags.writeable = False
    return block


def _blank(n: int) -> np.ndarray:
    """:func:`_new_blank`, copied from a kept template for the common lengths."""
    return _blank_template(n).copy() if n <= _CACHED_BLANKS else _new_blank(n)


# column numbers in the model matrix (its first columns are FEATURE_NAMES, then the
# context blocks, the lead block and the lexicon block in MODEL_FEATURE_NAMES order)
_B = len(FEATURE_NAMES)
_C = len(CONTEXT_FEATURES)
_LEAD = _B + 3 * _C
_LEX = len(CORE_FEATURE_NAMES)
_S = len(LEXICON_STATS)
# the context features and lexicon stats, and where their previous / next sentence's
# values and their values minus the opening mean go
_SHIFTED = np.array([*_CONTEXT, *range(_LEX, _LEX + _S)])
_PREVIOUS = np.array([*range(_B, _B + _C), *range(_LEX + 2 * _S + 2, _LEX + 3 * _S + 2)])
_NEXT = np.array([*range(_B + _C, _B + 2 * _C), *range(_LEX + 3 * _S + 2, _LEX + 4 * _S + 2)])
_RELATIVE = np.array([*range(_B + 2 * _C, _LEAD), *range(_LEX + _S + 2, _LEX + 2 * _S + 2)])
_ZERO = repeat(0.0)  # dict.get's default, for map()
_LOG1P_SIZE = 4096
_LOG1P_TABLE = np.log1p(np.arange(_LOG1P_SIZE, dtype=float))  # numpy's values, by count
_LOG1P = _LOG1P_TABLE.tolist()
_HEAD_KINDS = bytes.maketrans(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"0" * 10 + b"A" * 26)


# The per-sentence values are collected as floats only (np.array converts a list of
# floats several times faster than one mixing bools and ints), in this order, and
# written into these model columns with one assignment.
def _place_facts(paragraph: int, position: int) -> tuple[float, ...]:
    """log_paragraph, first_paragraph, first_in_paragraph, inv_position_in_paragraph,
    opens_paragraph_2 and opens_paragraph_3 of a sentence."""
    opens = position == 0
    return (
        _LOG1P[paragraph] if paragraph < _LOG1P_SIZE else float(np.log1p(paragraph)),
        float(paragraph == 0),
        float(opens),
        1.0 / (position + 1.0),
        float(opens and paragraph == 1),
        float(opens and paragraph == 2),
    )


def _length_facts(n_words: int) -> tuple[float, ...]:
    """log_words, short and long."""
    return (
        _LOG1P[n_words] if n_words < _LOG1P_SIZE else float(np.log1p(n_words)),
        float(n_words < 8),
        float(n_words > 40),
    )


# precomputed for the common paragraphs, positions and lengths: one lookup per sentence
_PLACES = [[_place_facts(p, q) for q in range(64)] for p in range(64)]
_LENGTHS = [_length_facts(k) for k in range(256)]
_FACT_COLUMNS = np.array(
    [7, 8, 9, 10, _LEAD + 5, _LEAD + 6]  # _place_facts
    + [11, 12, 13]  # _length_facts
    + [14, *range(25, 33)]  # relative_length, quote_share … continuation
    + [_LEAD + 2, _LEAD + 3, _LEAD + 4, 35]  # novelty, new terms, paragraph size, single
    + [22]  # title terms (title_recall before dividing)
    + list(range(_LEX, _LEX + _S + 2)),  # lexicon stats, opener_2, opener_1
    dtype=np.intp,
)
_NO_WEIGHTS = (0.0, 0.0, 0.0, 0.0)


def _fill(doc: Document, lexicon: Lexicon | None) -> np.ndarray:
    """The ``len(doc) × len(MODEL_FEATURE_NAMES)`` matrix (lexicon block zero without one).

    One Python pass over the sentences collects every per-sentence value (term
    ids in one vocabulary, quote and word cues, lead-block and title overlaps,
    lexicon weights); the similarity columns are then array operations over all
    sentences at once, written into one preallocated matrix. The arithmetic is
    that of the original per-feature code, so the model sees the values it was
    trained on (lexicon sums are exact, so they no longer depend on set order).
    """
    n = len(doc)
    if n == 0:
        return np.zeros((0, len(MODEL_FEATURE_NAMES)))
    out = _blank(n)
    sentences = doc.sentences
    term_lists = [s.terms for s in sentences]
    all_terms = list(chain.from_iterable(term_lists))
    distinct = dict.fromkeys(all_terms)  # first-seen order
    vocab = dict(zip(distinct, range(len(distinct)), strict=True))
    counts_per = list(map(len, term_lists))
    lead = set(term_lists[0])
    if n > 1:
        lead.update(term_lists[1])
    title = set(doc.title_terms)
    # each sentence looks its stems up in the lexicon directly: a per-document dict of
    # the distinct stems' weights costs more to build than the repeated lookups it saves
    weight_of = lexicon.terms.get if lexicon is not None and lexicon.terms else None
    openers = lexicon.openers if lexicon is not None else {}
    get_opener = openers.get
    paragraph_size: dict[int, int] = {}
    for s in sentences:
        paragraph_size[s.paragraph] = paragraph_size.get(s.paragraph, 0) + 1
    attribution_free = _ATTRIBUTION.isdisjoint
    find_quotes = _QUOTE_CHARS.findall
    # the first character of every word, for the digit and capital shares: ASCII ones
    # (str.isdigit is 0-9, str.isupper is A-Z) mapped to "0" and "A" to count per sentence
    heads = "".join([w[0] for s in sentences for w in s.words])
    kinds = heads.encode().translate(_HEAD_KINDS) if heads.isascii() else None
    start = 0  # the sentence's first word in heads
    mean_words = len(heads) / n or 1.0
    facts: list[float] = []
    extend = facts.extend
    for s in sentences:
        paragraph = s.paragraph
        position = s.position_in_paragraph
        extend(
            _PLACES[paragraph][position]
            if paragraph < 64 and position < 64
            else _place_facts(paragraph, position)
        )
        lower = s.lower
        n_words = len(s.words)
        extend(_LENGTHS[n_words] if n_words < 256 else _length_facts(n_words))
        text = s.text
        if '"' in text or "“" in text or "”" in text:
            quotes = find_quotes(text)
            first = text.find(quotes[0])
            share = (text.rfind(quotes[-1]) - first) / max(len(text), 1) if len(quotes) > 1 else 0.5
            starts = float(first == 0)
        else:
            share = starts = 0.0
        end = text.rstrip("\"'”’)] ")
        stop = start + n_words
        if lower:
            if kinds is not None:
                digit = kinds.count(b"0", start, stop) / n_words
                capital = kinds.count(b"A", start + 1, stop) / n_words
            else:
                digit = sum(map(str.isdigit, heads[start:stop])) / n_words
                capital = sum(map(str.isupper, heads[start + 1 : stop])) / n_words
            low0 = lower[0]
            attribution = float(not attribution_free(lower))
            continuation = float(low0 in _CONTINUATION)
            if openers:
                one = get_opener("1:" + low0, 0.0)
                two = get_opener(f"2:{low0} {lower[1]}" if n_words > 1 else "2:" + low0, one)
            else:
                one = two = 0.0
        else:
            digit = capital = attribution = continuation = 0.0
            one = get_opener("1:", 0.0)
            two = get_opener("2:", one)
        start = stop
        own = set(s.terms)
        n_own = len(own)
        if weight_of is not None and own:
            weights = list(map(weight_of, own, _ZERO))
            total = fsum(weights)  # exact, as in lexicon_matrix
            lex = (total / n_own, max(weights), min(weights), total)
        else:  # no lexicon, or no stems (weights [0.0])
            lex = _NO_WEIGHTS
        new = n_own - len(own & lead)
        size = paragraph_size[paragraph]
        extend(
            (
                n_words / mean_words,
                share,
                starts,
                float(end.endswith("?")),
                float(end.endswith("!")),
                digit,
                capital,
                attribution,
                continuation,
                new / n_own if n_own else 0.0,
                float(new),
                float(size),
                float(size == 1),
                float(len(own & title)) if title else 0.0,
                *lex,
                two,
                one,
            )
        )
    out[:, _FACT_COLUMNS] = np.array(facts, dtype=float).reshape(n, -1)
    out[:, 34] = np.log(doc.paragraph_count or 1)

    # term matrix: log-scaled counts, rows L2-normalised (np.linalg.norm's arithmetic)
    width = max(len(vocab), 1)
    flat = np.repeat(np.arange(0, n * width, width), counts_per)
    flat += np.fromiter(map(vocab.__getitem__, all_terms), np.intp, len(all_terms))
    counts = np.bincount(flat, minlength=n * width).reshape(n, width)
    if len(all_terms) < _LOG1P_SIZE:  # no count can reach the table's end
        unit = _LOG1P_TABLE.take(counts)
    else:
        unit = np.log1p(counts.astype(float))
    norms = np.sqrt(np.add.reduce(unit * unit, axis=1, keepdims=True))
    if 0 in counts_per:  # a sentence without stems keeps its zero row
        norms[norms == 0] = 1.0
    unit /= norms

    # centrality: cosine to the document centroid, mean similarity to the lead block
    centroid = np.add.reduce(unit, axis=0)
    c_norm = sqrt(centroid.dot(centroid))
    centroid_cos = unit @ (centroid / c_norm) if c_norm else np.zeros(n)
    sim = unit @ unit[:MAX_PAIRWISE].T  # n × min(n, MAX_PAIRWISE): bounded
    m = sim.shape[1]
    np.fill_diagonal(sim, 0.0)  # a sentence is not its own neighbour
    out[:, 15] = centroid_cos
    np.divide(np.add.reduce(sim, axis=1), max(m - 1, 1), out=out[:, 16])
    _write_rank(out, 17, centroid_cos)
    lead_cos = out[:, 18]
    lead_cos[:] = sim[:, 0]
    lead_cos[0] = 1.0
    np.maximum.reduce(sim * _before(n, m), axis=1, out=out[:, 19])
    if n > 1:
        out[:-1, 20] = np.einsum("ij,ij->i", unit[:-1], unit[1:])

    if title:
        out[:, 23] = 1.0
        out[:, 22] /= len(title)
        known = [vocab[t] for t in doc.title_terms if t in vocab]
        if known:
            t_vec = np.log1p(np.bincount(known, minlength=width).astype(float))
            title_cos = unit @ (t_vec / sqrt(t_vec.dot(t_vec)))
            out[:, 21] = title_cos
            _write_rank(out, 24, title_cos)
        else:
            _write_rank(out, 24, np.zeros(n))

    # lead block: similarity to the second sentence and to the closer of the two
    if n > 1:
        second = unit @ unit[1]
        second[1] = 1.0
        out[:, _LEAD] = second
        np.maximum(lead_cos, second, out=out[:, _LEAD + 1])
        out[0, _LEAD + 1] = second[0]
        out[1, _LEAD + 1] = lead_cos[1]

    # the previous and next sentence's context features and lexicon stats, and each
    # minus its opening mean (all zero without a lexicon)
    shifted = out.take(_SHIFTED, axis=1)
    out[1:, _PREVIOUS] = shifted[:-1]
    out[:-1, _NEXT] = shifted[1:]
    out[:, _RELATIVE] = shifted - _opening_mean(shifted)
    return out


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
