"""The editors' page at ``/``: plain HTML, CSS and a little JavaScript calling the public API.

It loads nothing from elsewhere and runs no inline code or styles: it works under the HTML
policy every page gets (``api/security.py``).
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template

bp = Blueprint("web", __name__)


def api_keys_required() -> bool:
    """Whether the API asks for a key (``SUMMARIZER_API_KEYS``), so the page shows the key field."""
    settings = current_app.config.get("SETTINGS")
    return bool(getattr(settings, "api_keys", None))


@bp.get("/")
def index() -> Response:
    html = render_template("index.html", keys_required=api_keys_required())
    response = Response(html, mimetype="text/html")  # headers: api/security.py (HTML_CSP)
    response.headers["Cache-Control"] = "no-cache"
    return response
