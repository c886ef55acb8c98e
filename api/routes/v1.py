"""Version 1 of the summarisation API: one article, a batch, and the list of algorithms."""

from __future__ import annotations

from typing import Any

import orjson
from flask import Blueprint, Response, current_app, request

import summarizer.algorithms
from summarizer import ALGORITHMS, DEFAULT_ALGORITHM, summarize
from summarizer.options import merge_options

from ..body import is_json, read_json, read_text_body
from ..errors import ApiError, as_api_error
from ..observability import record_documents
from ..openapi import Media, operation
from ..schemas import (
    EXAMPLE_HTML,
    EXAMPLE_TEXT,
    MAX_TEXT_CHARS,
    AlgorithmOut,
    AlgorithmsResponse,
    BatchDocument,
    BatchError,
    BatchRequest,
    BatchResponse,
    BatchSummary,
    SummarizeRequest,
    SummarizeResponse,
    SummaryOptions,
)

bp = Blueprint("v1", __name__, url_prefix="/v1")

_LIST_OPTIONS = {"exclude"}
_TEXT_BODY = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS, "pattern": r"\S"}


def json_response(model: Any, status: int = 200) -> Response:
    return Response(
        orjson.dumps(model.model_dump(mode="json")), status, mimetype="application/json"
    )


def query_options() -> dict[str, Any]:
    """Options from the query string (``exclude`` may repeat or be comma-separated)."""
    if not request.query_string:  # the usual JSON request: skip parsing an empty query
        return {}
    options: dict[str, Any] = {}
    for key in request.args:
        values = request.args.getlist(key)
        if key in _LIST_OPTIONS:
            options[key] = [v.strip() for value in values for v in value.split(",") if v.strip()]
        else:
            options[key] = values[-1]
    if not options:
        return {}
    return SummaryOptions.model_validate(options, strict=False).model_dump(exclude_unset=True)


def parse_summarize_request() -> SummarizeRequest:
    mimetype = request.mimetype
    shared = query_options()
    if is_json(mimetype):
        return SummarizeRequest.model_validate(merge_options(shared, read_json()))
    if mimetype in ("text/plain", "text/html"):
        field = "text" if mimetype == "text/plain" else "html"
        return SummarizeRequest.model_validate({**shared, field: read_text_body(field == "html")})
    raise ApiError(
        415,
        f"unsupported content type {mimetype or '(none)'!r}; "
        "send application/json, text/plain or text/html",
        kind="unsupported-media-type",
    )


def run(req: SummarizeRequest) -> dict[str, Any]:
    """Summarise a validated request (``html``, or ``text`` that may be markup): a dict.

    Markup with no article text is the library's OptionError on ``text`` or ``html``, which
    :func:`api.errors.as_api_error` answers as the 422 naming that field.
    """
    if req.html is not None:
        result = summarize(req.html, req.options, html=True).to_dict()
    else:
        result = summarize(req.text, req.options).to_dict()
    record_documents(1, result["stats"]["sentences"])
    return result


_SUMMARIZE_ERRORS = (400, 413, 415, 422)
_QUERY_NOTE = (
    "Sent with a text/plain or text/html body; with a JSON body, fields in the body override it."
)


@bp.post("/summarize")
@operation(
    summary="Summarise one article",
    description="The article as JSON (`text` or `html` plus options), or as a text/plain or "
    "text/html body with the options in the query string. Plain-text and HTML bodies honour "
    "the `charset` parameter of Content-Type (HTML without one: its `<meta charset>`; else "
    "UTF-8). Returns the summary sentences, headline candidates, keywords and statistics.",
    tags=("summarize",),
    request={
        "application/json": Media(
            SummarizeRequest,
            examples={
                "text": {"text": EXAMPLE_TEXT, "sentences": 2},
                "html": {"html": EXAMPLE_HTML, "headlines": 2},
            },
        ),
        "text/plain": Media(_TEXT_BODY, examples={"article": EXAMPLE_TEXT}),
        "text/html": Media(_TEXT_BODY, examples={"fragment": EXAMPLE_HTML}),
    },
    query=SummaryOptions,
    query_description=_QUERY_NOTE,
    responses={200: Media(SummarizeResponse, description="The summary")},
    errors=_SUMMARIZE_ERRORS,
    secured=True,
)
def summarize_endpoint() -> Response:
    """Summarise one article."""
    # The library's result already has SummarizeResponse's fields, order and types, so it is
    # serialised as it is: validating it into the model and dumping that gave the same bytes
    # for 10-80 us more per request. tests/api/test_api.py checks the bytes for every algorithm.
    result = run(parse_summarize_request())
    # content_type rather than mimetype: the same header without working out a charset.
    return Response(orjson.dumps(result), 200, content_type="application/json")


