"""The Flask application around the summarizer library."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask

from .config import Settings
from .errors import register_error_handlers
from .observability import init_observability
from .security import init_security


class SummarizerFlask(Flask):
    """Flask that remembers, per function, whether a view or hook needs wrapping to run sync.

    Flask asks ``ensure_sync`` for every hook and view of every request (six on
    ``POST /v1/summarize``), and each answer inspects the function's code flags again;
    the answer never changes for a function, so it is kept.
    """

    # Views, hooks and error handlers are a few dozen; ``after_this_request`` callbacks are
    # new closures on every request, so only the first ones met are kept.
    _SYNC_CACHE_SIZE = 256

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sync: dict[Callable[..., Any], Callable[..., Any]] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        try:
            return self._sync[func]
        except KeyError:
            pass
        except TypeError:  # an unhashable callable
            return super().ensure_sync(func)
        sync = super().ensure_sync(func)
        if len(self._sync) < self._SYNC_CACHE_SIZE:
            self._sync[func] = sync
        return sync


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Application factory: settings from the environment, overridden by ``config``."""
    app = SummarizerFlask(__name__)
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

    from .routes import docs, health, v1, web

    app.register_blueprint(health.bp)
    health.warm_up()  # load language data and run every algorithm once, before workers fork
    app.register_blueprint(v1.bp)
    app.register_blueprint(web.bp)
    app.register_blueprint(docs.bp)
    return app
