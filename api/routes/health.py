"""Liveness (``/healthz``) and readiness (``/readyz``) for load balancers and orchestrators."""

from __future__ import annotations

import importlib.util
from typing import Any

from flask import Blueprint, Response, current_app

from summarizer import ALGORITHMS, summarize
from summarizer.algorithms.sumy_algorithms import needs_sumy
from summarizer.text.words import STOP_WORDS, stem

from .. import metrics
from ..errors import problem

bp = Blueprint("health", __name__)

# A tiny Indonesian article every algorithm must be able to summarise.
SAMPLE = (
    "Jakarta - Pemerintah menaikkan anggaran pendidikan tahun depan. "
    "Menteri Keuangan mengatakan kenaikan itu untuk membangun sekolah baru di daerah. "
    "Anggaran kesehatan juga naik sebesar lima persen.\n\n"
    "DPR menyetujui rancangan anggaran tersebut dalam rapat paripurna pada Selasa."
)

# Once every check passed in this process they are not repeated. Set by warm_up(), which
# gunicorn's when_ready hook calls before the workers fork, or by the first /readyz.
_library_ready = False


def library_checks() -> dict[str, str]:
    """Language data and algorithms usable: stop words, the stemmer, a summary per algorithm.

    Algorithms that run on sumy's own code are only checked to be importable: running
    them would import sumy and NLTK in every process (~80 MB each), which only the
    requests that ask for those algorithms should pay for.
    """
    checks = {
        "stop_words": "ok" if len(STOP_WORDS) > 100 else "missing",
        "stemmer": "ok" if stem("pembangunan") == "bangun" else "wrong result",
        "sumy": "ok" if importlib.util.find_spec("sumy") is not None else "not installed",
    }
    for name, algorithm in ALGORITHMS.items():
        if needs_sumy(algorithm):
            continue
        try:
            summary = summarize(SAMPLE, algorithm=name, sentences=1, headlines=1)
            checks[f"algorithm:{name}"] = "ok" if summary.sentences else "empty summary"
        except Exception as exc:  # readiness reports failures instead of raising them
            checks[f"algorithm:{name}"] = f"error: {type(exc).__name__}"
    return checks


def warm_up() -> bool:
    """Run the library checks until they pass once in this process; whether they have."""
    global _library_ready
    if not _library_ready:
        _library_ready = all(v == "ok" for v in library_checks().values())
    return _library_ready


def _redis_check() -> str | None:
    limiter = current_app.extensions.get("summarizer_limiter")
    if limiter is None or not current_app.config["SETTINGS"].redis_url:
        return None
    try:
        return "ok" if limiter.storage.check() else "unreachable"
    except Exception as exc:
        return f"error: {type(exc).__name__}"


@bp.get("/healthz")
def healthz() -> dict[str, str]:
    """The process answers; says nothing about its dependencies."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz() -> Response | dict[str, Any]:
    """Ready to serve: language data, algorithms and (when configured) Redis all usable.

    Metrics that cannot be shared between the workers (a full or read-only
    ``PROMETHEUS_MULTIPROC_DIR``) are reported, but the service is still ready: it
    answers every request, only ``/metrics`` sees less of it.
    """
    checks: dict[str, str] = {"library": "ok"} if warm_up() else library_checks()
    redis = _redis_check()
    if redis is not None:
        checks["redis"] = redis
    failed = sorted(name for name, state in checks.items() if state != "ok")
    storage = metrics.storage_problem()
    checks["metrics"] = "ok" if storage is None else f"degraded: {storage}"
    if failed:
        response = problem(
            503,
            f"not ready: {', '.join(failed)}",
            title="Service Unavailable",
            kind="not-ready",
        )
        response.headers["Retry-After"] = "5"
        return response
    return {"status": "ready" if storage is None else "degraded", "checks": checks}
