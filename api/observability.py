"""Request ids, one JSON log line per request, and Prometheus metrics.

Metrics work under gunicorn's several worker processes through prometheus_client's
multiprocess mode: ``gunicorn.conf.py`` sets ``PROMETHEUS_MULTIPROC_DIR`` before this
module is imported, each worker writes its samples there, and ``GET /metrics`` adds
them up (``api/metrics.py``: that directory, and a full or read-only one). Without that
variable (tests, ``flask run``) the process-local registry is used.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import sys
import time
import uuid
from typing import Any

import orjson
from flask import Blueprint, Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from . import metrics as storage
from .config import Settings
from .errors import PROBLEM_JSON, PROBLEM_TYPE

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_ENVIRON = "HTTP_X_REQUEST_ID"  # the same header, read straight from the environ
# Accepted from clients as is: short and harmless in logs and headers; anything else is replaced.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")

storage.reserve_metric_files()  # before the first sample is stored
REQUESTS = Counter(
    "summarizer_http_requests_total",
    "HTTP requests answered, by route rule, method and status.",
    ["endpoint", "method", "status"],
)
LATENCY = Histogram(
    "summarizer_http_request_duration_seconds",
    "Time from request start to response, by route rule, method and status.",
    ["endpoint", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
REQUEST_BYTES = Histogram(
    "summarizer_http_request_body_bytes",
    "Declared request body size (Content-Length) of requests with a body.",
    ["endpoint"],
    buckets=(1_000, 5_000, 10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 5_000_000),
)
ERRORS = Counter(
    "summarizer_http_errors_total",
    "Error responses by problem type (last part of the problem document's type URI) and status.",
    ["type", "status"],
)
DOCUMENTS = Counter("summarizer_documents_total", "Documents summarised successfully.")
SENTENCES = Counter(
    "summarizer_sentences_total", "Sentences found in the documents summarised successfully."
)

UNMATCHED = "<unmatched>"  # endpoint label of requests no route matched (no raw paths in labels)
# The method label takes these values and "other": a client inventing methods must not
# create new metric series without bound.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

access_log = logging.getLogger("api.access")

bp = Blueprint("observability", __name__)


# --- logging -----------------------------------------------------------------------------------


# ``json.dumps(entry, ensure_ascii=False, default=str)`` without building an encoder per line.
_encode = json.JSONEncoder(ensure_ascii=False, default=str).encode


class JsonFormatter(logging.Formatter):
    """One JSON object per line: easy to ship and query, never multi-line tracebacks."""

    def __init__(self) -> None:
        super().__init__()
        # (second, its "ts" text): one access line per request, and most share their second.
        self._last_second: tuple[int, str] = (-1, "")

    def format(self, record: logging.LogRecord) -> str:
        second, second_text = self._last_second
        if int(record.created) != second:
            second_text = self.formatTime(record, "%Y-%m-%dT%H:%M:%S")
            self._last_second = (int(record.created), second_text)
        entry: dict[str, Any] = {
            "ts": f"{second_text}.{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        fields = getattr(record, "fields", None)
        if fields:
            entry.update(fields)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return _encode(entry)


JsonFormatter.converter = time.gmtime  # type: ignore[assignment]


def configure_logging(level: str) -> None:
    """JSON lines on stderr for the ``api`` loggers (gunicorn collects workers' stderr)."""
    logger = logging.getLogger("api")
    logger.setLevel(level)
    if not any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
    logger.propagate = False


# --- request ids and per-request bookkeeping ---------------------------------------------------


def request_id_from(value: str | None) -> str:
    """The client's ``X-Request-ID`` when it is short and safe, else a new uuid4 hex."""
    if value and _SAFE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def record_documents(n_docs: int, n_sentences: int) -> None:
    """Count summarised documents and their sentences (the v1 routes call this)."""
    DOCUMENTS.inc(n_docs)
    SENTENCES.inc(n_sentences)


def _problem_type(response: Response) -> str:
    try:
        kind = str(orjson.loads(response.get_data()).get("type", ""))
    except (orjson.JSONDecodeError, AttributeError):
        return "unknown"
    return kind.removeprefix(PROBLEM_TYPE) or "unknown"


@functools.lru_cache(maxsize=256)
def _route_metrics(endpoint: str, method: str, status: str) -> tuple[Any, Any]:
    """The labelled request counter and latency histogram of one endpoint, method and status.

    Cached: ``labels()`` checks and joins its arguments under a lock on every call.
    """
    return REQUESTS.labels(endpoint, method, status), LATENCY.labels(endpoint, method, status)


@functools.lru_cache(maxsize=64)
def _body_size_metric(endpoint: str) -> Any:
    return REQUEST_BYTES.labels(endpoint)


def _before() -> None:
    ctx = g._get_current_object()  # type: ignore[attr-defined]  # one context lookup, not two
    ctx.request_started = time.perf_counter()
    ctx.request_id = request_id_from(request.environ.get(_REQUEST_ID_ENVIRON))


def _after(response: Response) -> Response:
    # The objects themselves: every attribute read through the ``g`` and ``request`` proxies
    # costs a context lookup, and this hook reads many.
    ctx = g._get_current_object()  # type: ignore[attr-defined]
    req = request._get_current_object()  # type: ignore[attr-defined]
    started = getattr(ctx, "request_started", None)
    duration = time.perf_counter() - started if started is not None else 0.0
    request_id = getattr(ctx, "request_id", None) or request_id_from(None)
    response.headers[REQUEST_ID_HEADER] = request_id
    rule, method, content_length = req.url_rule, req.method, req.content_length
    endpoint = rule.rule if rule else UNMATCHED
    status_code = response.status_code
    status = str(status_code)
    requests_total, latency = _route_metrics(
        endpoint, method if method in METHODS else "other", status
    )
    requests_total.inc()
    latency.observe(duration)
    if content_length:
        _body_size_metric(endpoint).observe(content_length)
    if status_code >= 400:
        kind = _problem_type(response) if response.mimetype == PROBLEM_JSON else "other"
        ERRORS.labels(kind, status).inc()
    if access_log.isEnabledFor(logging.INFO):
        # Never the body, the query string or headers: no article text, no keys.
        fields = {
            "request_id": request_id,
            "method": method,
            "path": req.path,
            "endpoint": endpoint,
            "status": status_code,
            "duration_ms": round(duration * 1000, 3),
            "request_bytes": content_length,
            "response_bytes": response.calculate_content_length(),
            "remote_addr": req.remote_addr,
        }
        # What ``access_log.info("request", extra=...)`` does, without looking up the
        # caller's file and line on the stack (the JSON line has no use for them).
        access_log.handle(
            access_log.makeRecord(
                access_log.name, logging.INFO, "", 0, "request", (), None, extra={"fields": fields}
            )
        )
    return response


# --- /metrics ----------------------------------------------------------------------------------


def metrics_registry() -> CollectorRegistry:
    """All workers' samples in multiprocess mode, this process's otherwise."""
    if storage.multiprocess():
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


@bp.get("/metrics")
def metrics() -> Response:
    return Response(
        generate_latest(metrics_registry()), mimetype=None, content_type=CONTENT_TYPE_LATEST
    )


def init_observability(app: Flask, settings: Settings) -> None:
    """Install logging, request ids and metrics; call first so every request is measured."""
    configure_logging(settings.log_level)
    app.before_request(_before)
    app.after_request(_after)
    if settings.metrics:
        app.register_blueprint(bp)
