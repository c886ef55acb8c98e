"""Request and response models: the single source of truth for validation and docs."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from summarizer import OptionError, Options
from summarizer.options import LENGTH_OPTIONS, MAX_TEXT_CHARS, RULES, Rule

EXAMPLE_TEXT = (
    "Jakarta, CNN Indonesia -- Bank Indonesia (BI) menahan suku bunga acuan di level 6 persen. "
    "Keputusan itu diambil dalam Rapat Dewan Gubernur pada Kamis (17/10).\n\n"
    '"Kebijakan ini konsisten dengan upaya menjaga stabilitas rupiah," kata Gubernur BI Perry Warjiyo.'
)


def _schema_extra(examples: list[dict[str, Any]], *, article: bool) -> dict[str, Any]:
    """JSON Schema rules pydantic cannot derive from field types: one length option at most,
    and (for article models) exactly one of ``text``/``html``."""
    given = {"not": {"type": "null"}}
    pairs = [(a, b) for i, a in enumerate(LENGTH_OPTIONS) for b in LENGTH_OPTIONS[i + 1 :]]
    extra: dict[str, Any] = {
        "not": {
            "anyOf": [{"required": [a, b], "properties": {a: given, b: given}} for a, b in pairs]
        },
        "examples": examples,
    }
    if article:
        extra["oneOf"] = [{"required": ["text"]}, {"required": ["html"]}]
    return extra


def _field_error(
    fields: str | tuple[str, ...], message: str, kind: str = "value_error"
) -> ValidationError:
    """A validation error naming ``fields`` (a model validator's own errors name none)."""
    return ValidationError.from_exception_data(
        "SummarizeRequest",
        [
            InitErrorDetails(type=PydanticCustomError(kind, message), loc=(field,), input=None)
            for field in ((fields,) if isinstance(fields, str) else fields)
        ],
    )


def _option_field(rule: Rule) -> tuple[Any, Any]:
    """The pydantic annotation and ``Field`` of one library option (summarizer/options.py)."""
    if rule.kind is list:
        kind: Any = list[Literal[rule.choices]]  # type: ignore[valid-type]
    else:
        kind = Literal[rule.choices] if rule.choices else rule.kind  # type: ignore[valid-type]
        kind = kind | None if rule.nullable else kind
    limits: dict[str, Any] = {"description": rule.description}
    if rule.minimum is not None:
        limits["gt" if rule.exclusive_minimum else "ge"] = rule.minimum
    if rule.maximum is not None:
        limits["le"] = rule.maximum
    if rule.max_length is not None:
        limits["max_length"] = rule.max_length
    if rule.kind is list:
        return kind, Field(default_factory=list, **limits)
    return kind, Field(rule.default, **limits)


class _OptionChecks(BaseModel):
    """What the field types cannot say, checked by the library's own validator."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra=_schema_extra([{"sentences": 2, "headlines": 1}], article=False),
    )

    _options: Options = PrivateAttr()

    @model_validator(mode="after")
    def _library_options(self) -> Any:
        try:
            self._options = Options.of({rule.name: getattr(self, rule.name) for rule in RULES})
        except OptionError as exc:
            # two length options: the API names every one given, the library the second
            given = tuple(k for k in LENGTH_OPTIONS if getattr(self, k) is not None)
            raise _field_error(given if len(given) > 1 else exc.field, exc.message) from None
        return self

    @property
    def options(self) -> Options:
        """The options as :func:`summarizer.summarize` takes them, checked once."""
        return self._options


SummaryOptions = create_model(
    "SummaryOptions",
    __base__=_OptionChecks,
    __doc__="Options shared by a single request and by every document of a batch.",
    **{rule.name: _option_field(rule) for rule in RULES},
)


EXAMPLE_HTML = (
    "<p><strong>Jakarta, CNN Indonesia</strong> -- Bank Indonesia (BI) menahan suku bunga acuan "
    "di level 6 persen.</p><figure><img src='bi.jpg'><figcaption>Foto: ANTARA</figcaption>"
    "</figure><p>Keputusan itu diambil dalam Rapat Dewan Gubernur pada Kamis (17/10).</p>"
    "<p><strong>Baca juga:</strong> <a href='/x'>Rupiah menguat</a></p>"
    "<p>&ldquo;Kebijakan ini konsisten dengan upaya menjaga stabilitas rupiah,&rdquo; kata "
    "Gubernur BI Perry Warjiyo.</p>"
)


def _article_field(description: str) -> Any:
    """``text``/``html``: a string when given (``null`` is refused), absent when not."""

    def schema(s: dict[str, Any]) -> None:
        s.pop("default", None)
        s["pattern"] = r"\S"  # more than whitespace, checked by _not_blank below

    return Field(
        None,
        min_length=1,
        max_length=MAX_TEXT_CHARS,
        description=description,
        json_schema_extra=schema,
    )


class SummarizeRequest(SummaryOptions):  # type: ignore[misc,valid-type]
    """A single article to summarise: exactly one of ``text`` or ``html``."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra=_schema_extra(
            [
                {"text": EXAMPLE_TEXT, "sentences": 2, "headlines": 3},
                {"html": EXAMPLE_HTML, "sentences": 2},
            ],
            article=True,
        ),
    )

    text: str = _article_field("The article as plain text (paragraphs on separate lines).")
    html: str = _article_field(
        "The article as HTML: a CMS fragment or a whole page. Scripts, embeds, captions, ads "
        "and related-link blocks are dropped; a whole page goes through main-content extraction."
    )

    @field_validator("text", "html")
    @classmethod
    def _not_blank(cls, value: str, info: Any) -> str:
        if not value.strip():
            raise ValueError(f"{info.field_name} must contain more than whitespace")
        return value

    @model_validator(mode="after")
    def _text_or_html(self) -> SummarizeRequest:
        if self.text is None and self.html is None:
            raise _field_error("text", "give the article as text or as html", "missing")
        if self.text is not None and self.html is not None:
            raise _field_error("html", "give either text or html, not both")
        return self


