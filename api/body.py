"""Request bodies as Python values: a JSON object, or text in its declared charset.

The JSON body is parsed once per request and the outcome kept on ``g``: the rate limiter
reads a batch's document count from it before the view runs (see
:func:`api.security.request_cost`), and the view gets the same object, or the same error.
"""

from __future__ import annotations

from typing import Any

import orjson
from flask import g, request

from summarizer.text.charset import CharsetError, decode_html, decode_text

from .errors import ApiError


def is_json(mimetype: str) -> bool:
    return mimetype == "application/json" or mimetype.endswith("+json")


def read_json() -> dict[str, Any]:
    """The request body as a JSON object: UTF-8 only (RFC 8259), 400 when not JSON."""
    outcome = g.get("_json_body")
    if outcome is None:
        try:
            outcome = _parse_json()
        except ApiError as exc:
            outcome = exc
        g._json_body = outcome
    if isinstance(outcome, ApiError):
        raise outcome
    return outcome


def _parse_json() -> dict[str, Any]:
    req = request._get_current_object()  # type: ignore[attr-defined]  # one context lookup
    charset = req.mimetype_params.get("charset")
    if charset and charset.strip().strip("\"'").lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise ApiError(415, f"JSON must be UTF-8, not {charset!r}", kind="unsupported-charset")
    data = req.get_data(cache=False)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        body = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        try:  # only now: valid bodies are not decoded twice
            data.decode("utf-8")
        except UnicodeDecodeError as bad:
            raise ApiError(
                400,
                f"request body is not UTF-8 (invalid byte at offset {bad.start}); "
                "JSON must be UTF-8",
                kind="bad-encoding",
            ) from None
        raise ApiError(
            400, f"request body is not valid JSON: {exc}", kind="malformed-json"
        ) from None
    if not isinstance(body, dict):
        raise ApiError.invalid(
            "body",
            "expected an object",
            type="dict_type",
            detail="request body must be a JSON object",
        )
    return body


def read_text_body(html: bool) -> str:
    """A text/plain or text/html body in its ``charset`` (HTML: or its ``<meta charset>``)."""
    charset = request.mimetype_params.get("charset")
    data = request.get_data(cache=False)
    try:
        return decode_html(data, charset) if html else decode_text(data, charset)
    except CharsetError as exc:
        if exc.unknown:
            raise ApiError(415, str(exc), kind="unsupported-charset") from None
        raise ApiError(400, str(exc), kind="bad-encoding") from None
