"""Whole-archive throughput: ``summarizer batch`` with 1 and 2 workers, memory, resume, Spark.

The input is IndoSum (all four folds, detokenised as every benchmark here does) repeated
until it holds ``--articles`` rows of JSON lines (``{"id", "text"}``, ids unique per
copy). One run measures, each in a fresh process:

1. ``summarizer batch --workers 1`` and ``--workers 2`` over the whole input: articles/s
   from the wall clock (process start and language data loading included; with
   ``--repeat N`` the runs alternate and the best of each is kept), the CPU seconds of the
   main process and of the workers (what the parallel path costs beyond the work itself),
   and whether the two outputs are byte-identical;
2. peak RSS of the process tree (the main process plus its workers, sampled every 20 ms
   with psutil) at ``--small`` articles and at ``--articles``, both with 2 workers;
3. a ``--workers 2`` run killed with SIGKILL once half its rows are written, restarted
   with ``--resume``, compared byte for byte with the uninterrupted run;
4. Spark in local mode (``local[1]`` and ``local[2]``): the same JSON lines read with
   ``spark.read.json`` in four splits per core, ``summarize_dataframe`` and a Parquet
   write; articles/s over the job alone (the session is started first), and the CPU
   seconds of the JVM and of the Python processes (Spark's share of the work).

    python -m benchmarks.batch --data ../shared/data/indosum [--articles 20000] [--small 2000]
        [--repeat 1] [--json results.json]

Timings are only comparable inside one run (the ratios), and only on an idle machine:
Linux shares the CPU between sessions (autogroup), so while other jobs run, two worker
processes get no more CPU than one.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .indosum import load

ROOT = Path(__file__).resolve().parent.parent


def build_input(data: str, count: int, path: Path) -> Path:
    """``count`` rows: the IndoSum articles in file order, repeated, each copy its own id."""
    articles = [(a.id, a.text) for a in load(data)]
    with open(path, "w", encoding="utf-8") as fh:
        for n in range(count):
            article_id, text = articles[n % len(articles)]
            row = {"id": f"{article_id}#{n // len(articles)}", "text": text}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _sample(proc: Any, cpu: dict[int, float]) -> int:
    """RSS of the process tree now; ``cpu`` keeps each process's latest CPU seconds."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a worker that just exited
            total += p.memory_info().rss
            times = p.cpu_times()
            cpu[p.pid] = times.user + times.system
    return total


def run_batch(source: Path, output: Path, workers: int, *, kill_at: int | None = None) -> dict:
    """One ``summarizer batch`` process: wall seconds, peak RSS of its tree, rows written,
    and CPU seconds of the main process and of everything it started (workers, forkserver).

    With ``kill_at`` (bytes) its process group gets SIGKILL once the output is that large.
    """
    import psutil

    args = [sys.executable, "-m", "summarizer.cli", "batch", str(source), "-o", str(output)]
    args += ["--workers", str(workers), "--quiet", "--overwrite"]
    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, start_new_session=True)
    ps = psutil.Process(proc.pid)
    peak = 0
    cpu: dict[int, float] = {}
    killed = False
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, _sample(ps, cpu))
        if kill_at is not None and output.exists() and output.stat().st_size >= kill_at:
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
            break
        time.sleep(0.02)
    proc.wait()
    seconds = time.perf_counter() - started
    if not killed and proc.returncode != 0:
        raise RuntimeError(f"summarizer batch exited with {proc.returncode}")
    main_cpu = cpu.pop(proc.pid, 0.0)
    return {
        "seconds": seconds,
        "peak_rss_mb": peak / 2**20,
        "rows": _lines(output),
        "cpu_main_s": main_cpu,
        "cpu_workers_s": sum(cpu.values()),
    }


def _lines(path: Path) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def resume(source: Path, output: Path, workers: int) -> float:
    args = [sys.executable, "-m", "summarizer.cli", "batch", str(source), "-o", str(output)]
    started = time.perf_counter()
    subprocess.run([*args, "--workers", str(workers), "--quiet", "--resume"], cwd=ROOT, check=True)
    return time.perf_counter() - started


