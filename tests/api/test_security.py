"""API keys, rate limits, body limits, CORS and security headers."""

from __future__ import annotations

import socket

import pytest
import requests

from api import create_app
from api.security import HTML_CSP, matching_key

KEY = "test-key-0123456789abcdef"
OTHER_KEY = "other-key-0123456789abcdef"
CMS = "https://cms.example.com"


def make_client(**settings):
    return create_app({"TESTING": True, **settings}).test_client()


def summarize(client, text: str, headers=None, **kwargs):
    return client.post("/v1/summarize", json={"text": text}, headers=headers or {}, **kwargs)


# --- API keys ----------------------------------------------------------------------------------


def test_without_configured_keys_no_key_is_needed(client, article):
    assert summarize(client, article.text).status_code == 200


def test_missing_key_is_401_problem_with_www_authenticate(article):
    client = make_client(api_keys=KEY)
    response = summarize(client, article.text)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.json["type"].endswith("/unauthorized")
    assert "Authorization: Bearer" in response.json["detail"]


@pytest.mark.parametrize(
    ("headers", "detail"),
    [
        ({"Authorization": "Bearer wrong-key-0123456789"}, "the API key is not valid"),
        ({"X-API-Key": "wrong-key-0123456789"}, "the API key is not valid"),
        ({"Authorization": f"Bearer {KEY}x"}, "the API key is not valid"),
        ({"X-API-Key": KEY[:-1]}, "the API key is not valid"),
        ({"Authorization": f"Basic {KEY}"}, "a valid API key is required"),
        ({"Authorization": "Bearer "}, "a valid API key is required"),
    ],
)
def test_wrong_key_is_401(article, headers, detail):
    response = summarize(make_client(api_keys=f"{KEY},{OTHER_KEY}"), article.text, headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.json["detail"].startswith(detail)


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": f"Bearer {KEY}"},
        {"Authorization": f"bearer {OTHER_KEY}"},
        {"X-API-Key": KEY},
        {"X-API-Key": OTHER_KEY},
    ],
)
def test_any_configured_key_in_either_header_is_accepted(article, headers):
    client = make_client(api_keys=f"{KEY},{OTHER_KEY}")
    assert summarize(client, article.text, headers).status_code == 200
    assert client.get("/v1/algorithms", headers=headers).status_code == 200


def test_matching_key_checks_every_key():
    keys = ("a" * 16, "b" * 16, "c" * 16)
    assert matching_key("b" * 16, keys) == "b" * 16
    assert matching_key("d" * 16, keys) is None
    assert matching_key("", keys) is None


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics", "/"])
def test_public_paths_need_no_key(path):
    response = make_client(api_keys=KEY).get(path)
    assert response.status_code == 200, path


def test_metrics_can_require_a_key():
    client = make_client(api_keys=KEY, metrics_require_key=True)
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"X-API-Key": KEY}).status_code == 200
    assert client.get("/healthz").status_code == 200


def test_metrics_can_be_switched_off():
    assert make_client(metrics=False).get("/metrics").status_code == 404


# --- rate limits -------------------------------------------------------------------------------


