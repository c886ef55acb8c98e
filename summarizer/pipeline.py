"""The one path data takes: text → clean → sentences → scores → selection → Summary."""

from __future__ import annotations

import inspect
import time
import types
import typing
from collections.abc import Iterable
from typing import Any

from .algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from .algorithms.bounds import bounded_scores, scored_part
from .errors import OptionError
from .headline import DEFAULT_MAX_CHARS, HEADLINE_CASES, headline_shortfall
from .headline import headlines as make_headlines
from .keywords import MAX_KEYWORDS
from .keywords import extract as extract_keywords
from .result import SelectedSentence, Summary
from .select import EXCLUDABLE, Budget, best_first, select
from .text.document import build_document
from .text.html import html_to_text
from .text.language import PROFILES, detect_lowered, language_warning

MAX_SENTENCES = 50
MAX_HEADLINES = 10


def summarize(
    text: str,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    max_words: int | None = None,
    max_chars: int | None = None,
    algorithm: str | None = None,
    headlines: int = 3,
    title: str | None = None,
    exclude: Iterable[str] = (),
    headline_max_chars: int = DEFAULT_MAX_CHARS,
    headline_case: str = "title",
    keywords: int = 5,
) -> Summary:
    """Summarise an Indonesian news article.

    Length is set by at most one of ``sentences`` (3 when none is given),
    ``ratio``, ``max_words`` or ``max_chars``. Raises :class:`OptionError`
    for option values it cannot use, wrong types included.
    """
    _check_types(locals())
    started = time.perf_counter()
    if not isinstance(text, str) or not text.strip():
        raise OptionError("text", "text must be a non-empty string")
    name = algorithm or DEFAULT_ALGORITHM
    if name not in ALGORITHMS:
        raise OptionError(
            "algorithm", f"unknown algorithm {name!r}; choose one of {', '.join(ALGORITHMS)}"
        )
    if sentences is not None and not 1 <= sentences <= MAX_SENTENCES:
        raise OptionError("sentences", f"sentences must be between 1 and {MAX_SENTENCES}")
    if not 0 <= headlines <= MAX_HEADLINES:
        raise OptionError("headlines", f"headlines must be between 0 and {MAX_HEADLINES}")
    if headline_case not in HEADLINE_CASES:
        raise OptionError(
            "headline_case", f"headline_case must be one of {', '.join(HEADLINE_CASES)}"
        )
    if not isinstance(keywords, int) or not 0 <= keywords <= MAX_KEYWORDS:
        raise OptionError("keywords", f"keywords must be between 0 and {MAX_KEYWORDS}")
    if headline_max_chars < 10:
        raise OptionError("headline_max_chars", "headline_max_chars must be at least 10")
    exclude = frozenset(exclude)
    if unknown := exclude - set(EXCLUDABLE):
        raise OptionError(
            "exclude", f"cannot exclude {sorted(unknown)}; choose from {', '.join(EXCLUDABLE)}"
        )
    try:
        budget = Budget(sentences, ratio, max_words, max_chars)
    except ValueError as exc:
        raise OptionError("budget", str(exc)) from None

    doc = build_document(text, title=title)
    language = detect_lowered(s.lower for s in doc.sentences)
    warnings = [note] if (note := language_warning(language)) else []
    # Foreign function words ("the", "of") are not key phrases either.
    extra_stops = PROFILES[language] if warnings else frozenset()
    key_phrases = extract_keywords(doc, keywords, stop_words=extra_stops) if keywords else []
    part = scored_part(
        doc
    )  # what scoring and headlines read; caps in summarizer/algorithms/bounds.py
    scores = bounded_scores(ALGORITHMS[name], doc, part)
    chosen = select(doc, scores, budget, exclude=exclude)
    picked = [
        SelectedSentence(i, doc.sentences[i].text, round(float(scores[i]), 6)) for i in chosen
    ]
    ranked = best_first(scores[: len(part)])
    candidates = (
        make_headlines(part, ranked, headlines, max_chars=headline_max_chars, case=headline_case)
        if headlines
        else []
    )
    if len(candidates) < headlines:
        warnings.append(headline_shortfall(len(candidates), headlines))
    stats = {
        "characters": len(text),
        "words": sum(len(s.words) for s in doc.sentences),
        "paragraphs": doc.paragraph_count,
        "sentences": len(doc),
        "selected": len(picked),
        "removed": dict(doc.removed),
        "elapsed_ms": round((time.perf_counter() - started) * 1000, 3),
    }
    return Summary(
        summary=" ".join(s.text for s in picked),
        sentences=picked,
        headlines=candidates,
        algorithm=name,
        keywords=key_phrases,
        language=language,
        warnings=warnings,
        stats=stats,
    )


def summarize_html(markup: str, **options: Any) -> Summary:
    """Summarise an article given as HTML (a CMS fragment or a whole page).

    The markup becomes text first (:func:`summarizer.text.html.html_to_text`); its own title
    is used when none is given, and ``stats["html"]["removed"]`` counts what was dropped.
    Markup that leaves no article text is an :class:`OptionError` on ``html``.
    """
    extracted = html_to_text(markup)
    if not extracted.text.strip():
        raise OptionError("html", "the HTML holds no article text")
    options["title"] = options.get("title") or extracted.title
    result = summarize(extracted.text, **options)
    result.stats["html"] = {"removed": dict(extracted.removed)}
    return result


LENGTH_OPTIONS = ("sentences", "ratio", "max_words", "max_chars")


def merge_options(shared: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """``own`` overrides ``shared``; a length option in ``own`` replaces any shared one.

    The rule for a batch: options for every document, and a document's own on top.
    """
    if any(own.get(k) is not None for k in LENGTH_OPTIONS):
        shared = {k: v for k, v in shared.items() if k not in LENGTH_OPTIONS}
    return {**shared, **own}


def _option_types() -> dict[str, tuple[type, bool]]:
    """Each keyword option of :func:`summarize`: its type (int, float, str or list) and
    whether ``None`` is allowed, read from the signature so there is one definition."""
    hints = typing.get_type_hints(summarize)
    out: dict[str, tuple[type, bool]] = {}
    for name, param in inspect.signature(summarize).parameters.items():
        if param.kind is not param.KEYWORD_ONLY:
            continue
        hint = hints[name]
        args = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        base = next(a for a in args if a is not type(None))
        out[name] = (list if typing.get_origin(base) is Iterable else base, type(None) in args)
    return out


OPTION_TYPES = _option_types()
_TYPE_NAMES = {int: "an integer", float: "a number", str: "a string", list: "a list of strings"}


def _has_type(value: Any, base: type) -> bool:
    if isinstance(value, bool):  # True is an int to Python, not a sentence count to anyone
        return False
    if base is float:
        return isinstance(value, (int, float))
    if base is list:
        return isinstance(value, (list, tuple, set, frozenset)) and all(
            isinstance(v, str) for v in value
        )
    return isinstance(value, base)


def _check_types(values: dict[str, Any]) -> None:
    """An :class:`OptionError` for the first option whose value has the wrong type."""
    for name, (base, nullable) in OPTION_TYPES.items():
        value = values[name]
        if (value is None and nullable) or _has_type(value, base):
            continue
        raise OptionError(name, f"{name} must be {_TYPE_NAMES[base]}")
