"""Every error is an RFC 9457 problem document, produced in this one place."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, json
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from summarizer import OptionError

PROBLEM_TYPE = "https://github.com/indo-summarizer/problems/"
PROBLEM_JSON = "application/problem+json"


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


_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
}


def problem_body(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    kind: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The problem document as a dict (batch results embed it)."""
    title = title or _TITLES.get(status, "Error")
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE + (kind or title.lower().replace(" ", "-")),
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return body


def problem(status: int, detail: str, **kwargs: Any) -> Response:
    headers = kwargs.pop("headers", None) or {}
    response = Response(
        json.dumps(problem_body(status, detail, **kwargs)), status, mimetype=PROBLEM_JSON
    )
    response.headers.update(headers)
    return response


def validation_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """Pydantic errors as ``[{"field", "message", "type"}]`` with dotted field names."""
    out = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-"))
        out.append({"field": loc or "body", "message": err["msg"], "type": err["type"]})
    return out


def option_error(exc: OptionError) -> ApiError:
    return ApiError(
        422,
        exc.message,
        kind="invalid-option",
        errors=[{"field": exc.field, "message": exc.message, "type": "value_error"}],
    )


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError) -> Response:
        return problem(
            exc.status,
            exc.detail,
            title=exc.title,
            kind=exc.kind,
            errors=exc.errors,
            headers=exc.headers,
        )

    @app.errorhandler(ValidationError)
    def _validation(exc: ValidationError) -> Response:
        errors = validation_errors(exc)
        fields = ", ".join(sorted({e["field"] for e in errors}))
        return problem(422, f"invalid request: {fields}", kind="validation-error", errors=errors)

    @app.errorhandler(OptionError)
    def _option(exc: OptionError) -> Response:
        err = option_error(exc)
        return problem(err.status, err.detail, kind=err.kind, errors=err.errors)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        status = exc.code or 500
        response = problem(status, exc.description or _TITLES.get(status, "Error"), title=exc.name)
        if status == 405 and exc.valid_methods:  # type: ignore[attr-defined]
            response.headers["Allow"] = ", ".join(exc.valid_methods)  # type: ignore[attr-defined]
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        app.logger.exception("unhandled error")
        return problem(500, "the server could not process this request", kind="internal-error")
