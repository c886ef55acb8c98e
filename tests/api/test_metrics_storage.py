"""The metrics directory full, read-only, reloaded and removed, on the real server.

A small tmpfs of its own is mounted for gunicorn in a user and mount namespace
(``unshare``), so filling it touches nothing else on the machine; the test fills it
through ``/proc/<master>/root``.
"""

from __future__ import annotations

import glob
import json
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from conftest import Server
from prometheus_client.parser import text_string_to_metric_families

SIZE = 1 << 20  # the tmpfs: room for a few workers' sample files

namespaces = subprocess.run(
    ["unshare", "--map-root-user", "--mount", "true"], capture_output=True
).returncode
needs_namespaces = pytest.mark.skipif(
    namespaces != 0, reason="unshare --map-root-user --mount is not allowed here"
)


def in_tmpfs(mountpoint: Path, *, full: bool = False, stale_file_read_only: bool = False):
    """A command prefix: gunicorn runs with a fresh tmpfs mounted at ``mountpoint``."""
    steps = [f"mount -t tmpfs -o size={SIZE} tmpfs {mountpoint}"]
    if full:
        steps.append(f"(head -c {2 * SIZE} /dev/zero > {mountpoint}/fill 2>/dev/null; true)")
    if stale_file_read_only:
        steps.append(f"echo stale > {mountpoint}/counter_1.db")
        steps.append(f"mount -o remount,ro {mountpoint}")
    script = " && ".join(steps) + ' && exec "$@"'
    return ["unshare", "--map-root-user", "--mount", "sh", "-c", script, "sh"]


@pytest.fixture
def start(tmp_path) -> Iterator:
    started: list[Server] = []

    def _start(**wrap_options) -> tuple[Server, Path]:
        mountpoint = tmp_path / "metrics"
        mountpoint.mkdir()
        env = {"PROMETHEUS_MULTIPROC_DIR": str(mountpoint)}
        srv = Server(env, wrap=in_tmpfs(mountpoint, **wrap_options))
        started.append(srv.start(tmp_path / "server.log"))
        return srv, Path(f"/proc/{srv.process.pid}/root{mountpoint}")

    yield _start
    for srv in started:
        srv.stop()


def summarize(srv: Server) -> int:
    text = "Jakarta - Harga beras naik lagi. Pedagang mengeluh. Pemerintah berjanji."
    response = requests.post(
        srv.url + "/v1/summarize", json={"text": text, "sentences": 1}, timeout=10
    )
    return response.status_code


def readiness(srv: Server) -> dict:
    response = requests.get(srv.url + "/readyz", timeout=10)
    assert response.status_code == 200  # degraded metrics never take the instance out
    return response.json()


def count(srv: Server, endpoint: str) -> float:
    text = requests.get(srv.url + "/metrics", timeout=10).text
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        if family.name == "summarizer_http_requests"
        for sample in family.samples
        if sample.name.endswith("_total") and sample.labels.get("endpoint") == endpoint
    )


def workers(srv: Server) -> list[int]:
    pid = srv.process.pid
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def wait_for(condition, what: str, srv: Server) -> None:
    deadline = time.monotonic() + 20
    while not condition():
        assert time.monotonic() < deadline, f"{what}: {srv.log()[-3000:]}"
        time.sleep(0.1)


@needs_namespaces
def test_a_full_metrics_directory_at_start_degrades_instead_of_killing_the_master(start):
    srv, _ = start(full=True)
    assert [summarize(srv) for _ in range(4)] == [200] * 4
    ready = readiness(srv)
    assert ready["status"] == "degraded"
    assert "No space left on device" in ready["checks"]["metrics"]
    assert requests.get(srv.url + "/metrics", timeout=10).status_code == 200
    assert srv.log().count("metrics degraded") == 1  # the master's; the workers inherit it
    assert "Bus error" not in srv.log() and "SIGBUS" not in srv.log()


@needs_namespaces
def test_a_metrics_directory_that_fills_while_running_degrades_without_sigbus(start):
    srv, directory = start()
    assert summarize(srv) == 200
    assert readiness(srv)["status"] == "ready"
    with open(directory / "fill", "wb") as fill:  # everything the tmpfs has left
        try:
            while True:
                fill.write(b"\0" * 65536)
                fill.flush()
        except OSError:
            pass
    killed = workers(srv)[0]
    os.kill(killed, signal.SIGKILL)  # its replacement must create new sample files
    wait_for(lambda: srv.log().count("Booting worker") == 3, "no replacement worker", srv)
    statuses = [summarize(srv) for _ in range(6)]
    for path in ("/healthz", "/v1/algorithms", "/no-such-page", "/openapi.json"):
        for method in ("GET", "POST", "DELETE"):  # new label sets: new entries in full files
            statuses.append(requests.request(method, srv.url + path, timeout=10).status_code)
    assert 200 in statuses and not [s for s in statuses if s >= 500]
    ready = readiness(srv)
    assert ready["status"] == "degraded"
    assert "No space left on device" in ready["checks"]["metrics"]
    assert srv.process.poll() is None
    log = srv.log()
    assert "SIGBUS" not in log and "Bus error" not in log
    assert log.count("Booting worker") == 3  # no worker died after the one killed here
    warnings = [
        json.loads(line)["pid"]
        for line in log.splitlines()
        if line.startswith("{") and '"logger": "api.metrics"' in line
    ]
    assert warnings and len(warnings) == len(set(warnings))  # at most once per process


@needs_namespaces
def test_a_read_only_metrics_directory_degrades_instead_of_a_traceback(start):
    srv, _ = start(stale_file_read_only=True)
    assert [summarize(srv) for _ in range(3)] == [200] * 3
    ready = readiness(srv)
    assert ready["status"] == "degraded"
    assert "Read-only file system" in ready["checks"]["metrics"]
    # per worker now: the stale file (not a sample file) is never read, or this would be a 500
    metrics = requests.get(srv.url + "/metrics", timeout=10)
    assert metrics.status_code == 200
    assert "summarizer_http_requests_total" in metrics.text
    assert "Traceback" not in srv.log()


def reload(srv: Server) -> None:
    """SIGHUP, then wait until two new workers have replaced the old ones."""
    old = set(workers(srv))
    srv.process.send_signal(signal.SIGHUP)
    wait_for(lambda: not old & set(workers(srv)) and len(workers(srv)) == 2, "reload", srv)


def test_sighup_keeps_the_metrics(tmp_path):
    env = {"PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics")}  # the operator's directory
    srv = Server(env).start(tmp_path / "server.log")
    try:
        for _ in range(5):
            requests.get(srv.url + "/healthz", timeout=10)
        before = count(srv, "/healthz")
        assert before >= 5
        reload(srv)
        requests.get(srv.url + "/healthz", timeout=10)
        assert count(srv, "/healthz") == before + 1
    finally:
        srv.stop()


def test_term_after_sighup_removes_the_temporary_metrics_directory(tmp_path):
    srv = Server({"PROMETHEUS_MULTIPROC_DIR": ""}).start(tmp_path / "server.log")
    try:
        master = srv.process.pid
        created = glob.glob(f"/dev/shm/indo-summarizer-metrics-{master}-*") + glob.glob(
            os.path.join(tempfile.gettempdir(), f"indo-summarizer-metrics-{master}-*")
        )
        assert len(created) == 1
        reload(srv)
        assert os.path.isdir(created[0])
    finally:
        srv.stop()
    assert srv.process.returncode == 0
    assert not os.path.exists(created[0])