def summarize_document(index: int, raw: Any, shared: dict[str, Any]) -> BatchSummary | BatchError:
    """One batch document: its own result, or its own problem document."""
    doc_id = raw.get("id") if isinstance(raw, dict) else None
    doc_id = doc_id if isinstance(doc_id, str) and doc_id else str(index)
    try:
        if not isinstance(raw, dict):
            raise ApiError.invalid(
                "document",
                "expected an object",
                type="dict_type",
                detail="a document must be a JSON object",
            )
        req = BatchDocument.model_validate(merge_options(shared, raw))
        return BatchSummary.model_validate({**run(req), "id": doc_id})
    except Exception as exc:  # one document must not fail the others
        return BatchError(id=doc_id, error=as_api_error(exc, "document").body())


@bp.post("/summarize/batch")
@operation(
    summary="Summarise several articles in one request",
    description="Each document is validated and summarised on its own: the response holds one "
    "result per document, in order, with its `id` (or its 0-based position). A document that "
    "cannot be summarised gets an `error` problem document; the others still succeed. Options "
    "at the top level apply to every document; a document's own options override them (its "
    "own length option replaces the shared one). More documents than SUMMARIZER_MAX_BATCH "
    "(default 100) is a 413. Under a rate limit each document counts as one request, and a "
    "batch larger than the limit's amount is a 413 too.",
    tags=("summarize",),
    request={
        "application/json": Media(
            BatchRequest,
            examples={
                "two documents": BatchRequest.model_config["json_schema_extra"]["examples"][0]
            },
        )
    },
    responses={200: Media(BatchResponse, description="One result per document, in order")},
    errors=(400, 413, 415, 422),
    secured=True,
)
def summarize_batch() -> Response:
    """Summarise several articles in one request."""
    if not is_json(request.mimetype):
        raise ApiError(
            415,
            f"unsupported content type {request.mimetype or '(none)'!r}; send application/json",
            kind="unsupported-media-type",
        )
    body = read_json()
    documents = body.pop("documents", None)
    shared = SummaryOptions.model_validate(body).model_dump(exclude_unset=True)
    if not isinstance(documents, list) or not documents:
        raise ApiError.invalid("documents", "give a non-empty list of documents", type="list_type")
    settings = current_app.config["SETTINGS"]
    limit = settings.batch_limit
    if len(documents) > limit:
        message = f"a batch holds at most {limit} documents, got {len(documents)}"
        if limit < settings.max_batch:
            message += (
                f" (it counts one request per document; the rate limit is {settings.rate_limit})"
            )
        raise ApiError.invalid(
            "documents", message, type="too_long", status=413, kind="too-many-documents"
        )
    results = [summarize_document(i, raw, shared) for i, raw in enumerate(documents)]
    return json_response(BatchResponse(results=results))


@bp.get("/algorithms")
@operation(
    summary="List the summarisation algorithms",
    description="Every algorithm the `algorithm` option accepts, which one is the default, "
    "and its ROUGE scores on IndoSum when it has been benchmarked.",
    tags=("algorithms",),
    responses={200: Media(AlgorithmsResponse, description="The algorithms")},
    secured=True,
)
def algorithms() -> Response:
    """List the summarisation algorithms."""
    benchmark = getattr(summarizer.algorithms, "BENCHMARK", None) or {}
    items = [
        AlgorithmOut(
            name=name,
            description=algo.description,
            default=name == DEFAULT_ALGORITHM,
            benchmark=benchmark.get(name),
        )
        for name, algo in ALGORITHMS.items()
    ]
    return json_response(AlgorithmsResponse(algorithms=items, default=DEFAULT_ALGORITHM))
