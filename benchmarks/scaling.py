"""Time and peak memory of one summary as documents grow from 1k to 1M characters.

Documents are IndoSum articles concatenated in file order (paragraphs kept)
and cut at the last space before the target length, so every run sees the
same text. Each size runs in a fresh subprocess: it imports the library,
warms it with one ordinary article, records its RSS, then summarises the
document ``--repeat`` times (median time reported) and reads the peak RSS
(``ru_maxrss``) — the peak minus the warmed-up RSS is the memory the document
itself cost. Time per 10k characters shows whether the curve is linear.

    python -m benchmarks.scaling --data /work/shared/data/indosum [--algorithm NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

from .indosum import load

# (label, characters); "100k words" is sized from the corpus' characters per word
SIZES = ("1k", "10k", "100k", "100k words", "1M")


def build_text(data: str, size: str) -> str:
    """The deterministic document for ``size`` (see ``SIZES``)."""
    words = 100_000 if size == "100k words" else 0
    chars = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}.get(size, 0)
    parts: list[str] = []
    total_chars = total_words = 0
    while True:  # the corpus is ~5M characters; cycle through it if ever needed
        for article in load(data):
            parts.append(article.text)
            total_chars += len(article.text) + 2
            total_words += len(article.text.split())
            if words and total_words >= words:
                return _cut_words("\n\n".join(parts), words)
            if chars and total_chars >= chars:
                return _cut_chars("\n\n".join(parts), chars)


def _cut_chars(text: str, chars: int) -> str:
    cut = text[:chars]
    space = cut.rfind(" ")
    return cut[:space] if space > 0 and len(text) > chars else cut


def _cut_words(text: str, words: int) -> str:
    count = 0
    for index, char in enumerate(text):
        if char.isspace() and index and not text[index - 1].isspace():
            count += 1
            if count == words:
                return text[:index]
    return text


def _rss_kb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def child(data: str, size: str, algorithm: str | None, repeat: int) -> dict:
    """Run in the subprocess: measure one size, return the figures."""
    text = build_text(data, size)
    warm = next(iter(load(data))).text
    from summarizer import DEFAULT_ALGORITHM, summarize

    summarize(warm, algorithm=algorithm)
    base_kb = _rss_kb()
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter_ns()
        result = summarize(text, algorithm=algorithm)
        times.append(time.perf_counter_ns() - start)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "size": size,
        "algorithm": algorithm or DEFAULT_ALGORITHM,
        "characters": len(text),
        "words": len(text.split()),
        "sentences": result.stats["sentences"],
        "seconds": statistics.median(times) / 1e9,
        "runs": repeat,
        "base_rss_mb": base_kb / 1024,
        "peak_rss_mb": peak_kb / 1024,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument("--algorithm", help="algorithm to run (the default pipeline's if omitted)")
    parser.add_argument("--sizes", nargs="*", default=list(SIZES), choices=SIZES)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median reported)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.data, args.child, args.algorithm, args.repeat)))
        return
    rows = []
    for size in args.sizes:
        cmd = [sys.executable, "-m", "benchmarks.scaling", "--data", args.data, "--child", size]
        cmd += ["--repeat", str(args.repeat)]
        if args.algorithm:
            cmd += ["--algorithm", args.algorithm]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    print(f"algorithm {rows[0]['algorithm']}, load average {os.getloadavg()[0]:.2f} at the end")
    print()
    print(
        "| document | characters | words | sentences | time s (median) | ms per 10k chars "
        "| peak RSS MB | peak − warm RSS MB |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(
            f"| {r['size']} | {r['characters']:,} | {r['words']:,} | {r['sentences']:,} "
            f"| {r['seconds']:.3f} | {r['seconds'] * 1e4 / r['characters'] * 1e3:.1f} "
            f"| {r['peak_rss_mb']:.0f} | {max(0.0, r['peak_rss_mb'] - r['base_rss_mb']):.0f} |"
        )


if __name__ == "__main__":
    main()
