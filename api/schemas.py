"""Request and response models: the single source of truth for validation and docs."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from summarizer import ALGORITHMS, DEFAULT_ALGORITHM
from summarizer.headline import DEFAULT_MAX_CHARS
from summarizer.pipeline import MAX_HEADLINES, MAX_SENTENCES

AlgorithmName = Literal[tuple(ALGORITHMS)]  # type: ignore[valid-type]

MAX_TEXT_CHARS = 1_000_000

EXAMPLE_TEXT = (
    "Jakarta, CNN Indonesia -- Bank Indonesia (BI) menahan suku bunga acuan di level 6 persen. "
    "Keputusan itu diambil dalam Rapat Dewan Gubernur pada Kamis (17/10).\n\n"
    '"Kebijakan ini konsisten dengan upaya menjaga stabilitas rupiah," kata Gubernur BI Perry Warjiyo.'
)


class SummaryOptions(BaseModel):
    """Options shared by a single request and by every document of a batch."""

    model_config = ConfigDict(extra="forbid", strict=True)

    sentences: int | None = Field(
        None,
        ge=1,
        le=MAX_SENTENCES,
        description="Number of summary sentences (3 when no length option is given).",
    )
    ratio: float | None = Field(
        None, gt=0, le=1, description="Share of the document's sentences to keep."
    )
    max_words: int | None = Field(
        None, ge=1, le=100_000, description="Word budget for the summary."
    )
    max_chars: int | None = Field(
        None, ge=1, le=1_000_000, description="Character budget for the summary."
    )
    algorithm: AlgorithmName | None = Field(  # type: ignore[valid-type]
        None, description=f"Summarisation algorithm (default: {DEFAULT_ALGORITHM})."
    )
    headlines: int = Field(
        3, ge=0, le=MAX_HEADLINES, description="Number of headline candidates (0 disables)."
    )
    headline_max_chars: int = Field(
        DEFAULT_MAX_CHARS, ge=10, le=300, description="Longest headline candidate, in characters."
    )
    headline_case: Literal["title", "sentence"] = Field(
        "title", description="Casing of headline candidates."
    )
    title: str | None = Field(
        None, max_length=1000, description="The article's title, when the CMS knows it."
    )
    exclude: list[Literal["quotes", "questions", "exclamations"]] = Field(
        default_factory=list,
        max_length=3,
        description="Kinds of sentence to leave out of the summary.",
    )

    @model_validator(mode="after")
    def _one_length_option(self) -> SummaryOptions:
        given = [
            k
            for k in ("sentences", "ratio", "max_words", "max_chars")
            if getattr(self, k) is not None
        ]
        if len(given) > 1:
            raise ValueError(
                f"give at most one of sentences, ratio, max_words, max_chars (got {', '.join(given)})"
            )
        return self

    def library_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for :func:`summarizer.summarize`."""
        return self.model_dump()


class SummarizeRequest(SummaryOptions):
    """A single article to summarise."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"text": EXAMPLE_TEXT, "sentences": 2, "headlines": 3}]},
    )

    text: str = Field(
        ..., min_length=1, max_length=MAX_TEXT_CHARS, description="The article as plain text."
    )

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must contain more than whitespace")
        return value


class SentenceOut(BaseModel):
    index: int = Field(
        ..., description="Position among the cleaned document's sentences (0-based)."
    )
    text: str
    score: float


class HeadlineOut(BaseModel):
    text: str
    score: float
    kind: str = Field(..., description="Which method produced the candidate.")
    sentence_index: int | None = Field(None, description="Index of the sentence it came from.")


class KeywordOut(BaseModel):
    text: str
    score: float


class SummarizeResponse(BaseModel):
    summary: str
    sentences: list[SentenceOut]
    headlines: list[HeadlineOut]
    algorithm: str
    keywords: list[KeywordOut]
    language: str = Field(..., description="ISO 639-1 code of the detected language.")
    warnings: list[str]
    stats: dict[str, Any]


class AlgorithmOut(BaseModel):
    name: str
    description: str
    default: bool


class AlgorithmsResponse(BaseModel):
    algorithms: list[AlgorithmOut]
    default: str
