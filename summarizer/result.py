"""What :func:`summarizer.summarize` returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
    """The summary, its sentences (document order), headline candidates and statistics."""

    summary: str
    sentences: list[SelectedSentence]
    headlines: list[Headline]
    algorithm: str
    keywords: list[Keyword] = field(default_factory=list)
    language: str = "id"
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
