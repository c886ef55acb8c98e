"""Shared fixtures: sample articles, the Flask app, and a real gunicorn server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from api import create_app
from benchmarks.indosum import Article, load
from summarizer import summarize

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def articles() -> list[Article]:
    """Six real IndoSum articles (see tests/fixtures/README.md for attribution)."""
    return list(load(FIXTURES, ("indosum_sample",)))


@pytest.fixture(scope="session")
def article(articles: list[Article]) -> Article:
    return articles[0]


def expected_row(row_id: str, text: str, **options: Any) -> dict[str, Any]:
    """What the library gives for one article, as a batch row (no elapsed_ms)."""
    result = summarize(text, **options).to_dict()
    del result["stats"]["elapsed_ms"]
    return {"id": row_id, **result}


@pytest.fixture(scope="session")
def records(articles: list[Article]) -> list[dict]:
    """The fixture articles as archive records (id, text, title), for the batch tests."""
    return [{"id": a.id, "text": a.text, "title": a.title} for a in articles]


@pytest.fixture(scope="session")
def expected(records: list[dict]) -> list[dict]:
    """What the library gives for each of ``records``, as a batch row (no elapsed_ms)."""
    return [expected_row(r["id"], r["text"], title=r["title"]) for r in records]


@pytest.fixture
def app():
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


def python_output(
    script: str, stdin: str, *, hash_seed: str | None = None, timeout: float | None = None
) -> str:
    """What ``python -c script`` prints in a fresh interpreter (empty caches, own hash seed).

    With ``timeout`` a runaway (a regex gone quadratic) fails the test instead of hanging it.
    """
    env = {**os.environ, "PYTHONHASHSEED": hash_seed} if hash_seed else None
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A gunicorn process serving ``wsgi:app`` on a free loopback port."""

    def __init__(
        self,
        env: dict[str, str] | None = None,
        workers: int = 2,
        wrap: list[str] | None = None,
        app: str = "wsgi:app",
    ) -> None:
        """``wrap``: a command that runs gunicorn's as its last arguments (a namespace, say);
        ``app``: another WSGI app to serve under the same ``gunicorn.conf.py``."""
        self.wrap = wrap or []
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "PORT": str(self.port),
            "HOST": "127.0.0.1",
            "WEB_CONCURRENCY": str(workers),
            **(env or {}),
        }
        self.log_path: Path | None = None
        self.process: subprocess.Popen | None = None

    def start(self, log_path: Path) -> Server:
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [*self.wrap, sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", self.app],
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {log_path.read_text()}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not start: {log_path.read_text()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:  # graceful_timeout (10 s) for the workers, then the master's on_exit
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self._log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    """The real server, as ``make serve`` starts it (gunicorn, two workers)."""
    srv = Server().start(tmp_path_factory.mktemp("gunicorn") / "server.log")
    yield srv
    srv.stop()
