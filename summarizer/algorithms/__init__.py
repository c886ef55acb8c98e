"""Summarisation algorithms by name: one module per algorithm, one interface.

``ALGORITHMS`` maps each public name to an instance; ``DEFAULT_ALGORITHM``
is what :func:`summarizer.summarize` uses when none is asked for.
"""

from __future__ import annotations

from .base import Algorithm
from .lead import Lead
from .sumy_algorithms import SUMY_ALGORITHMS

ALGORITHMS: dict[str, Algorithm] = {cls.name: cls() for cls in (Lead, *SUMY_ALGORITHMS)}
DEFAULT_ALGORITHM = "textrank"

__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "Algorithm", "get_algorithm"]


def get_algorithm(name: str | None) -> Algorithm:
    """The algorithm called ``name`` (the default when ``None``); ``KeyError`` if unknown."""
    return ALGORITHMS[name or DEFAULT_ALGORITHM]
