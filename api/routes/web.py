"""The editors' page at ``/``: plain HTML, CSS and a little JavaScript calling the public API."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template

bp = Blueprint("web", __name__)

# The page loads nothing from elsewhere and runs no inline code or styles; set here as well as by
# any app-wide security headers so the page is tested under this exact policy.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


def api_keys_required() -> bool:
    """Whether the API asks for a key (``SUMMARIZER_API_KEYS``), so the page shows the key field."""
    settings = current_app.config.get("SETTINGS")
    return bool(getattr(settings, "api_keys", None))


@bp.get("/")
def index() -> Response:
    html = render_template("index.html", keys_required=api_keys_required())
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-cache"
    return response
