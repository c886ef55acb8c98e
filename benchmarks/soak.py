"""Soak: normal load on the real server while hostile clients, a kill -9 and a SIGHUP hit it.

For ``--duration`` seconds (60) ``--connections`` keep-alive connections (16, in two client
processes) post IndoSum articles to ``/v1/summarize`` one after the other. During that:

- ``--slow`` clients (64) send a request body at 1 byte/s, each reconnecting when answered;
- ``--bombs`` requests (10) are spread over the run, alternately an HTML attribute bomb
  (``--bomb-attributes`` attributes in one tag, 32,000: a 277 kB body) and a chunked body
  with garbage for a chunk size;
- one worker is killed with SIGKILL at 1/3 of the run, and the master gets SIGHUP at 2/3;
- ``/metrics`` is read every second: the sum of ``summarizer_http_requests_total``.

Reported: p50/p99/max latency of the normal requests, their answers other than 200, the
requests lost with the killed worker counted apart (a connection cut under a request sent
on a connection that worker was serving, at most 2 s after the kill: the access log names
each request's worker by its ``X-Request-ID``), what the slow clients and the bombs got,
and whether the request counter ever went down (across the HUP in particular).

    python -m benchmarks.soak --data /work/shared/data/indosum [--duration 60] [--root DIR]

``--root`` runs another checkout's server (its ``gunicorn.conf.py`` and code).
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import select
import signal
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from .http import ROOT, Gunicorn, describe, write_bodies

PATH = "/v1/summarize"


# --- normal load -------------------------------------------------------------------------------


def _connection_loop(port: int, bodies: list[bytes], name: str, until: float, out: list) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = 0
    while time.time() < until:
        n += 1
        request_id = f"soak-{name}-{n}"
        body = bodies[n % len(bodies)]
        started = time.time()
        try:
            conn.request(
                "POST",
                PATH,
                body,
                {"Content-Type": "application/json", "X-Request-ID": request_id},
            )
            response = conn.getresponse()
            response.read()
            outcome: int | str = response.status
        except (OSError, http.client.HTTPException) as exc:
            outcome = type(exc).__name__
            conn.close()  # the next request opens a new connection
        out.append((name, request_id, started, time.time() - started, outcome))


def _load_process(port: int, bodies: list[bytes], names: list[str], until: float, path: str):
    records: list = []
    threads = [
        threading.Thread(target=_connection_loop, args=(port, bodies, name, until, records))
        for name in names
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    Path(path).write_text("\n".join(json.dumps(r) for r in records))


# --- hostile clients ---------------------------------------------------------------------------


def _slow_clients(port: int, count: int, until: float, outcomes: dict) -> None:
    """``count`` connections, each sending its body one byte a second, reconnecting."""
    head = (
        b"POST /v1/summarize HTTP/1.1\r\nHost: soak\r\nContent-Type: text/plain\r\n"
        b"Content-Length: 100000\r\n\r\n"
    )
    socks: dict[socket.socket, bytes] = {}

    def open_one() -> None:
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(head)
            sock.setblocking(False)
            socks[sock] = b""
        except OSError as exc:
            outcomes[type(exc).__name__] = outcomes.get(type(exc).__name__, 0) + 1

    for _ in range(count):
        open_one()
    next_byte = time.time()
    while time.time() < until:
        readable, _, _ = select.select(list(socks), [], [], 0.2)
        for sock in readable:
            try:
                data = sock.recv(65536)
            except OSError:
                data = b""
            answer = socks.pop(sock) + data
            status = answer.split(b" ", 2)[1].decode() if answer.count(b" ") >= 2 else "closed"
            outcomes[status] = outcomes.get(status, 0) + 1
            sock.close()
            open_one()
        if time.time() >= next_byte:
            next_byte += 1
            for sock in list(socks):
                try:
                    sock.send(b"a")
                except OSError:
                    socks.pop(sock)
                    sock.close()
                    outcomes["send failed"] = outcomes.get("send failed", 0) + 1
                    open_one()
    for sock in socks:
        sock.close()


def _bomb(port: int, kind: str, attributes: int) -> tuple[str, float, float, str]:
    if kind == "attribute bomb":
        html = "<p " + " ".join(f"a{i}=1" for i in range(attributes)) + ">Harga naik.</p>"
        body = json.dumps({"html": html}).encode()
        request = (
            f"POST {PATH} HTTP/1.1\r\nHost: soak\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode() + body
    else:
        request = (
            b"POST /v1/summarize HTTP/1.1\r\nHost: soak\r\nContent-Type: text/plain\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"
        )
    started = time.time()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
            sock.sendall(request)
            answer = sock.recv(100)
        status = answer.split(b" ", 2)[1].decode() if answer else "closed"
    except OSError as exc:
        status = type(exc).__name__
    return kind, started, time.time() - started, status


def _request_total(port: int) -> float | None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/metrics")
        text = conn.getresponse().read().decode()
    except (OSError, http.client.HTTPException):
        return None
    finally:
        conn.close()
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("summarizer_http_requests_total{")
    )


def _sample_metrics(port: int, until: float, samples: list) -> None:
    """The request counter about once a second (None when /metrics did not answer)."""
    while time.time() < until:
        started = time.time()
        samples.append((started, _request_total(port)))
        time.sleep(max(0.0, 1 - (time.time() - started)))


# --- the run -----------------------------------------------------------------------------------


def _pids_by_request(log: str) -> dict[str, int]:
    pids = {}
    for line in log.splitlines():
        if line.startswith("{") and '"soak-' in line:
            entry = json.loads(line)
            pids[entry["request_id"]] = entry["pid"]
    return pids


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _, bodies = write_bodies(args.data, args.articles, tmp)
        env = {"WEB_CONCURRENCY": str(args.workers)}
        with Gunicorn("wsgi:app", root=args.root, env=env) as server:
            for body in bodies:  # warm up
                server.post(body)
            port, start = server.port, time.time()
            until = start + args.duration
            names = [f"c{i}" for i in range(args.connections)]
            halves = [names[: len(names) // 2], names[len(names) // 2 :]]
            context = multiprocessing.get_context("fork")
            outputs = [os.path.join(tmp, f"load{i}.jsonl") for i in range(2)]
            loads = [
                context.Process(target=_load_process, args=(port, bodies, part, until, out))
                for part, out in zip(halves, outputs, strict=True)
            ]
            for process in loads:
                process.start()
            slow_outcomes: dict[str, int] = {}
            slow = threading.Thread(
                target=_slow_clients, args=(port, args.slow, until, slow_outcomes)
            )
            slow.start()
            bombs: list[tuple[str, float, float, str]] = []
            bomb_times = [start + (i + 0.5) * args.duration / args.bombs for i in range(args.bombs)]
            kinds = ["attribute bomb", "chunked garbage"]
            bomb_threads = []
            events: dict[str, float] = {}
            killed = 0
            samples: list[tuple[float, float | None]] = []
            sampler = threading.Thread(target=_sample_metrics, args=(port, until, samples))
            sampler.start()
            while time.time() < until:
                now = time.time()
                while bomb_times and bomb_times[0] <= now:
                    kind = kinds[len(bomb_threads) % 2]
                    thread = threading.Thread(
                        target=lambda k=kind: bombs.append(_bomb(port, k, args.bomb_attributes))
                    )
                    thread.start()
                    bomb_threads.append(thread)
                    bomb_times.pop(0)
                if "kill" not in events and now >= start + args.duration / 3:
                    killed = server.worker_pids()[0]
                    os.kill(killed, signal.SIGKILL)
                    events["kill"] = time.time()
                if "hup" not in events and now >= start + 2 * args.duration / 3:
                    server.process.send_signal(signal.SIGHUP)
                    events["hup"] = time.time()
                time.sleep(0.05)
            sampler.join()
            for process in loads:
                process.join()
            slow.join()
            for thread in bomb_threads:
                thread.join()
            samples.append((time.time(), _request_total(port)))
            server.log.seek(0)
            log = server.log.read().decode(errors="replace")
            if args.log:
                args.log.write_text(log)
        records = [
            json.loads(line) for out in outputs for line in Path(out).read_text().splitlines()
        ]
    report(args, records, slow_outcomes, bombs, events, killed, samples, log, start)


# What a client sees when the server's end of its connection dies mid-request.
_CUT = {"ConnectionResetError", "RemoteDisconnected", "IncompleteRead", "BrokenPipeError"}


def report(args, records, slow_outcomes, bombs, events, killed, samples, log, start) -> None:
    pids = _pids_by_request(log)
    last_pid: dict[str, int] = {}
    lost_with_worker, other_failures = [], []
    for name, request_id, started, _, outcome in sorted(records, key=lambda r: r[2]):
        if outcome == 200:
            last_pid[name] = pids.get(request_id, last_pid.get(name, 0))
            continue
        on_killed = last_pid.get(name) in (killed, None)
        near_kill = started <= events["kill"] + 2 and started >= events["kill"] - 30
        if outcome in _CUT and on_killed and near_kill:
            lost_with_worker.append(outcome)
        else:
            other_failures.append((round(started - start, 1), outcome))
    latencies = [r[3] * 1000 for r in records if r[4] == 200]
    duration = max((r[2] + r[3] for r in records), default=start + 1) - start
    values = [(t, v) for t, v in samples if v is not None]
    decreases = [
        (round(t - start, 1), a, b)
        for (t, a), (_, b) in zip(values, values[1:], strict=False)
        if b < a
    ]
    before_hup = [v for t, v in values if t <= events["hup"]]
    after_hup = [v for t, v in values if t > events["hup"] + 1]
    print(
        f"`python -m benchmarks.soak {' '.join(args.argv)}`: {describe(args.root)}, "
        f"{args.workers} workers, {args.connections} connections for {args.duration} s, "
        f"{args.slow} slow clients, {args.bombs} bombs ({args.bomb_attributes:,} attributes), "
        f"SIGKILL to worker {killed} at {events['kill'] - start:.1f} s, SIGHUP at "
        f"{events['hup'] - start:.1f} s; load average {os.getloadavg()[0]:.2f} at the end"
    )
    print()
    print("| normal requests | answered 200 | p50 ms | p99 ms | max ms | requests/s |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {len(records):,} | {len(latencies):,} | {_percentile(latencies, 0.5):.1f} "
        f"| {_percentile(latencies, 0.99):.1f} | {max(latencies, default=0):.0f} "
        f"| {len(records) / duration:,.0f} |"
    )
    print()
    print(
        f"- in flight on the killed worker, lost with it: {len(lost_with_worker)} "
        f"({', '.join(sorted(set(lost_with_worker))) or 'none'})"
    )
    kinds = Counter(str(outcome) for _, outcome in other_failures)
    print(
        f"- other answers than 200 to normal requests: {len(other_failures)} "
        f"{dict(kinds)}; the first at {[t for t, _ in other_failures[:5]]} s"
    )
    print(f"- slow clients' answers: {dict(sorted(slow_outcomes.items()))}")
    bomb_text = ", ".join(
        f"{kind} at {at - start:.0f} s: {status} in {seconds:.2f} s"
        for kind, at, seconds, status in sorted(bombs, key=lambda b: b[1])
    )
    print(f"- bombs: {bomb_text}")

    def reading(values: list[float], index: int) -> str:
        return f"{values[index]:,.0f}" if values else "none"

    print(
        f"- summarizer_http_requests_total: {len(values)} readings of {len(samples)} "
        f"answered, {'never went down' if not decreases else f'went down {decreases}'}; "
        f"last before the HUP {reading(before_hup, -1)}, first after it "
        f"{reading(after_hup, 0)}, at the end {reading([v for _, v in values], -1)} "
        f"(normal requests answered 200: {len(latencies):,})"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="IndoSum folder (fold1..fold4.jsonl)")
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--slow", type=int, default=64)
    parser.add_argument("--bombs", type=int, default=10)
    parser.add_argument("--bomb-attributes", type=int, default=32_000)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run")
    parser.add_argument("--log", type=Path, help="write the server's log here")
    args = parser.parse_args(argv)
    args.argv = argv if argv is not None else sys.argv[1:]
    args.root = args.root.resolve()
    run(args)


if __name__ == "__main__":
    main()
