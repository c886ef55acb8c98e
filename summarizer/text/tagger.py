"""Part-of-speech tags for Indonesian news, from a small linear model run with numpy.

The tags are those of the kumparan news corpus the model is trained on (UI convention):
``NN`` noun, ``NNP`` proper noun, ``VB`` verb, ``JJ`` adjective, ``ADV`` adverb (also the
modals and aspect words ``akan``, ``bisa``, ``telah``), ``NEG`` negation, ``IN``
preposition, ``SC`` / ``CC`` subordinating / coordinating conjunction, ``PR`` pronoun
(also ``yang``), ``DT`` determiner, ``NUM`` number, ``RP`` particle, ``FW`` foreign word,
``UH`` interjection, ``SYM`` punctuation.

Why this shape: every token is described by a few features of its own form (the word,
its shape, its first and last letters, which carry Indonesian affixes such as ``meN-``,
``di-``, ``-kan``, and whether it is a root word of Sastrawi's dictionary, which tells a
new common word from a name), read in a window of two tokens either side. A first pass scores each
token from that window; a second pass adds the first pass's tags of the neighbours. Both
passes are one numpy gather and sum over all tokens at once, so tagging a sentence costs
a few microseconds per token, with no Python loop over the tags. The weights ship in
``data/tagger.npz`` and are rebuilt from the corpus by ``python -m benchmarks.train_tagger``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from .words import is_root_word

MODEL_FILE = "tagger.npz"
PAD = "<s>"  # the token either side of a sentence
_RARE = "<rare>"

# A token's own features, one value per slot; the training script uses this function too.
SLOTS = ("word", "shape", "suffix1", "suffix2", "suffix3", "prefix2", "prefix3", "root")


def word_features(token: str) -> tuple[str, ...]:
    """The values of :data:`SLOTS` for one token (the same for every occurrence)."""
    if token == PAD:
        return (PAD,) * len(SLOTS)
    low = token.lower()
    shape = _shape(token)
    if len(low) < 4 or not low.isalpha():
        return (low, shape, *("-",) * 6)
    root = "root" if is_root_word(low) else "-"
    return (low, shape, low[-1:], low[-2:], low[-3:], low[:2], low[:3], root)


def _shape(token: str) -> str:
    first = token[:1]
    if not (first.isalnum() or first == "_"):
        return "p" + first  # punctuation is its own shape: "," "(" "“"
    if token.isdigit():
        return "d"
    if any(c.isdigit() for c in token):
        return "d." if token[:1].isdigit() and not any(c.isalpha() for c in token) else "xd"
    hyphen = "-" if "-" in token else ""
    if token.isupper():
        return ("X" if len(token) == 1 else "XX") + hyphen
    if first.isupper():
        return "Xx" + hyphen
    if token.islower():
        return "x" + hyphen
    return "xX" + hyphen  # iPhone, eKTP


@dataclass(frozen=True, slots=True)
class Template:
    """One feature of the model: slot ``slot`` of the token at ``offset`` from the one tagged
    (``slot`` < 0: the first pass's tag of that neighbour)."""

    offset: int
    slot: int


OFFSETS = (0, -1, 1, -2, 2)  # the window, in the order of a type's vectors
_CACHE_TYPES = 32_768  # token types whose vectors are kept (about 21 MB); then it starts anew


class Tagger:
    """Tags sentences of :func:`summarizer.text.words.syntax_tokens` tokens.

    A token type's share of every score it takes part in (as the token tagged, and as each
    neighbour in the window) does not depend on where it stands, so it is summed once per
    type and kept: scoring a sentence is then one gather per window position from a small
    table of the types at hand, plus the neighbours' first-pass tags in the second pass.
    """

    def __init__(self, data: dict[str, np.ndarray]) -> None:
        self.tags: tuple[str, ...] = tuple(str(t) for t in data["tags"])
        self._values = [
            {str(v): i for i, v in enumerate(data[f"slot{s}"])} for s in range(len(SLOTS))
        ]
        self._rare = [values[_RARE] for values in self._values]
        n_tags = len(self.tags)
        # per pass: for each window position, the (slot, row offset) of its word templates,
        # and the weights of the neighbours' tags (one row per tag, and one for a pad)
        self._word_templates: list[list[list[tuple[int, int]]]] = []
        self._tag_weights: list[list[tuple[int, np.ndarray]]] = []
        self._weights: list[np.ndarray] = []
        for name in ("first", "second"):
            weights = data[f"{name}_weights"].astype(np.float32)
            by_offset: list[list[tuple[int, int]]] = [[] for _ in OFFSETS]
            tag_rows = []
            for (o, slot), row in zip(
                data[f"{name}_templates"], data[f"{name}_offsets"], strict=True
            ):
                if slot >= 0:
                    by_offset[OFFSETS.index(int(o))].append((int(slot), int(row)))
                else:
                    tag_rows.append((int(o), weights[int(row) : int(row) + n_tags + 1]))
            self._word_templates.append(by_offset)
            self._tag_weights.append(tag_rows)
            self._weights.append(weights)
        self._lock = threading.Lock()
        self._rows: dict[str, int] = {}
        # per window position, per type: both passes' scores side by side (one gather each)
        self._vectors = np.zeros((len(OFFSETS), 0, 2 * n_tags), dtype=np.float32)
        self._count = 0
        self._add([PAD])

    def _type_ids(self, token: str) -> tuple[int, ...]:
        return tuple(
            values.get(value, rare)
            for values, rare, value in zip(
                self._values, self._rare, word_features(token), strict=True
            )
        )

    def _add(self, tokens: list[str]) -> None:
        """Rows for new token types: their vectors summed for all of them at once."""
        ids = np.array([self._type_ids(t) for t in tokens], dtype=np.int64)  # (new, slots)
        need = self._count + len(tokens)
        n_tags = len(self.tags)
        if need > self._vectors.shape[1]:
            grown = np.zeros((len(OFFSETS), max(1024, 2 * need), 2 * n_tags), dtype=np.float32)
            grown[:, : self._count] = self._vectors[:, : self._count]
            self._vectors = grown
        rows = slice(self._count, need)
        for n, (weights, by_offset) in enumerate(
            zip(self._weights, self._word_templates, strict=True)
        ):
            columns = slice(n * n_tags, (n + 1) * n_tags)
            for k, templates in enumerate(by_offset):
                index = np.stack([ids[:, slot] + base for slot, base in templates], axis=1)
                self._vectors[k, rows, columns] = weights[index].sum(axis=1)
        for token in tokens:
            self._rows[token] = self._count
            self._count += 1

    def known(self, low: str) -> bool:
        """Whether a lower-cased word is one of the news corpus's frequent words (the
        vocabulary the model was trained with): a spelling newsrooms actually use."""
        return low in self._values[0]

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """The tag of every token, sentence by sentence."""
        return [[self.tags[i] for i in row] for row in self.tag_ids(sentences)]

    def tag_ids(self, sentences: list[list[str]]) -> list[list[int]]:
        """Tags as indices into :attr:`tags` (cheaper to compare than strings).

        One call at a time: the server runs requests in threads, and the type cache grows
        (and starts anew when full) in steps that must not interleave."""
        with self._lock:
            return self._tag_ids(sentences)

    def _tag_ids(self, sentences: list[list[str]]) -> list[list[int]]:
        rows_of = self._rows
        new = list({t: None for tokens in sentences for t in tokens if t not in rows_of})
        if new:
            if self._count + len(new) > _CACHE_TYPES:
                self._rows.clear()  # full: start anew (recomputed vectors are the same)
                self._count = 0
                new = list({t: None for tokens in sentences for t in tokens} | {PAD: None})
            self._add(new)
        pad = rows_of[PAD]
        stream: list[int] = [pad, pad]
        where: list[int] = []  # index in ``stream`` of each real token
        for tokens in sentences:
            where.extend(range(len(stream), len(stream) + len(tokens)))
            stream += [rows_of[t] for t in tokens]
            stream += (pad, pad)
        if not where:
            return [[] for _ in sentences]
        types = np.array(stream, dtype=np.int64)
        at = np.array(where, dtype=np.int64)
        vectors = self._vectors
        # both passes' word scores: one gather per window position, added in place
        both = vectors[0][types[at]]
        for k in range(1, len(OFFSETS)):
            both += vectors[k][types[at + OFFSETS[k]]]
        n_tags = len(self.tags)
        tags = both[:, :n_tags].argmax(axis=1)
        scores = both[:, n_tags:]
        tag_row = np.full(len(types), n_tags, dtype=np.int64)
        tag_row[at] = tags
        for o, weights in self._tag_weights[1]:
            scores += weights[tag_row[at + o]]
        tags = scores.argmax(axis=1)
        out: list[list[int]] = []
        flat = tags.tolist()
        start = 0
        for tokens in sentences:
            out.append(flat[start : start + len(tokens)])
            start += len(tokens)
        return out


@cache
def tagger() -> Tagger:
    """The shipped model, loaded once per process."""
    path = resources.files("summarizer.data").joinpath(MODEL_FILE)
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        return Tagger({key: data[key] for key in data.files})
