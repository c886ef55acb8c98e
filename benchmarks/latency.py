"""In-process latency per IndoSum article: default pipeline, every algorithm, sumy LexRank.

The reference is plain sumy set up for Indonesian the way a user would do it,
independently of our pipeline: sumy's ``PlaintextParser`` with a regex
sentence/word tokenizer, a Sastrawi stemmer behind a dict cache and Sastrawi's
stop words, running ``LexRankSummarizer`` for 3 sentences. Everything is
measured in the same run: in each of ``--rounds`` rounds every configuration
summarises the whole sample in one block, as a server worker runs one pipeline
request after request, and the configurations' order rotates between rounds so
machine load hits all of them alike. ``--interleave`` instead sends each article
through every configuration in turn, so each call starts with caches full of
another configuration's data (the harsher, cold-cache figure). One full warm-up
pass fills every cache first; gc stays on.

    python -m benchmarks.latency --data /work/shared/data/indosum [--sample 600] [--interleave]

``--scoring`` times each algorithm's ``score()`` alone on documents built
beforehand, next to sumy's own TextRank and LexRank code on the same
documents. ``--stages`` instead times the default pipeline's steps (every function
``summarizer.pipeline`` and ``summarizer.text.document`` call from other modules,
and the default algorithm's ``score``), to show where the time goes. This checkout
against another one (the code before a change) is :mod:`benchmarks.compare`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import time
from collections.abc import Callable

from .indosum import load

SAMPLE_SEED = 20240607


def sample_articles(data: str, size: int) -> list[str]:
    """A fixed, deterministic sample of article texts (``size`` 0 = all of them)."""
    texts = [a.text for a in load(data)]
    if 0 < size < len(texts):
        texts = random.Random(SAMPLE_SEED).sample(texts, size)
    return texts


class _RegexTokenizer:
    """sumy's tokenizer interface with regexes (sumy ships no Indonesian Punkt model)."""

    language = "indonesian"
    _sentence = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“'(]*[A-Z0-9])")
    _word = re.compile(r"\w+(?:[-'’.,]\w+)*")

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(s for s in self._sentence.split(text) if s.strip())

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(self._word.findall(text))


