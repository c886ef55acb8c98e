"""Cold start: a fresh Python process imports the library and makes its first summary.

Each run is a new interpreter (``python -c``) given one IndoSum article on
stdin; it times ``import summarizer`` and the first ``summarize()`` call with
the default options (headlines and keywords on) separately. The parent also
times the whole process, interpreter start-up included. Median of ``--runs``.

    python -m benchmarks.coldstart --data /work/shared/data/indosum [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from .indosum import load

CHILD = """
import sys, time, json
text = sys.stdin.read()
t0 = time.perf_counter()
from summarizer import summarize
t1 = time.perf_counter()
result = summarize(text)
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "sentences": len(result.sentences)}))
"""


def run_once(text: str) -> dict:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD], input=text, capture_output=True, text=True, check=True
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    figures["process"] = time.perf_counter() - start
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    text = next(iter(load(args.data))).text
    runs = [run_once(text) for _ in range(args.runs)]

    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs) * 1000

    print(
        f"{args.runs} fresh processes, first IndoSum article ({len(text.split())} words), "
        f"load average {os.getloadavg()[0]:.2f} at the end"
    )
    print()
    print("| step | median ms |")
    print("| --- | ---: |")
    print(f"| `import summarizer` | {med('import'):.0f} |")
    print(f"| first `summarize()` (defaults) | {med('first'):.0f} |")
    print(
        f"| import + first summary | {statistics.median(r['import'] + r['first'] for r in runs) * 1000:.0f} |"
    )
    print(f"| whole process (interpreter start-up included) | {med('process'):.0f} |")


if __name__ == "__main__":
    main()
