"""gunicorn settings, all overridable from the environment.

Besides the server settings this file prepares what the app needs before it is imported:
the Prometheus multiprocess directory (metrics summed over all workers, ``api/metrics.py``),
a check of the ``SUMMARIZER_*`` settings (a bad value stops start-up with one clear line and
exit code 2), problem documents for the errors gunicorn answers itself, and a neutral
``Server`` header. gunicorn runs this file again on every SIGHUP; everything here may run
twice in one master.
"""

import multiprocessing
import os
import sys

import gunicorn.http.wsgi
import gunicorn.util

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api import metrics  # noqa: E402  (imports neither the app nor prometheus_client)

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(
    os.environ.get("WEB_CONCURRENCY")
    or os.environ.get("GUNICORN_WORKERS")
    or multiprocessing.cpu_count()
)
# gevent workers that read each request whole, within deadlines, before the app runs, so a
# slow or stalled client holds a socket, not a worker; the app runs in `threads` threads of
# each worker, so a slow request does not hold the others (api/worker.py, docs/operations.md).
worker_class = "api.worker.Worker"
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", "1000"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# The request head must arrive within `keepalive` seconds of the connection or of the
# previous response; idle keep-alive connections close after as long.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# A worker with a request running for this long is replaced (api/worker.py: its heartbeat).
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
# worker, and the metrics files are written on every request; neither needs a disk.
_SHM = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
worker_tmp_dir = _SHM

# Before anything imports prometheus_client: it picks its storage from this directory.
metrics.prepare_directory(_SHM)

# Validate the settings now, so a typo gives one readable line instead of a traceback.
from api.config import ConfigError, Settings  # noqa: E402
from api.worker import write_problem  # noqa: E402

try:
    _settings = Settings.from_env()
except ConfigError as _error:
    print(f"indo-summarizer: configuration error: {_error}", file=sys.stderr, flush=True)
    metrics.remove_created_directory()  # on_exit never runs when the configuration is refused
    sys.exit(2)

# gunicorn's own error answers (a head over the limits above, a malformed chunked body) are
# problem documents like every other error here, not its HTML page.
gunicorn.util.write_error = write_problem
# No product name with a version in responses ("Server: gunicorn/x.y" helps attackers only).
gunicorn.http.wsgi.SERVER = "indo-summarizer"


def when_ready(server):
    # Before the first fork: language data loaded and every algorithm run once, shared
    # copy-on-write by the workers (and /readyz need not repeat the checks).
    from api.routes.health import warm_up

    warm_up()
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
    if metrics.multiprocess():
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    metrics.remove_created_directory()
