"""The one path data takes: text (or HTML) → clean → sentences → scores → selection → Summary."""

from __future__ import annotations

import time
from typing import Any

from .algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from .algorithms.bounds import bounded_scores, scored_part
from .errors import OptionError
from .headline import headline_shortfall
from .headline import headlines as make_headlines
from .keywords import extract as extract_keywords
from .options import Options
from .result import SelectedSentence, Summary
from .select import Budget, best_first, select
from .text.document import MAX_LINES, build_document
from .text.document import MAX_SENTENCES as MAX_DOCUMENT_SENTENCES
from .text.language import detect_sentences, language_warning
from .text.markup import looks_like_html

TRUNCATED_WARNING = (
    f"only the start of the text was read (at most {MAX_DOCUMENT_SENTENCES:,} sentences and "
    f"{MAX_LINES:,} lines, less for text full of full stops); the rest is not in the summary"
)
HTML_WARNING = (
    "the text looks like HTML, so it was read as HTML (tags and page junk left out); "
    "send it as HTML to say so"
)
FOREIGN_WARNING = "{}, and no headline candidates or key phrases were made from it"


def summarize(
    text: str, options: Options | None = None, *, html: bool | None = None, **values: Any
) -> Summary:
    """Summarise an Indonesian news article given as text or HTML.

    The options are those of :class:`~summarizer.options.Options`, given as keywords
    (``summarize(text, sentences=2)``) or as an ``Options``; length is set by at most one
    of ``sentences`` (3 when none is given), ``ratio``, ``max_words`` or ``max_chars``.
    ``html=True`` reads ``text`` as HTML, ``False`` as plain text; by default text that
    is markup is read as HTML, with a warning. Raises :class:`OptionError` for option
    values it cannot use.
    """
    started = time.perf_counter()
    if options is None:
        options = Options.of(values) if values else _DEFAULTS
    elif values:
        raise TypeError("give the options as an Options or as keywords, not both")
    if not isinstance(text, str) or not text.strip():
        raise OptionError("html" if html else "text", "text must be a non-empty string")
    warnings: list[str] = []
    title = options.title
    html_stats = None
    if html is None and looks_like_html(text):
        warnings.append(HTML_WARNING)
        html = True
        field = "text"
    else:
        field = "html"
    if html:
        from .text.html import html_to_text  # lxml is loaded only for HTML

        extracted = html_to_text(text)
        if not extracted.text.strip():
            raise OptionError(field, "the HTML holds no article text")
        text, title = extracted.text, title or extracted.title
        warnings += extracted.notes
        html_stats = {"removed": dict(extracted.removed)}

    doc = build_document(text, title=title)
    language = detect_sentences(doc.sentences)
    foreign = language_warning(language)
    if foreign:
        warnings.append(FOREIGN_WARNING.format(foreign))
    if doc.truncated:
        warnings.append(TRUNCATED_WARNING)
    # what scoring, headlines and key phrases read; caps in summarizer/algorithms/bounds.py
    part = scored_part(doc)
    name = options.algorithm or DEFAULT_ALGORITHM
    scores = bounded_scores(ALGORITHMS[name], doc, part)
    budget = Budget(options.sentences, options.ratio, options.max_words, options.max_chars)
    chosen = select(doc, scores, budget, exclude=frozenset(options.exclude))
    picked = [
        SelectedSentence(i, doc.sentences[i].text, round(float(scores[i]), 6)) for i in chosen
    ]
    # Headlines and key phrases are Indonesian models and word lists: not for other languages.
    key_phrases = (
        extract_keywords(part, options.keywords) if options.keywords and not foreign else []
    )
    candidates = (
        make_headlines(
            part,
            best_first(scores[: len(part)]),
            options.headlines,
            max_chars=options.headline_max_chars,
            case=options.headline_case,
        )
        if options.headlines and not foreign
        else []
    )
    if options.headlines and not foreign and len(candidates) < options.headlines:
        warnings.append(headline_shortfall(len(candidates), options.headlines))
    stats = {
        "characters": len(text),
        "words": sum(len(s.words) for s in doc.sentences),
        "paragraphs": doc.paragraph_count,
        "sentences": len(doc),
        "selected": len(picked),
        "removed": dict(doc.removed),
    }
    if html_stats is not None:
        stats["html"] = html_stats
    stats["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 3)
    return Summary(
        summary=" ".join(s.text for s in picked),
        sentences=picked,
        headlines=candidates,
        algorithm=name,
        keywords=key_phrases,
        language=language,
        warnings=warnings,
        stats=stats,
        title=doc.title,
    )


_DEFAULTS = Options()
