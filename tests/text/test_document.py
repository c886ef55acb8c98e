"""The document holds what the pipeline reads: capped in sentences and lines, stems on demand."""

from __future__ import annotations

from summarizer import summarize
from summarizer.algorithms import ALGORITHMS
from summarizer.algorithms.bounds import (
    MAX_SCORED_SENTENCES,
    bounded_scores,
    scored_part,
)
from summarizer.pipeline import TRUNCATED_WARNING
from summarizer.text.clean import clean
from summarizer.text.document import (
    MAX_CANDIDATES,
    MAX_LINES,
    MAX_SENTENCES,
    build_document,
)
from summarizer.text.segment import Allowance, segment
from summarizer.text.words import lower_terms


def test_a_document_holds_at_most_max_sentences_and_says_it_was_cut():
    doc = build_document("Harga naik. " * (MAX_SENTENCES + 500))
    assert len(doc) == MAX_SENTENCES and doc.truncated
    doc = build_document("\n\n".join(["Harga naik. Warga kesal."] * MAX_SENTENCES))
    assert len(doc) == MAX_SENTENCES and doc.paragraph_count == MAX_SENTENCES // 2
    assert doc.truncated


def test_only_max_lines_lines_are_read_boilerplate_included():
    text = "(rsa)\n" * (MAX_LINES - 1) + "Harga naik.\nTidak terbaca."
    cleaned = clean(text, max_lines=MAX_LINES)
    assert cleaned.paragraphs == ["Harga naik."] and cleaned.unread == 1
    assert build_document(text).truncated


def test_a_cut_text_is_summarised_from_what_was_read_with_a_warning(article):
    result = summarize(". ".join(["Harga beras naik"] * 50_000) + ".", headlines=0)
    assert result.warnings == [TRUNCATED_WARNING]
    assert result.stats["sentences"] == MAX_SENTENCES
    assert TRUNCATED_WARNING not in summarize(article.text).warnings
    assert not build_document(article.text).truncated


def test_segment_stops_at_its_limit():
    text = "Satu. Dua. Tiga. Empat."
    assert segment(text, limit=2) == ["Satu.", "Dua."]
    assert segment(text, limit=10) == segment(text) == ["Satu.", "Dua.", "Tiga.", "Empat."]


def _has_terms(sentence) -> bool:
    try:
        object.__getattribute__(sentence, "terms")  # no __getattr__: is the slot set?
    except AttributeError:
        return False
    return True


def test_terms_are_the_stems_of_the_words_and_only_what_is_scored_computes_them(articles):
    text = "\n\n".join(a.text for a in articles * 40)
    doc = build_document(text)
    part = scored_part(doc)
    assert len(doc) > MAX_SCORED_SENTENCES >= len(part)
    bounded_scores(ALGORITHMS["ranker"], doc, part)
    assert all(_has_terms(s) for s in part.sentences)  # set by scored_part
    assert not any(_has_terms(s) for s in doc.sentences[-100:])  # never read
    for sentence in doc.sentences[:: len(doc) // 40]:
        assert sentence.terms == lower_terms(sentence.lower)
        assert sentence.terms is sentence.terms  # computed once


def test_segmentation_looks_at_no_more_than_max_candidates_places():
    doc = build_document("Harga naik. " + "A. " * (MAX_CANDIDATES + 10) + "Tidak terbaca.")
    assert doc.truncated
    assert "Tidak terbaca" not in " ".join(s.text for s in doc.sentences)
    allowance = Allowance(3)
    assert segment("Satu. Dua. Tiga. Empat. Lima.", allowance=allowance) == [
        "Satu.",
        "Dua.",
        "Tiga.",
    ]
    assert allowance.spent
