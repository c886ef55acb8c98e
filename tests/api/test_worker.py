"""The gunicorn worker (api/worker.py) against hostile clients, on the real server.

The server here has short deadlines (5 s for a body, 2 s for a head) so that what a stalled
client gets can be seen in seconds; the defaults are longer (docs/operations.md).
"""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from conftest import Server

BODY_TIMEOUT = 5  # long enough for the checks made while slow clients are still sending
HEAD = b"POST /v1/summarize HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\n"
ARTICLE = (
    "Jakarta - Harga beras naik lagi di pasar tradisional. Pedagang mengeluh karena pembeli "
    "berkurang. Pemerintah berjanji menurunkan harga dalam waktu dekat."
)


@pytest.fixture(scope="module")
def strict(tmp_path_factory) -> Iterator[Server]:
    env = {"SUMMARIZER_BODY_TIMEOUT": str(BODY_TIMEOUT), "GUNICORN_KEEPALIVE": "2"}
    srv = Server(env).start(tmp_path_factory.mktemp("worker") / "server.log")
    yield srv
    srv.stop()


def connect(server: Server) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=10)


def answer(sock: socket.socket) -> tuple[int, dict]:
    """Read a whole ``Connection: close`` answer: its status and JSON body."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    assert b"application/problem+json" in head or b"application/json" in head, data[:300]
    return int(head.split()[1]), json.loads(body)


def summarize(server: Server) -> int:
    response = requests.post(
        server.url + "/v1/summarize",
        data=ARTICLE.encode(),
        headers={"Content-Type": "text/plain"},
        timeout=10,
    )
    return response.status_code


def unanswered(sock: socket.socket) -> bool:
    """Nothing to read yet: no answer, and not closed."""
    sock.setblocking(False)
    try:
        sock.recv(1, socket.MSG_PEEK)
    except BlockingIOError:
        return True
    finally:
        sock.settimeout(10)
    return False


# --- finding 1: slow and stalled clients ---------------------------------------------------------


def test_clients_sending_a_byte_a_second_do_not_stall_the_others(strict):
    slow = [connect(strict) for _ in range(8)]  # four times as many as there are workers
    for sock in slow:
        sock.sendall(HEAD + b"Content-Length: 1000\r\n\r\n")
    statuses = []
    for _ in range(2):
        for sock in slow:
            sock.sendall(b"a")
        statuses += [summarize(strict) for _ in range(3)]
    assert statuses == [200] * 6
    assert all(unanswered(sock) for sock in slow)  # still being read while the others ran
    for sock in slow:  # then each gets its own 408, at the deadline
        status, body = answer(sock)
        assert status == 408
        assert body["type"].endswith("/body-timeout")
        assert f"{BODY_TIMEOUT} s" in body["detail"]
        sock.close()


def test_a_body_shorter_than_its_content_length_is_a_408_not_a_500(strict):
    with connect(strict) as sock:
        sock.sendall(HEAD + b"Content-Length: 110\r\n\r\n" + b"a" * 10)
        assert summarize(strict) == 200
        assert answer(sock)[0] == 408


def test_a_head_that_never_ends_is_closed_and_holds_nothing(strict):
    with connect(strict) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: te")
        assert summarize(strict) == 200
        assert sock.recv(100) == b""  # closed at the head deadline, nothing answered


# --- finding 3: malformed chunked encoding -------------------------------------------------------

MALFORMED = {
    "letters as chunk size": b"zz\r\nabc\r\n0\r\n\r\n",
    "negative chunk size": b"-1\r\nabc\r\n0\r\n\r\n",
    "no CRLF after a chunk": b"3\r\nabcXX0\r\n\r\n",
    "bad trailer": b"3\r\nabc\r\n0\r\nBad Trailer\r\n\r\n",
}


@pytest.mark.parametrize("path", ["/healthz", "/v1/summarize", "/", "/no-such-page"])
@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_chunked_bodies_are_400_problems_on_every_route(strict, path, body):
    with connect(strict) as sock:
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
            + body
        )
        status, problem = answer(sock)
    assert status == 400
    assert problem["type"].endswith("/malformed-chunks")
    assert problem["detail"].startswith("malformed chunked body")


def test_a_huge_chunk_size_holds_no_worker(strict):
    with connect(strict) as sock:
        sock.sendall(HEAD + b"Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nabc")
        assert [summarize(strict) for _ in range(4)] == [200] * 4
        assert answer(sock)[0] == 408


def test_a_chunked_body_within_the_limit_is_summarised(strict):
    body = ARTICLE.encode()
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:50], body[50:]))
    with connect(strict) as sock:
        sock.sendall(HEAD + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        sock.sendall(chunks + b"0\r\n\r\n")
        status, result = answer(sock)
    assert status == 200
    assert result["stats"]["sentences"] == 3


def test_expect_100_continue_gets_its_100_before_the_body_is_sent(strict):
    body = ARTICLE.encode()
    with connect(strict) as sock:
        sock.sendall(
            HEAD + b"Expect: 100-continue\r\nConnection: close\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)
        )
        assert sock.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(body)
        assert answer(sock)[0] == 200


def test_one_connection_serves_several_requests(strict):
    conn = http.client.HTTPConnection("127.0.0.1", strict.port, timeout=10)
    statuses = []
    for _ in range(3):
        conn.request("POST", "/v1/summarize", ARTICLE.encode(), {"Content-Type": "text/plain"})
        response = conn.getresponse()
        response.read()
        statuses.append(response.status)
    conn.close()
    assert statuses == [200, 200, 200]


# --- a slow request (the app's own time, whatever makes it slow) ---------------------------------


def sleepy(tmp_path, **env: str) -> Server:
    env = {"PYTHONPATH": str(Path(__file__).parent), "WEB_CONCURRENCY": "1", **env}
    return Server(env, workers=1, app="sleepy_app:app").start(tmp_path / "server.log")


def test_a_slow_request_does_not_hold_the_other_connections_of_its_worker(tmp_path):
    srv = sleepy(tmp_path)
    try:
        with connect(srv) as slow:
            slow.sendall(b"GET /sleep?s=8 HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            time.sleep(0.5)  # the slow request is running in the only worker
            answers = [requests.get(srv.url + "/", timeout=10).status_code for _ in range(5)]
            assert answers == [200] * 5
            assert unanswered(slow)
            assert slow.recv(100).startswith(b"HTTP/1.1 200")
    finally:
        srv.stop()


def test_a_request_running_past_the_timeout_gets_its_worker_replaced(tmp_path):
    srv = sleepy(tmp_path, GUNICORN_TIMEOUT="2")
    try:
        with connect(srv) as stuck:
            stuck.sendall(b"GET /sleep?s=60 HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            assert stuck.recv(100) == b""  # its worker was killed under it
        assert "WORKER TIMEOUT" in srv.log()
        assert requests.get(srv.url + "/", timeout=10).status_code == 200  # by a new one
    finally:
        srv.stop()
