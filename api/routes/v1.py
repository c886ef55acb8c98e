"""Version 1 of the summarisation API."""

from __future__ import annotations

from typing import Any

import orjson
from flask import Blueprint, Response, request

from summarizer import ALGORITHMS, DEFAULT_ALGORITHM, summarize

from ..errors import ApiError
from ..schemas import AlgorithmOut, AlgorithmsResponse, SummarizeRequest, SummarizeResponse

bp = Blueprint("v1", __name__, url_prefix="/v1")

_LIST_OPTIONS = {"exclude"}


def json_response(model: Any, status: int = 200) -> Response:
    return Response(
        orjson.dumps(model.model_dump(mode="json")), status, mimetype="application/json"
    )


def read_json() -> Any:
    """The request body parsed as JSON (400 when it is not)."""
    data = request.get_data(cache=False)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ApiError(
            400, f"request body is not valid JSON: {exc}", kind="malformed-json"
        ) from None


def read_text_body() -> str:
    charset = request.mimetype_params.get("charset", "utf-8")
    try:
        return request.get_data(cache=False).decode(charset)
    except LookupError:
        raise ApiError(400, f"unknown charset {charset!r}", kind="bad-charset") from None
    except UnicodeDecodeError:
        raise ApiError(400, f"request body is not valid {charset}", kind="bad-encoding") from None


def query_options() -> dict[str, Any]:
    """Query parameters as option values (``exclude`` may repeat or be comma-separated)."""
    options: dict[str, Any] = {}
    for key in request.args:
        values = request.args.getlist(key)
        if key in _LIST_OPTIONS:
            options[key] = [v.strip() for value in values for v in value.split(",") if v.strip()]
        else:
            options[key] = values[-1]
    return options


def parse_summarize_request() -> SummarizeRequest:
    mimetype = request.mimetype
    if mimetype == "application/json" or mimetype.endswith("+json"):
        body = read_json()
        if not isinstance(body, dict):
            raise ApiError(
                422,
                "request body must be a JSON object",
                kind="validation-error",
                errors=[{"field": "body", "message": "expected an object", "type": "dict_type"}],
            )
        return SummarizeRequest.model_validate(body)
    if mimetype == "text/plain":
        options = query_options()
        options["text"] = read_text_body()
        return SummarizeRequest.model_validate(options, strict=False)
    raise ApiError(
        415,
        f"unsupported content type {mimetype or '(none)'!r}; send application/json or text/plain",
        kind="unsupported-media-type",
    )


@bp.post("/summarize")
def summarize_endpoint() -> Response:
    req = parse_summarize_request()
    options = req.library_kwargs()
    text = options.pop("text")
    result = summarize(text, **options)
    return json_response(SummarizeResponse.model_validate(result.to_dict()))


@bp.get("/algorithms")
def algorithms() -> Response:
    items = [
        AlgorithmOut(name=name, description=algo.description, default=name == DEFAULT_ALGORITHM)
        for name, algo in ALGORITHMS.items()
    ]
    return json_response(AlgorithmsResponse(algorithms=items, default=DEFAULT_ALGORITHM))
