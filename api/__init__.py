"""The Flask application around the summarizer library.

Importing the package loads no part of the app: ``gunicorn.conf.py`` imports
:mod:`api.metrics` before prometheus_client may be imported (it chooses its storage then).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from .config import Settings


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Application factory: settings from the environment, overridden by ``config``.

    No process-wide work happens here (no warm-up, no module state set): gunicorn's
    ``when_ready`` hook warms the library up before the workers fork, and ``/readyz``
    runs the same checks in a process that was not warmed up.
    """
    from .errors import register_error_handlers
    from .observability import init_observability
    from .routes import docs, health, v1, web
    from .security import init_security

    app = Flask(__name__)
    overrides = {
        k.lower(): v
        for k, v in (config or {}).items()
        if k.lower() in Settings.__dataclass_fields__
    }
    settings = Settings.from_env(**overrides)
    app.config["SETTINGS"] = settings
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.config.update({k: v for k, v in (config or {}).items() if k.isupper()})

    register_error_handlers(app)
    init_observability(app, settings)  # first: every request gets an id, a log line, metrics
    init_security(app, settings)
    app.register_blueprint(health.bp)
    app.register_blueprint(v1.bp)
    app.register_blueprint(web.bp)
    app.register_blueprint(docs.bp)
    return app
