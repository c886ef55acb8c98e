"""Settings come from SUMMARIZER_* variables; bad values stop start-up with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, Server, free_port

from api import create_app
from api.config import ConfigError, Settings

KEY = "k" * 16


def test_defaults_without_environment():
    settings = Settings.from_env({})
    assert settings.api_keys == ()
    assert settings.rate_limit is None
    assert settings.redis_url is None
    assert settings.max_body_bytes == 1_000_000
    assert settings.max_batch == 100
    assert settings.cors_origins == ()
    assert settings.log_level == "INFO"
    assert settings.trust_proxy == 0
    assert settings.metrics is True
    assert settings.metrics_require_key is False


def test_every_variable_is_read_and_parsed():
    env = {
        "SUMMARIZER_API_KEYS": f" {KEY} , {'z' * 20},,",
        "SUMMARIZER_RATE_LIMIT": "10/second;1000/hour",
        "SUMMARIZER_RATE_LIMIT_STRATEGY": "moving-window",
        "SUMMARIZER_REDIS_URL": "redis://cache:6379/1",
        "SUMMARIZER_MAX_BODY_BYTES": "2000",
        "SUMMARIZER_MAX_BATCH": "7",
        "SUMMARIZER_CORS_ORIGINS": "https://cms.example.com, http://localhost:3000/",
        "SUMMARIZER_LOG_LEVEL": "debug",
        "SUMMARIZER_TRUST_PROXY": "1",
        "SUMMARIZER_METRICS": "off",
        "SUMMARIZER_METRICS_REQUIRE_KEY": "yes",
    }
    settings = Settings.from_env(env)
    assert settings.api_keys == (KEY, "z" * 20)
    assert settings.rate_limit == "10/second;1000/hour"
    assert settings.rate_limit_strategy == "moving-window"
    assert settings.redis_url == "redis://cache:6379/1"
    assert (settings.max_body_bytes, settings.max_batch) == (2000, 7)
    assert settings.cors_origins == ("https://cms.example.com", "http://localhost:3000")
    assert settings.log_level == "DEBUG"
    assert settings.trust_proxy == 1
    assert settings.metrics is False
    assert settings.metrics_require_key is True


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("RATE_LIMIT", "sixty per minute please", "SUMMARIZER_RATE_LIMIT"),
        ("RATE_LIMIT_STRATEGY", "token-bucket", "SUMMARIZER_RATE_LIMIT_STRATEGY"),
        ("REDIS_URL", "localhost:6379", "SUMMARIZER_REDIS_URL"),
        ("MAX_BODY_BYTES", "1MB", "SUMMARIZER_MAX_BODY_BYTES must be an integer"),
        ("MAX_BATCH", "0", "SUMMARIZER_MAX_BATCH must be at least 1"),
        ("CORS_ORIGINS", "https://cms.example.com/path", "SUMMARIZER_CORS_ORIGINS"),
        ("LOG_LEVEL", "loud", "SUMMARIZER_LOG_LEVEL"),
        ("TRUST_PROXY", "-1", "SUMMARIZER_TRUST_PROXY must be at least 0"),
        ("METRICS", "maybe", "SUMMARIZER_METRICS"),
        ("API_KEYS", "short", "shorter than 16"),
        ("API_KEYS", "k" * 15 + "é", "printable ASCII"),
    ],
)
def test_invalid_values_raise_config_error_naming_the_variable(variable, value, message):
    with pytest.raises(ConfigError, match=message):
        Settings.from_env({f"SUMMARIZER_{variable}": value})


def test_bad_key_is_not_echoed_in_the_error():
    with pytest.raises(ConfigError) as info:
        Settings.from_env({"SUMMARIZER_API_KEYS": "secret-ish"})
    assert "secret-ish" not in str(info.value)


def test_create_app_overrides_win_and_are_validated(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_MAX_BATCH", "5")
    app = create_app({"max_batch": 9, "api_keys": [KEY], "TESTING": True})
    settings = app.config["SETTINGS"]
    assert settings.max_batch == 9
    assert settings.api_keys == (KEY,)
    assert app.config["MAX_CONTENT_LENGTH"] == settings.max_body_bytes
    with pytest.raises(ConfigError, match="SUMMARIZER_RATE_LIMIT"):
        create_app({"rate_limit": "lots"})


def test_create_app_reads_the_environment(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_MAX_BODY_BYTES", "1234")
    app = create_app({"TESTING": True})
    assert app.config["MAX_CONTENT_LENGTH"] == 1234


def test_gunicorn_refuses_to_start_with_a_clear_message():
    env = {
        **os.environ,
        "PORT": str(free_port()),
        "WEB_CONCURRENCY": "1",
        "SUMMARIZER_RATE_LIMIT": "often",
    }
    done = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "configuration error: SUMMARIZER_RATE_LIMIT must look like" in done.stderr
    assert "Traceback" not in done.stderr


def test_gunicorn_warns_when_a_limit_is_counted_per_worker(tmp_path):
    srv = Server({"SUMMARIZER_RATE_LIMIT": "100/minute"}, workers=2)
    srv.start(tmp_path / "server.log")
    try:
        log = srv.log()
    finally:
        srv.stop()
    assert "SUMMARIZER_RATE_LIMIT=100/minute is counted per worker process (2 workers" in log


def test_create_app_has_no_process_side_effects(monkeypatch):
    from api.routes import health

    calls: list[int] = []

    def checks() -> dict[str, str]:
        calls.append(1)
        return {"library": "ok"}

    monkeypatch.setattr(health, "library_checks", checks)
    monkeypatch.setattr(health, "_library_ready", False)
    apps = [create_app({"TESTING": True}) for _ in range(2)]
    assert calls == [] and health._library_ready is False  # no warm-up, no module state
    assert apps[0].test_client().get("/readyz").status_code == 200  # readiness warms up
    assert calls == [1] and health._library_ready is True
    apps[1].test_client().get("/readyz")
    assert calls == [1]  # once per process
