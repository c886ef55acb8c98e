"""Language detection: Indonesian passes quietly, English is flagged, short text is 'und'."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.text.document import build_document
from summarizer.text.language import UNDETERMINED, detect, detect_lowered, language_warning
from summarizer.text.words import tokenize

ENGLISH_NEWS = (
    "Indonesia's central bank kept its benchmark interest rate unchanged on Thursday, "
    "saying the decision was consistent with efforts to keep inflation within its target "
    "range and to support the rupiah. The governor told reporters that the bank would "
    "remain watchful of global financial market developments, including the pace of "
    "interest rate increases in the United States. Economists had expected the decision."
)

# Written in the style of a Malaysian news agency report.
MALAY_NEWS = (
    "Kerajaan negeri akan memastikan bantuan sampai kepada mangsa banjir dengan segera "
    "kerana keadaan di beberapa daerah semakin buruk, kata Menteri Besar. Beliau berkata "
    "pihaknya telah menyediakan pusat pemindahan sementara selepas hujan lebat sejak "
    "semalam. Penduduk juga dinasihatkan supaya sentiasa berwaspada dan mematuhi arahan "
    "pihak berkuasa, iaitu tidak pulang ke rumah sehingga diberitahu."
)


def test_indonesian_articles_are_id_without_warning(articles):
    for art in articles:
        result = summarize(art.text, headlines=0)  # (a headline shortfall is warned of too)
        assert result.language == "id"
        assert result.warnings == []


def test_english_news_is_summarised_without_headlines_or_key_phrases():
    result = summarize(ENGLISH_NEWS, sentences=2)
    assert result.language == "en"
    assert len(result.warnings) == 1
    assert "English (en)" in result.warnings[0]
    assert "no headline candidates or key phrases" in result.warnings[0]
    assert len(result.sentences) == 2
    assert all(s.text in ENGLISH_NEWS for s in result.sentences)
    # the Indonesian headline model made "Markets Rallied On The News With" of it
    assert result.headlines == [] and result.keywords == []


def test_names_that_spell_foreign_function_words_do_not_make_a_text_foreign():
    text = (
        "Kim Jong Un bertemu Presiden Moon di perbatasan. Kim Jong Un tiba dengan kereta. "
        "Pertemuan Kim Jong Un dan Moon berlangsung lama. Warga menyambut Kim Jong Un."
    )
    result = summarize(text)
    assert result.language == "id" and result.warnings == []
    assert result.headlines and result.keywords


def test_malay_passes_without_warning():
    result = summarize(MALAY_NEWS, headlines=0)
    assert result.language == "ms"
    assert result.warnings == []


@pytest.mark.parametrize("text", ["😀", "😀🎉🔥 👍👍", "ok", "Jakarta", "12.30 WIB", "?!"])
def test_short_or_symbol_text_is_undetermined_without_crash(text):
    result = summarize(text, headlines=0)  # too short for a headline, and warned of that
    assert result.language == UNDETERMINED
    assert result.warnings == []


def test_detect_takes_any_casing_and_iterables():
    words = tokenize(ENGLISH_NEWS.upper())
    assert detect(iter(words)) == "en"
    assert detect([]) == UNDETERMINED


@pytest.mark.parametrize("text", [ENGLISH_NEWS, MALAY_NEWS, "ok", ""])
def test_detect_lowered_agrees_with_detect(articles, text):
    # The pipeline's path (Sentence.lower, sentence by sentence) must decide exactly as detect.
    for doc in [build_document(a.text) for a in articles] + [build_document(text)]:
        by_word = detect(w for s in doc.sentences for w in s.words)
        assert detect_lowered(s.lower for s in doc.sentences) == by_word


def test_only_the_opening_words_count():
    # English after the first MAX_WORDS words does not outvote the Indonesian opening.
    indonesian = ["yang", "dan", "di", "ini", "itu"] * 50
    english = ["the", "of", "and", "to", "is"] * 100
    assert detect(indonesian + english) == "id"
    assert detect_lowered([indonesian[:7], indonesian[7:], english]) == "id"


@pytest.mark.parametrize("text", ["kerana", "Beliau kerana.", "bahawa iaitu"])
def test_a_few_malay_words_alone_are_undetermined(text):
    # Too few function words to call Malay, and no Indonesian ones either: "und", not a crash.
    result = summarize(text, headlines=0)
    assert result.language == UNDETERMINED
    assert result.warnings == []


@pytest.mark.parametrize("code", ["id", "ms", UNDETERMINED])
def test_no_warning_for_supported_or_unknown(code):
    assert language_warning(code) is None


def test_api_reports_language_and_warning(client, article):
    english = client.post(
        "/v1/summarize", json={"text": ENGLISH_NEWS, "sentences": 1, "headlines": 0}
    )
    assert english.status_code == 200
    body = english.get_json()
    assert body["language"] == "en"
    assert body["warnings"] and "English" in body["warnings"][0]
    assert body["summary"]
    indonesian = client.post(
        "/v1/summarize", json={"text": article.text, "headlines": 0}
    ).get_json()
    assert indonesian["language"] == "id"
    assert indonesian["warnings"] == []
