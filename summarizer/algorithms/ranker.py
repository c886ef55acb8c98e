"""The learned news ranker: gradient-boosted trees over sentence features.

Weights come from ``summarizer/data/ranker.json`` (trained on IndoSum by
``python -m benchmarks.train_ranker``) and are applied with numpy only: all
trees are walked at once, one array step per tree level (the roots as one
sentences × trees comparison; after three levels only the pairs not yet on a
leaf walk on), so the trees of a 16-sentence article cost about 60 small numpy
operations (under 0.1 ms warm). Features are those of
:mod:`summarizer.algorithms.features` (bounded similarity matrix, see there).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

import numpy as np

from ..text.document import Document
from .base import Algorithm
from .features import FEATURE_NAMES, MODEL_FEATURE_NAMES, Lexicon, model_features

MODEL_FILE = "ranker.json"
_COMPACT_AFTER = 3  # tree levels walked by every (sentence, tree) pair before compacting


@dataclass(frozen=True, slots=True)
class TreeModel:
    """A boosted tree ensemble flattened into 1-D node arrays (all trees end to end).

    Nodes are renumbered breadth-first within each tree with an inner node's
    children side by side (right, then left), so one walking step is
    ``node = first[node] + go_left``: no multiply and no per-child arrays. A
    leaf is its own ``first`` and has a NaN threshold (no value is ``<=`` NaN),
    so walking ``depth`` steps from every root lands each (sentence, tree) pair
    on its leaf without branching; one step is a handful of 1-D ``take`` calls
    over ``sentences × trees`` elements. The walk reads most of the model's nodes
    for every article and in a server the next request finds them evicted from
    the cache, so the arrays are kept small: one entry per node, feature columns
    as int16 (numpy widens them when the row offsets are added, at no extra cost).
    """

    feature: np.ndarray  # per node: feature column tested (int16)
    threshold: np.ndarray  # per node: go left when value <= threshold (NaN for a leaf)
    first: np.ndarray  # per node: its right child (the left child is next); a leaf: itself
    value: np.ndarray  # per node: leaf value (0 for inner nodes)
    inner: np.ndarray  # per node: True for an inner node (not a leaf)
    root_feature: np.ndarray  # per tree: feature column its root tests
    root_threshold: np.ndarray  # per tree: its root's threshold
    root_left: np.ndarray  # per tree: its root's left child
    root_right: np.ndarray  # per tree: its root's right child
    depth: int
    baseline: float
    feature_names: tuple[str, ...]
    lexicon: Lexicon = Lexicon()  # trained with the trees (see features.Lexicon)

    @classmethod
    def from_dict(cls, model: dict[str, Any]) -> TreeModel:
        trees = model["trees"]
        order: list[int] = []  # old index (in the trees' arrays end to end) of each new node
        first: list[int] = []
        roots: list[int] = []
        offset = 0  # the tree's first node in the trees' arrays end to end
        for tree in trees:
            left, right = tree["left"], tree["right"]
            base = len(order)
            roots.append(base)
            queue = [0]  # grows while read: breadth-first, children in pairs
            for node in queue:
                if left[node] == node:  # leaves point to themselves
                    first.append(len(first))
                else:
                    first.append(base + len(queue))
                    queue += (right[node], left[node])
            order += [offset + node for node in queue]
            offset += len(left)

        def flat(key: str, dtype: type) -> np.ndarray:
            return np.concatenate([np.asarray(t[key], dtype=dtype) for t in trees])[order]

        first_node = np.array(first, dtype=np.intp)
        inner = first_node != np.arange(len(first_node))
        feature = flat("feature", np.int16)
        threshold = np.where(inner, flat("threshold", float), np.nan)
        root = np.array(roots, dtype=np.intp)
        return cls(
            feature,
            threshold,
            first_node,
            flat("value", float),
            inner,
            feature[root].astype(np.intp),
            threshold[root],
            first_node[root] + 1,
            first_node[root],
            int(model["depth"]),
            float(model["baseline"]),
            tuple(model["features"]),
            Lexicon.from_dict(model.get("lexicon", {})),
        )

    def decision(self, x: np.ndarray) -> np.ndarray:
        """Raw ensemble output (log-odds) for each row of ``x``."""
        n, width = x.shape
        if n == 0:
            return np.zeros(0)
        values = np.ascontiguousarray(x, dtype=float)
        trees = len(self.root_feature)
        # the roots test the same column for every sentence: one (sentences × trees)
        # comparison and choice, without the per-pair lookups of the later steps
        go_left = values.take(self.root_feature, axis=1) <= self.root_threshold
        node = np.where(go_left, self.root_left, self.root_right).ravel()
        values = values.ravel()
        rows = np.repeat(np.arange(0, n * width, width), trees)  # each pair's row offset
        walked = min(_COMPACT_AFTER, self.depth)
        node = self._walk(node, rows, values, walked - 1)
        if walked < self.depth:
            # about 40% of the pairs sit on a leaf by now: walk on with the others only
            pending = np.flatnonzero(self.inner.take(node))
            node[pending] = self._walk(
                node.take(pending), rows.take(pending), values, self.depth - walked
            )
        return self.baseline + self.value.take(node).reshape(n, trees).sum(axis=1)

    def _walk(
        self, node: np.ndarray, rows: np.ndarray, values: np.ndarray, steps: int
    ) -> np.ndarray:
        """``steps`` levels down from ``node`` (a new array)."""
        feature, threshold, first = self.feature, self.threshold, self.first
        for _ in range(steps):
            column = feature.take(node) + rows  # int16 + intp: a new intp array
            go_left = values.take(column) <= threshold.take(node)
            node = first.take(node)
            node += go_left
        return node


def load_model(name: str = MODEL_FILE) -> TreeModel:
    """The packaged model (``summarizer/data/<name>``)."""
    text = resources.files("summarizer.data").joinpath(name).read_text("utf-8")
    return TreeModel.from_dict(json.loads(text))


class Ranker(Algorithm):
    name = "ranker"
    description = (
        "Learned news ranker (default): position, centrality, title and lead overlap, "
        "quote and attribution cues, scored by boosted trees trained on IndoSum."
    )

    def __init__(self, model: TreeModel | None = None) -> None:
        if model is not None:
            self.__dict__["model"] = model

    @cached_property
    def model(self) -> TreeModel:
        model = load_model()
        if model.feature_names != MODEL_FEATURE_NAMES:
            raise RuntimeError("ranker.json was trained on other features; retrain it")
        return model

    def score(self, doc: Document) -> np.ndarray:
        """Probability-like score in (0, 1) that a sentence belongs in a 3-sentence summary."""
        if len(doc) == 0:
            return np.zeros(0)
        raw = self.model.decision(model_features(doc, self.model.lexicon))
        return 1.0 / (1.0 + np.exp(-raw))


__all__ = ["FEATURE_NAMES", "Ranker", "TreeModel", "load_model"]
