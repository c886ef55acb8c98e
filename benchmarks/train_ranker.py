"""Train the ``ranker`` algorithm's model on IndoSum, reproducibly.

    python -m benchmarks.train_ranker --data /path/to/indosum

Every article goes through the real pipeline (``build_document``: cleaning,
sentence splitting, stemming) so the model sees exactly what it will see at
run time. The target of a sentence is whether it belongs to the article's
best three-sentence extract (the triple among the first ten sentences with
the highest ROUGE-1 + ROUGE-2 F1 against the human summary): the default
summary has three sentences, so the model learns which three, including when
to go beyond the lead. Each sentence weighs what that choice is worth in ROUGE
(:func:`gain_weights`: the best extract with it against the best without it), so
near-ties between two sentences count little and a sentence the summary cannot do
without counts a lot. Each article is used with and without its title, so the model
works whether or not a request carries one, and in two input shapes (``SHAPES``):
with its paragraph breaks and as one block without them, so the trees learn what
to do when a CMS sends no paragraphs instead of reading every sentence as the
first paragraph's.

The model is a scikit-learn ``HistGradientBoostingClassifier`` (fixed seed,
no early stopping) exported to plain arrays in ``summarizer/data/ranker.json``
and applied with numpy (:mod:`summarizer.algorithms.ranker`). Derived from
IndoSum: CC BY-SA 4.0.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import numpy as np

from summarizer.algorithms.features import (
    MODEL_FEATURE_NAMES,
    Lexicon,
    core_features,
    lexicon_matrix,
    opener_keys,
)
from summarizer.algorithms.ranker import TreeModel
from summarizer.text.document import build_document

from .indosum import FOLDS, Article, load

OUT = Path(__file__).resolve().parent.parent / "summarizer" / "data" / "ranker.json"
ORACLE_WINDOW = 10  # the best triple is searched among the first sentences
SUMMARY_SIZE = 3
SHAPES = ("blank", "none")  # input shapes trained on (benchmarks.indosum.PARAGRAPH_BREAKS)
WEIGHT_FLOOR = 0.02  # added to every sentence's ROUGE weight, so no sentence weighs nothing
PARAMS = {
    "max_iter": 200,
    "learning_rate": 0.05,
    "max_leaf_nodes": 31,
    "max_depth": 8,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}
LEXICON_PRIOR = 5.0  # pseudo-sentences pulling a rare stem's log-odds towards 0
LEXICON_MIN_COUNT = 3  # stems / openers seen in fewer training sentences are left out
LEXICON_SIZE = 20_000  # most frequent stems kept in the shipped lexicon
CITATION = (
    "Kurniawan & Louvan, IndoSum: A New Benchmark Dataset for Indonesian Text "
    "Summarization, IALP 2018, DOI 10.1109/IALP.2018.8629109 (CC BY-SA 4.0)"
)


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    return 2 * overlap / (sum(candidate.values()) + sum(reference.values()))


def triple_scores(
    sentences: Sequence[str], summary: str
) -> tuple[list[tuple[int, ...]], np.ndarray]:
    """Every extract of ``SUMMARY_SIZE`` sentences among the first ``ORACLE_WINDOW``, and its
    ROUGE-1 + ROUGE-2 F1 against ``summary`` (rouge-score's tokenizer)."""
    from rouge_score import tokenize

    reference = tokenize.tokenize(summary, None)
    r1, r2 = _ngrams(reference, 1), _ngrams(reference, 2)
    tokens = [tokenize.tokenize(s, None) for s in sentences[:ORACLE_WINDOW]]
    combos = list(itertools.combinations(range(len(tokens)), min(SUMMARY_SIZE, len(tokens))))
    scores = []
    for combo in combos:
        words = [w for i in combo for w in tokens[i]]
        scores.append(_f1(_ngrams(words, 1), r1) + _f1(_ngrams(words, 2), r2))
    return combos, np.array(scores)


def best_triple(sentences: Sequence[str], summary: str) -> tuple[int, ...]:
    """Indices of the extract of ``SUMMARY_SIZE`` sentences closest to ``summary``."""
    combos, scores = triple_scores(sentences, summary)
    return combos[int(np.argmax(scores))] if combos else ()


def gain_weights(combos: list[tuple[int, ...]], scores: np.ndarray, n: int) -> np.ndarray:
    """Each sentence's training weight: how much ROUGE the best extract gains by holding it
    (for a sentence in the best extract) or loses when made to hold it (for any other),
    ``|best with it - best without it|``, plus ``WEIGHT_FLOOR``. Sentences past the search
    window (never in an extract) weigh as much as the article's median sentence."""
    weights = np.full(n, np.nan)
    for i in range(min(n, ORACLE_WINDOW)):
        holds = np.array([i in combo for combo in combos])
        with_it = scores[holds].max() if holds.any() else 0.0
        without = scores[~holds].max() if (~holds).any() else 0.0
        weights[i] = abs(with_it - without)
    known = weights[: min(n, ORACLE_WINDOW)]
    weights[np.isnan(weights)] = np.median(known) if len(known) else 1.0
    return weights + WEIGHT_FLOOR


@dataclass(slots=True)
class Shaped:
    """One article in one input shape: what training reads."""

    titled: np.ndarray  # core features with the title
    plain: np.ndarray  # core features without it
    y: np.ndarray  # 1 for the sentences of the best extract
    weight: np.ndarray  # gain_weights
    stems: list[list[str]]  # each sentence's stems and openers, for the lexicon
    openers: list[tuple[str, str]]  # features (they depend on the training articles)


@dataclass(slots=True)
class Sample:
    """One prepared article: its fold, its publisher and each input shape of it."""

    fold: str
    source: str
    shapes: dict[str, Shaped]


def prepare(article: Article) -> Sample:
    """Features, targets and weights of ``article`` in every shape of ``SHAPES``."""
    shapes = {}
    for shape in SHAPES:
        text = article.text_as(shape)
        titled = build_document(text, title=article.title)
        plain = build_document(text)
        combos, scores = triple_scores([s.text for s in plain.sentences], article.summary_text)
        y = np.zeros(len(plain))
        if combos:
            y[list(combos[int(np.argmax(scores))])] = 1.0
        shapes[shape] = Shaped(
            core_features(titled),
            core_features(plain),
            y,
            gain_weights(combos, scores, len(plain)),
            [s.terms for s in plain.sentences],
            [opener_keys(s.words) for s in plain.sentences],
        )
    return Sample(article.fold, article.source, shapes)


def _log_odds(kept: Counter, seen: Counter, rate: float, limit: int | None) -> dict[str, float]:
    base = math.log(rate / (1 - rate))
    common = [k for k, c in seen.most_common(limit) if c >= LEXICON_MIN_COUNT]
    return {
        k: round(
            math.log(
                (kept[k] + LEXICON_PRIOR * rate) / (seen[k] - kept[k] + LEXICON_PRIOR * (1 - rate))
            )
            - base,
            3,
        )
        for k in sorted(common)
    }


def build_lexicon(samples: Iterable[Sample], limit: int | None = None) -> Lexicon:
    """Smoothed log-odds that a sentence holding a stem (or opening with these
    words) is in the best extract, relative to the overall rate (each article counted
    once, in its first shape)."""
    kept_terms, seen_terms, kept_openers, seen_openers = Counter(), Counter(), Counter(), Counter()
    kept = total = 0
    for sample in samples:
        shaped = sample.shapes[SHAPES[0]]
        for label, own, keys in zip(shaped.y, shaped.stems, shaped.openers, strict=True):
            own = set(own)
            seen_terms.update(own)
            seen_openers.update(keys)
            if label:
                kept_terms.update(own)
                kept_openers.update(keys)
            kept += int(label)
            total += 1
    if not 0 < kept < total:  # nothing to learn from (no other group, say)
        return Lexicon()
    rate = kept / total
    return Lexicon(
        _log_odds(kept_terms, seen_terms, rate, limit),
        _log_odds(kept_openers, seen_openers, rate, limit),
    )


def prepare_all(articles: Sequence[Article], processes: int = 2) -> list[Sample]:
    if processes <= 1:
        return [prepare(a) for a in articles]
    with Pool(processes) as pool:
        return pool.map(prepare, articles, chunksize=16)


def fit(samples: Sequence[Sample], params: dict | None = None, groups: str = "fold") -> dict:
    """Train on prepared articles; the model as a JSON-ready dict.

    ``params`` are the ``HistGradientBoostingClassifier`` settings (default ``PARAMS``).

    The lexicon features of each training article come from a lexicon built on the
    training articles of the *other* ``groups`` (``fold`` or ``source``; a lexicon
    scores its own sentences too well, and the trees would over-trust it); the exported
    lexicon is built on all of them.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    by_group: dict[str, list[Sample]] = {}
    for sample in samples:
        by_group.setdefault(getattr(sample, groups), []).append(sample)
    xs, ys, ws = [], [], []
    for group, members in by_group.items():
        lexicon = build_lexicon(
            s for other, rest in by_group.items() if other != group for s in rest
        )
        for sample in members:
            for shaped in sample.shapes.values():
                lex = lexicon_matrix(shaped.stems, shaped.openers, lexicon)
                xs += [np.hstack([shaped.titled, lex]), np.hstack([shaped.plain, lex])]
                ys += [shaped.y, shaped.y]
                ws += [shaped.weight, shaped.weight]
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    clf = HistGradientBoostingClassifier(**(params or PARAMS)).fit(x, y, sample_weight=w)
    model = export(clf)
    lexicon = build_lexicon(samples, LEXICON_SIZE)
    model["lexicon"] = {"terms": lexicon.terms, "openers": lexicon.openers}
    check = TreeModel.from_dict(model).decision(x[:2000])
    if not np.allclose(check, clf.decision_function(x[:2000]), atol=1e-4):
        raise AssertionError("exported trees disagree with scikit-learn")
    return model


def export(clf) -> dict:
    """A fitted binary HistGradientBoostingClassifier as padded-array-ready trees."""
    trees = []
    depth = 0
    for (predictor,) in clf._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        own = np.arange(len(nodes))
        trees.append(
            {
                "feature": np.where(leaf, 0, nodes["feature_idx"]).astype(int).tolist(),
                "threshold": np.where(leaf, 0.0, nodes["num_threshold"]).tolist(),
                "left": np.where(leaf, own, nodes["left"]).astype(int).tolist(),
                "right": np.where(leaf, own, nodes["right"]).astype(int).tolist(),
                "value": [float(f"{v:.7g}") for v in np.where(leaf, nodes["value"], 0.0)],
            }
        )
        depth = max(depth, int(nodes["depth"].max()))
    return {
        "format": "boosted-trees/1",
        "features": list(MODEL_FEATURE_NAMES),
        "depth": depth,
        "baseline": float(np.ravel(clf._baseline_prediction)[0]),
        "trees": trees,
    }


CV_KEYS = ("fold", "source")  # 4-fold CV, or leave one publisher out


def cv_models(
    samples: Sequence[Sample], by: str = "fold", params: dict | None = None
) -> dict[str, dict]:
    """For each fold (``by="fold"``) or publisher (``by="source"``), a model trained on
    all the other articles, for honest cross-validated scores."""
    held_out = sorted({getattr(s, by) for s in samples})
    return {key: fit([s for s in samples if getattr(s, by) != key], params) for key in held_out}


def model_params(
    trees: int | None = None, depth: int | None = None, learning_rate: float | None = None
) -> dict:
    """``PARAMS`` with the ensemble size, tree depth or learning rate overridden."""
    params = dict(PARAMS)
    for key, value in (("max_iter", trees), ("max_depth", depth), ("learning_rate", learning_rate)):
        if value is not None:
            params[key] = value
    return params


def prepare_data(data: str | Path, processes: int = 2) -> list[Sample]:
    """Every article of IndoSum folds 1-4, prepared."""
    return prepare_all(list(load(data, FOLDS)), processes)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="folder with IndoSum fold1..fold4.jsonl")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--trees", type=int, help=f"boosting rounds (default {PARAMS['max_iter']})")
    parser.add_argument("--depth", type=int, help=f"tree depth (default {PARAMS['max_depth']})")
    parser.add_argument("--learning-rate", type=float, help=f"default {PARAMS['learning_rate']}")
    args = parser.parse_args(argv)
    params = model_params(args.trees, args.depth, args.learning_rate)
    model = fit(prepare_data(args.data, args.processes), params)
    model["provenance"] = {
        "trained_on": "IndoSum fold1-fold4 development sets (2,809 articles, de-duplicated)",
        "command": "python -m benchmarks.train_ranker --data <indosum>",
        "target": f"best {SUMMARY_SIZE}-sentence extract (ROUGE-1+2 F1) among the first {ORACLE_WINDOW}",
        "weights": (
            "each sentence weighs |best extract with it - best extract without it| "
            f"(ROUGE-1+2 F1) + {WEIGHT_FLOOR}; past the window, the article's median"
        ),
        "shapes": [f"{shape} paragraph breaks, with and without the title" for shape in SHAPES],
        "params": params,
        "lexicon": (
            f"log-odds of a sentence being in the best extract given a stem or its first "
            f"words; prior {LEXICON_PRIOR}, min count {LEXICON_MIN_COUNT}, "
            f"top {LEXICON_SIZE} stems"
        ),
        "licence": "CC BY-SA 4.0",
        "citation": CITATION,
    }
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model['trees'])} trees, depth {model['depth']})")


if __name__ == "__main__":
    main()
