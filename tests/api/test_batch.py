"""POST /v1/summarize/batch: order, ids, per-document errors and options, limits."""

from __future__ import annotations

import pytest

from api import create_app

PROBLEM = "application/problem+json"
STABLE = ("summary", "sentences", "headlines", "algorithm", "keywords", "language", "warnings")


def batch(client, body, status=200):
    response = client.post("/v1/summarize/batch", json=body)
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()


def assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    return body


def test_results_in_order_with_ids_and_the_same_content_as_single_requests(client, articles):
    documents = [{"id": f"doc-{i}", "text": a.text} for i, a in enumerate(articles)]
    documents.reverse()
    results = batch(client, {"documents": documents, "sentences": 2})["results"]
    assert [r["id"] for r in results] == [d["id"] for d in documents]
    for doc, result in zip(documents, results, strict=True):
        single = client.post("/v1/summarize", json={"text": doc["text"], "sentences": 2})
        expected = single.get_json()
        assert {k: result[k] for k in STABLE} == {k: expected[k] for k in STABLE}
        assert len(result["sentences"]) == 2


def test_index_is_the_id_when_none_is_given(client, articles):
    documents = [{"text": articles[0].text}, {"id": "x", "text": articles[1].text}, {"text": ""}]
    results = batch(client, {"documents": documents})["results"]
    assert [r["id"] for r in results] == ["0", "x", "2"]


def test_one_bad_document_gets_its_own_problem_and_the_rest_succeed(client, article):
    documents = [
        {"id": "ok-1", "text": article.text},
        {"id": "bad-option", "text": article.text, "sentences": 0},
        {"id": "both", "text": article.text, "html": "<p>x</p>"},
        {"id": "neither"},
        {"id": "unknown-field", "text": article.text, "colour": "red"},
        {"id": "no-text-in-html", "html": "<script>x()</script>"},
        "not an object",
        {"id": 7, "text": article.text, "algorithm": "gpt"},
        {"id": "ok-2", "html": "".join(f"<p>{p}</p>" for p in article.text.split("\n\n"))},
    ]
    results = batch(client, {"documents": documents})["results"]
    assert [r["id"] for r in results] == [
        "ok-1",
        "bad-option",
        "both",
        "neither",
        "unknown-field",
        "no-text-in-html",
        "6",
        "7",  # a non-string id cannot be echoed: the position is, and the id is an error
        "ok-2",
    ]
    fields = {
        "bad-option": "sentences",
        "both": "html",
        "neither": "text",
        "unknown-field": "colour",
        "no-text-in-html": "html",
        "6": "document",
        "7": "algorithm",
    }
    for result in results:
        if result["id"] in fields:
            assert "summary" not in result
            error = result["error"]
            assert error["status"] == 422
            assert error["title"] and error["detail"] and error["type"].startswith("http")
            assert fields[result["id"]] in {e["field"] for e in error["errors"]}
        else:
            assert "error" not in result
            assert result["summary"] and result["sentences"]
    assert {"id"} <= {e["field"] for e in results[7]["error"]["errors"]}


def test_document_options_override_shared_ones(client, article):
    shared = {"sentences": 3, "algorithm": "lead", "headlines": 2}
    documents = [
        {"id": "shared", "text": article.text},
        {"id": "own-count", "text": article.text, "sentences": 1},
        {"id": "own-length-kind", "text": article.text, "max_words": 30},
        {"id": "own-algorithm", "text": article.text, "algorithm": "textrank", "headlines": 0},
    ]
    results = {r["id"]: r for r in batch(client, {"documents": documents, **shared})["results"]}
    assert [s["index"] for s in results["shared"]["sentences"]] == [0, 1, 2]
    assert len(results["shared"]["headlines"]) == 2
    assert [s["index"] for s in results["own-count"]["sentences"]] == [0]
    words = sum(len(s["text"].split()) for s in results["own-length-kind"]["sentences"])
    assert "error" not in results["own-length-kind"] and words <= 30
    assert results["own-algorithm"]["algorithm"] == "textrank"
    assert results["own-algorithm"]["headlines"] == []


def test_invalid_shared_option_fails_the_whole_request(client, article):
    problem = assert_problem(
        client.post(
            "/v1/summarize/batch",
            json={"documents": [{"text": article.text}], "sentences": 999},
        ),
        422,
    )
    assert "sentences" in {e["field"] for e in problem["errors"]}


@pytest.mark.parametrize(
    "body",
    [{}, {"documents": []}, {"documents": {"id": "a"}}, {"documents": "text"}],
)
def test_documents_must_be_a_non_empty_list(client, body):
    problem = assert_problem(client.post("/v1/summarize/batch", json=body), 422)
    assert "documents" in {e["field"] for e in problem["errors"]}


def test_more_documents_than_the_limit_is_413():
    client = create_app({"TESTING": True, "MAX_BATCH": 3}).test_client()
    documents = [{"text": "Harga naik. Rakyat protes."} for _ in range(4)]
    problem = assert_problem(client.post("/v1/summarize/batch", json={"documents": documents}), 413)
    assert "3" in problem["detail"]
    ok = client.post("/v1/summarize/batch", json={"documents": documents[:3]})
    assert ok.status_code == 200
    assert len(ok.get_json()["results"]) == 3


def test_default_limit_is_100(client):
    documents = [{"text": "Harga naik."}] * 101
    assert_problem(client.post("/v1/summarize/batch", json={"documents": documents}), 413)


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        (b"[1, 2]", "application/json", 422),
        (b"{not json", "application/json", 400),
        (b"Harga naik.", "text/plain", 415),
    ],
)
def test_bad_bodies_are_problems(client, data, content_type, status):
    assert_problem(client.post("/v1/summarize/batch", data=data, content_type=content_type), status)


def test_batch_is_deterministic(client, articles):
    body = {"documents": [{"text": a.text} for a in articles[:3]], "sentences": 2}
    first, second = batch(client, body)["results"], batch(client, body)["results"]
    for a, b in zip(first, second, strict=True):
        assert {k: a[k] for k in STABLE} == {k: b[k] for k in STABLE}
