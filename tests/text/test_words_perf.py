"""The fast paths give the same answers as the slow ones: stem table, term cache, sumy caps."""

from __future__ import annotations

import gzip
import re
from importlib import resources

import numpy as np
import pytest
from conftest import python_output

from summarizer.algorithms import ALGORITHMS
from summarizer.algorithms.sumy_algorithms import SumyAlgorithm
from summarizer.text.document import build_document
from summarizer.text.words import (
    STEM_TABLE,
    STOP_WORDS,
    WORD_RE,
    _stem_uncached,
    lower_terms,
    stem,
    terms,
    tokenize,
)


def test_shipped_stem_table_matches_sastrawi():
    raw = resources.files("summarizer.data").joinpath(STEM_TABLE).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    assert len(lines) > 10_000
    for line in lines[::250]:
        word, _, stemmed = line.partition("\t")
        assert _stem_uncached(word) == (stemmed or word), word
        assert stem(word) == (stemmed or word)


def test_terms_equal_the_uncached_definition(articles):
    for article in articles:
        words = tokenize(article.text)
        expected = [
            _stem_uncached(w.lower())
            for w in words
            if len(w.lower()) > 1 and w.lower() not in STOP_WORDS
        ]
        assert terms(words) == expected
        assert terms(words) == expected  # second call: served from the cache
    assert terms(["Pemerintah", "dan", "pemerintahan", "x"]) == ["perintah", "perintah"]


def test_lower_terms_are_the_terms_of_the_lower_cased_words(articles):
    for article in articles:
        words = tokenize(article.text)
        assert lower_terms([w.lower() for w in words]) == terms(words)
    doc = build_document(articles[0].text)
    assert all(s.terms == terms(s.words) for s in doc.sentences)


@pytest.mark.parametrize(
    "text",
    [
        "Harga naik 1,5 persen ke Rp12.500 pada Jum'at, masing-masing_x.",
        "Jum’at: harga naik 1,5 persen, kata Pak Ñoño.",  # not ASCII: the Unicode pattern
        "İstanbul ve Ankara’da 2.500 kişi.",
    ],
)
def test_tokenize_matches_the_unicode_pattern(text):
    assert tokenize(text) == WORD_RE.findall(text)
    assert tokenize(text) == re.findall(r"\w+(?:[-'’.,]\w+)*", text)


def test_sumy_algorithms_score_long_documents_within_their_cap(articles):
    text = "\n\n".join(a.text for a in articles)
    per_copy = len(build_document(text))
    doc = build_document("\n\n".join([text] * (420 // per_copy + 1)))
    algorithm = ALGORITHMS["lexrank"]
    assert isinstance(algorithm, SumyAlgorithm)
    cap = algorithm.max_sentences
    assert len(doc) > cap
    scores = algorithm.score(doc)
    assert scores.shape == (len(doc),)
    assert np.all(np.isfinite(scores))
    # sentences past the cap rank below every scored one, in document order
    assert scores[cap:].max() < scores[:cap].min()
    assert np.all(np.diff(scores[cap:]) < 0)


def test_importing_the_library_does_not_import_sumy():
    code = "import sys, summarizer; print('sumy' in sys.modules, 'nltk' in sys.modules)"
    assert python_output(code, "").split() == ["False", "False"]


@pytest.mark.parametrize(
    ("name", "path"),
    [("textrank", "text_rank:TextRankSummarizer"), ("lexrank", "lex_rank:LexRankSummarizer")],
)
def test_numpy_graph_algorithms_give_sumys_ratings(articles, name, path):
    from summarizer.algorithms.sumy_algorithms import _sumy

    fast = ALGORITHMS[name]
    reference = _sumy(f"sumy-{name}", path, "sumy's own code")()
    texts = [a.text for a in articles] + [articles[0].text + "\n\n" + articles[0].text]
    for text in texts:  # the last one repeats every sentence
        doc = build_document(text)
        np.testing.assert_allclose(fast.score(doc), reference.score(doc), rtol=1e-12, atol=1e-15)
