"""Summarisation algorithms by name: one module per algorithm, one interface.

``ALGORITHMS`` maps each public name to an instance; ``DEFAULT_ALGORITHM``
is what :func:`summarizer.summarize` uses when none is asked for.
``BENCHMARK`` maps each name to the ROUGE F1 it scored on IndoSum
(``{"rouge1", "rouge2", "rougeL"}``, x100, 3 sentences; the learned ranker's
figures are 4-fold cross-validated), written by ``python -m benchmarks.rouge``.
"""

from __future__ import annotations

import json
from importlib import resources

from .base import Algorithm
from .lead import Lead
from .ranker import Ranker
from .sumy_algorithms import SUMY_ALGORITHMS

_CLASSES: tuple[type[Algorithm], ...] = (Ranker, Lead, *SUMY_ALGORITHMS)
ALGORITHMS: dict[str, Algorithm] = {cls.name: cls() for cls in _CLASSES}
DEFAULT_ALGORITHM = "ranker"


def _load_benchmark() -> dict[str, dict[str, float]]:
    path = resources.files("summarizer.data").joinpath("benchmark.json")
    if not path.is_file():
        return {}
    scores = json.loads(path.read_text("utf-8")).get("scores", {})
    return {name: dict(s) for name, s in scores.items() if name in ALGORITHMS}


BENCHMARK: dict[str, dict[str, float]] = _load_benchmark()

__all__ = ["ALGORITHMS", "BENCHMARK", "DEFAULT_ALGORITHM", "Algorithm", "get_algorithm"]


def get_algorithm(name: str | None) -> Algorithm:
    """The algorithm called ``name`` (the default when ``None``); ``KeyError`` if unknown."""
    return ALGORITHMS[name or DEFAULT_ALGORITHM]
