"""Settings, read once from ``SUMMARIZER_*`` environment variables in ``create_app``."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Any


class ConfigError(ValueError):
    """An environment variable holds a value the service cannot start with."""


def _int(name: str, value: str, minimum: int = 1) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"SUMMARIZER_{name.upper()} must be an integer, got {value!r}") from None
    if number < minimum:
        raise ConfigError(f"SUMMARIZER_{name.upper()} must be at least {minimum}, got {number}")
    return number


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the app can be configured with; defaults suit a single instance."""

    max_body_bytes: int = 1_000_000
    max_batch: int = 100
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``SUMMARIZER_*`` variables; raises :class:`ConfigError` on bad values."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"SUMMARIZER_{f.name.upper()}")
            if raw is None or raw.strip() == "":
                continue
            raw = raw.strip()
            if f.type == "int":
                values[f.name] = _int(f.name, raw)
            elif f.name == "log_level":
                level = raw.upper()
                if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
                    raise ConfigError(
                        f"SUMMARIZER_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, got {raw!r}"
                    )
                values[f.name] = level
            else:
                values[f.name] = raw
        values.update(overrides)
        return cls(**values)
