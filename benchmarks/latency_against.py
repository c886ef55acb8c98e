"""The default pipeline of two checkouts side by side in one run: old against new.

    git worktree add /tmp/base 1e04bd7
    python -m benchmarks.latency --data /work/shared/data/indosum --against /tmp/base

Each checkout's ``summarize`` runs in a worker process of its own (the checkout's
folder first on ``sys.path``, so it imports that checkout's ``summarizer`` and its
packaged data) that lives through the whole run, as a gunicorn worker does. Both
get the same article sample and one warm-up pass; then in each of ``rounds`` rounds
each worker times the whole sample in one block, the order of the two swapping
between rounds so drifting machine load falls on both alike. Only the ``summarize``
calls are timed (inside the workers); the pipes carry texts in and timings out.
The ratio of the two p50s is the figure to compare across machines.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

# The worker: reads the sample (JSON list of texts) on its first line, then one line
# per block to time; answers each block with the nanoseconds per article (JSON).
_WORKER = """
import json, sys, time
import summarizer
from summarizer import summarize
texts = json.loads(sys.stdin.readline())
for text in texts:
    summarize(text)
print(json.dumps(summarizer.__file__), flush=True)
clock = time.perf_counter_ns
for line in sys.stdin:
    times = []
    for text in texts:
        start = clock()
        summarize(text)
        times.append(clock() - start)
    print(json.dumps(times), flush=True)
"""


class _Worker:
    """One checkout's ``summarize`` in its own interpreter."""

    def __init__(self, label: str, checkout: Path, texts: list[str]) -> None:
        self.label = label
        env = dict(os.environ, PYTHONPATH=str(checkout), PYTHONHASHSEED="0")
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=checkout,
        )
        try:
            self._send(json.dumps(texts))
            self.module = json.loads(self._receive())  # the warm-up pass is done
            if not Path(self.module).resolve().is_relative_to(checkout.resolve()):
                raise RuntimeError(f"{label}: imported {self.module}, not the checkout's package")
        except BaseException:
            self.process.kill()
            self.close()
            raise

    def _send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def _receive(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"{self.label}: worker exited (code {self.process.wait()})")
        return line

    def block(self) -> list[int]:
        self._send("run")
        return json.loads(self._receive())

    def close(self) -> None:
        """End the worker: its input closes, so its loop ends."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.process.wait(timeout=60)


def compare(texts: list[str], against: Path, rounds: int = 3) -> dict[str, list[int]]:
    """Nanoseconds per article of the default pipeline: ``against`` and this checkout."""
    here = Path(__file__).resolve().parent.parent
    workers = [_Worker(f"before ({against})", against, texts)]
    try:
        workers.append(_Worker(f"this checkout ({here})", here, texts))
        times: dict[str, list[int]] = {w.label: [] for w in workers}
        for r in range(rounds):
            for worker in workers if r % 2 == 0 else workers[::-1]:
                times[worker.label] += worker.block()
    finally:
        for worker in workers:
            worker.close()
    return times


def report(times: dict[str, list[int]], texts: list[str], rounds: int) -> str:
    from .latency import percentile

    words = statistics.mean(len(t.split()) for t in texts)
    (old, old_times), (new, new_times) = times.items()
    base = statistics.median(old_times)
    lines = [
        f"{len(texts)} IndoSum articles (mean {words:.0f} words), default pipeline, "
        f"{rounds} rounds of one block per checkout (order alternating), "
        f"load average {os.getloadavg()[0]:.2f} at the end",
        "",
        "| checkout | p50 ms | p99 ms | mean ms | p50 / before p50 |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, values in times.items():
        p50 = statistics.median(values)
        lines.append(
            f"| {name} | {p50 / 1e6:.3f} | {percentile(values, 0.99) / 1e6:.3f} | "
            f"{statistics.mean(values) / 1e6:.3f} | {p50 / base:.3f} |"
        )
    return "\n".join(lines)
