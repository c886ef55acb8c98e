"""Settings, read once from ``SUMMARIZER_*`` environment variables in ``create_app``
(and by the gunicorn worker, which reads request bodies: ``api/worker.py``).

Every value is validated here, so a typo stops start-up with a :class:`ConfigError`
naming the variable instead of surfacing later as a confusing runtime error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

import limits


class ConfigError(ValueError):
    """An environment variable holds a value the service cannot start with."""


def _var(name: str) -> str:
    return f"SUMMARIZER_{name.upper()}"


def _int(name: str, value: str, minimum: int = 1) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{_var(name)} must be an integer, got {value!r}") from None
    if number < minimum:
        raise ConfigError(f"{_var(name)} must be at least {minimum}, got {number}")
    return number


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _bool(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{_var(name)} must be one of true/false, 1/0, yes/no, on/off; got {value!r}")


MIN_KEY_LENGTH = 16
_KEY = re.compile(r"[!-~]+")  # printable ASCII, no spaces (commas separate keys)


def _api_keys(name: str, value: str) -> tuple[str, ...]:
    keys = _list(value)
    for position, key in enumerate(keys, 1):
        if not _KEY.fullmatch(key):
            raise ConfigError(f"{_var(name)}: key #{position} must be printable ASCII")
        if len(key) < MIN_KEY_LENGTH:
            raise ConfigError(
                f"{_var(name)}: key #{position} is shorter than {MIN_KEY_LENGTH} characters "
                "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(32))')"
            )
    return tuple(dict.fromkeys(keys))


def _rate_limit(name: str, value: str) -> str:
    try:
        limits.parse_many(value)
    except ValueError:
        raise ConfigError(
            f"{_var(name)} must look like '60/minute' or '10/second;1000/hour', got {value!r}"
        ) from None
    return value


STRATEGIES = ("fixed-window", "moving-window", "sliding-window-counter")


def _strategy(name: str, value: str) -> str:
    if value not in STRATEGIES:
        raise ConfigError(f"{_var(name)} must be one of {', '.join(STRATEGIES)}, got {value!r}")
    return value


REDIS_SCHEMES = ("redis", "rediss", "redis+unix", "redis+sentinel", "redis+cluster")


def _redis_url(name: str, value: str) -> str:
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme not in REDIS_SCHEMES:
        raise ConfigError(
            f"{_var(name)} must be a URL starting with {', '.join(s + '://' for s in REDIS_SCHEMES)}"
            f" (e.g. redis://localhost:6379/0), got a value with scheme {scheme or '(none)'!r}"
        )
    return value


_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")


def _origins(name: str, value: str) -> tuple[str, ...]:
    origins = [origin.rstrip("/") for origin in _list(value)]
    for origin in origins:
        if origin != "*" and not _ORIGIN.fullmatch(origin):
            raise ConfigError(
                f"{_var(name)}: {origin!r} is not an origin like https://cms.example.com "
                "(scheme and host, optional port, no path) or *"
            )
    return tuple(dict.fromkeys(origins))


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _log_level(name: str, value: str) -> str:
    level = value.upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"{_var(name)} must be one of {', '.join(LOG_LEVELS)}, got {value!r}")
    return level


_PARSERS: dict[str, Callable[[str, str], Any]] = {
    "api_keys": _api_keys,
    "rate_limit": _rate_limit,
    "rate_limit_strategy": _strategy,
    "redis_url": _redis_url,
    "max_body_bytes": _int,
    "body_timeout": _int,
    "max_batch": _int,
    "cors_origins": _origins,
    "log_level": _log_level,
    "trust_proxy": lambda name, value: _int(name, value, minimum=0),
    "metrics": _bool,
    "metrics_require_key": _bool,
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the app can be configured with; defaults suit a single instance."""

    api_keys: tuple[str, ...] = ()  # empty: no authentication
    rate_limit: str | None = None  # e.g. "60/minute"; per key, or per client address
    rate_limit_strategy: str = "fixed-window"
    redis_url: str | None = None  # shared rate-limit counters; None: in memory per process
    max_body_bytes: int = 1_000_000
    body_timeout: int = 15  # seconds for a whole request body to arrive (then 408)
    max_batch: int = 100
    cors_origins: tuple[str, ...] = ()  # empty: no CORS headers at all
    log_level: str = "INFO"
    trust_proxy: int = 0  # number of proxies in front that set X-Forwarded-For/-Proto
    metrics: bool = True  # serve GET /metrics
    metrics_require_key: bool = False  # /metrics behind the API keys too

    @property
    def batch_limit(self) -> int:
        """Most documents in one batch: ``max_batch``, or the rate limit's amount if smaller.

        A batch costs one request per document, so a larger one could never pass the limit.
        """
        if not self.rate_limit:
            return self.max_batch
        return min(self.max_batch, _smallest_amount(self.rate_limit))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``SUMMARIZER_*`` variables; raises :class:`ConfigError` on bad values.

        ``overrides`` (used by ``create_app(config)`` and tests) win over the environment;
        strings go through the same parsing as environment values.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(_var(f.name))
            if raw is not None and raw.strip():
                values[f.name] = _PARSERS[f.name](f.name, raw.strip())
        for name, value in overrides.items():
            if name not in _PARSERS:
                raise ConfigError(f"unknown setting {name!r}")
            values[name] = _coerce(name, value)
        return cls(**values)


@lru_cache(maxsize=8)
def _smallest_amount(rate_limit: str) -> int:
    """The fewest requests any part of a rate limit allows ("5/minute;1000/day": 5), parsed
    once: a batch request reads it twice (the limiter's cost, then the view's 413)."""
    return min(item.amount for item in limits.parse_many(rate_limit))


def _coerce(name: str, value: Any) -> Any:
    """An override value in the type of its field, validated like an environment value."""
    if value is None:
        return Settings.__dataclass_fields__[name].default
    if isinstance(value, (list, tuple)):
        value = ",".join(str(v) for v in value)
    if isinstance(value, bool):
        value = "true" if value else "false"
    text = str(value).strip()
    if not text:
        return Settings.__dataclass_fields__[name].default
    return _PARSERS[name](name, text)
