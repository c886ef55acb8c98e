"""Request ids, JSON log lines and Prometheus metrics, read from a real gunicorn server."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from conftest import Server
from prometheus_client.parser import text_string_to_metric_families

from api.observability import JsonFormatter, request_id_from

KEY = "observability-key-0123456789"
N_SUMMARIES = 24


# --- request ids (Flask test client) -----------------------------------------------------------


def test_request_id_is_generated_when_absent(client):
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_safe_client_request_id_is_echoed(client):
    for value in ("abc-123", "2f1c.9:trace_7", "A" * 64):
        assert (
            client.get("/healthz", headers={"X-Request-ID": value}).headers["X-Request-ID"] == value
        )


@pytest.mark.parametrize("value", ["", "a" * 65, "bad id", "<script>", "-leading-dash", "ü"])
def test_unsafe_client_request_id_is_replaced(value):
    assert re.fullmatch(r"[0-9a-f]{32}", request_id_from(value))


def test_errors_carry_the_request_id_too(client):
    response = client.post("/v1/summarize", data="{", headers={"X-Request-ID": "req-42"})
    assert response.status_code >= 400
    assert response.headers["X-Request-ID"] == "req-42"


# --- the access log line (Flask test client) ---------------------------------------------------


def access_lines(client, send) -> list[dict]:
    """The JSON lines the ``api`` logger writes while ``send(client)`` runs."""
    (handler,) = [
        h for h in logging.getLogger("api").handlers if isinstance(h.formatter, JsonFormatter)
    ]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        send(client)
    finally:
        handler.setStream(previous)
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_access_line_has_the_documented_fields_in_order(client):
    body = json.dumps({"text": "Satu kalimat pendek di sini. Dan satu lagi di sana."}).encode()
    (entry,) = access_lines(
        client,
        lambda c: c.post(
            "/v1/summarize",
            data=body,
            headers={"Content-Type": "application/json", "X-Request-ID": "line-1"},
            environ_base={"REMOTE_ADDR": "203.0.113.7"},
        ),
    )
    assert list(entry) == [
        "ts", "level", "logger", "message", "pid", "request_id", "method", "path", "endpoint",
        "status", "duration_ms", "request_bytes", "response_bytes", "remote_addr",
    ]  # fmt: skip
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", entry["ts"])
    assert (entry["level"], entry["logger"], entry["message"]) == ("INFO", "api.access", "request")
    assert entry["pid"] == os.getpid()
    assert entry["request_id"] == "line-1"
    assert (entry["method"], entry["path"]) == ("POST", "/v1/summarize")
    assert entry["endpoint"] == "/v1/summarize"
    assert entry["status"] == 200 and entry["request_bytes"] == len(body)
    assert entry["response_bytes"] > 0 and entry["remote_addr"] == "203.0.113.7"


def test_no_access_line_above_info(client):
    logger = logging.getLogger("api")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        assert access_lines(client, lambda c: c.get("/healthz")) == []
    finally:
        logger.setLevel(level)
    assert [e["status"] for e in access_lines(client, lambda c: c.get("/nowhere"))] == [404]


def test_formatter_timestamps_follow_each_record():
    formatter = JsonFormatter()
    stamps = []
    # the same second twice, the next one, then an earlier one again
    for created, msecs in ((1_795_000_000.25, 250), (1_795_000_000.9, 900), (1_795_000_001.5, 500),
                           (1_795_000_000.0, 0)):  # fmt: skip
        record = logging.LogRecord("api.access", logging.INFO, "", 0, "request", (), None)
        record.created, record.msecs = created, msecs
        stamps.append(json.loads(formatter.format(record))["ts"])
    assert stamps == [
        "2026-11-18T11:06:40.250Z",
        "2026-11-18T11:06:40.900Z",
        "2026-11-18T11:06:41.500Z",
        "2026-11-18T11:06:40.000Z",
    ]


# --- a real server with two workers ------------------------------------------------------------


@pytest.fixture(scope="module")
def observed(tmp_path_factory):
    srv = Server({"SUMMARIZER_API_KEYS": KEY}, workers=2)
    srv.start(tmp_path_factory.mktemp("observed") / "server.log")
    yield srv
    srv.stop()


def metric_samples(url: str) -> dict[tuple[str, frozenset], float]:
    text = requests.get(url + "/metrics", timeout=5).text
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def log_lines(srv: Server) -> list[dict]:
    lines = []
    for line in srv.log().splitlines():
        if line.startswith("{"):
            lines.append(json.loads(line))
    return lines


def wait_for_log(srv: Server, request_id: str) -> dict:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        for entry in log_lines(srv):
            if entry.get("request_id") == request_id:
                return entry
        time.sleep(0.05)
    raise AssertionError(f"no log line for request {request_id}")


def test_one_json_log_line_per_request_without_text_or_key(observed, article):
    body = json.dumps({"text": article.text}).encode()
    response = requests.post(
        observed.url + "/v1/summarize",
        data=body,
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {KEY}",
            "X-Request-ID": "log-test-1",
        },
        timeout=10,
    )
    assert response.status_code == 200
    assert response.headers["X-Request-ID"] == "log-test-1"
    entry = wait_for_log(observed, "log-test-1")
    assert entry["logger"] == "api.access"
    assert entry["method"] == "POST"
    assert entry["path"] == "/v1/summarize"
    assert entry["status"] == 200
    assert entry["request_bytes"] == len(body)
    assert entry["remote_addr"] == "127.0.0.1"
    assert isinstance(entry["duration_ms"], float) and entry["duration_ms"] > 0
    assert entry["pid"] != observed.process.pid  # written by a worker

    wrong = requests.get(
        observed.url + "/v1/algorithms",
        headers={"X-API-Key": "not-the-key-but-secret-9", "X-Request-ID": "log-test-2"},
        timeout=5,
    )
    assert wrong.status_code == 401
    assert wait_for_log(observed, "log-test-2")["status"] == 401

    log = observed.log()
    assert KEY not in log
    assert "not-the-key-but-secret-9" not in log
    sentence = max(article.text.split("\n"), key=len)[:60]
    assert sentence not in log
    for line in log.splitlines():  # gunicorn's own lines are plain text, ours all JSON
        if '"logger": "api' in line:
            json.loads(line)


def test_metrics_add_up_over_all_workers(observed, article):
    before = metric_samples(observed.url)
    headers = {"X-API-Key": KEY}

    def post(_):
        return requests.post(
            observed.url + "/v1/summarize",
            json={"text": article.text},
            headers=headers,
            timeout=10,
        )

    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(post, range(N_SUMMARIES)))
    assert [r.status_code for r in responses] == [200] * N_SUMMARIES
    sentences = sum(r.json()["stats"]["sentences"] for r in responses)
    ids = {r.headers["X-Request-ID"] for r in responses}
    missing = requests.get(observed.url + "/no/such/page", headers=headers, timeout=5)
    assert missing.status_code == 404
    assert requests.post(observed.url + "/v1/summarize", timeout=5).status_code == 401

    after = metric_samples(observed.url)

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    ok = {"endpoint": "/v1/summarize", "method": "POST", "status": "200"}
    assert delta("summarizer_http_requests_total", **ok) == N_SUMMARIES
    assert delta("summarizer_http_request_duration_seconds_count", **ok) == N_SUMMARIES
    assert delta("summarizer_http_request_duration_seconds_bucket", le="+Inf", **ok) == (
        N_SUMMARIES
    )
    assert delta("summarizer_documents_total") == N_SUMMARIES
    assert delta("summarizer_sentences_total") == sentences
    not_found = {"endpoint": "<unmatched>", "method": "GET", "status": "404"}
    assert delta("summarizer_http_requests_total", **not_found) == 1  # no raw path label
    assert delta("summarizer_http_errors_total", type="unauthorized", status="401") == 1

    # the requests really were spread over both workers, and /metrics saw all of them
    pids = {e["pid"] for e in log_lines(observed) if e.get("request_id") in ids}
    assert len(pids) == 2


def test_metrics_survive_a_worker_restart(observed):
    def healthz_count():
        samples = metric_samples(observed.url)
        return value(
            samples,
            "summarizer_http_requests_total",
            endpoint="/healthz",
            method="GET",
            status="200",
        )

    for _ in range(4):
        requests.get(observed.url + "/healthz", timeout=5)
    counted = healthz_count()
    worker = next(e["pid"] for e in reversed(log_lines(observed)) if "pid" in e)
    os.kill(worker, signal.SIGTERM)  # gunicorn replaces it; child_exit marks it dead
    deadline = time.monotonic() + 15
    while "Booting worker" not in observed.log().split(f"Worker exiting (pid: {worker})")[-1]:
        assert time.monotonic() < deadline, observed.log()[-2000:]
        time.sleep(0.1)
    assert healthz_count() == counted
    assert requests.get(observed.url + "/readyz", timeout=5).json()["status"] == "ready"


def test_invented_methods_share_one_metrics_label(observed):
    for method in ("FOOBAR", "BAZQUX"):
        response = requests.request(
            method, observed.url + "/v1/summarize", headers={"X-API-Key": KEY}, timeout=5
        )
        assert response.status_code == 405
    samples = metric_samples(observed.url)
    assert (
        value(
            samples,
            "summarizer_http_requests_total",
            endpoint="<unmatched>",  # a 405: no route matched the method
            method="other",
            status="405",
        )
        >= 2
    )
    methods = {dict(labels).get("method") for _, labels in samples}
    assert "FOOBAR" not in methods and "BAZQUX" not in methods


def test_metrics_are_prometheus_text(observed):
    response = requests.get(observed.url + "/metrics", timeout=5)
    assert response.headers["Content-Type"].startswith("text/plain; version=")
    names = {family.name for family in text_string_to_metric_families(response.text)}
    assert {
        "summarizer_http_requests",
        "summarizer_http_request_duration_seconds",
        "summarizer_http_errors",
        "summarizer_documents",
        "summarizer_sentences",
    } <= names


# --- readiness ---------------------------------------------------------------------------------


def test_ready_when_language_data_and_algorithms_work(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json == {"status": "ready", "checks": {"library": "ok", "metrics": "ok"}}


def test_not_ready_is_503_naming_the_failed_check(client, monkeypatch):
    from api.routes import health

    monkeypatch.setattr(health, "_library_ready", False)
    monkeypatch.setattr(health, "stem", lambda word: word)  # a stemmer that lost its data
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert response.headers["Retry-After"] == "5"
    assert "stemmer" in response.json["detail"]
    assert client.get("/healthz").status_code == 200
