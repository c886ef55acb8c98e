"""Length controls, exclusions and option errors with the default (ranker) algorithm."""

from __future__ import annotations

import math

import pytest

from summarizer import OptionError, summarize
from summarizer.select import is_mostly_quote
from summarizer.text.document import build_document

QUOTED = (
    "Polisi menangkap dua pelaku pencurian sepeda motor di Bekasi, Selasa (4/7). "
    '"Kami masih mendalami kemungkinan adanya pelaku lain," kata Kapolres Bekasi. '
    '"Barang bukti sudah kami amankan di kantor polisi." '
    "Kedua pelaku mengaku sudah beraksi di lima lokasi berbeda. "
    "Apakah warga perlu khawatir? "
    "Polisi meminta warga memasang kunci ganda pada kendaraan mereka."
)


def _words(result) -> int:
    return sum(len(build_document(s.text).sentences[0].words) for s in result.sentences)


@pytest.mark.parametrize("count", [1, 2, 4])
def test_sentences_sets_the_count(articles, count):
    for article in articles:
        result = summarize(article.text, sentences=count)
        n = result.stats["sentences"]
        assert len(result.sentences) == min(count, n)
        indices = [s.index for s in result.sentences]
        assert indices == sorted(indices)


@pytest.mark.parametrize("ratio", [0.1, 0.25, 0.5])
def test_ratio_takes_that_share_of_the_sentences(articles, ratio):
    for article in articles:
        result = summarize(article.text, ratio=ratio)
        n = result.stats["sentences"]
        assert len(result.sentences) == max(1, math.ceil(ratio * n))


@pytest.mark.parametrize("max_words", [25, 60, 120])
def test_max_words_is_never_exceeded(articles, max_words):
    for article in articles:
        result = summarize(article.text, max_words=max_words)
        assert result.sentences
        if len(result.sentences) > 1:
            assert _words(result) <= max_words


@pytest.mark.parametrize("max_chars", [200, 400, 800])
def test_max_chars_is_never_exceeded(articles, max_chars):
    for article in articles:
        result = summarize(article.text, max_chars=max_chars)
        assert result.sentences
        if len(result.sentences) > 1:
            assert len(result.summary) <= max_chars


def test_tiny_budget_still_returns_one_sentence(article):
    result = summarize(article.text, max_words=1)
    assert len(result.sentences) == 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sentences": 2, "ratio": 0.5},
        {"sentences": 2, "max_words": 50},
        {"ratio": 0.3, "max_chars": 300},
        {"max_words": 50, "max_chars": 300},
    ],
)
def test_conflicting_length_controls_are_refused(article, kwargs):
    with pytest.raises(OptionError):
        summarize(article.text, **kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sentences": 0},
        {"sentences": 51},
        {"ratio": 0},
        {"ratio": 1.5},
        {"max_words": 0},
        {"max_chars": 0},
        {"exclude": ["adverbs"]},
        {"algorithm": "nope"},
    ],
)
def test_out_of_range_options_are_refused(article, kwargs):
    with pytest.raises(OptionError):
        summarize(article.text, **kwargs)


def test_exclude_quotes_and_questions():
    plain = summarize(QUOTED, sentences=3)
    result = summarize(QUOTED, sentences=3, exclude=["quotes", "questions"])
    assert len(result.sentences) == 3
    doc = build_document(QUOTED)
    for s in result.sentences:
        assert not is_mostly_quote(doc.sentences[s.index])
        assert not s.text.endswith("?")
    assert [s.index for s in result.sentences] == sorted(s.index for s in result.sentences)
    assert plain.sentences  # the unrestricted summary exists too


def test_exclusion_falls_back_when_too_little_is_left():
    text = '"Kami siap bertanding," kata pelatih. "Semua pemain dalam kondisi bugar," ujarnya.'
    result = summarize(text, sentences=2, exclude=["quotes"])
    assert len(result.sentences) == 2


def test_title_is_accepted_and_keeps_document_order(article):
    result = summarize(article.text, title=article.title, sentences=3)
    assert len(result.sentences) == 3
    assert [s.index for s in result.sentences] == sorted(s.index for s in result.sentences)
