"""Train the ``ranker`` algorithm's model on IndoSum, reproducibly.

    python -m benchmarks.train_ranker --data /path/to/indosum

Every article goes through the real pipeline (``build_document``: cleaning,
sentence splitting, stemming) so the model sees exactly what it will see at
run time. The target of a sentence is whether it belongs to the article's
best three-sentence extract (the triple among the first ten sentences with
the highest ROUGE-1 + ROUGE-2 F1 against the human summary): the default
summary has three sentences, so the model learns which three, including when
to go beyond the lead. Each article is used twice, with and without its
title, so the model works whether or not a request carries one.

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


def best_triple(sentences: Sequence[str], summary: str) -> tuple[int, ...]:
    """Indices of the extract of ``SUMMARY_SIZE`` sentences closest to ``summary``."""
    from rouge_score import tokenize

    reference = tokenize.tokenize(summary, None)
    r1, r2 = _ngrams(reference, 1), _ngrams(reference, 2)
    tokens = [tokenize.tokenize(s, None) for s in sentences[:ORACLE_WINDOW]]
    best, best_score = (), -1.0
    for combo in itertools.combinations(range(len(tokens)), min(SUMMARY_SIZE, len(tokens))):
        words = [w for i in combo for w in tokens[i]]
        score = _f1(_ngrams(words, 1), r1) + _f1(_ngrams(words, 2), r2)
        if score > best_score:
            best, best_score = combo, score
    return best


Sample = tuple[np.ndarray, np.ndarray, np.ndarray, list[list[str]], list[tuple[str, str]]]


def prepare(article: Article) -> Sample:
    """Core features with title, without title, targets, and each sentence's
    stems and openers (for the lexicon features, which depend on the training folds)."""
    titled = build_document(article.text, title=article.title)
    plain = build_document(article.text)
    y = np.zeros(len(titled))
    y[list(best_triple([s.text for s in titled.sentences], article.summary_text))] = 1.0
    stems = [s.terms for s in plain.sentences]
    openers = [opener_keys(s.words) for s in plain.sentences]
    return core_features(titled), core_features(plain), y, stems, openers


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
    words) is in the best extract, relative to the overall rate."""
    kept_terms, seen_terms, kept_openers, seen_openers = Counter(), Counter(), Counter(), Counter()
    kept = total = 0
    for _, _, y, stems, openers in samples:
        for label, own, keys in zip(y, stems, openers, strict=True):
            own = set(own)
            seen_terms.update(own)
            seen_openers.update(keys)
            if label:
                kept_terms.update(own)
                kept_openers.update(keys)
            kept += int(label)
            total += 1
    rate = kept / max(total, 1)
    return Lexicon(
        _log_odds(kept_terms, seen_terms, rate, limit),
        _log_odds(kept_openers, seen_openers, rate, limit),
    )


def prepare_all(articles: Sequence[Article], processes: int = 2) -> list[Sample]:
    if processes <= 1:
        return [prepare(a) for a in articles]
    with Pool(processes) as pool:
        return pool.map(prepare, articles, chunksize=16)


def fit(folds: dict[str, list[Sample]], params: dict | None = None) -> dict:
    """Train on prepared articles of several folds; the model as a JSON-ready dict.

    ``params`` are the ``HistGradientBoostingClassifier`` settings (default ``PARAMS``).

    The lexicon features of each training fold come from a lexicon built on the
    *other* training folds (a lexicon scores its own sentences too well, and the
    trees would over-trust it); the exported lexicon is built on all of them.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    xs, ys = [], []
    for fold, samples in folds.items():
        lexicon = build_lexicon(s for other, rest in folds.items() if other != fold for s in rest)
        for titled, plain, y, stems, openers in samples:
            lex = lexicon_matrix(stems, openers, lexicon)
            xs += [np.hstack([titled, lex]), np.hstack([plain, lex])]
            ys += [y, y]
    x, y = np.vstack(xs), np.concatenate(ys)
    clf = HistGradientBoostingClassifier(**(params or PARAMS)).fit(x, y)
    model = export(clf)
    lexicon = build_lexicon((s for samples in folds.values() for s in samples), LEXICON_SIZE)
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


def fold_models(prepared: dict[str, list[Sample]], params: dict | None = None) -> dict[str, dict]:
    """For each fold, a model trained on the other three (for honest CV scores)."""
    return {held: fit({f: prepared[f] for f in FOLDS if f != held}, params) for held in FOLDS}


def model_params(
    trees: int | None = None, depth: int | None = None, learning_rate: float | None = None
) -> dict:
    """``PARAMS`` with the ensemble size, tree depth or learning rate overridden."""
    params = dict(PARAMS)
    for key, value in (("max_iter", trees), ("max_depth", depth), ("learning_rate", learning_rate)):
        if value is not None:
            params[key] = value
    return params


def prepare_folds(data: str | Path, processes: int = 2) -> dict[str, list]:
    return {fold: prepare_all(list(load(data, (fold,))), processes) for fold in FOLDS}


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
    prepared = prepare_folds(args.data, args.processes)
    model = fit(prepared, params)
    model["provenance"] = {
        "trained_on": "IndoSum fold1-fold4 development sets (2,809 articles, de-duplicated)",
        "command": "python -m benchmarks.train_ranker --data <indosum>",
        "target": f"best {SUMMARY_SIZE}-sentence extract (ROUGE-1+2 F1) among the first {ORACLE_WINDOW}",
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
