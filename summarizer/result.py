"""What :func:`summarizer.summarize` returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, frozen=True)
class SelectedSentence:
    """A summary sentence: its text, its index in the cleaned document, its score."""

    index: int
    text: str
    score: float


@dataclass(slots=True, frozen=True)
class Headline:
    """A headline candidate, the method that made it and the sentence it came from."""

    text: str
    score: float
    kind: str = "lead"
    sentence_index: int | None = None


@dataclass(slots=True, frozen=True)
class Keyword:
    """A key phrase of the article and its weight (higher is more central)."""

    text: str
    score: float


@dataclass(slots=True)
class Summary:
    """The summary, its sentences (document order), headline candidates and statistics,
    and the title it used."""

    summary: str
    sentences: list[SelectedSentence]
    headlines: list[Headline]
    algorithm: str
    keywords: list[Keyword] = field(default_factory=list)
    language: str = "id"
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    title: str | None = None  # given, from the HTML, or the title line the text opened with

    def to_dict(self) -> dict[str, Any]:
        """The same plain data as ``dataclasses.asdict(self)``, written out field by field.

        The API calls this once per request; ``asdict``'s generic recursion (a ``deepcopy``
        of every leaf) took ~40 us of it. tests/api/test_api.py checks both give equal dicts.
        """
        return {
            "summary": self.summary,
            "sentences": [
                {"index": s.index, "text": s.text, "score": s.score} for s in self.sentences
            ],
            "headlines": [
                {
                    "text": h.text,
                    "score": h.score,
                    "kind": h.kind,
                    "sentence_index": h.sentence_index,
                }
                for h in self.headlines
            ],
            "algorithm": self.algorithm,
            "keywords": [{"text": k.text, "score": k.score} for k in self.keywords],
            "language": self.language,
            "warnings": list(self.warnings),
            "stats": _copy(self.stats),
            "title": self.title,
        }


def _copy(value: Any) -> Any:
    """A deep copy of JSON-like data: new dicts, lists and tuples; scalars are immutable."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_copy(v) for v in value)
    return value
