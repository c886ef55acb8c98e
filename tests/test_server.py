"""The real gunicorn server, called over HTTP."""

from __future__ import annotations

import http.client
import json

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


def test_gunicorn_keeps_connections_alive(server, articles):
    """Several summaries over one TCP connection (gthread worker, ``keepalive`` seconds)."""
    host, port = server.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        local_ends = set()
        for item in articles[:3]:
            conn.request(
                "POST",
                "/v1/summarize",
                json.dumps({"text": item.text}),
                {"Content-Type": "application/json"},
            )
            response = conn.getresponse()
            assert response.status == 200
            assert response.getheader("Connection", "").lower() != "close"
            assert json.loads(response.read())["sentences"]
            local_ends.add(conn.sock.getsockname())
        assert len(local_ends) == 1  # the same socket served every request
    finally:
        conn.close()
