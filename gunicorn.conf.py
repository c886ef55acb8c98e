"""gunicorn settings, all overridable from the environment.

Besides the server settings this file prepares what the app needs before it is imported:
the Prometheus multiprocess directory (metrics summed over all workers), a check of the
``SUMMARIZER_*`` settings (a bad value stops start-up with one clear line and exit code 2),
and a neutral ``Server`` header.
"""

import json
import multiprocessing
import os
import shutil
import sys
import tempfile

import gunicorn.http.wsgi
import gunicorn.util

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(
    os.environ.get("WEB_CONCURRENCY")
    or os.environ.get("GUNICORN_WORKERS")
    or multiprocessing.cpu_count()
)
# Sync workers: requests are CPU-bound, and `timeout` then replaces a worker stuck on one
# request. gthread workers (keep-alive) served the API no faster under wrk here (1,166 vs
# 1,118 req/s, p99 30 vs 20 ms) and only restart a worker whose whole process hangs; keep-alive
# to clients is the reverse proxy's job (docs/operations.md).
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 10
# Request line and header limits: nothing a client sends in the head may be huge.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Load the language data and models once, before forking the workers.
preload_app = True
accesslog = None  # the app writes one JSON line per request itself (api/observability.py)
errorlog = "-"
# gunicorn's admin control socket is not needed and would clash between instances on one host.
control_socket_disable = True
# In memory, where there is a /dev/shm: the heartbeat file is touched on every loop of a
# worker, and the metrics files below are written on every request; neither needs a disk.
_SHM = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
worker_tmp_dir = _SHM


def _write_problem(sock, status_int, reason, mesg):
    """gunicorn's own error answers as problem documents, like every other error here.

    gunicorn answers a request it cannot parse (a request line or header over the limits
    below, a malformed head) before the app sees it, with an HTML page by default.
    """
    from api.errors import PROBLEM_JSON, problem_body

    body = json.dumps(problem_body(status_int, mesg or reason, title=reason)).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
        f"Content-Type: {PROBLEM_JSON}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    gunicorn.util.write_nonblock(sock, head.encode("latin-1") + body)


gunicorn.util.write_error = _write_problem

# No product name with a version in responses ("Server: gunicorn/x.y" helps attackers only).
gunicorn.http.wsgi.SERVER = "indo-summarizer"

# Prometheus multiprocess mode: must be set before prometheus_client is imported by the app.
_created_metrics_dir = None
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    _created_metrics_dir = tempfile.mkdtemp(prefix="indo-summarizer-metrics-", dir=_SHM)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = _created_metrics_dir
else:  # a directory given by the operator: start from zero, as the library requires
    os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)
    for _name in os.listdir(os.environ["PROMETHEUS_MULTIPROC_DIR"]):
        if _name.endswith(".db"):
            os.remove(os.path.join(os.environ["PROMETHEUS_MULTIPROC_DIR"], _name))

# Validate the settings now, so a typo gives one readable line instead of a traceback.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api.config import ConfigError, Settings  # noqa: E402

try:
    _settings = Settings.from_env()
except ConfigError as _error:
    print(f"indo-summarizer: configuration error: {_error}", file=sys.stderr, flush=True)
    if _created_metrics_dir:  # on_exit never runs when the configuration is refused
        shutil.rmtree(_created_metrics_dir, ignore_errors=True)
    sys.exit(2)


def when_ready(server):
    if _settings.rate_limit and not _settings.redis_url and server.cfg.workers > 1:
        server.log.warning(
            "SUMMARIZER_RATE_LIMIT=%s is counted per worker process (%d workers, no "
            "SUMMARIZER_REDIS_URL): a client may get up to %d times the limit; "
            "set SUMMARIZER_REDIS_URL to share the counters",
            _settings.rate_limit,
            server.cfg.workers,
            server.cfg.workers,
        )


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if _created_metrics_dir:
        shutil.rmtree(_created_metrics_dir, ignore_errors=True)
