"""The default pipeline's latency per IndoSum article, this checkout against another one.

Two worker processes, one importing ``summarizer`` from this checkout and one from
``--against`` (e.g. ``git worktree add /tmp/base 1e04bd7``), each warmed with a full pass
over the same fixed sample (``benchmarks.latency.sample_articles``). Then, for
``--rounds`` rounds, each summarises the whole sample in one block, article after article,
and the order alternates (A B, B A, ...) so machine load falls on both alike; gc stays on.
The ratio of the two p50s is the figure to compare, not the milliseconds. Each article is
timed twice: wall clock, and the thread's CPU time, which on a machine shared with other
work leaves out the time the worker waited for a core.

    python -m benchmarks.compare --data /work/shared/data/indosum --against /tmp/base
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .latency import percentile, sample_articles

_WORKER = """
import json, sys, time
from summarizer import summarize
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for text in texts:
    summarize(text)
print("ready", flush=True)
for line in sys.stdin:
    wall, cpu = [], []
    for text in texts:
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        summarize(text)
        cpu.append(time.thread_time_ns() - start_cpu)
        wall.append(time.perf_counter_ns() - start)
    print(json.dumps([wall, cpu]), flush=True)
"""


def _start(checkout: Path, sample: str) -> subprocess.Popen:
    worker = subprocess.Popen(
        [sys.executable, "-c", _WORKER, sample],
        cwd=checkout,
        env={**os.environ, "PYTHONPATH": str(checkout)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    return worker


def _block(worker: subprocess.Popen) -> list[list[int]]:
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write("go\n")
    worker.stdin.flush()
    return json.loads(worker.stdout.readline())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument("--against", required=True, help="the other checkout's folder")
    parser.add_argument("--sample", type=int, default=600, help="articles (0 = all)")
    parser.add_argument("--rounds", type=int, default=6, help="blocks per checkout")
    args = parser.parse_args(argv)
    here, there = Path(__file__).resolve().parent.parent, Path(args.against).resolve()
    texts = sample_articles(args.data, args.sample)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as sample:
        json.dump(texts, sample)
        sample.flush()
        workers = {
            "this checkout": _start(here, sample.name),
            str(there): _start(there, sample.name),
        }
        wall: dict[str, list[int]] = {name: [] for name in workers}
        cpu: dict[str, list[int]] = {name: [] for name in workers}
        for round_ in range(args.rounds):
            for name in list(workers)[:: 1 if round_ % 2 == 0 else -1]:
                block_wall, block_cpu = _block(workers[name])
                wall[name] += block_wall
                cpu[name] += block_cpu
        for worker in workers.values():
            worker.stdin.close()  # type: ignore[union-attr]
            worker.wait()
    print(
        f"{len(texts)} IndoSum articles, {args.rounds} alternating rounds of one block per "
        f"checkout, load average {os.getloadavg()[0]:.2f} at the end"
    )
    print()
    print("| code | clock | p50 ms | p99 ms | mean ms |")
    print("| --- | --- | ---: | ---: | ---: |")
    for clock, times in (("wall", wall), ("CPU", cpu)):
        for name, values in times.items():
            print(
                f"| {name} | {clock} | {statistics.median(values) / 1e6:.3f} "
                f"| {percentile(values, 0.99) / 1e6:.3f} | {statistics.fmean(values) / 1e6:.3f} |"
            )
    print()
    for clock, times in (("wall", wall), ("CPU", cpu)):
        new, old = (statistics.median(t) for t in times.values())
        print(f"p50 this checkout / p50 {there} ({clock}): {new / old:.3f}")


if __name__ == "__main__":
    main()
