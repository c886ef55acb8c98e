"""The gunicorn worker: requests are read whole, within deadlines, and then run in threads.

A synchronous worker is busy for as long as its client takes to send the request: two
clients sending a byte a second held both workers of a 2-worker service, and a body shorter
than its ``Content-Length`` held one for the whole ``timeout``. This worker is gunicorn's
gevent worker, where every connection is a greenlet: a connection waiting for bytes costs a
socket and a few kilobytes, and the worker serves the others meanwhile.

- The request head must arrive within ``keepalive`` seconds (``GUNICORN_KEEPALIVE``), counted
  from the connection or the previous response: gunicorn's gevent worker reads every head
  under that timeout and closes the connection when it runs out.
- The body is read here, before the app is called, within ``SUMMARIZER_BODY_TIMEOUT``
  seconds (then 408), and never more than ``SUMMARIZER_MAX_BODY_BYTES`` + 1 bytes. The app
  gets it in memory with a ``Content-Length``, chunked or not, so its 413 for a body over the
  limit is the one it gives for a declared length over the limit. A malformed chunked body
  (a bad chunk size, a missing CRLF, a bad trailer) is a 400, before the app runs.
- The app then runs in one of ``threads`` (``GUNICORN_THREADS``) native threads, and its
  whole response is collected there; the greenlet writes it out. Summarising is CPU work: in
  the event loop itself, one slow request (seconds of HTML parsing) would hold every other
  connection of its worker; in threads the others go on, sharing the CPU with it.
- gunicorn replaces a worker whose heartbeat is older than ``timeout``. The heartbeat here
  is the start of the oldest request still running (or now), so a request stuck for
  ``timeout`` seconds gets its worker replaced, as with sync workers; the requests running
  beside it in that worker are lost with it.

The standard library is not monkey-patched: the app's threads are real threads, and the
only network call it makes (the rate limiter's Redis round trip) blocks its own thread and
nothing else. Unpatched, the app runs exactly the code the tests run, and the modules loaded
before the fork (``preload_app``) need no patching after it. docs/operations.md has the costs.
"""

from __future__ import annotations

import io
import json
import os
import socket
import time
from collections.abc import Callable, Iterable
from typing import Any

import gevent
import gunicorn.util
from gevent import socket as green_socket
from gevent.threadpool import ThreadPool
from gunicorn.http.body import LengthReader
from gunicorn.http.errors import (
    ChunkMissingTerminator,
    InvalidChunkExtension,
    InvalidChunkSize,
    InvalidHeader,
)
from gunicorn.workers.ggevent import GeventWorker

from .config import Settings
from .errors import PROBLEM_JSON, problem_body


def write_problem(
    sock: socket.socket, status: int, reason: str, detail: str, kind: str | None = None
) -> None:
    """An error answered by the server itself (not the app), as a problem document.

    Also gunicorn's ``util.write_error`` (``gunicorn.conf.py`` installs it): gunicorn answers a
    request it cannot parse (a head over the limits, a malformed chunked body) with an HTML
    page by default.
    """
    body = json.dumps(problem_body(status, detail or reason, title=reason, kind=kind)).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
        f"Content-Type: {PROBLEM_JSON}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    gunicorn.util.write_nonblock(sock, head.encode("latin-1") + body)


# What gunicorn's chunked reader raises for a body that breaks the framing (trailers included).
MALFORMED_CHUNKS = (InvalidChunkSize, ChunkMissingTerminator, InvalidChunkExtension, InvalidHeader)


class BodyTimeout(Exception):
    """The body did not arrive within ``Settings.body_timeout`` seconds."""


class Worker(GeventWorker):
    """gunicorn's gevent worker: bodies read in full first, the app run in a thread pool."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = Settings.from_env()
        self.max_body_bytes = settings.max_body_bytes
        self.body_timeout = settings.body_timeout
        self.running: dict[int, float] = {}  # id of a request in a thread -> when it started
        self.pool: ThreadPool | None = None

    def load_wsgi(self) -> None:
        super().load_wsgi()
        self.app_in_process = self.wsgi
        self.wsgi = self.call_app

    def run(self) -> None:
        self.pool = ThreadPool(max(1, self.cfg.threads))  # after the fork: threads do not fork
        super().run()

    def notify(self) -> None:
        """The heartbeat: now, or when the oldest running request started."""
        super().notify()
        started = min(list(self.running.values()), default=None)
        if started is not None:
            os.utime(self.tmp.fileno(), (started, started))

    def call_app(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """The WSGI app, run in a thread of the pool; its response replayed here."""
        assert self.pool is not None
        status, headers, body = self.pool.apply(self.run_app, (environ,))
        start_response(status, headers)
        return body

    def run_app(self, environ: dict) -> tuple[str, list, list[bytes]]:
        """In a pool thread: the app's status, headers and whole body."""
        key = id(environ)
        self.running[key] = time.monotonic()
        try:
            started: list[Any] = []
            written: list[bytes] = []

            def start(status: str, headers: list, exc_info: Any = None) -> Callable:
                if exc_info and started:
                    raise exc_info[1].with_traceback(exc_info[2])
                started[:] = [status, headers]
                return written.append

            result = self.app_in_process(environ, start)
            try:
                body = written + list(result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
            return started[0], started[1], body
        finally:
            del self.running[key]

    def patch(self) -> None:
        """Only the listening sockets become gevent sockets; see the module docstring."""
        self.sockets = [
            green_socket.socket(s.FAMILY, socket.SOCK_STREAM, fileno=s.sock.detach())
            for s in self.sockets
        ]

    def handle_request(self, listener_name: Any, req: Any, sock: Any, addr: Any) -> bool:
        if not self.read_body(req, sock):
            raise StopIteration()  # answered here; gunicorn closes the connection
        return super().handle_request(listener_name, req, sock, addr)

    def read_body(self, req: Any, sock: Any) -> bool:
        """Put the whole body in ``req.body``; False when it was answered here instead.

        A declared length over the limit is not read: the app answers 413 from the header,
        and the connection closes rather than reading what the client may still send.
        """
        reader = req.body.reader
        declared = reader.length if isinstance(reader, LengthReader) else None
        if declared == 0:
            return True
        if declared is not None and declared > self.max_body_bytes:
            req.must_close = True
            return True
        if getattr(req, "_expected_100_continue", False):  # the client waits for it to send
            sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
            req._expected_100_continue = False
        try:
            with gevent.Timeout(self.body_timeout, BodyTimeout):
                data = req.body.read(self.max_body_bytes + 1)
        except BodyTimeout:
            write_problem(
                sock,
                408,
                "Request Timeout",
                f"the request body did not arrive within {self.body_timeout} s",
                kind="body-timeout",
            )
            return False
        except MALFORMED_CHUNKS as exc:
            write_problem(
                sock, 400, "Bad Request", f"malformed chunked body: {exc}", kind="malformed-chunks"
            )
            return False
        if len(data) > self.max_body_bytes:
            req.must_close = True  # the rest of the body is never read
        if declared is None:  # chunked: the app sees the length it would have been sent
            req.headers = [(n, v) for n, v in req.headers if n != "TRANSFER-ENCODING"]
            req.headers.append(("CONTENT-LENGTH", str(len(data))))
        req.body = io.BytesIO(data)
        return True
