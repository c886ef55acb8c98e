"""The real gunicorn server, called over HTTP."""

from __future__ import annotations

import requests


def test_gunicorn_serves_summaries_over_http(server, article):
    response = requests.post(server.url + "/v1/summarize", json={"text": article.text}, timeout=10)
    assert response.status_code == 200
    body = response.json()
    assert len(body["sentences"]) == 3
    assert body["headlines"]


def test_gunicorn_answers_plain_text_like_the_readme_curl_example(server, article):
    response = requests.post(
        server.url + "/v1/summarize?sentences=2",
        data=article.text.encode(),
        headers={"Content-Type": "text/plain"},
        timeout=10,
    )
    assert response.status_code == 200
    assert len(response.json()["sentences"]) == 2


def test_gunicorn_errors_are_problem_documents(server):
    response = requests.post(
        server.url + "/v1/summarize",
        data="{",
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/problem+json")


def test_gunicorn_refuses_oversized_request_heads_with_problem_documents(server):
    # gunicorn answers these itself, before the app runs (limits in gunicorn.conf.py)
    too_long_line = requests.get(server.url + "/" + "a" * 9000, timeout=10)
    too_big_header = requests.get(
        server.url + "/healthz", headers={"X-Big": "b" * 9000}, timeout=10
    )
    too_many_headers = requests.get(
        server.url + "/healthz", headers={f"X-Field-{i}": "1" for i in range(120)}, timeout=10
    )
    for response, status in ((too_long_line, 414), (too_big_header, 431), (too_many_headers, 431)):
        assert response.status_code == status
        assert response.headers["Content-Type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == status
        assert body["type"].startswith("https://")
        assert body["title"] and body["detail"]
