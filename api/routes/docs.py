"""``/openapi.json`` and the interactive reference at ``/docs``, served entirely by the app.

Swagger UI comes from the ``flask-swagger-ui`` package (it vendors a Swagger UI 5 build, the
first major version that renders OpenAPI 3.1); the page loads only files from this app and
runs no inline script, so it works under the HTML policy every page gets (``api/security.py``).
"""

from __future__ import annotations

from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, Response, current_app, render_template

from ..openapi import build_openapi, operation

SWAGGER_UI_DIST = Path(flask_swagger_ui.__file__).resolve().parent / "dist"

bp = Blueprint("docs", __name__, static_folder=str(SWAGGER_UI_DIST), static_url_path="/docs/vendor")


@bp.get("/openapi.json")
@operation(
    summary="The OpenAPI 3.1 document of this API",
    description="Generated from the routes and the pydantic models that validate requests.",
    tags=("docs",),
    responses={200: {"type": "object", "required": ["openapi", "info", "paths"]}},
)
def openapi_json() -> Response:
    """The OpenAPI 3.1 document of this API."""
    response = current_app.json.response(build_openapi(current_app))
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/docs")
@operation(
    summary="Interactive API reference (Swagger UI)",
    tags=("docs",),
    responses={200: {"text/html": {"type": "string"}}},
)
def docs() -> Response:
    """Interactive API reference (Swagger UI)."""
    return Response(render_template("docs.html"), mimetype="text/html")
