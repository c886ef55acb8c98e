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


class Tagger:
    """Tags sentences of :func:`summarizer.text.words.syntax_tokens` tokens."""

    def __init__(self, data: dict[str, np.ndarray]) -> None:
        self.tags: tuple[str, ...] = tuple(str(t) for t in data["tags"])
        self._values = [
            {str(v): i for i, v in enumerate(data[f"slot{s}"])} for s in range(len(SLOTS))
        ]
        self._rare = [values[_RARE] for values in self._values]
        self._passes = []
        for name in ("first", "second"):
            templates = [Template(int(o), int(s)) for o, s in data[f"{name}_templates"]]
            self._passes.append(
                (templates, data[f"{name}_offsets"].astype(np.int64), data[f"{name}_weights"])
            )
        self._ids: dict[str, tuple[int, ...]] = {}
        self._pad = self._type_ids(PAD)

    def _type_ids(self, token: str) -> tuple[int, ...]:
        ids = self._ids.get(token)
        if ids is None:
            ids = tuple(
                values.get(value, rare)
                for values, rare, value in zip(
                    self._values, self._rare, word_features(token), strict=True
                )
            )
            if len(self._ids) < 200_000:
                self._ids[token] = ids
        return ids

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """The tag of every token, sentence by sentence."""
        return [[self.tags[i] for i in row] for row in self.tag_ids(sentences)]

    def tag_ids(self, sentences: list[list[str]]) -> list[list[int]]:
        """Tags as indices into :attr:`tags` (cheaper to compare than strings)."""
        rows: list[tuple[int, ...]] = [self._pad, self._pad]
        where: list[int] = []  # index in ``rows`` of each real token
        ids = self._ids
        for tokens in sentences:
            for token in tokens:
                where.append(len(rows))
                rows.append(ids.get(token) or self._type_ids(token))
            rows += (self._pad, self._pad)
        if not where:
            return [[] for _ in sentences]
        table = np.array(rows, dtype=np.int64)  # (tokens + pads, slots)
        at = np.array(where, dtype=np.int64)
        first, second = self._passes
        tags = self._score(first, table, at, None)
        tags = self._score(second, table, at, tags)
        out: list[list[int]] = []
        flat = tags.tolist()
        start = 0
        for tokens in sentences:
            out.append(flat[start : start + len(tokens)])
            start += len(tokens)
        return out

    def _score(self, model: tuple, table: np.ndarray, at: np.ndarray, tags: np.ndarray | None):
        templates, offsets, weights = model
        if tags is not None:
            # the first pass's tags, laid out like ``table`` (pads get an extra tag id)
            tag_row = np.full(len(table), len(self.tags), dtype=np.int64)
            tag_row[at] = tags
        columns = [
            (table[at + t.offset, t.slot] if t.slot >= 0 else tag_row[at + t.offset])
            for t in templates
        ]
        index = np.stack(columns, axis=1) + offsets  # (tokens, templates)
        return weights[index].sum(axis=1, dtype=np.float32).argmax(axis=1)


@cache
def tagger() -> Tagger:
    """The shipped model, loaded once per process."""
    path = resources.files("summarizer.data").joinpath(MODEL_FILE)
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        return Tagger({key: data[key] for key in data.files})
