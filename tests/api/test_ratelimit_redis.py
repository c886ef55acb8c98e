"""With SUMMARIZER_REDIS_URL, two gunicorn instances (two workers each) share one rate limit.

Runs a real ``redis-server`` (installed by .ci/run) on a free port, without persistence.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from itertools import cycle

import pytest
import redis
import requests
from conftest import Server, free_port

KEY = "redis-test-key-0123456789"
OTHER_KEY = "redis-other-key-0123456789"
BATCH_KEY = "redis-batch-key-0123456789"
LIMIT = 5


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run does)")
    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("redis-server did not start") from None
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0", process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def instances(redis_url, tmp_path_factory):
    url, _ = redis_url
    env = {
        "SUMMARIZER_REDIS_URL": url,
        "SUMMARIZER_RATE_LIMIT": f"{LIMIT}/hour",
        "SUMMARIZER_API_KEYS": f"{KEY},{OTHER_KEY},{BATCH_KEY}",
    }
    logs = tmp_path_factory.mktemp("instances")
    pair = [Server(env, workers=2).start(logs / f"server{i}.log") for i in (1, 2)]
    yield pair
    for srv in pair:
        srv.stop()


def get(srv: Server, key: str) -> requests.Response:
    return requests.get(srv.url + "/v1/algorithms", headers={"X-API-Key": key}, timeout=5)


def test_two_instances_share_one_limit_through_redis(instances):
    statuses = [get(srv, KEY).status_code for srv, _ in zip(cycle(instances), range(LIMIT + 3))]
    # alone, each of the four worker processes would have allowed LIMIT requests
    assert statuses == [200] * LIMIT + [429] * 3
    for srv in instances:
        refused = get(srv, KEY)
        assert refused.status_code == 429
        assert int(refused.headers["Retry-After"]) >= 1
        assert refused.headers["Content-Type"].startswith("application/problem+json")
    # another key has its own budget, on both instances
    assert [get(srv, OTHER_KEY).status_code for srv in instances] == [200, 200]


def test_a_batch_takes_one_request_per_document_from_the_shared_limit(instances):
    first, second = instances
    documents = [{"text": "Harga beras naik di pasar tradisional pekan ini."}] * 3
    batch = requests.post(
        first.url + "/v1/summarize/batch",
        json={"documents": documents},
        headers={"X-API-Key": BATCH_KEY},
        timeout=10,
    )
    assert batch.status_code == 200
    assert len(batch.json()["results"]) == 3
    # LIMIT is 5: two requests are left, on the other instance and on another route
    assert [get(second, BATCH_KEY).status_code for _ in range(3)] == [200, 200, 429]


def test_ready_reports_redis(instances):
    for srv in instances:
        body = requests.get(srv.url + "/readyz", timeout=5).json()
        assert body["checks"]["redis"] == "ok"


def test_no_startup_warning_about_per_worker_limits_with_redis(instances):
    for srv in instances:
        assert "counted per worker process" not in srv.log()


def test_redis_outage_does_not_break_the_api(instances, redis_url):
    _, process = redis_url
    process.terminate()
    process.wait(timeout=10)
    srv = instances[0]
    # limits fall back to memory per process: answers stay 200 or 429, never 500
    statuses = {get(srv, OTHER_KEY).status_code for _ in range(4)}
    assert statuses <= {200, 429}
    ready = requests.get(srv.url + "/readyz", timeout=5)
    assert ready.status_code == 503
    assert "redis" in ready.json()["detail"]
    assert requests.get(srv.url + "/healthz", timeout=5).status_code == 200
