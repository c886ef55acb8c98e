"""The OpenAPI 3.1 document, generated from the Flask routes and the pydantic models.

Declaring an endpoint is one decorator next to the route::

    @bp.post("/summarize")
    @operation(
        summary="Summarise one article",
        request={"application/json": SummarizeRequest},
        responses={200: SummarizeResponse},
        errors=(400, 413, 415, 422),
    )
    def summarize_endpoint(): ...

Paths and methods come from Flask's URL map, schemas from the models through pydantic's
JSON Schema generator (``models_json_schema``), so nothing here is written by hand twice.
A route without a declaration still appears (summary from its docstring, a generic 200 and
the problem response) so the document never silently misses an endpoint; ``@hidden`` keeps
asset routes out. Routes whose view you do not own can be declared by path with
:func:`declare`. Every operation gets the RFC 9457 problem response as ``default`` and for
each status in ``errors``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from importlib.metadata import PackageNotFoundError, version
from typing import Any, TypeVar

from flask import Flask
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .errors import _TITLES, PROBLEM_JSON
from .schemas import Problem

__all__ = [
    "Media",
    "Operation",
    "add_security_scheme",
    "build_openapi",
    "declare",
    "hidden",
    "operation",
]

OPENAPI_VERSION = "3.1.0"
REF_TEMPLATE = "#/components/schemas/{model}"
F = TypeVar("F", bound=Callable[..., Any])
TAGS = {
    "summarize": "Summaries, headline candidates and keywords",
    "algorithms": "What the `algorithm` option accepts",
    "operations": "Health, readiness and metrics",
    "docs": "This reference",
    "pages": "Pages for people",
}


@dataclass(frozen=True, slots=True)
class Media:
    """A request or response body of one media type: a model or a JSON Schema, plus examples."""

    schema: type[BaseModel] | Mapping[str, Any]
    examples: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""


Body = type[BaseModel] | Mapping[str, Any] | Media


@dataclass(slots=True)
class Operation:
    """What the document says about one method of one path."""

    summary: str
    description: str = ""
    tags: tuple[str, ...] = ()
    request: Mapping[str, Body] | None = None  # media type → body
    request_required: bool = True
    query: type[BaseModel] | None = None  # its fields are the query parameters
    query_description: str = ""
    responses: Mapping[int, Body | Mapping[str, Body]] = field(default_factory=dict)
    errors: tuple[int, ...] = ()  # statuses answered with a problem document
    secured: bool = False  # needs the API key when one is configured
    hidden: bool = False


_OPERATIONS = "__openapi_operations__"
_DECLARED: dict[tuple[str, str], Operation] = {}


def operation(*, method: str | None = None, **kwargs: Any) -> Callable[[F], F]:
    """Attach an :class:`Operation` to a view (for every method it serves, or ``method``)."""

    def decorate(view: F) -> F:
        ops = dict(getattr(view, _OPERATIONS, {}))
        ops[(method or "*").upper()] = Operation(**kwargs)
        setattr(view, _OPERATIONS, ops)
        return view

    return decorate


def hidden(view: F) -> F:
    """Keep a route (static assets, say) out of the document."""
    return operation(summary="", hidden=True)(view)


def declare(path: str, method: str, **kwargs: Any) -> None:
    """Declare an operation by its OpenAPI path (``/readyz``) for a view you cannot decorate."""
    _DECLARED[(path, method.upper())] = Operation(**kwargs)


def add_security_scheme(app: Flask, name: str, scheme: Mapping[str, Any]) -> None:
    """Document an authentication scheme; ``secured`` operations then require it."""
    app.extensions.setdefault("openapi_security", {})[name] = dict(scheme)
    app.extensions.pop("openapi_document", None)


def _default_security(app: Flask) -> dict[str, Any]:
    """The key schemes api/security.py accepts, documented when keys are configured."""
    if not getattr(app.config.get("SETTINGS"), "api_keys", None):
        return {}
    return {
        "bearerKey": {"type": "http", "scheme": "bearer", "description": "An API key."},
        "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    }


def _find(view: Any, path: str, method: str) -> Operation | None:
    ops = getattr(view, _OPERATIONS, {})
    return ops.get(method) or ops.get("*") or _DECLARED.get((path, method))


_CONVERTER = re.compile(r"<(?:(?P<conv>[a-zA-Z_]+)(?:\([^)]*\))?:)?(?P<name>\w+)>")
_PATH_TYPES = {"int": {"type": "integer"}, "float": {"type": "number"}}


def _openapi_path(rule: str) -> tuple[str, list[dict[str, Any]]]:
    params = [
        {
            "name": m["name"],
            "in": "path",
            "required": True,
            "schema": _PATH_TYPES.get(m["conv"] or "", {"type": "string"}),
        }
        for m in _CONVERTER.finditer(rule)
    ]
    return _CONVERTER.sub(lambda m: "{" + m["name"] + "}", rule), params


def _fallback(view: Any) -> Operation:
    doc = (view.__doc__ or "").strip().split("\n\n")[0]
    return Operation(summary=" ".join(doc.split()) or view.__name__.replace("_", " "))


class _Schemas:
    """Collects the models an operation uses, then asks pydantic for all their schemas at once
    so shared sub-models become one component each."""

    def __init__(self) -> None:
        self.models: list[tuple[type[BaseModel], str]] = [(Problem, "serialization")]

    def use(self, body: type[BaseModel] | Mapping[str, Any], mode: str) -> None:
        if isinstance(body, type) and (body, mode) not in self.models:
            self.models.append((body, mode))

    def build(self) -> tuple[Callable[[Any, str], dict[str, Any]], dict[str, Any]]:
        keymap, top = models_json_schema(self.models, ref_template=REF_TEMPLATE)

        def ref(body: Any, mode: str) -> dict[str, Any]:
            if isinstance(body, type):
                return dict(keymap[(body, mode)])
            return dict(body)

        return ref, top.get("$defs", {})


def _media(body: Body) -> Media:
    return body if isinstance(body, Media) else Media(body)


def _response_bodies(spec: Body | Mapping[str, Body]) -> dict[str, Media]:
    if isinstance(spec, Mapping) and all("/" in str(k) for k in spec) and spec:
        return {k: _media(v) for k, v in spec.items()}
    return {"application/json": _media(spec)}  # type: ignore[arg-type]


def _query_parameters(model: type[BaseModel], description: str) -> list[dict[str, Any]]:
    """One query parameter per model field; ``null`` cannot be sent in a query, so it goes."""
    schema = model.model_json_schema(ref_template=REF_TEMPLATE)
    required = set(schema.get("required", ()))
    params = []
    for name, prop in schema.get("properties", {}).items():
        prop = dict(prop)
        if "anyOf" in prop:
            kept = [s for s in prop["anyOf"] if s.get("type") != "null"]
            if len(kept) == 1:
                del prop["anyOf"]
                prop.update(kept[0])
            if prop.get("default", 0) is None:
                del prop["default"]
        text = prop.pop("description", "")
        prop.pop("title", None)
        param: dict[str, Any] = {
            "name": name,
            "in": "query",
            "required": name in required,
            "schema": prop,
            "description": f"{text} {description}".strip(),
        }
        if prop.get("type") == "array":
            param.update(style="form", explode=True)
        params.append(param)
    return params


def _problem_response(status: int | str, ref: dict[str, Any]) -> dict[str, Any]:
    if status == "default":
        title = "Any other error"
    else:
        title = _TITLES.get(int(status)) or HTTPStatus(int(status)).phrase
    return {
        "description": f"{title} (RFC 9457 problem document)",
        "content": {PROBLEM_JSON: {"schema": ref}},
    }


def _project_version() -> str:
    try:
        return version("indo-summarizer")
    except PackageNotFoundError:  # pragma: no cover - running from a plain checkout
        return "0.0.0"


def _collect(app: Flask) -> list[tuple[str, str, Operation, list[dict[str, Any]], str]]:
    found = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        if rule.endpoint == "static" or rule.endpoint.endswith(".static"):
            continue
        view = app.view_functions.get(rule.endpoint)
        path, path_params = _openapi_path(rule.rule)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            op = _find(view, path, method) or _fallback(view)
            if not op.hidden:
                found.append((path, method, op, path_params, rule.endpoint))
    return found


def build_openapi(app: Flask) -> dict[str, Any]:
    """The OpenAPI 3.1 document for every route of ``app`` (cached on the app)."""
    cached = app.extensions.get("openapi_document")
    if cached is not None:
        return cached
    operations = _collect(app)
    schemas = _Schemas()
    for _, _, op, _, _ in operations:
        for body in (op.request or {}).values():
            schemas.use(_media(body).schema, "validation")
        for spec in op.responses.values():
            for media in _response_bodies(spec).values():
                schemas.use(media.schema, "serialization")
    ref, components = schemas.build()
    problem = ref(Problem, "serialization")
    security = app.extensions.get("openapi_security") or _default_security(app)

    paths: dict[str, dict[str, Any]] = {}
    for path, method, op, path_params, endpoint in operations:
        item: dict[str, Any] = {
            "operationId": endpoint.replace(".", "_") + ("" if method == "GET" else f"_{method}"),
            "summary": op.summary,
        }
        if op.description:
            item["description"] = op.description
        if op.tags:
            item["tags"] = list(op.tags)
        params = list(path_params)
        if op.query is not None:
            params += _query_parameters(op.query, op.query_description)
        if params:
            item["parameters"] = params
        if op.request:
            content = {}
            for media_type, body in op.request.items():
                media = _media(body)
                entry: dict[str, Any] = {"schema": ref(media.schema, "validation")}
                if media.examples:
                    entry["examples"] = {k: {"value": v} for k, v in media.examples.items()}
                content[media_type] = entry
            item["requestBody"] = {"required": op.request_required, "content": content}
        responses: dict[str, Any] = {}
        for status, spec in op.responses.items():
            content = {}
            for media_type, media in _response_bodies(spec).items():
                entry = {"schema": ref(media.schema, "serialization")}
                if media.examples:
                    entry["examples"] = {k: {"value": v} for k, v in media.examples.items()}
                content[media_type] = entry
            description = next(
                (m.description for m in _response_bodies(spec).values() if m.description),
                "Success",
            )
            responses[str(status)] = {"description": description, "content": content}
        if not responses:
            responses["200"] = {"description": "Success"}
        errors = set(op.errors)
        if op.secured and security:
            errors.add(401)
        if op.secured and getattr(app.config.get("SETTINGS"), "rate_limit", None):
            errors.add(429)  # rate limits apply where keys would
        for status in sorted(errors):
            responses[str(status)] = _problem_response(status, problem)
        responses["default"] = _problem_response("default", problem)
        item["responses"] = responses
        if op.secured and security:
            item["security"] = [{name: []} for name in security]
        paths.setdefault(path, {})[method.lower()] = item

    settings = app.config.get("SETTINGS")
    batch = components.get("BatchRequest", {}).get("properties", {}).get("documents")
    if batch is not None and settings is not None:
        batch["maxItems"] = settings.batch_limit  # the one limit that is configuration

    document: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "indo-summarizer",
            "version": _project_version(),
            "summary": "Extractive summaries, headline candidates and keywords for "
            "Indonesian news.",
            "description": "Every error is an RFC 9457 problem document "
            "(`application/problem+json`) whose `status` is the HTTP status. "
            "The service never fetches URLs: send the article itself. "
            "See docs/api.md for the prose reference.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "tags": [{"name": name, "description": text} for name, text in TAGS.items()],
        "paths": paths,
        "components": {"schemas": components},
    }
    if security:
        document["components"]["securitySchemes"] = security
    app.extensions["openapi_document"] = document
    return document


def _declare_service_endpoints() -> None:
    """Endpoints whose views live in modules this one does not own (api/routes/health.py,
    api/observability.py): declared by path, so they stay as their owners wrote them."""
    from .schemas import HealthResponse, ReadinessResponse

    declare(
        "/",
        "GET",
        summary="The editors' page: paste an article, get the summary and headlines",
        tags=("pages",),
        responses={200: {"text/html": Media({"type": "string"}, description="The page")}},
    )
    declare(
        "/healthz",
        "GET",
        summary="Liveness: the process answers",
        tags=("operations",),
        responses={200: Media(HealthResponse, description="Alive")},
    )
    declare(
        "/readyz",
        "GET",
        summary="Readiness: language data, algorithms and (when configured) Redis usable",
        description="503 with a problem document naming the failed checks when not ready.",
        tags=("operations",),
        responses={200: Media(ReadinessResponse, description="Ready")},
        errors=(503,),
    )
    declare(
        "/metrics",
        "GET",
        summary="Prometheus metrics",
        description="Prometheus text exposition format. Needs an API key when "
        "SUMMARIZER_METRICS_REQUIRE_KEY is set.",
        tags=("operations",),
        responses={200: {"text/plain": Media({"type": "string"}, description="The metrics")}},
        errors=(401,),
    )


_declare_service_endpoints()
