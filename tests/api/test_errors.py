"""Error documents a new user hit (issue 14), and the one mapping they all come from."""

from __future__ import annotations

import pytest
import requests

from api import create_app
from api.errors import as_api_error

PROBLEM = "application/problem+json"
TEXT = "Jakarta - Harga beras naik lagi di pasar. Pedagang mengeluh karena pembeli berkurang."


def problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    return response.get_json(force=True)


def test_413_says_what_the_limit_is():
    small = create_app({"TESTING": True, "max_body_bytes": 1000}).test_client()
    body = problem(small.post("/v1/summarize", json={"text": "kata " * 1000}), 413)
    assert body["type"].endswith("/body-too-large")
    assert body["title"] == "Content Too Large"
    assert "1,000 bytes" in body["detail"]


def test_a_chunked_body_over_the_limit_gets_the_same_413_from_gunicorn(server):
    response = requests.post(
        server.url + "/v1/summarize",
        data=iter([b'{"text": "', b"kata " * 250_000, b'"}']),  # chunked: no Content-Length
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 413
    body = response.json()
    assert body["type"].endswith("/body-too-large")
    assert "1,000,000 bytes" in body["detail"]


def test_json_that_is_not_utf8_is_bad_encoding_not_malformed_json(client):
    latin1 = '{"text": "Harga naik di Sumatera, kata pejabat caf\u00e9."}'.encode("latin-1")
    body = problem(client.post("/v1/summarize", data=latin1, content_type="application/json"), 400)
    assert body["type"].endswith("/bad-encoding")
    assert "UTF-8" in body["detail"] and "surrogates" not in body["detail"]
    broken = client.post("/v1/summarize", data=b'{"text": ', content_type="application/json")
    assert problem(broken, 400)["type"].endswith("/malformed-json")


def test_two_length_options_name_both_fields_without_pydantic_prefix(client):
    body = problem(
        client.post("/v1/summarize", json={"text": TEXT, "sentences": 2, "ratio": 0.5}), 422
    )
    assert [e["field"] for e in body["errors"]] == ["sentences", "ratio"]
    assert body["detail"] == "invalid request: ratio, sentences"
    for error in body["errors"]:
        assert not error["message"].startswith("Value error")
        assert "at most one of" in error["message"]


def test_validator_messages_lose_the_value_error_prefix(client):
    body = problem(client.post("/v1/summarize", json={"text": "   "}), 422)
    assert body["errors"] == [
        {
            "field": "text",
            "message": "text must contain more than whitespace",
            "type": "value_error",
        }
    ]


@pytest.mark.parametrize(
    "document",
    [
        {"text": TEXT, "sentences": 2, "max_words": 10},
        {"text": "   "},
        {"text": TEXT, "algorithm": "nope"},
        {"html": "<p> </p>"},
    ],
)
def test_a_batch_document_gets_the_problem_the_single_request_gets(client, document):
    single = client.post("/v1/summarize", json=document).get_json()
    (result,) = client.post("/v1/summarize/batch", json={"documents": [document]}).json["results"]
    error = result["error"]
    assert (error["status"], error["type"], error["title"]) == (
        single["status"],
        single["type"],
        single["title"],
    )
    fields = [e["field"].removeprefix("documents.0.") for e in error.get("errors", [])]
    assert fields == [e["field"] for e in single.get("errors", [])]
    assert error["detail"] == single["detail"].replace("invalid request", "invalid document")


def test_the_field_errors_share_one_shape(client):
    bodies = [
        problem(client.post("/v1/summarize", json=["text"]), 422),
        problem(client.post("/v1/summarize", json={"html": "<p> </p>"}), 422),
        problem(client.post("/v1/summarize/batch", json={"documents": []}), 422),
        problem(client.post("/v1/summarize/batch", json={"documents": "x"}), 422),
        client.post("/v1/summarize/batch", json={"documents": [7]}).json["results"][0]["error"],
    ]
    for body in bodies:
        assert body["type"].endswith("/validation-error")
        (error,) = body["errors"]
        assert set(error) == {"field", "message", "type"}


def test_an_unexpected_error_is_a_500_that_tells_nothing():
    err = as_api_error(RuntimeError("secret path /etc/x"))
    assert (err.status, err.kind) == (500, "internal-error")
    assert "secret" not in err.detail
    assert as_api_error(err) is err
