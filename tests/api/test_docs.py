"""docs/api.md shows what the server answers: its examples and option table are regenerated
from the real gunicorn server and must equal the file (``make docs`` rewrites it)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess

import pytest
from conftest import ROOT

API_MD = ROOT / "docs" / "api.md"
CODE = re.compile(r"```(?P<lang>\w+)\n(?P<code>.*?)^```", re.S | re.M)


@pytest.fixture(scope="module")
def examples():
    spec = importlib.util.spec_from_file_location("api_examples", ROOT / "docs" / "api_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def regions(examples, text: str) -> dict[str, str]:
    return {m["name"]: m["body"] for m in examples.REGION.finditer(text)}


def test_api_md_is_what_the_server_returns(examples, server):
    text = API_MD.read_text(encoding="utf-8")
    fresh = examples.regenerate(text, examples.url_client(server.url))
    assert examples.comparable(fresh) == examples.comparable(text), (
        "docs/api.md differs from the server's answers: run `make docs`"
    )


def test_every_request_and_answer_is_in_the_document(examples):
    names = set(regions(examples, API_MD.read_text(encoding="utf-8")))
    shown = {n.removesuffix("-request") for n in names if n.endswith("-request")}
    assert shown == set(examples.REQUESTS)
    assert {n.removesuffix("-response") for n in names if n.endswith("-response")} == shown
    assert "options" in names


def test_the_option_table_gives_the_servers_defaults(examples, server, client):
    table = regions(examples, API_MD.read_text(encoding="utf-8"))["options"]
    cells = {
        row[0].strip("` "): [c.strip() for c in row[1:]]
        for row in (line.strip("|").split("|") for line in table.splitlines()[2:])
    }
    default = client.get("/v1/algorithms").get_json()["default"]
    assert cells["algorithm"][1] == f"`{default}`"
    assert cells["headlines"][1] == "3"
    assert set(cells) >= {"sentences", "ratio", "max_words", "max_chars", "title", "exclude"}


def test_the_curl_commands_shown_give_the_answers_shown(examples, server):
    """Each ``NAME-request`` block, run by bash against the server, prints ``NAME-response``."""
    found = regions(examples, API_MD.read_text(encoding="utf-8"))
    host = server.url.removeprefix("http://")
    for name in examples.REQUESTS:
        command = CODE.search(found[name + "-request"])["code"].replace(examples.SHELL_URL, host)
        shown = json.loads(CODE.search(found[name + "-response"])["code"])
        done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        got = json.loads(done.stdout)
        assert examples.comparable(json.dumps(got)) == examples.comparable(json.dumps(shown)), name


def test_a_stale_example_is_rewritten_and_a_timing_alone_is_kept(examples, client):
    def ask(method, path, body):
        response = client.open(path, method=method, json=body)
        return response.status_code, response.get_json(force=True)

    text = API_MD.read_text(encoding="utf-8")
    current = examples.regenerate(text, ask)
    stale = current.replace('"algorithm": "ranker"', '"algorithm": "textrank"', 1)
    assert stale != current
    assert examples.comparable(examples.regenerate(stale, ask)) == examples.comparable(current)
    timing = re.sub(r'("elapsed_ms": )[0-9.]+', r"\g<1>123.4", current, count=1)
    assert examples.regenerate(timing, ask) == timing  # only the timing differs: left alone


def test_the_check_mode_fails_on_a_stale_document(examples, tmp_path, monkeypatch, client):
    stale = tmp_path / "api.md"
    text = API_MD.read_text(encoding="utf-8")
    stale.write_text(
        text.replace("| `headlines` | integer 0–10 | 3 |", "| `headlines` | integer 0–10 | 5 |")
    )
    monkeypatch.setattr(examples, "API_MD", stale)
    assert examples.main(["--check"]) == 1
    assert examples.main([]) == 0  # rewrites it
    assert examples.main(["--check"]) == 0
    assert "| `headlines` | integer 0–10 | 3 |" in stale.read_text()