def test_rate_limit_gives_429_problem_with_retry_after():
    client = make_client(rate_limit="3/hour")
    assert [client.get("/v1/algorithms").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/v1/algorithms")
    assert response.status_code == 429
    assert response.mimetype == "application/problem+json"
    assert response.json["type"].endswith("/rate-limited")
    assert 1 <= int(response.headers["Retry-After"]) <= 3600
    assert "3 per 1 hour" in response.json["detail"]


def test_health_readiness_and_metrics_are_never_rate_limited():
    client = make_client(rate_limit="1/hour")
    for _ in range(3):
        for path in ("/healthz", "/readyz", "/metrics"):
            assert client.get(path).status_code == 200, path


def test_rate_limit_is_per_key_when_keys_are_configured():
    client = make_client(rate_limit="2/hour", api_keys=f"{KEY},{OTHER_KEY}")
    first, second = {"X-API-Key": KEY}, {"Authorization": f"Bearer {OTHER_KEY}"}
    assert [client.get("/v1/algorithms", headers=first).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    assert client.get("/v1/algorithms", headers=second).status_code == 200
    # the same key through the other header shares the bucket
    assert (
        client.get("/v1/algorithms", headers={"Authorization": f"Bearer {KEY}"}).status_code == 429
    )


def test_rate_limit_is_per_client_address_without_keys():
    client = make_client(rate_limit="1/hour")
    one, two = {"REMOTE_ADDR": "10.0.0.1"}, {"REMOTE_ADDR": "10.0.0.2"}
    assert client.get("/v1/algorithms", environ_base=one).status_code == 200
    assert client.get("/v1/algorithms", environ_base=one).status_code == 429
    assert client.get("/v1/algorithms", environ_base=two).status_code == 200


def test_forwarded_for_counts_only_behind_a_trusted_proxy():
    forwarded = [{"X-Forwarded-For": "203.0.113.1"}, {"X-Forwarded-For": "203.0.113.2"}]
    trusting = make_client(rate_limit="1/hour", trust_proxy=1)
    assert [trusting.get("/v1/algorithms", headers=h).status_code for h in forwarded] == [
        200,
        200,
    ]
    direct = make_client(rate_limit="1/hour")  # a client could forge the header
    assert [direct.get("/v1/algorithms", headers=h).status_code for h in forwarded] == [200, 429]


def test_one_limit_covers_every_route():
    # Flask-Limiter's default limits count per route; this one is the client's, whole
    client = make_client(rate_limit="2/hour")
    assert client.get("/v1/algorithms").status_code == 200
    assert summarize(client, "Budi pergi ke pasar hari ini. Dia membeli sayur.").status_code == 200
    assert summarize(client, "Budi pergi ke pasar hari ini.").status_code == 429
    batch = client.post("/v1/summarize/batch", json={"documents": [{"text": "Budi pergi."}]})
    assert batch.status_code == 429


def test_a_batch_counts_one_request_per_document():
    client = make_client(rate_limit="5/hour")
    documents = [{"text": "Budi pergi ke pasar hari ini."}] * 3
    assert client.post("/v1/summarize/batch", json={"documents": documents}).status_code == 200
    refused = client.post("/v1/summarize/batch", json={"documents": documents})
    assert refused.status_code == 429
    assert "this batch counts as 3 requests" in refused.json["detail"]
    # three of five taken: two requests left
    fresh = make_client(rate_limit="5/hour")
    assert fresh.post("/v1/summarize/batch", json={"documents": documents}).status_code == 200
    assert [fresh.get("/v1/algorithms").status_code for _ in range(3)] == [200, 200, 429]


def test_a_batch_larger_than_the_rate_limit_is_413_and_costs_one_request():
    client = make_client(rate_limit="3/hour", max_batch=10)
    documents = [{"text": "Budi pergi ke pasar hari ini."}] * 4
    response = client.post("/v1/summarize/batch", json={"documents": documents})
    assert response.status_code == 413
    assert response.json["detail"].startswith("a batch holds at most 3 documents, got 4")
    assert "3/hour" in response.json["detail"]
    assert [client.get("/v1/algorithms").status_code for _ in range(3)] == [200, 200, 429]


def test_a_refused_batch_body_costs_one_request():
    client = make_client(rate_limit="2/hour")
    bad = client.post("/v1/summarize/batch", data="{not json", content_type="application/json")
    assert bad.status_code == 400
    assert bad.json["type"].endswith("/malformed-json")
    assert client.get("/v1/algorithms").status_code == 200
    assert client.get("/v1/algorithms").status_code == 429


# --- body size ---------------------------------------------------------------------------------


def test_body_over_the_limit_is_413_problem():
    client = make_client(max_body_bytes=2000)
    response = summarize(client, "Kalimat pertama yang panjang. " * 100)
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"
    assert summarize(client, "Kalimat pendek. Kalimat kedua.").status_code == 200


def test_gunicorn_answers_413_before_reading_a_huge_declared_body(server):
    """Only the head is sent: the answer comes without the server waiting for 50 MB."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(
            b"POST /v1/summarize HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b"Content-Length: 50000000\r\n\r\n"
        )
        head = sock.recv(4096).decode("latin-1")
    assert head.startswith("HTTP/1.1 413")
    assert "application/problem+json" in head


def test_gunicorn_bounds_chunked_bodies_without_content_length(server):
    def body(chunks: int):
        yield b'{"text": "'
        for _ in range(chunks):
            yield b"kata " * 2000
        yield b'"}'

    too_big = requests.post(
        server.url + "/v1/summarize",
        data=body(200),  # 2 MB, over the default 1 MB limit
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert too_big.status_code == 413
    assert too_big.headers["Content-Type"].startswith("application/problem+json")
    small = requests.post(
        server.url + "/v1/summarize",
        data=body(2),
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert small.status_code == 200


# --- CORS --------------------------------------------------------------------------------------


def test_cors_headers_only_for_configured_origins(article):
    client = make_client(cors_origins=CMS)
    allowed = summarize(client, article.text, {"Origin": CMS})
    assert allowed.headers["Access-Control-Allow-Origin"] == CMS
    assert "X-Request-ID" in allowed.headers["Access-Control-Expose-Headers"]
    refused = summarize(client, article.text, {"Origin": "https://evil.example.net"})
    assert refused.status_code == 200  # CORS is enforced by browsers; we just don't allow it
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_cors_preflight_for_allowed_origin_even_when_keys_are_required():
    client = make_client(cors_origins=CMS, api_keys=KEY, rate_limit="1/hour")
    headers = {
        "Origin": CMS,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Authorization, Content-Type",
    }
    for _ in range(2):  # preflights carry no key and are not counted
        response = client.options("/v1/summarize", headers=headers)
        assert response.status_code == 200
        assert response.headers["Access-Control-Allow-Origin"] == CMS
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        assert "authorization" in response.headers["Access-Control-Allow-Headers"].lower()
    refused = client.options("/v1/summarize", headers={**headers, "Origin": "https://evil.test"})
    assert "Access-Control-Allow-Origin" not in refused.headers
    assert "Access-Control-Allow-Methods" not in refused.headers


def test_no_cors_headers_when_no_origins_are_configured(client):
    response = client.get("/v1/algorithms", headers={"Origin": CMS})
    assert not [h for h in response.headers if h[0].startswith("Access-Control-")]


# --- headers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/healthz", "/v1/algorithms", "/no-such-page"])
def test_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_html_pages_get_the_restrictive_page_policy_once(client, path):
    response = client.get(path)
    assert response.mimetype == "text/html"
    assert response.headers.getlist("Content-Security-Policy") == [HTML_CSP]
    for name in ("X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert len(response.headers.getlist(name)) == 1


# --- redirects ---------------------------------------------------------------------------------


def test_the_slash_merging_redirect_ignores_the_host_header(client):
    response = client.get("/static//web/app.css", headers={"Host": "evil.example"})
    assert response.status_code == 308
    assert response.headers["Location"] == "/static/web/app.css"


def test_gunicorn_redirects_stay_on_the_server_whatever_the_host(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"GET //v1//algorithms?x=1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += sock.recv(4096)
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].split()[1] == "308"
    assert "Location: /v1/algorithms?x=1" in lines


def test_gunicorn_sends_no_version_banner(server):
    response = requests.get(server.url + "/healthz", timeout=5)
    assert response.headers["Server"] == "indo-summarizer"
    assert "gunicorn" not in response.headers["Server"].lower()
    assert response.headers["X-Content-Type-Options"] == "nosniff"
