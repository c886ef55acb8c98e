"""Every error is an RFC 9457 problem document, and :func:`as_api_error` is the one mapping
from an exception to its problem: the app's error handler and each batch document use it."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, current_app, json
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from summarizer import OptionError
from summarizer.problems import PROBLEM_TYPE, option_problem, problem_body
from summarizer.problems import TITLES as _TITLES

PROBLEM_JSON = "application/problem+json"

log = logging.getLogger("api")


class ApiError(Exception):
    """An error with an HTTP status, raised anywhere in a request and rendered as a problem."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        title: str | None = None,
        kind: str | None = None,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.title = title
        self.kind = kind
        self.errors = errors
        self.headers = headers or {}

    @classmethod
    def invalid(
        cls,
        field: str,
        message: str,
        *,
        type: str = "value_error",  # noqa: A002 - the name of the error entry's key
        detail: str | None = None,
        status: int = 422,
        kind: str = "validation-error",
    ) -> ApiError:
        """One invalid field, in the shape pydantic's errors take (``errors[0]``)."""
        return cls(
            status,
            detail or message,
            kind=kind,
            errors=[{"field": field, "message": message, "type": type}],
        )

    def body(self) -> dict[str, Any]:
        return problem_body(
            self.status, self.detail, title=self.title, kind=self.kind, errors=self.errors
        )


def problem(status: int, detail: str, **kwargs: Any) -> Response:
    headers = kwargs.pop("headers", None) or {}
    response = Response(
        json.dumps(problem_body(status, detail, **kwargs)), status, mimetype=PROBLEM_JSON
    )
    response.headers.update(headers)
    return response


def validation_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """Pydantic errors as ``[{"field", "message", "type"}]`` with dotted field names.

    A ``ValueError`` raised by a validator keeps its own message, without the
    ``Value error,`` pydantic puts before it.
    """
    out = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-"))
        cause = err.get("ctx", {}).get("error")
        message = str(cause) if err["type"] == "value_error" and cause else err["msg"]
        out.append({"field": loc or "body", "message": message, "type": err["type"]})
    return out


def as_api_error(exc: Exception, subject: str = "request") -> ApiError:
    """The problem an exception is answered with (``subject``: what was invalid).

    Anything unexpected is logged here and becomes a 500 that says nothing about it.
    """
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, ValidationError):
        errors = validation_errors(exc)
        fields = ", ".join(sorted({e["field"] for e in errors}))
        return ApiError(422, f"invalid {subject}: {fields}", kind="validation-error", errors=errors)
    if isinstance(exc, OptionError):
        # the library's own shape, so a batch row and an API answer carry the same document
        body = option_problem(exc)
        kind = body["type"].removeprefix(PROBLEM_TYPE)
        return ApiError(body["status"], body["detail"], kind=kind, errors=body.get("errors"))
    if isinstance(exc, RequestEntityTooLarge):
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        return ApiError(
            413,
            f"the request body is larger than the limit of {limit:,} bytes",
            kind="body-too-large",
        )
    if isinstance(exc, HTTPException):
        status = exc.code or 500
        headers = {}
        if status == 405 and getattr(exc, "valid_methods", None):
            headers["Allow"] = ", ".join(exc.valid_methods)  # type: ignore[attr-defined]
        return ApiError(
            status,
            exc.description or _TITLES.get(status, "Error"),
            title=exc.name,
            headers=headers,
        )
    log.error("unhandled error in a %s", subject, exc_info=exc)
    return ApiError(500, f"the server could not process this {subject}", kind="internal-error")


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(Exception)
    def _problem(exc: Exception) -> Response:
        err = as_api_error(exc)
        return problem(
            err.status,
            err.detail,
            title=err.title,
            kind=err.kind,
            errors=err.errors,
            headers=err.headers,
        )