class BatchDocument(SummarizeRequest):
    """One document of a batch: its own ``id`` and options that override the shared ones."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra=_schema_extra(
            [{"id": "berita-1", "text": EXAMPLE_TEXT, "sentences": 1}], article=True
        ),
    )

    id: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Echoed in the result (the document's 0-based position when absent).",
    )


class BatchRequest(SummaryOptions):  # type: ignore[misc,valid-type]
    """Several documents in one request; the options here apply to every document."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra=_schema_extra(
            [
                {
                    "documents": [
                        {"id": "a", "text": EXAMPLE_TEXT},
                        {"id": "b", "html": EXAMPLE_HTML, "sentences": 1},
                    ],
                    "sentences": 2,
                    "headlines": 1,
                }
            ],
            article=False,
        ),
    )

    documents: list[BatchDocument] = Field(
        ...,
        min_length=1,
        description="The documents, each validated and summarised on its own. The most a "
        "request may hold is SUMMARIZER_MAX_BATCH, or the rate limit's amount when smaller "
        "(each document counts as one request): maxItems below; more is a 413.",
    )


class FieldError(BaseModel):
    """One invalid field of a request."""

    field: str = Field(..., description="Dotted path of the field (``body`` for the whole body).")
    message: str
    type: str = Field(..., description="Machine-readable kind of error.")


class Problem(BaseModel):
    """An RFC 9457 problem document: every error response has this shape."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "https://github.com/indo-summarizer/problems/validation-error",
                    "title": "Unprocessable Content",
                    "status": 422,
                    "detail": "invalid request: sentences",
                    "errors": [
                        {
                            "field": "sentences",
                            "message": "Input should be less than or equal to 50",
                            "type": "less_than_equal",
                        }
                    ],
                }
            ]
        }
    )

    type: str = Field(..., description="URI naming the kind of problem.")
    title: str = Field(..., description="Short summary of the kind of problem.")
    status: int = Field(..., ge=400, le=599, description="The HTTP status code.")
    detail: str = Field(..., description="What went wrong with this request.")
    errors: list[FieldError] | None = Field(
        None, description="The invalid fields, for validation errors."
    )


class SentenceOut(BaseModel):
    index: int = Field(
        ..., description="Position among the cleaned document's sentences (0-based)."
    )
    text: str
    score: float


class HeadlineOut(BaseModel):
    text: str
    score: float
    kind: str = Field(
        ...,
        description="Which sentence and form produced the candidate: `lead` (the lead "
        "sentence's main clause, or `Speaker: what was said` when it reports speech), "
        "`compressed` (another top-ranked sentence's main clause) or `quote` "
        "(`Tokoh: kutipan`).",
    )
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
    title: str | None = Field(
        ...,
        description="The title the summary used: the one given, the HTML's, or the title "
        "line the text opened with (then taken out of the text); null when there was none.",
    )


class BatchSummary(SummarizeResponse):
    """A batch result for a document that was summarised."""

    id: str


class BatchError(BaseModel):
    """A batch result for a document that could not be summarised."""

    id: str
    error: Problem


class BatchResponse(BaseModel):
    results: list[BatchSummary | BatchError] = Field(
        ..., description="One result per document, in request order."
    )


class BenchmarkScores(BaseModel):
    """ROUGE F1 on the IndoSum test folds (see docs/benchmarks.md)."""

    rouge1: float
    rouge2: float
    rougeL: float  # noqa: N815 - the metric's usual name


class AlgorithmOut(BaseModel):
    name: str
    description: str
    default: bool
    benchmark: BenchmarkScores | None = Field(
        None, description="Benchmark scores, when the algorithm has been benchmarked."
    )


class AlgorithmsResponse(BaseModel):
    algorithms: list[AlgorithmOut]
    default: str


class HealthResponse(BaseModel):
    status: str = Field(..., description="``ok`` whenever the process answers.")


class ReadinessResponse(BaseModel):
    status: str = Field(
        ...,
        description="``ready`` when every check passed; ``degraded`` when only the ``metrics`` "
        "check did not (metrics not shared between workers: the service still answers).",
    )
    checks: dict[str, str] = Field(..., description="Each check and its state (``ok`` or why not).")
