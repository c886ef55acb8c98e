"""The snippets in docs/integration.md, run as written against a real gunicorn server.

Blocks preceded by ``<!-- tested: NAME -->`` are extracted and executed (bash, Python, Node,
PHP with stand-ins for the WordPress functions). The server has API keys and a rate limit
of one request per three seconds per key, so the retry code is exercised on real 429s.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
import requests
from conftest import ROOT, Server

GUIDE = ROOT / "docs" / "integration.md"
BLOCK = re.compile(
    r"<!-- tested: (?P<name>[\w-]+) -->\s*```(?P<lang>\w+)\n(?P<code>.*?)^```", re.S | re.M
)
KEYS = [f"guide-key-{i:02d}-0123456789abcdef" for i in range(24)]
RATE_LIMIT = "1 per 3 seconds"
WP_TITLE = "Ronaldo"
_next_key = count()


def snippets() -> dict[str, tuple[str, str]]:
    return {m["name"]: (m["lang"], m["code"]) for m in BLOCK.finditer(GUIDE.read_text())}


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[Server]:
    srv = Server(
        {"SUMMARIZER_API_KEYS": ",".join(KEYS), "SUMMARIZER_RATE_LIMIT": RATE_LIMIT}, workers=1
    )
    srv.start(tmp_path_factory.mktemp("guides") / "server.log")
    yield srv
    srv.stop()


def fresh_key() -> str:
    """A key with an untouched rate-limit budget (limits are counted per key)."""
    return KEYS[next(_next_key)]


def article_html(article) -> str:
    body = "".join(f"<p>{' '.join(sentences)}</p>" for sentences in article.paragraphs)
    return (
        "<html><head><title>Berita</title><script>track()</script></head><body>"
        f"<nav><a href='/'>Beranda</a></nav><article>{body}</article></body></html>"
    )


def expected(api: Server, **body) -> dict:
    response = requests.post(
        api.url + "/v1/summarize", json=body, headers={"X-API-Key": fresh_key()}, timeout=30
    )
    assert response.status_code == 200, response.text
    return response.json()


def run(lang: str, code: str, cwd: Path, api: Server, key: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SUMMARIZER_URL": api.url, "SUMMARIZER_API_KEY": key}
    if lang == "bash":
        command = ["bash", "-euo", "pipefail", "-c", code]
    elif lang == "python":
        (cwd / "snippet.py").write_text(code)
        command = [sys.executable, "snippet.py"]
    elif lang == "javascript":
        if not shutil.which("node"):
            pytest.skip("node is not installed")
        (cwd / "snippet.mjs").write_text(code)
        command = ["node", "snippet.mjs"]
    else:
        raise AssertionError(f"no runner for {lang}")
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=90)


@pytest.fixture
def workdir(tmp_path, article) -> Path:
    (tmp_path / "article.txt").write_text(article.text, encoding="utf-8")
    (tmp_path / "article.html").write_text(article_html(article), encoding="utf-8")
    return tmp_path


def test_the_guide_has_every_tested_snippet():
    assert set(snippets()) == {
        "curl-text",
        "curl-json",
        "curl-html",
        "curl-error",
        "python-requests",
        "python-httpx",
        "node-fetch",
        "php-wordpress",
    }


def test_curl_plain_text(api, workdir, article):
    result = run(*snippets()["curl-text"], workdir, api, fresh_key())
    assert result.returncode == 0, result.stdout + result.stderr
    body = json.loads((workdir / "summary.json").read_text())
    assert body == {
        **expected(api, text=article.text, sentences=3, headlines=3),
        "stats": body["stats"],
    }
    assert len(body["sentences"]) == 3


def test_curl_json_with_bearer_token(api, workdir):
    result = run(*snippets()["curl-json"], workdir, api, fresh_key())
    assert result.returncode == 0, result.stdout + result.stderr
    body = json.loads(result.stdout)
    assert len(body["sentences"]) == 2
    assert len(body["headlines"]) == 2
    assert "Bank Indonesia" in body["summary"]


def test_curl_html(api, workdir, article):
    result = run(*snippets()["curl-html"], workdir, api, fresh_key())
    assert result.returncode == 0, result.stdout + result.stderr
    body = json.loads(result.stdout)
    assert body["summary"] == expected(api, html=article_html(article), sentences=2)["summary"]
    assert "track()" not in body["summary"]


def test_curl_error_prints_the_problem_document_shown_in_the_guide(api, workdir):
    result = run(*snippets()["curl-error"], workdir, api, fresh_key())
    assert result.returncode == 0, result.stderr
    shown = re.search(
        r"```text\n(.*?)\n```", GUIDE.read_text().split("tested: curl-error")[1], re.S
    )
    assert shown is not None
    got_body, got_status = result.stdout.strip().splitlines()
    shown_body, shown_status = shown.group(1).strip().splitlines()
    assert json.loads(got_body) == json.loads(shown_body)
    assert got_status == shown_status == "HTTP 422"


def test_curl_without_a_key_fails_with_401(api, workdir):
    result = run(*snippets()["curl-text"], workdir, api, "")
    assert result.returncode == 22  # --fail-with-body
    assert json.loads((workdir / "summary.json").read_text())["status"] == 401


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("python-requests", {"sentences": 3, "headlines": 3}),
        ("node-fetch", {"sentences": 3, "headlines": 3}),
        ("python-httpx", {"sentences": 2, "headlines": 1}),
    ],
)
def test_client_prints_the_summary(api, workdir, article, name, body):
    lang, code = snippets()[name]
    result = run(lang, code, workdir, api, fresh_key())
    assert result.returncode == 0, result.stdout + result.stderr
    source = {"html": article_html(article)} if name == "python-httpx" else {"text": article.text}
    want = expected(api, **source, **body)
    lines = result.stdout.splitlines()
    assert lines[0] == want["summary"]
    assert want["headlines"][0]["text"] in lines[1]
    assert "retrying" not in result.stderr


@pytest.mark.parametrize("name", ["python-requests", "python-httpx", "node-fetch"])
def test_client_waits_for_retry_after_on_429(api, workdir, name):
    key = fresh_key()
    first = requests.post(
        api.url + "/v1/summarize", json={"text": "Satu. Dua."}, headers={"X-API-Key": key}
    )
    assert first.status_code == 200  # this key's budget is now spent for up to 3 s
    result = run(*snippets()[name], workdir, api, key)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "retrying in" in result.stderr
    assert "429" in result.stderr
    assert result.stdout.strip()


def test_curl_retry_waits_out_a_429(api, workdir):
    key = fresh_key()
    first = requests.post(
        api.url + "/v1/summarize", json={"text": "Satu. Dua."}, headers={"X-API-Key": key}
    )
    assert first.status_code == 200
    assert (
        requests.post(
            api.url + "/v1/summarize", json={"text": "Satu. Dua."}, headers={"X-API-Key": key}
        ).status_code
        == 429
    )
    result = run(*snippets()["curl-text"], workdir, api, key)
    assert result.returncode == 0, result.stdout + result.stderr  # without --retry: exit 22
    assert len(json.loads((workdir / "summary.json").read_text())["sentences"]) == 3


@pytest.mark.parametrize("name", ["python-requests", "python-httpx", "node-fetch"])
def test_client_does_not_retry_a_4xx(api, workdir, name):
    lang, code = snippets()[name]
    result = run(lang, code, workdir, api, "not-a-valid-key-at-all")
    assert result.returncode != 0
    assert "401" in result.stdout + result.stderr
    assert "retrying" not in result.stderr


@pytest.mark.parametrize("name", ["python-requests", "python-httpx", "node-fetch"])
def test_client_says_the_server_is_down_after_its_retries(workdir, name):
    closed = Server()  # a free port nobody listens on
    result = run(*snippets()[name], workdir, closed, "")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "    at " not in result.stderr  # no stack trace
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 4  # three retries, then one line saying what is wrong
    assert all(line.startswith("retrying in ") for line in lines[:3])
    assert lines[-1] == (
        f"summarizer unavailable: no answer from {closed.url} (could not connect, attempt 4 of 4);"
        " is it running, and is SUMMARIZER_URL right?"
    )


def test_curl_gives_up_with_status_7_when_the_server_is_down(workdir):
    closed = Server()
    result = run(*snippets()["curl-text"], workdir, closed, "")
    assert result.returncode == 7  # curl: failed to connect, after --retry-connrefused's retries
    assert "Failed to connect" in result.stderr
    assert not (workdir / "summary.json").exists() or not (workdir / "summary.json").read_text()


# Just enough of WordPress for the plugin: HTTP goes to the real server through PHP streams.
WORDPRESS_STANDINS = r"""<?php
define('ABSPATH', __DIR__ . '/');
$GLOBALS['actions'] = [];
$GLOBALS['meta'] = [];
class WP_Error {
    public function __construct(public string $code = '', public string $message = '', public $data = null) {}
    public function get_error_message(): string { return $this->message; }
}
class WP_Post {
    public int $ID = 1; public string $post_type = 'post'; public string $post_status = 'publish';
    public string $post_title = ''; public string $post_content = '';
}
function add_action($hook, $callback, $priority = 10, $args = 1) { $GLOBALS['actions'][$hook][] = $callback; }
function do_action($hook, ...$args) { foreach ($GLOBALS['actions'][$hook] ?? [] as $cb) { $cb(...$args); } }
function wp_json_encode($data) { return json_encode($data, JSON_UNESCAPED_UNICODE); }
function is_wp_error($thing) { return $thing instanceof WP_Error; }
function wp_is_post_revision($id) { return false; }
function wp_is_post_autosave($id) { return false; }
function update_post_meta($id, $key, $value) { $GLOBALS['meta'][$id][$key] = $value; return true; }
function wp_remote_post($url, $args) {
    $lines = [];
    foreach ($args['headers'] as $name => $value) { $lines[] = "$name: $value"; }
    $context = stream_context_create(['http' => [
        'method' => 'POST', 'header' => implode("\r\n", $lines), 'content' => $args['body'],
        'timeout' => $args['timeout'], 'ignore_errors' => true,
    ]]);
    $body = @file_get_contents($url, false, $context);
    if ($body === false) { return new WP_Error('http_request_failed', 'connection failed'); }
    $headers = [];
    preg_match('#HTTP/\S+ (\d+)#', $http_response_header[0], $m);
    foreach (array_slice($http_response_header, 1) as $line) {
        [$name, $value] = array_map('trim', explode(':', $line, 2));
        $headers[strtolower($name)] = $value;
    }
    return ['response' => ['code' => (int) $m[1]], 'headers' => $headers, 'body' => $body];
}
function wp_remote_retrieve_response_code($r) { return $r['response']['code']; }
function wp_remote_retrieve_body($r) { return $r['body']; }
function wp_remote_retrieve_header($r, $name) { return $r['headers'][strtolower($name)] ?? ''; }
"""

WORDPRESS_SAVE = r"""<?php
require __DIR__ . '/wordpress.php';
require __DIR__ . '/indo-summarizer.php';
define('SUMMARIZER_URL', getenv('SUMMARIZER_URL'));
$post = new WP_Post();
$post->post_title = getenv('WP_TITLE');
$post->post_content = file_get_contents(__DIR__ . '/article.html');
do_action('save_post', $post->ID, $post, true);
echo json_encode($GLOBALS['meta'], JSON_UNESCAPED_UNICODE);
"""


@pytest.mark.skipif(not shutil.which("php"), reason="php is not installed")
@pytest.mark.parametrize("valid_key", [True, False])
def test_wordpress_hook_stores_summary_and_headline_as_post_meta(api, workdir, article, valid_key):
    (workdir / "wordpress.php").write_text(WORDPRESS_STANDINS)
    (workdir / "indo-summarizer.php").write_text(snippets()["php-wordpress"][1])
    (workdir / "save.php").write_text(WORDPRESS_SAVE)
    lint = subprocess.run(["php", "-l", "indo-summarizer.php"], cwd=workdir, capture_output=True)
    assert lint.returncode == 0, lint.stdout
    key = fresh_key() if valid_key else "not-a-valid-key-at-all"
    env = {
        **os.environ,
        "SUMMARIZER_URL": api.url,
        "SUMMARIZER_API_KEY": key,
        "WP_TITLE": WP_TITLE,
    }
    result = subprocess.run(
        ["php", "save.php"], cwd=workdir, env=env, capture_output=True, text=True, timeout=90
    )
    assert result.returncode == 0, result.stdout + result.stderr
    meta = json.loads(result.stdout)
    if not valid_key:
        assert meta == []  # nothing stored, the post saves normally
        assert "indo-summarizer: 401 Unauthorized" in result.stderr
        return
    want = expected(api, html=article_html(article), sentences=3, headlines=3, title=WP_TITLE)
    assert meta == {
        "1": {"_indo_summary": want["summary"], "_indo_headline": want["headlines"][0]["text"]}
    }


@pytest.mark.skipif(not shutil.which("php"), reason="php is not installed")
def test_wordpress_hook_logs_a_server_that_is_down_and_the_post_still_saves(workdir):
    (workdir / "wordpress.php").write_text(WORDPRESS_STANDINS)
    (workdir / "indo-summarizer.php").write_text(snippets()["php-wordpress"][1])
    (workdir / "save.php").write_text(WORDPRESS_SAVE)
    closed = Server()  # a free port nobody listens on
    env = {**os.environ, "SUMMARIZER_URL": closed.url, "SUMMARIZER_API_KEY": "", "WP_TITLE": "x"}
    result = subprocess.run(
        ["php", "save.php"], cwd=workdir, env=env, capture_output=True, text=True, timeout=90
    )
    assert result.returncode == 0, result.stdout + result.stderr  # saving the post goes on
    assert json.loads(result.stdout) == []  # nothing stored
    assert result.stderr.strip().splitlines() == ["indo-summarizer: connection failed"]
