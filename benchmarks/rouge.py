"""Summary quality on IndoSum: ROUGE-1/2/L F1 of every algorithm, 3 sentences.

    python -m benchmarks.rouge --data /path/to/indosum [--algorithms lead,ranker]
        [--cv source] [--breaks blank,none,single]

Each article's raw text (rebuilt from IndoSum's tokens) goes through the whole
public pipeline, ``summarizer.summarize()``, cleaning and sentence splitting
included, and the summary is scored against the human ``summary`` with the
``rouge-score`` package (no stemming, default tokenizer). Learned algorithms
(``ranker``) are cross-validated: for each fold a model trained on the other
three folds scores it, so no figure comes from data the model was fitted to.
``--cv source`` holds out a publisher instead (leave-one-publisher-out: a model
trained on the other nine of IndoSum's ten publishers scores each one), the way
a newsroom that is not in the training data sees the service.

``--breaks`` sets how the rebuilt text separates paragraphs
(``benchmarks.indosum.PARAGRAPH_BREAKS``): ``blank`` lines (the default), ``single``
line breaks, or ``none`` (one block of text, as a CMS that drops paragraphs sends it);
several, comma-separated, are scored one after the other by the same models, and the
ranker's R-1 lost against the first is printed.

Rows: ``lead-3 (gold split)`` and ``oracle`` use IndoSum's own sentence split
(the published reference rows); every other row is a real pipeline run.
``ranker+title`` passes the article's real headline as ``title``.

With the defaults (all articles, ``--cv fold``, ``--breaks blank``) the scores are also written to
``summarizer/data/benchmark.json`` (exposed as ``summarizer.algorithms.BENCHMARK``).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

import numpy as np

from summarizer import summarize
from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from summarizer.algorithms.ranker import Ranker, TreeModel

from .indosum import PARAGRAPH_BREAKS, Article, load
from .train_ranker import CV_KEYS, cv_models, prepare_data

OUT = Path(__file__).resolve().parent.parent / "summarizer" / "data" / "benchmark.json"
REFERENCE = ("lead-3 (gold split)", "oracle")
LEARNED = ("ranker",)
METRICS = ("rouge1", "rouge2", "rougeL")
COMMAND = "python -m benchmarks.rouge --data <indosum>"

_scorer = None
_fold_rankers: dict[str, Ranker] = {}  # held-out fold or publisher -> its model
_held_out = {"by": "fold"}  # the Article attribute that names each article's model


def _init(models: dict[str, dict], cv: str = "fold") -> None:
    global _scorer
    from rouge_score import rouge_scorer

    _scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=False)
    _held_out["by"] = cv
    for key, model in models.items():
        _fold_rankers[key] = Ranker(TreeModel.from_dict(model))


def _rouge(reference: str, candidate: str) -> tuple[float, ...]:
    scores = _scorer.score(reference, candidate)
    return tuple(scores[m].fmeasure for m in METRICS)


def _candidate(article: Article, name: str, breaks: str = "blank") -> str:
    if name == "oracle":
        return " ".join(article.gold_sentences)
    if name == "lead-3 (gold split)":
        return " ".join(article.sentences[:3])
    title = None
    if name.endswith("+title"):
        name, title = name.removesuffix("+title"), article.title
    if name in LEARNED and _fold_rankers:
        # the model that never saw this article's fold (or publisher)
        ALGORITHMS[name] = _fold_rankers[getattr(article, _held_out["by"])]
    text = article.text_as(breaks)
    result = summarize(text, algorithm=name, sentences=3, title=title, headlines=0)
    return result.summary


def _score_article(task: tuple[Article, tuple[str, ...], str]) -> dict[str, tuple[float, ...]]:
    article, names, breaks = task
    return {name: _rouge(article.summary_text, _candidate(article, name, breaks)) for name in names}


def _mean(rows: list[tuple[float, ...]]) -> dict[str, float]:
    means = np.mean(np.asarray(rows), axis=0) * 100
    return {m: round(float(v), 2) for m, v in zip(METRICS, means, strict=True)}


def run(
    data: str,
    names: tuple[str, ...],
    processes: int = 2,
    limit: int | None = None,
    cv: str = "fold",
    breaks: tuple[str, ...] = ("blank",),
) -> dict[str, tuple[dict, dict]]:
    """For each of ``breaks`` (how paragraphs are separated in the text, see
    ``PARAGRAPH_BREAKS``), mean scores overall and per source/category:
    ``{breaks: (overall, groups)}``. ``cv`` is what a learned model's training leaves
    out (``fold`` or ``source``); the same models score every shape of the text."""
    articles = list(load(data))
    if limit:
        articles = articles[:: max(1, len(articles) // limit)][:limit]
    models: dict[str, dict] = {}
    if any(n.removesuffix("+title") in LEARNED for n in names):
        started = time.perf_counter()
        models = cv_models(prepare_data(data, processes), cv)
        print(
            f"# trained {len(models)} models (one per held-out {cv}) in "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
    out = {}
    with Pool(processes, initializer=_init, initargs=(models, cv)) as pool:
        for shape in breaks:
            tasks = [(a, names, shape) for a in articles]
            results = pool.map(_score_article, tasks, chunksize=8)
            overall = {n: _mean([r[n] for r in results]) for n in names}
            groups: dict[str, dict[str, dict]] = defaultdict(dict)
            for key in ("source", "category"):
                for value in sorted({getattr(a, key) for a in articles}):
                    idx = [i for i, a in enumerate(articles) if getattr(a, key) == value]
                    label = f"{key}: {value} ({len(idx)})"
                    groups[label] = {n: _mean([results[i][n] for i in idx]) for n in names}
            out[shape] = (overall, dict(groups))
    return out


def table(overall: dict, groups: dict, names: tuple[str, ...], cv: str = "fold") -> str:
    lines = ["| method, 3 sentences | R-1 | R-2 | R-L |", "| --- | --- | --- | --- |"]
    how = "4-fold CV" if cv == "fold" else "leave-one-publisher-out"
    for n in names:
        s = overall[n]
        label = f"**{n}** (default, {how})" if n == DEFAULT_ALGORITHM else n
        lines.append(f"| {label} | {s['rouge1']:.2f} | {s['rouge2']:.2f} | {s['rougeL']:.2f} |")
    focus = [n for n in ("lead", DEFAULT_ALGORITHM, "oracle") if n in names]
    lines += ["", "| group | " + " | ".join(f"{n} R-1" for n in focus) + " |"]
    lines.append("| --- |" + " --- |" * len(focus))
    for label, scores in groups.items():
        lines.append(
            f"| {label} | " + " | ".join(f"{scores[n]['rouge1']:.2f}" for n in focus) + " |"
        )
    if "lead" in names and DEFAULT_ALGORITHM in names:
        lines += ["", publisher_gains(groups)]
    return "\n".join(lines)


def publisher_gains(groups: dict, name: str = DEFAULT_ALGORITHM) -> str:
    """How ``name`` does against ``lead`` publisher by publisher (R-1)."""
    gains = {
        label.removeprefix("source: "): scores[name]["rouge1"] - scores["lead"]["rouge1"]
        for label, scores in groups.items()
        if label.startswith("source: ")
    }
    worst = min(gains, key=gains.get)
    at_least = sum(g >= 0 for g in gains.values())
    return (
        f"{name} - lead, R-1 per publisher: at or above lead on {at_least} of {len(gains)}, "
        f"mean {np.mean(list(gains.values())):+.2f}, smallest {gains[worst]:+.2f} ({worst})"
    )


def write(overall: dict, path: Path = OUT) -> None:
    """Merge the scores into the package's benchmark file."""
    current = json.loads(path.read_text("utf-8")) if path.exists() else {}
    scores = current.get("scores", {})
    scores.update({n: overall[n] for n in overall if n in ALGORITHMS})
    payload = {
        "dataset": "IndoSum fold1-fold4 (2,809 articles), gold summary, 3 sentences",
        "metric": "ROUGE F1 x 100, rouge-score package, no stemming",
        "command": COMMAND,
        "cross_validated": list(LEARNED),
        "scores": dict(sorted(scores.items())),
    }
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="folder with IndoSum fold1..fold4.jsonl")
    parser.add_argument(
        "--algorithms",
        default=",".join(
            [*REFERENCE, *ALGORITHMS, f"{DEFAULT_ALGORITHM}+title"]
            if DEFAULT_ALGORITHM in LEARNED
            else [*REFERENCE, *ALGORITHMS]
        ),
        help="comma-separated rows (algorithm names, oracle, 'lead-3 (gold split)', NAME+title)",
    )
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--limit", type=int, help="score an even sample of this many articles")
    parser.add_argument(
        "--cv",
        choices=CV_KEYS,
        default="fold",
        help="what a learned model leaves out: the article's fold (4-fold CV) or its "
        "publisher (leave-one-publisher-out)",
    )
    parser.add_argument(
        "--breaks",
        default="blank",
        help="comma-separated paragraph breaks of the rebuilt text, each scored in turn by "
        f"the same models: {', '.join(PARAGRAPH_BREAKS)} (blank lines, single line "
        "breaks, none)",
    )
    args = parser.parse_args(argv)
    names = tuple(n.strip() for n in args.algorithms.split(",") if n.strip())
    breaks = tuple(b.strip() for b in args.breaks.split(",") if b.strip())
    if unknown := set(breaks) - set(PARAGRAPH_BREAKS):
        parser.error(f"unknown --breaks {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    scored = run(args.data, names, args.processes, args.limit, args.cv, breaks)
    for shape, (overall, groups) in scored.items():
        print(f"\n# cv {args.cv}, paragraph breaks: {shape}\n")
        print(table(overall, groups, names, args.cv))
    if len(scored) > 1 and DEFAULT_ALGORITHM in names:
        base = scored[breaks[0]][0][DEFAULT_ALGORITHM]["rouge1"]
        print()
        for shape in breaks[1:]:
            cost = base - scored[shape][0][DEFAULT_ALGORITHM]["rouge1"]
            print(
                f"{DEFAULT_ALGORITHM} R-1 lost with {shape} breaks against {breaks[0]}: {cost:.2f}"
            )
    print(f"\n# {time.perf_counter() - started:.0f} s")
    if not args.limit and args.cv == "fold" and "blank" in scored:
        write(scored["blank"][0])


if __name__ == "__main__":
    main()
