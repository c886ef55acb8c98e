"""API keys, rate limits, CORS, proxy trust and security headers, all from :class:`Settings`.

The security headers of every response are set here and nowhere else (the pages' views
set none), and a redirect's ``Location`` is a path, never a URL built from ``Host``.

Public paths (health, readiness, docs, the editors' page, static files, and /metrics unless
``SUMMARIZER_METRICS_REQUIRE_KEY`` is on) need no key and are never rate limited, so probes
and the documentation keep working when clients are throttled.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, Response, current_app, g, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

from .body import is_json, read_json
from .config import Settings
from .errors import ApiError, problem

# Paths anyone may call, whatever keys and limits are configured (exact paths and prefixes).
PUBLIC_PATHS = frozenset({"/", "/healthz", "/readyz", "/openapi.json", "/docs", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/", "/docs/")
METRICS_PATH = "/metrics"
BATCH_PATH = "/v1/summarize/batch"

# The HTML pages (editor at /, API docs at /docs) are built to run under exactly this policy:
# they load only this app's scripts, styles, images and fonts, and call only this API.
HTML_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'"
)
# JSON and everything else is data, never a document to render or frame.
DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

CORS_ALLOW_HEADERS = ["Content-Type", "Authorization", "X-API-Key", "X-Request-ID"]
CORS_EXPOSE_HEADERS = ["X-Request-ID", "Retry-After"]


def is_public(path: str) -> bool:
    """Whether ``path`` is open without a key and exempt from rate limits."""
    if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
        return True
    settings: Settings = current_app.config["SETTINGS"]
    return path == METRICS_PATH and not settings.metrics_require_key


def presented_key() -> str | None:
    """The key from ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``."""
    auth = request.headers.get("Authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("X-API-Key", "").strip() or None


def matching_key(candidate: str, keys: tuple[str, ...]) -> str | None:
    """The configured key equal to ``candidate``, compared in constant time against every key."""
    given = candidate.encode()
    found = None
    for key in keys:  # no early exit: the time taken does not depend on which key matched
        if hmac.compare_digest(given, key.encode()):
            found = key
    return found


def key_id(key: str) -> str:
    """A short, non-reversible name for a key (rate-limit bucket); the key itself is never stored."""
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _authenticate() -> None:
    settings: Settings = current_app.config["SETTINGS"]
    if not settings.api_keys or request.method == "OPTIONS" or is_public(request.path):
        return
    candidate = presented_key()
    key = matching_key(candidate, settings.api_keys) if candidate else None
    if key is None:
        raise ApiError(
            401,
            "a valid API key is required: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"
            if candidate is None
            else "the API key is not valid",
            kind="unauthorized",
            headers={"WWW-Authenticate": 'Bearer realm="indo-summarizer"'},
        )
    g.api_key_id = key_id(key)


def rate_limit_key() -> str:
    """Per API key when keys are configured, else per client address."""
    key = g.get("api_key_id")
    return f"key:{key}" if key else f"addr:{get_remote_address()}"


def request_cost() -> int:
    """What a request takes from the rate limit: 1, or a batch's number of documents.

    A batch of 100 articles is 100 summaries of work; counted as one request it would let
    a client multiply its limit by ``SUMMARIZER_MAX_BATCH``. A body the view will refuse
    (not JSON, no document list, more than ``Settings.batch_limit`` documents) costs 1, like
    any refused request.
    """
    if request.path != BATCH_PATH or not is_json(request.mimetype):
        return 1
    try:
        documents = read_json().get("documents")
    except ApiError:
        return 1
    settings: Settings = current_app.config["SETTINGS"]
    if isinstance(documents, list) and 0 < len(documents) <= settings.batch_limit:
        return len(documents)
    return 1


def _exempt_from_limits() -> bool:
    return request.method == "OPTIONS" or is_public(request.path)


_SECURITY_HEADER_ITEMS = tuple(SECURITY_HEADERS.items())


def _security_headers(response: Response) -> Response:
    """The security headers, and a redirect's ``Location`` without scheme and host.

    Werkzeug builds the redirects it sends (``/static//x`` to ``/static/x``) as absolute URLs
    from the request's ``Host`` header, which the client chooses: ``Host: evil.example``
    would send the browser there. A path (RFC 9110 allows a relative ``Location``) stays
    on this server, whatever name it was reached by.
    """
    headers = response.headers
    for name, value in _SECURITY_HEADER_ITEMS:  # add: no view sets them, nothing to replace
        headers.add(name, value)
    headers.add(
        "Content-Security-Policy", HTML_CSP if response.mimetype == "text/html" else DATA_CSP
    )
    if 300 <= response.status_code < 400 and "://" in (location := headers.get("Location", "")):
        parts = urlsplit(location)
        headers["Location"] = "/" + urlunsplit(("", "", parts.path, parts.query, "")).lstrip("/")
    return response


def init_limiter(app: Flask, settings: Settings) -> Limiter | None:
    """Flask-Limiter with the configured limit, shared through Redis when a URL is set.

    An application limit, not a default one: Flask-Limiter counts default limits per route,
    which would give a client the limit once for every endpoint.
    """
    if not settings.rate_limit:
        return None
    limiter = Limiter(
        rate_limit_key,
        app=app,
        application_limits=[settings.rate_limit],
        application_limits_cost=request_cost,
        strategy=settings.rate_limit_strategy,
        storage_uri=settings.redis_url or "memory://",
        storage_options={"socket_timeout": 1, "socket_connect_timeout": 1}
        if settings.redis_url
        else {},
        key_prefix="indo-summarizer",
        headers_enabled=False,  # it would put Retry-After on every response; see _too_many
        swallow_errors=True,  # a Redis outage must not take the API down...
        in_memory_fallback_enabled=bool(settings.redis_url),  # ...limits go per process instead
    )
    limiter.request_filter(_exempt_from_limits)

    @app.errorhandler(RateLimitExceeded)
    def _too_many(exc: RateLimitExceeded) -> Response:
        current = limiter.current_limit
        retry = max(1, int(current.reset_at - time.time())) if current else 1
        detail = f"rate limit exceeded ({exc.limit.limit}); retry in {retry} s"
        cost = request_cost()
        if cost > 1:
            detail += f"; this batch counts as {cost} requests, one per document"
        return problem(
            429,
            detail,
            kind="rate-limited",
            headers={"Retry-After": str(retry)},
        )

    return limiter


def init_security(app: Flask, settings: Settings) -> None:
    """Install proxy trust, CORS, authentication, rate limits and headers, in request order."""
    if settings.trust_proxy:
        hops = settings.trust_proxy
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0)  # type: ignore[method-assign]
    if settings.cors_origins:
        CORS(
            app,
            origins=list(settings.cors_origins),
            allow_headers=CORS_ALLOW_HEADERS,
            expose_headers=CORS_EXPOSE_HEADERS,
            methods=["GET", "POST", "OPTIONS"],
            max_age=600,
            supports_credentials=False,
            vary_header=True,
        )
    app.before_request(_authenticate)
    app.extensions["summarizer_limiter"] = init_limiter(app, settings)
    app.after_request(_security_headers)