def run_spark(master: str, source: Path, output: Path) -> dict:
    """One Spark session in its own process; its timings, plus the CPU seconds of the JVM and
    of the Python processes (the driver and the workers that summarise)."""
    import psutil

    args = [sys.executable, "-m", "benchmarks.batch", "--spark-child", master]
    proc = subprocess.Popen([*args, str(source), str(output)], cwd=ROOT, stdout=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    cpu: dict[int, float] = {}
    names: dict[int, str] = {}
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            _sample(ps, cpu)
            for p in ps.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    names[p.pid] = p.name()  # the latest: spark-submit execs into java
        time.sleep(0.05)
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    if proc.wait() != 0:
        raise RuntimeError(f"the Spark run exited with {proc.returncode}")
    timing = json.loads(stdout.strip().splitlines()[-1])
    jvm = sum(c for pid, c in cpu.items() if "java" in names.get(pid, ""))
    timing["cpu_jvm_s"] = jvm
    timing["cpu_python_s"] = sum(cpu.values()) - jvm
    return timing


def _children_cpu() -> tuple[float, float]:
    """CPU seconds of this process's JVM and of its other children (Spark's Python workers)."""
    import psutil

    jvm = python = 0.0
    for p in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            times = p.cpu_times()
            if "java" in p.name():
                jvm += times.user + times.system
            else:
                python += times.user + times.system
    return jvm, python


def spark_child(master: str, source: str, output: str) -> None:
    """In its own process: one Spark session, one job; prints its timings as JSON."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local mode: loopback only
    started = time.perf_counter()
    from pyspark.sql import SparkSession

    from summarizer.spark import summarize_dataframe

    cores = int(master.removeprefix("local[").removesuffix("]"))
    # Four input splits per core, read straight from the file (no shuffle to repartition).
    split = max(1 << 20, os.path.getsize(source) // (4 * cores) + 1)
    spark = (
        SparkSession.builder.master(master)
        .appName("indo-summarizer-benchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.files.maxPartitionBytes", str(split))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    session = time.perf_counter() - started
    job_started = time.perf_counter()
    jvm_before, python_before = _children_cpu()
    df = spark.read.schema("id string, text string").json(source)
    summarize_dataframe(df).write.mode("overwrite").parquet(output)
    job = time.perf_counter() - job_started
    jvm_after, python_after = _children_cpu()  # Python workers stay up (they are reused)
    rows = spark.read.parquet(output)
    count, failed = rows.count(), rows.filter("error is not null").count()
    spark.stop()
    partitions = len(list(Path(output).glob("part-*.parquet")))  # one file per task
    print(
        json.dumps(
            {
                "session_s": session,
                "job_s": job,
                "rows": count,
                "failed": failed,
                "partitions": partitions,
                "job_cpu_jvm_s": jvm_after - jvm_before,
                "job_cpu_python_workers_s": python_after - python_before,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="IndoSum folder (fold1..4.jsonl)")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--small", type=int, default=2_000, help="the smaller run for RSS")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each worker count, interleaved; best kept"
    )
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--spark-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.spark_child:
        spark_child(*args.spark_child)
        return
    if not args.data:
        parser.error("--data is required")
    results = measure(
        args.data, args.articles, args.small, spark=not args.no_spark, repeat=args.repeat
    )
    print(json.dumps(results, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report(results))


def measure(data: str, articles: int, small: int, *, spark: bool, repeat: int = 1) -> dict:
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp:
        work = Path(tmp)
        big = build_input(data, articles, work / "big.jsonl")
        little = build_input(data, small, work / "small.jsonl")
        out: dict[str, Any] = {"articles": articles, "small": small}
        # Interleaved (1, 2, 1, 2, ...), best of each: load that comes and goes on a shared
        # machine then hits both the same way.
        runs: dict[int, list[dict]] = {1: [], 2: []}
        for _ in range(repeat):
            for workers in (1, 2):
                runs[workers].append(run_batch(big, work / f"w{workers}.jsonl", workers))
        one, two = (min(runs[w], key=lambda m: m["seconds"]) for w in (1, 2))
        out["workers_1"] = {**one, "articles_per_s": articles / one["seconds"]}
        out["workers_2"] = {**two, "articles_per_s": articles / two["seconds"]}
        out["speedup_2_over_1"] = one["seconds"] / two["seconds"]
        out["all_seconds"] = {w: [round(m["seconds"], 1) for m in runs[w]] for w in (1, 2)}
        out["identical_1_2"] = (work / "w1.jsonl").read_bytes() == (work / "w2.jsonl").read_bytes()
        few = run_batch(little, work / "small-w2.jsonl", 2)
        out["rss_small_mb"] = few["peak_rss_mb"]
        out["rss_big_mb"] = two["peak_rss_mb"]
        out["rss_growth"] = two["peak_rss_mb"] / few["peak_rss_mb"] - 1
        half = (work / "w2.jsonl").stat().st_size // 2
        killed = run_batch(big, work / "killed.jsonl", 2, kill_at=half)
        out["kill"] = {
            "rows_at_kill": killed["rows"],
            "resume_s": resume(big, work / "killed.jsonl", 2),
            "identical": (work / "killed.jsonl").read_bytes() == (work / "w2.jsonl").read_bytes(),
        }
        if spark:
            for master in ("local[1]", "local[2]"):
                timing = run_spark(master, big, work / f"spark-{master[6]}.parquet")
                timing["articles_per_s"] = articles / timing["job_s"]
                out[f"spark_{master}"] = timing
            s1, s2 = out["spark_local[1]"], out["spark_local[2]"]
            out["spark_speedup_2_over_1"] = s2["articles_per_s"] / s1["articles_per_s"]
            out["spark2_over_batch2"] = s2["articles_per_s"] / out["workers_2"]["articles_per_s"]
        return out


def report(r: dict) -> str:
    lines = [
        f"| run ({r['articles']:,} articles) | seconds | articles/s | peak RSS (MiB) |",
        "| --- | --- | --- | --- |",
    ]
    for name in ("workers_1", "workers_2"):
        m = r[name]
        lines.append(
            f"| summarizer batch --{name.replace('_', ' ')} | {m['seconds']:.1f} | "
            f"{m['articles_per_s']:.0f} | {m['peak_rss_mb']:.0f} |"
        )
    for name in ("spark_local[1]", "spark_local[2]"):
        if name in r:
            m = r[name]
            lines.append(
                f"| Spark {name[6:]} (job; +{m['session_s']:.0f} s session start) | "
                f"{m['job_s']:.1f} | {m['articles_per_s']:.0f} | – |"
            )
    lines.append("")
    lines.append(
        f"--workers 2 / --workers 1: {r['speedup_2_over_1']:.2f}x (runs: {r['all_seconds']})"
    )
    for name in ("workers_1", "workers_2"):
        m = r[name]
        lines.append(
            f"CPU seconds, --{name.replace('_', ' ')}: main process {m['cpu_main_s']:.1f}, "
            f"workers {m['cpu_workers_s']:.1f}"
        )
    lines.append(f"outputs of 1 and 2 workers byte-identical: {r['identical_1_2']}")
    lines.append(
        f"peak RSS, {r['small']:,} vs {r['articles']:,} articles (2 workers): "
        f"{r['rss_small_mb']:.0f} vs {r['rss_big_mb']:.0f} MiB ({r['rss_growth']:+.1%})"
    )
    k = r["kill"]
    lines.append(
        f"SIGKILL at {k['rows_at_kill']:,} rows, --resume: identical to the uninterrupted run: "
        f"{k['identical']}"
    )
    for name in ("spark_local[1]", "spark_local[2]"):
        if name in r:
            m = r[name]
            lines.append(
                f"CPU seconds, Spark {name[6:]}: Python (driver and workers) "
                f"{m['cpu_python_s']:.1f}, JVM {m['cpu_jvm_s']:.1f} (the job alone: Python "
                f"workers {m['job_cpu_python_workers_s']:.1f}, JVM {m['job_cpu_jvm_s']:.1f}); "
                f"{m['partitions']} partitions"
            )
    if "spark_speedup_2_over_1" in r:
        lines.append(f"Spark local[2] / local[1]: {r['spark_speedup_2_over_1']:.2f}x")
        lines.append(f"Spark local[2] / batch --workers 2: {r['spark2_over_batch2']:.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
