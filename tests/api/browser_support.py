"""What the editors' page tests share: Debian's Chromium through Playwright, and a watched page.

Test modules import the fixtures from here (``from browser_support import browser, watched``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import Server

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Records CSP violations from inside the page (init scripts are exempt from the page's CSP).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""
# Laptop screens the answer must fit beside the form on (CSS pixels of the window).
LAPTOP_SCREENS = [(1366, 768), (1280, 800)]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page plus what it logged: console errors, page errors, CSP violations, foreign URLs."""

    def __init__(self, page: sync_api.Page, origin: str) -> None:
        self.page = page
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.api_calls: list[str] = []
        page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        page.on("request", self._record)
        page.add_init_script(WATCH_CSP)
        self.origin = origin

    def _record(self, request: sync_api.Request) -> None:
        if not request.url.startswith((self.origin + "/", "data:")):
            self.foreign_requests.append(request.url)
        elif request.url.startswith(self.origin + "/v1/summarize"):
            self.api_calls.append(request.url)

    def ignore_console_status(self, status: int) -> None:
        """The browser logs a failed fetch's status itself; drop those lines, nothing else."""
        self.console_errors[:] = [e for e in self.console_errors if str(status) not in e]

    def assert_clean(self) -> None:
        violations = self.page.evaluate("window.__cspViolations")
        assert violations == []
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.foreign_requests == []


@contextmanager
def watched_page(
    browser: sync_api.Browser, url: str, width: int = 1280, height: int = 900
) -> Iterator[Watched]:
    """A fresh browser context with one watched page, closed afterwards."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield Watched(page, url)
    finally:
        context.close()


@pytest.fixture
def watched(browser, server) -> Iterator[Watched]:
    with watched_page(browser, server.url) as page:
        yield page


def extra_server(tmp_path_factory, name: str, env: dict[str, str]) -> Iterator[Server]:
    """Another real gunicorn (one worker) with ``env``, for a module fixture to ``yield from``."""
    srv = Server(env, workers=1)
    srv.start(tmp_path_factory.mktemp(name) / "server.log")
    yield srv
    srv.stop()


def open_page(watched: Watched, url: str) -> sync_api.Page:
    page = watched.page
    response = page.goto(url + "/")
    assert response is not None and response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The algorithm list comes from GET /v1/algorithms.
    sync_api.expect(page.locator("#algorithm option[data-default]")).to_have_count(1)
    return page


def submit_and_wait(page: sync_api.Page, name: str = "Ringkas") -> sync_api.Response:
    """Press the submit button, wait until the page has drawn the answer or the refusal."""
    with page.expect_response("**/v1/summarize") as response:
        page.get_by_role("button", name=name).click()
    sync_api.expect(page.locator("#submit")).to_be_enabled()
    return response.value
