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
