"""Every error is an RFC 9457 problem document, produced in this one place."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, json
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from summarizer import OptionError
from summarizer.problems import PROBLEM_TYPE, option_problem, problem_body
from summarizer.problems import TITLES as _TITLES

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
    body = option_problem(exc)
    kind = body["type"].removeprefix(PROBLEM_TYPE)
    return ApiError(body["status"], body["detail"], kind=kind, errors=body.get("errors"))


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
