"""RFC 9457 problem documents as plain data, for every caller that reports a failed article.

The API answers with them (``api/errors.py`` renders them as ``application/problem+json``)
and ``summarizer batch`` and :mod:`summarizer.spark` write them into the row of an article
that failed. Keeping the shape here, free of any web code, is what makes a failed row of an
archive run carry exactly the document the API would have answered for the same article.
"""

from __future__ import annotations

from typing import Any

from .errors import OptionError

PROBLEM_TYPE = "https://github.com/indo-summarizer/problems/"

TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
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
    """The problem document as a dict: ``type``, ``title``, ``status``, ``detail``, ``errors``."""
    title = title or TITLES.get(status, "Error")
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE + (kind or title.lower().replace(" ", "-")),
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return body


def field_problem(
    field: str, message: str, kind: str = "value_error", *, detail: str | None = None
) -> dict[str, Any]:
    """A 422 validation error naming one field (``kind`` is the machine-readable error type)."""
    return problem_body(
        422,
        detail or message,
        kind="validation-error",
        errors=[{"field": field, "message": message, "type": kind}],
    )


def option_problem(exc: OptionError) -> dict[str, Any]:
    """The problem document for an :class:`OptionError` the library raised.

    A validation error naming the field, as the API reports a bad field it catches itself,
    so that an article refused by the library and one refused by the API's request model
    carry the same ``type`` and ``status``.
    """
    return field_problem(exc.field, exc.message)
