"""The HTTP API through Flask's test client: success and every error path."""

from __future__ import annotations

import dataclasses
import json
import re

import orjson
import pytest
from conftest import ROOT

from api.schemas import SummarizeResponse
from summarizer import ALGORITHMS, summarize

PROBLEM = "application/problem+json"


def assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    return body


def test_summarize_json(client, article):
    response = client.post(
        "/v1/summarize", json={"text": article.text, "sentences": 2, "headlines": 2}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert len(body["sentences"]) == 2
    assert body["summary"] == " ".join(s["text"] for s in body["sentences"])
    assert {"index", "text", "score"} <= set(body["sentences"][0])
    assert 1 <= len(body["headlines"]) <= 2
    assert body["algorithm"]
    assert body["stats"]["sentences"] >= 2


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"headlines": 10, "keywords": 10, "title": "Judul"},
        {"algorithm": "lexrank", "ratio": 0.5},
    ],
)
def test_to_dict_is_dataclasses_asdict(articles, options):
    """The hand-written ``Summary.to_dict`` (the API's fast path) equals ``asdict``."""
    for item in articles:
        result = summarize(item.text, **options)
        result.stats["nested"] = {"list": [1, {"a": 2}], "tuple": (3, 4)}
        expected = dataclasses.asdict(result)
        got = result.to_dict()
        assert got == expected
        assert repr(got) == repr(expected)  # same key order and the same types
        got["stats"]["nested"]["list"][1]["a"] = 0  # a copy: the summary is not changed
        assert result.stats["nested"]["list"][1]["a"] == 2


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"sentences": 5, "headlines": 10, "keywords": 10, "headline_case": "sentence"},
        {"ratio": 0.5, "headlines": 0, "keywords": 0, "exclude": ["quotes"]},
        *({"algorithm": name, "max_words": 60} for name in ALGORITHMS),
    ],
)
def test_summaries_are_exactly_the_response_model(client, articles, options):
    """The view serialises the library's result without the model; the bytes must be what
    validating into SummarizeResponse and dumping it would give (fields, order, types)."""
    for item in articles:
        for body in ({"text": item.text}, {"html": f"<p>{item.text}</p>", "title": "Judul"}):
            response = client.post("/v1/summarize", json={**body, **options})
            assert response.status_code == 200
            data = response.get_data()
            model = SummarizeResponse.model_validate(orjson.loads(data))
            assert data == orjson.dumps(model.model_dump(mode="json"))


def test_summarize_plain_text_with_query_options(client, article):
    response = client.post(
        "/v1/summarize?sentences=1&algorithm=lead",
        data=article.text.encode(),
        content_type="text/plain; charset=utf-8",
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["algorithm"] == "lead"
    assert [s["index"] for s in body["sentences"]] == [0]


def test_the_readme_example_answer_is_what_the_server_returns(client):
    readme = (ROOT / "README.md").read_text()
    body = json.loads(re.search(r"^  -d '(\{.*?\})'$", readme, re.M).group(1))
    shown = re.search(r"^The answer .*?```json\n(.*?)^```", readme, re.S | re.M).group(1)
    answer = client.post("/v1/summarize", json=body).json
    assert json.loads("{" + re.search(r'^  ("summary": ".*?"),$', shown, re.M).group(1) + "}") == {
        "summary": answer["summary"]
    }
    # the sentence and headline lines: one whole object each (the keywords line is abridged)
    items = [json.loads(m) for m in re.findall(r'^ +(\{"(?:index|text)".*\}),?$', shown, re.M)]
    assert len(items) == len(answer["sentences"]) + len(answer["headlines"])
    assert items == answer["sentences"] + answer["headlines"]


def test_algorithms_lists_every_algorithm_and_the_default(client):
    body = client.get("/v1/algorithms").get_json()
    names = [a["name"] for a in body["algorithms"]]
    assert {
        "lead",
        "lexrank",
        "textrank",
        "lsa",
        "luhn",
        "edmundson",
        "kl",
        "sumbasic",
        "reduction",
    } <= set(names)
    assert [a["name"] for a in body["algorithms"] if a["default"]] == [body["default"]]


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_malformed_json_is_400(client):
    assert_problem(
        client.post("/v1/summarize", data="{not json", content_type="application/json"), 400
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   \n "}, "text"),
        ({"text": 42}, "text"),
        ({"text": "Harga naik.", "sentences": "3"}, "sentences"),
        ({"text": "Harga naik.", "sentences": 0}, "sentences"),
        ({"text": "Harga naik.", "sentences": 51}, "sentences"),
        ({"text": "Harga naik.", "algorithm": "gpt"}, "algorithm"),
        ({"text": "Harga naik.", "unknown_option": 1}, "unknown_option"),
    ],
)
def test_invalid_fields_are_422_naming_the_field(client, body, field):
    problem = assert_problem(client.post("/v1/summarize", json=body), 422)
    assert field in {e["field"] for e in problem["errors"]}


def test_unknown_algorithm_lists_the_valid_ones(client):
    problem = assert_problem(
        client.post("/v1/summarize", json={"text": "a.", "algorithm": "gpt"}), 422
    )
    assert "lexrank" in problem["errors"][0]["message"]


def test_json_array_body_is_422(client):
    assert_problem(client.post("/v1/summarize", json=["text"]), 422)


def test_unsupported_content_type_is_415(client):
    assert_problem(client.post("/v1/summarize", data=b"x", content_type="application/pdf"), 415)


def test_body_over_the_limit_is_413():
    from api import create_app

    small = create_app({"MAX_BODY_BYTES": 1000}).test_client()
    assert_problem(small.post("/v1/summarize", json={"text": "kata " * 1000}), 413)


def test_unknown_path_is_404_problem(client):
    assert_problem(client.get("/nowhere"), 404)


def test_wrong_method_is_405_problem(client):
    response = client.get("/v1/summarize")
    assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]


def test_undecodable_plain_text_is_400(client):
    response = client.post(
        "/v1/summarize", data=b"\xff\xfe\xfa", content_type="text/plain; charset=utf-8"
    )
    assert_problem(response, 400)
