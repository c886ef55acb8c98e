"""HTTP throughput of the real server next to a no-op Flask app, and one worker's memory.

Both apps run under the same ``gunicorn.conf.py`` the way ``make serve``
starts the API (``gunicorn -c gunicorn.conf.py wsgi:app``; workers = CPU
count unless ``WEB_CONCURRENCY`` says otherwise), one after the other on a
free local port. ``wrk`` posts real IndoSum articles as JSON
(``benchmarks/wrk/post_articles.lua`` rotates through ``--articles`` of
them; the default options: 3 sentences, headlines and keywords on).
Memory: the API alone with one worker, ``--warm`` requests sent, then the
worker's ``VmRSS`` from ``/proc``. Each server's row also gives its workers' CPU time
per request (``/proc/<pid>/stat``), which other load on the machine disturbs less than
requests per second. Needs ``wrk`` (Debian: ``apt-get install wrk``).

    python -m benchmarks.http --data /work/shared/data/indosum [--duration 15]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .indosum import load

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "benchmarks" / "wrk" / "post_articles.lua"
PATH = "/v1/summarize"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """``gunicorn -c gunicorn.conf.py <app>`` on a free port, stopped on exit."""

    def __init__(
        self,
        app: str,
        workers: int | None = None,
        root: Path = ROOT,
        env: dict[str, str] | None = None,
    ) -> None:
        self.port = free_port()
        env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(self.port), **(env or {})}
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in __exit__
        if workers:
            env["WEB_CONCURRENCY"] = str(workers)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", app],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,  # a file, not a pipe: the access log must never block a worker
        )

    def __enter__(self) -> Gunicorn:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"gunicorn exited: {self.log.read().decode()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start within 60 s")

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def post(self, body: bytes) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("POST", PATH, body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def worker_pids(self) -> list[int]:
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(c) for c in children]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def smaps_mb(pid: int) -> dict[str, float]:
    """PSS and private (unshared) memory: what a worker costs beyond pages shared after fork."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Pss", "Private_Clean", "Private_Dirty"):
            values[key] = int(rest.split()[0]) / 1024
    return {"pss": values["Pss"], "private": values["Private_Clean"] + values["Private_Dirty"]}


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time the processes have used so far."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(
    port: int, bodies: Path, threads: int, connections: int, duration: int, close: bool = False
) -> dict:
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    if close:  # a new connection per request, whether or not the server keeps them alive
        cmd += ["-H", "Connection: close"]
    cmd += ["-s", str(LUA), f"http://127.0.0.1:{port}{PATH}", "--", str(bodies)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    percentiles = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.M))
    socket_errors = re.search(r"Socket errors: (.*)$", out, re.M)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": _ms(percentiles["50"]),
        "p99": _ms(percentiles["99"]),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1))) if socket_errors else 0),
        "raw": out,
    }


def write_bodies(data: str, count: int, directory: str) -> tuple[Path, list[bytes]]:
    bodies = []
    for article in load(data):
        bodies.append(json.dumps({"text": article.text}, ensure_ascii=False).encode("utf-8"))
        if len(bodies) == count:
            break
    path = Path(directory) / "bodies.jsonl"
    path.write_bytes(b"\n".join(bodies) + b"\n")
    return path, bodies


def memory(bodies: list[bytes], warm: int, root: Path = ROOT) -> dict:
    with Gunicorn("wsgi:app", workers=1, root=root) as server:
        statuses = [server.post(bodies[i % len(bodies)])[0] for i in range(warm)]
        (worker,) = server.worker_pids()
        return {
            **smaps_mb(worker),
            "worker_rss": rss_mb(worker),
            "master_rss": rss_mb(server.process.pid),
            "ok": sum(s == 200 for s in statuses),
            "sent": warm,
        }


def measure(root: Path, path: Path, bodies: list[bytes], args: argparse.Namespace) -> dict:
    """wrk against the no-op app, then against the API, both under ``root``'s settings."""
    results = {}
    for label, app in (("no-op Flask app", "benchmarks.noop_app:app"), ("API", "wsgi:app")):
        with Gunicorn(app, root=root) as server:
            status, body = server.post(bodies[0])
            if status != 200:
                sys.exit(f"{label}: POST {PATH} answered {status}: {body[:300]!r}")
            for body in bodies:  # warm every worker's caches a little
                server.post(body)
            workers = server.worker_pids()
            cpu_before = cpu_seconds(workers)
            results[label] = run_wrk(
                server.port, path, args.threads, args.connections, args.duration, args.close
            )
            cpu = cpu_seconds(workers) - cpu_before
            results[label]["cpu_ms"] = cpu * 1000 / max(1, results[label]["requests"])
    return results


def describe(root: Path) -> str:
    """The checkout's commit (and whether it has changes), for the table."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return str(root)
    return commit + (" + changes" if dirty else "")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument("--articles", type=int, default=64, help="distinct request bodies")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--warm", type=int, default=200, help="requests before reading RSS")
    parser.add_argument(
        "--root", type=Path, action="append", help="a checkout to measure (repeatable)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="every checkout once per round")
    parser.add_argument(
        "--close",
        action="store_true",
        help="send 'Connection: close': one connection per request, keep-alive or not",
    )
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install -y wrk")
    roots = [root.resolve() for root in args.root or [ROOT]]
    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency, "
        f"{'Connection: close, ' if args.close else ''}"
        f"{args.articles} IndoSum articles as JSON bodies, each checkout's gunicorn.conf.py "
        f"(workers = {os.environ.get('WEB_CONCURRENCY') or os.cpu_count()}), "
        f"{args.rounds} round(s), checkouts in turn"
    )
    print()
    print(
        "| round | code | server | requests/s | p50 ms | p99 ms | requests | errors "
        "| worker CPU ms/request | API / no-op |"
    )
    print("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        path, bodies = write_bodies(args.data, args.articles, tmp)
        for round_number in range(1, args.rounds + 1):
            for root in roots:
                results = measure(root, path, bodies, args)
                ratio = results["API"]["rps"] / results["no-op Flask app"]["rps"]
                for label, r in results.items():
                    print(
                        f"| {round_number} | {describe(root)} | {label} | {r['rps']:,.0f} "
                        f"| {r['p50']:.2f} | {r['p99']:.2f} | {r['requests']:,} "
                        f"| {r['errors']} | {r['cpu_ms']:.3f} "
                        f"| {f'{ratio:.1%}' if label == 'API' else ''} |",
                        flush=True,
                    )
        print()
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
        for root in roots:
            mem = memory(bodies, args.warm, root)
            print(
                f"{describe(root)}: one worker after {mem['sent']} requests ({mem['ok']} "
                f"answered 200): worker VmRSS {mem['worker_rss']:.0f} MB (PSS {mem['pss']:.0f} "
                f"MB, private {mem['private']:.0f} MB: the rest is shared with the master), "
                f"master VmRSS {mem['master_rss']:.0f} MB"
            )


if __name__ == "__main__":
    main()
