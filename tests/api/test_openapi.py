"""The OpenAPI 3.1 document and the /docs page: complete, valid, generated, served offline."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

from api import create_app
from api.openapi import declare
from api.schemas import MAX_TEXT_CHARS, SummaryOptions
from summarizer.options import MAX_HEADLINES, MAX_SENTENCES

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


@pytest.fixture
def doc(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.get_json()


def test_document_is_valid_openapi_3_1(doc):
    assert doc["openapi"].startswith("3.1")
    OpenAPIV31SpecValidator(doc).validate()


def test_every_route_is_documented(app, doc):
    expected = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.endswith(".static"):
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            expected.add((re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method.lower()))
    documented = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    assert expected == documented
    assert {("/v1/summarize", "post"), ("/v1/summarize/batch", "post")} <= documented
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op["summary"], (path, method)
            assert op["responses"]["default"]["content"]["application/problem+json"] == {
                "schema": PROBLEM_REF
            }


def test_a_new_route_appears_without_extra_work():
    app = create_app({"TESTING": True})

    @app.get("/v1/undeclared")
    def undeclared():
        """Something another engineer added."""
        return {"ok": True}

    declare("/v1/declared-by-path", "GET", summary="Declared from elsewhere", errors=(404,))
    app.add_url_rule("/v1/declared-by-path", "by_path", lambda: {"ok": True})
    paths = app.test_client().get("/openapi.json").get_json()["paths"]
    assert paths["/v1/undeclared"]["get"]["summary"] == "Something another engineer added."
    declared = paths["/v1/declared-by-path"]["get"]
    assert declared["summary"] == "Declared from elsewhere"
    assert declared["responses"]["404"]["content"]["application/problem+json"]["schema"] == (
        PROBLEM_REF
    )


def test_problem_schema_has_the_rfc_9457_members(doc):
    problem = doc["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "errors"} <= set(problem["properties"])
    assert set(problem["required"]) == {"type", "title", "status", "detail"}
    summarize = doc["paths"]["/v1/summarize"]["post"]["responses"]
    for status in ("400", "413", "415", "422"):
        assert summarize[status]["content"]["application/problem+json"]["schema"] == PROBLEM_REF


def test_summarize_accepts_json_plain_text_and_html_with_query_options(doc):
    op = doc["paths"]["/v1/summarize"]["post"]
    content = op["requestBody"]["content"]
    assert set(content) == {"application/json", "text/plain", "text/html"}
    assert content["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SummarizeRequest"
    }
    for media_type in ("text/plain", "text/html"):
        assert content[media_type]["schema"]["type"] == "string"
        assert content[media_type]["schema"]["maxLength"] == MAX_TEXT_CHARS
    params = {p["name"]: p for p in op["parameters"]}
    assert set(params) == set(SummaryOptions.model_fields)
    assert all(p["in"] == "query" for p in params.values())
    assert params["sentences"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_SENTENCES,
    }
    assert params["exclude"]["explode"] is True


def test_fields_defaults_and_limits_come_from_the_models(doc):
    schemas = doc["components"]["schemas"]
    request = schemas["SummarizeRequest"]
    props = request["properties"]
    assert {"text", "html", "sentences", "ratio", "algorithm", "headlines", "keywords"} <= set(
        props
    )
    assert props["headlines"]["default"] == 3
    assert props["headlines"]["maximum"] == MAX_HEADLINES
    assert request["additionalProperties"] is False
    assert request["oneOf"] == [{"required": ["text"]}, {"required": ["html"]}]
    assert all(prop.get("description") for name, prop in props.items() if name != "exclude")
    response = schemas["SummarizeResponse"]
    assert {"summary", "sentences", "headlines", "keywords", "language", "warnings"} <= set(
        response["required"]
    )
    algorithm = schemas["AlgorithmOut"]["properties"]["benchmark"]
    assert {"$ref": "#/components/schemas/BenchmarkScores"} in algorithm["anyOf"]


@pytest.mark.parametrize(
    ("settings", "most"),
    [({"MAX_BATCH": 7}, 7), ({"MAX_BATCH": 7, "RATE_LIMIT": "5/minute;1000/day"}, 5)],
)
def test_batch_limit_in_the_document_is_the_configured_one(settings, most):
    app = create_app({"TESTING": True, **settings})
    doc = app.test_client().get("/openapi.json").get_json()
    documents = doc["components"]["schemas"]["BatchRequest"]["properties"]["documents"]
    assert documents["maxItems"] == most
    assert documents["items"] == {"$ref": "#/components/schemas/BatchDocument"}


def test_api_keys_appear_as_security_schemes_when_configured():
    key = "a-test-api-key-0123456789"
    app = create_app({"TESTING": True, "API_KEYS": (key,)})
    doc = app.test_client().get("/openapi.json").get_json()
    OpenAPIV31SpecValidator(doc).validate()
    schemes = doc["components"]["securitySchemes"]
    assert schemes["apiKeyHeader"] == {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    assert doc["paths"]["/v1/summarize"]["post"]["security"] == [
        {"bearerKey": []},
        {"apiKeyHeader": []},
    ]
    assert "security" not in doc["paths"]["/healthz"]["get"]


def _validate(doc, schema, instance):
    """Validate ``instance`` against a schema of the document, resolving its $refs."""
    wrapped = {**schema, "components": doc["components"]}
    jsonschema.Draft202012Validator(wrapped).validate(instance)


def test_every_request_example_is_valid_and_accepted(client, doc):
    sent = 0
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            for media_type, content in op.get("requestBody", {}).get("content", {}).items():
                for name, example in content.get("examples", {}).items():
                    _validate(doc, content["schema"], example["value"])
                    if media_type == "application/json":
                        response = client.open(path, method=method, json=example["value"])
                    else:
                        response = client.open(
                            path,
                            method=method,
                            data=example["value"].encode(),
                            content_type=f"{media_type}; charset=utf-8",
                        )
                    assert response.status_code == 200, (path, media_type, name)
                    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
                    _validate(doc, schema, response.get_json())
                    sent += 1
    assert sent >= 5


def test_component_examples_are_valid(doc):
    for name, schema in doc["components"]["schemas"].items():
        for example in schema.get("examples", []):
            _validate(doc, {"$ref": f"#/components/schemas/{name}"}, example)


# --- /docs -------------------------------------------------------------------------------


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0
        self.inline_styles = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._in_script = True
            if "src" in attrs:
                self.urls.append(attrs["src"])
        elif tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "style":
            self.inline_styles += 1
        if "style" in attrs or any(name.startswith("on") for name in attrs):
            self.inline_styles += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1


def test_docs_page_and_all_its_assets_are_served_by_the_app(client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    parser = _Assets()
    parser.feed(response.get_data(as_text=True))
    assert parser.inline_scripts == 0 and parser.inline_styles == 0
    assert any(url.endswith("swagger-ui-bundle.js") for url in parser.urls)
    assert all(url.startswith("/") and not url.startswith("//") for url in parser.urls)
    for url in parser.urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.get_data()) > 0, url
        kind = "javascript" if url.endswith(".js") else "css" if url.endswith(".css") else "png"
        assert kind in asset.mimetype, (url, asset.mimetype)
    init = client.get(next(u for u in parser.urls if u.endswith("docs.js"))).get_data(True)
    assert "/openapi.json" not in init  # the URL comes from the page's data attribute
    assert 'data-openapi-url="/openapi.json"' in response.get_data(as_text=True)


def test_vendored_swagger_ui_renders_openapi_3_1(client):
    bundle = client.get("/docs/vendor/swagger-ui-bundle.js").get_data(as_text=True)
    versions = re.findall(r'version:"(\d+)\.(\d+)\.(\d+)"', bundle[-200_000:]) or re.findall(
        r"swagger-ui@?v?(\d+)\.(\d+)\.(\d+)", bundle
    )
    from api.routes.docs import SWAGGER_UI_DIST

    major = int((SWAGGER_UI_DIST / "VERSION").read_text().strip().lstrip("v").split(".")[0])
    assert major >= 5  # Swagger UI renders OpenAPI 3.1 from 5.0 on
    assert versions == [] or int(versions[0][0]) == major


CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"), reason="chromium is not installed"
)
def test_docs_render_in_chromium_under_the_page_csp(server, doc):
    sync_api = pytest.importorskip("playwright.sync_api")
    foreign: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on(
            "request",
            lambda r: None if r.url.startswith((server.url, "data:")) else foreign.append(r.url),
        )
        page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        page.goto(server.url + "/docs")
        page.wait_for_selector(".opblock", timeout=30_000)
        operations = sum(len(ops) for ops in doc["paths"].values())
        assert page.locator(".opblock").count() == operations
        assert "OAS 3.1" in page.locator(".info").inner_text()
        page.locator("#operations-summarize-v1_summarize_endpoint_POST").click()
        page.wait_for_selector("text=SummarizeRequest", timeout=10_000)
        assert page.evaluate("window.__csp") == []
        browser.close()
    assert errors == []
    assert foreign == []
