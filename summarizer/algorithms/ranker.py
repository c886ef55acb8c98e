"""The learned news ranker: gradient-boosted trees over sentence features.

Weights come from ``summarizer/data/ranker.json`` (trained on IndoSum by
``python -m benchmarks.train_ranker``) and are applied with numpy only: all
trees are walked at once, one array step per tree level (the roots as one
sentences × trees comparison; after three levels only the pairs not yet on a
leaf walk on), so the trees of a 16-sentence article cost about 60 small numpy
operations (under 0.1 ms warm). Features are those of
:mod:`summarizer.features` (bounded similarity matrix, see there).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

import numpy as np

from ..document import Document
from ..features import FEATURE_NAMES, MODEL_FEATURE_NAMES, Lexicon, model_features
from .base import Algorithm

MODEL_FILE = "ranker.json"
_COMPACT_AFTER = 3  # tree levels walked by every (sentence, tree) pair before compacting


@dataclass(frozen=True, slots=True)
class TreeModel:
    """A boosted tree ensemble flattened into 1-D arrays (all trees' nodes end to end).

    Every node owns two *slots* (``2 * node`` and ``2 * node + 1``) so that one
    walking step is ``slot = children[slot + go_left]`` with no multiply: the
    per-slot arrays repeat each node's feature and threshold, and ``children``
    holds the child's slot (right child first, left child second). Leaves point
    to themselves, so walking ``depth`` steps from every root lands each
    (sentence, tree) pair on its leaf without branching; one step is a handful
    of 1-D ``take`` calls over ``sentences × trees`` elements.
    """

    feature: np.ndarray  # per slot: feature column tested
    threshold: np.ndarray  # per slot: go left when value <= threshold
    children: np.ndarray  # per slot: slot of the [right, left] child
    value: np.ndarray  # per slot: leaf value (0 for inner nodes)
    inner: np.ndarray  # per slot: True for an inner node (not a leaf)
    root_feature: np.ndarray  # per tree: feature column its root tests
    root_threshold: np.ndarray  # per tree: its root's threshold
    root_left: np.ndarray  # per tree: slot of its root's left child
    root_right: np.ndarray  # per tree: slot of its root's right child
    depth: int
    baseline: float
    feature_names: tuple[str, ...]
    lexicon: Lexicon = Lexicon()  # trained with the trees (see features.Lexicon)

    @classmethod
    def from_dict(cls, model: dict[str, Any]) -> TreeModel:
        trees = model["trees"]
        sizes = np.array([len(t["feature"]) for t in trees])
        roots = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
        offset = np.repeat(roots, sizes)

        def flat(key: str, dtype: type) -> np.ndarray:
            return np.concatenate([np.asarray(t[key], dtype=dtype) for t in trees])

        def slots(values: np.ndarray) -> np.ndarray:
            return np.repeat(values, 2)

        feature, threshold = flat("feature", np.intp), flat("threshold", float)
        children = np.stack(
            [flat("right", np.intp) + offset, flat("left", np.intp) + offset], axis=1
        )
        inner = children[:, 0] != np.arange(len(children))  # leaves point to themselves
        return cls(
            slots(feature),
            slots(threshold),
            2 * children.ravel(),
            slots(flat("value", float)),
            slots(inner),
            feature[roots],
            threshold[roots],
            2 * children[roots, 1],
            2 * children[roots, 0],
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
        slot = np.where(go_left, self.root_left, self.root_right).ravel()
        values = values.ravel()
        rows = np.repeat(np.arange(0, n * width, width), trees)  # each pair's row offset
        walked = min(_COMPACT_AFTER, self.depth)
        slot = self._walk(slot, rows, values, walked - 1)
        if walked < self.depth:
            # about 40% of the pairs sit on a leaf by now: walk on with the others only
            pending = np.flatnonzero(self.inner.take(slot))
            slot[pending] = self._walk(
                slot.take(pending), rows.take(pending), values, self.depth - walked
            )
        return self.baseline + self.value.take(slot).reshape(n, trees).sum(axis=1)

    def _walk(
        self, slot: np.ndarray, rows: np.ndarray, values: np.ndarray, steps: int
    ) -> np.ndarray:
        """``steps`` levels down from ``slot`` (updated in place, then replaced)."""
        feature, threshold, children = self.feature, self.threshold, self.children
        for _ in range(steps):
            column = feature.take(slot)
            column += rows
            slot += values.take(column) <= threshold.take(slot)
            slot = children.take(slot)
        return slot


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
