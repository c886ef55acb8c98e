"""HTTP load test: the real gunicorn server under wrk, posting a mix of IndoSum articles.

Writes one JSON request body per sampled article (default options, like most callers),
starts gunicorn with ``gunicorn.conf.py`` on a free port (or uses ``--url``), runs
``wrk`` with ``benchmarks/wrk/summarize.lua`` for a fixed time, then prints requests/s,
latency percentiles and every kind of error, as a Markdown table row.

    python -m benchmarks.load --data /work/shared/data/indosum [--duration 30]
        [--connections 4] [--threads 2] [--workers N] [--sample 500]
        [--env SUMMARIZER_...=VALUE ...] [--api-key KEY] [--url URL]

wrk and the server share the machine, so the figure is a floor for a dedicated host.
Install wrk with ``apt-get install wrk``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .indosum import load

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "wrk" / "summarize.lua"
SAMPLE_SEED = 20240607


def write_bodies(data: str, sample: int, path: Path) -> int:
    """One ``{"text": ...}`` body per line for a fixed random sample of articles."""
    articles = list(load(data))
    if 0 < sample < len(articles):
        articles = random.Random(SAMPLE_SEED).sample(articles, sample)
    with open(path, "w", encoding="utf-8") as fh:
        for article in articles:
            fh.write(json.dumps({"text": article.text}, ensure_ascii=False) + "\n")
    return len(articles)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    workers: int, log: Path, extra_env: dict[str, str]
) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **os.environ,
        **extra_env,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=open(log, "wb"),  # noqa: SIM115 - the child keeps it open
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not become ready in 60 s")


def run_wrk(url: str, bodies: Path, args: argparse.Namespace) -> dict:
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        url,
    ]
    env = {**os.environ, "BODIES": str(bodies), "API_KEY": args.api_key or ""}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="folder with IndoSum fold*.jsonl")
    parser.add_argument("--duration", type=int, default=30, help="seconds of load")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--sample", type=int, default=500, help="articles in the mix (0 = all)")
    parser.add_argument("--url", help="load an already running server instead of starting one")
    parser.add_argument("--api-key", help="sent as a bearer token when the server needs one")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="environment for the started server (repeat), e.g. SUMMARIZER_RATE_LIMIT=1000/second",
    )
    args = parser.parse_args(argv)
    extra_env = dict(item.split("=", 1) for item in args.env)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")

    with tempfile.TemporaryDirectory(prefix="load-") as tmp:
        bodies = Path(tmp) / "bodies.jsonl"
        n_articles = write_bodies(args.data, args.sample, bodies)
        mean_kb = bodies.stat().st_size / n_articles / 1000
        process = None
        if args.url:
            url = args.url.rstrip("/")
        else:
            process, url = start_server(args.workers, Path(tmp) / "server.log", extra_env)
        try:
            result = run_wrk(url, bodies, args)
        finally:
            if process is not None:
                process.terminate()
                process.wait(timeout=30)

    seconds = result["duration_us"] / 1e6
    errors = (
        result["non_200"]
        + result["connect_errors"]
        + result["read_errors"]
        + result["write_errors"]
        + result["timeouts"]
    )
    lat = {k: v / 1000 for k, v in result["latency_us"].items()}
    workers = "external" if args.url else args.workers
    print(
        f"{n_articles} articles (mean body {mean_kb:.1f} kB), {seconds:.1f} s, "
        f"wrk -t{args.threads} -c{args.connections}, gunicorn workers: {workers}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
        + (f", server env: {' '.join(sorted(extra_env))}" if extra_env else "")
    )
    print(f"details: {json.dumps(result)}")
    print()
    print("| requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(
        f"| {result['requests']} | {result['requests'] / seconds:.1f} | {lat['p50']:.1f} | "
        f"{lat['p90']:.1f} | {lat['p99']:.1f} | {lat['max']:.1f} | {errors} |"
    )
    if errors:
        raise SystemExit(f"{errors} failed requests")


if __name__ == "__main__":
    main()
