"""gunicorn settings, all overridable from the environment."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(
    os.environ.get("WEB_CONCURRENCY")
    or os.environ.get("GUNICORN_WORKERS")
    or multiprocessing.cpu_count()
)
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 10
keepalive = 5
# Request line and header limits: nothing a client sends in the head may be huge.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Load the language data and models once, before forking the workers.
preload_app = True
accesslog = None
errorlog = "-"