def sumy_lexrank() -> Callable[[str], object]:
    """Plain sumy LexRank for Indonesian: the reference every ratio is against."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    sastrawi = StemmerFactory().create_stemmer()
    cache: dict[str, str] = {}

    def stemmer(word: str) -> str:
        word = word.lower()
        stem = cache.get(word)
        if stem is None:
            stem = cache[word] = sastrawi.stem(word)
        return stem

    summarizer = LexRankSummarizer(stemmer)
    summarizer.stop_words = frozenset(StopWordRemoverFactory().get_stop_words())
    tokenizer = _RegexTokenizer()

    def run(text: str) -> object:
        return summarizer(PlaintextParser(text, tokenizer).document, 3)

    return run


def configurations(algorithms: list[str] | None = None) -> dict[str, Callable[[str], object]]:
    """Name → function of the article text, for every configuration measured."""
    from summarizer import ALGORITHMS, DEFAULT_ALGORITHM, summarize

    configs: dict[str, Callable[[str], object]] = {
        f"default pipeline ({DEFAULT_ALGORITHM}, headlines+keywords)": summarize
    }
    for name in algorithms or list(ALGORITHMS):
        configs[f"summarize(algorithm={name!r})"] = lambda text, name=name: summarize(
            text, algorithm=name
        )
    configs["sumy LexRank (reference)"] = sumy_lexrank()
    return configs


def measure(
    configs: dict[str, Callable[[str], object]],
    texts: list[str],
    *,
    rounds: int = 3,
    interleave: bool = False,
) -> dict[str, list[int]]:
    """Nanoseconds per article for each configuration (after one warm-up pass).

    In each round every configuration summarises the whole sample in one
    block, article after article, as a server worker does; the configurations'
    order rotates between rounds, so machine load falls on all of them alike.
    With ``interleave`` every article instead goes through all configurations
    in turn (one round), so each call starts with caches full of another
    configuration's data (sumy's, NLTK's): a pessimistic, cold-cache figure.
    """
    names = list(configs)
    for name in names:
        for text in texts:
            configs[name](text)
    times: dict[str, list[int]] = {name: [] for name in names}
    clock = time.perf_counter_ns

    def rotated(shift: int) -> list[str]:
        shift %= len(names)
        return names[shift:] + names[:shift]

    # (text, name) pairs in the order they are timed
    if interleave:
        order = [(text, name) for i, text in enumerate(texts) for name in rotated(i)]
    else:
        order = [(text, name) for r in range(rounds) for name in rotated(r) for text in texts]
    for text, name in order:
        fn = configs[name]
        start = clock()
        fn(text)
        times[name].append(clock() - start)
    return times


def percentile(values: list[int], q: float) -> float:
    """The ``q`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def report(times: dict[str, list[int]], texts: list[str], order: str) -> str:
    reference = statistics.median(times["sumy LexRank (reference)"])
    words = statistics.mean(len(t.split()) for t in texts)
    lines = [
        f"{len(texts)} IndoSum articles (mean {words:.0f} words), {order}, "
        f"load average {os.getloadavg()[0]:.2f} at the end",
        "",
        "| configuration | p50 ms | p99 ms | mean ms | sumy LexRank p50 / p50 |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, values in times.items():
        p50 = statistics.median(values)
        lines.append(
            f"| {name} | {p50 / 1e6:.3f} | {percentile(values, 0.99) / 1e6:.3f} | "
            f"{statistics.mean(values) / 1e6:.3f} | {reference / p50:.2f}× |"
        )
    return "\n".join(lines)


def scoring(texts: list[str]) -> str:
    """Median time of each algorithm's ``score()`` on prebuilt documents, sumy's code beside."""
    from summarizer import ALGORITHMS
    from summarizer.algorithms.sumy_algorithms import _sumy
    from summarizer.text.document import build_document

    docs = [build_document(text) for text in texts]
    scorers = {name: alg.score for name, alg in ALGORITHMS.items()}
    for name, path in (
        ("textrank", "text_rank:TextRankSummarizer"),
        ("lexrank", "lex_rank:LexRankSummarizer"),
    ):
        scorers[f"sumy's {name} (its own code)"] = _sumy(f"sumy-{name}", path, "")().score
    for score in scorers.values():  # warm
        for doc in docs:
            score(doc)
    times: dict[str, list[int]] = {name: [] for name in scorers}
    clock = time.perf_counter_ns
    for doc in docs:
        for name, score in scorers.items():
            start = clock()
            score(doc)
            times[name].append(clock() - start)
    lines = [
        f"score() alone over {len(docs)} prebuilt documents",
        "",
        "| algorithm | p50 µs | p99 µs |",
        "| --- | ---: | ---: |",
    ]
    for name, values in times.items():
        lines.append(
            f"| {name} | {statistics.median(values) / 1e3:.0f} "
            f"| {percentile(values, 0.99) / 1e3:.0f} |"
        )
    return "\n".join(lines)


def stages(texts: list[str]) -> str:
    """Mean time per article of each step of the default pipeline (steps nest)."""
    import importlib
    import types

    from summarizer import ALGORITHMS, DEFAULT_ALGORITHM, summarize

    totals: dict[str, int] = {}

    def timed(label: str, fn: Callable) -> Callable:
        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.perf_counter_ns()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[label] = totals.get(label, 0) + time.perf_counter_ns() - start

        return wrapper

    patched: list[tuple[object, str, object]] = []
    for module_name in ("summarizer.pipeline", "summarizer.text.document"):
        module = importlib.import_module(module_name)
        for name, obj in list(vars(module).items()):
            owner = getattr(obj, "__module__", "") or ""
            if (
                isinstance(obj, types.FunctionType)
                and owner.startswith("summarizer")
                and owner != module_name
            ):
                patched.append((module, name, obj))
                setattr(module, name, timed(f"{owner}.{obj.__name__}", obj))
    algorithm = ALGORITHMS[DEFAULT_ALGORITHM]
    patched.append((algorithm, "score", None))
    algorithm.score = timed(f"{type(algorithm).__name__}.score", algorithm.score)
    try:
        for text in texts:  # warm
            summarize(text)
        totals.clear()
        whole = timed("summarize (whole)", summarize)
        for text in texts:
            whole(text)
    finally:
        for target, name, original in patched:
            if original is None:
                delattr(target, name)
            else:
                setattr(target, name, original)
    total = totals["summarize (whole)"]
    lines = [
        f"Default pipeline steps over {len(texts)} articles (steps nest; timer overhead included)",
        "",
        "| step | mean µs per article | share of summarize |",
        "| --- | ---: | ---: |",
    ]
    for label, ns in sorted(totals.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {label} | {ns / len(texts) / 1e3:.0f} | {ns / total:.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument(
        "--sample", type=int, default=600, help="fixed random sample size; 0 = all articles"
    )
    parser.add_argument(
        "--algorithms", nargs="*", help="algorithms to time besides the default (all by default)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="blocks per configuration")
    parser.add_argument(
        "--interleave",
        action="store_true",
        help="every article through every configuration in turn (cold caches)",
    )
    parser.add_argument("--stages", action="store_true", help="time the pipeline's steps")
    parser.add_argument("--scoring", action="store_true", help="time score() per algorithm")
    args = parser.parse_args(argv)
    texts = sample_articles(args.data, args.sample)
    if args.stages:
        print(stages(texts))
        return
    if args.scoring:
        print(scoring(texts))
        return
    configs = configurations(args.algorithms)
    times = measure(configs, texts, rounds=args.rounds, interleave=args.interleave)
    if args.interleave:
        order = "interleaved article by article"
    else:
        order = f"{args.rounds} rounds of one block per configuration"
    print(report(times, texts, order))


if __name__ == "__main__":
    main()
