"""Key phrases: names and terms of the article, clean edges, no repeats, k respected."""

from __future__ import annotations

import json

import pytest
from conftest import python_output

from summarizer import OptionError, summarize
from summarizer.keywords import MAX_KEYWORDS, MAX_WORDS, extract
from summarizer.text.document import build_document
from summarizer.text.words import STOP_WORDS, stem, tokenize


def _stems(phrase: str) -> frozenset[str]:
    return frozenset(stem(w.lower()) for w in tokenize(phrase))


def test_multi_word_names_are_found_on_real_articles(articles):
    names_per_article = []
    for art in articles:
        phrases = [k.text for k in summarize(art.text).keywords]
        names = [
            p
            for p in phrases
            if len(p.split()) > 1 and all(w[:1].isupper() for w in p.split()) and p in art.text
        ]
        names_per_article.append(names)
    assert sum(bool(n) for n in names_per_article) >= len(articles) // 2, names_per_article


def test_keywords_name_what_the_title_names(articles):
    # Editors put the story's subject in the headline; a key phrase should share a word.
    for art in articles:
        title_words = set(art.title.split())
        phrases = [k.text for k in summarize(art.text).keywords]
        assert any(w.lower() in title_words for p in phrases for w in p.split()), (
            art.title,
            phrases,
        )


def test_phrases_are_written_as_in_the_article_and_never_edge_on_a_stop_word(articles):
    for art in articles:
        for kw in summarize(art.text, keywords=MAX_KEYWORDS).keywords:
            assert kw.text in art.text
            words = kw.text.split()
            assert words[0].lower() not in STOP_WORDS
            assert words[-1].lower() not in STOP_WORDS
            assert not words[0].isdigit() and not words[-1].isdigit()


def test_no_phrase_repeats_or_contains_another(articles):
    for art in articles:
        phrases = [k.text for k in summarize(art.text, keywords=MAX_KEYWORDS).keywords]
        assert len({p.lower() for p in phrases}) == len(phrases)
        stems = [_stems(p) for p in phrases]
        for i, a in enumerate(stems):
            for j, b in enumerate(stems):
                if i != j:
                    assert not a <= b, (phrases[i], phrases[j])


@pytest.mark.parametrize("k", [1, 3, 5, 12, MAX_KEYWORDS])
def test_k_is_respected(articles, k):
    for art in articles:
        result = summarize(art.text, keywords=k)
        assert 1 <= len(result.keywords) <= k
    longest = max(articles, key=lambda a: len(a.text))
    assert len(summarize(longest.text, keywords=min(k, 10)).keywords) == min(k, 10)


def test_best_first_with_positive_scores(article):
    scores = [k.score for k in summarize(article.text, keywords=10).keywords]
    assert scores == sorted(scores, reverse=True)
    assert all(s > 0 for s in scores)


def test_zero_disables_keywords(article):
    assert summarize(article.text, keywords=0).keywords == []


@pytest.mark.parametrize("k", [-1, MAX_KEYWORDS + 1])
def test_out_of_range_k_is_an_option_error(article, k):
    with pytest.raises(OptionError) as info:
        summarize(article.text, keywords=k)
    assert info.value.field == "keywords"


def test_same_input_same_keywords(articles):
    for art in articles:
        first = summarize(art.text, keywords=MAX_KEYWORDS).keywords
        doc = build_document(art.text)
        assert extract(doc, MAX_KEYWORDS) == first
        assert extract(build_document(art.text), MAX_KEYWORDS) == first


def test_full_word_caches_do_not_change_keywords(articles):
    # A long-running worker fills its caches; from then on words are worked out afresh,
    # and the result must be what cached words give (verbs still end phrases).
    script = (
        "import json, sys; from summarizer import keywords; "
        "from summarizer.text.document import build_document; "
        "keywords._KEYS_LIMIT = 0; "
        "print(json.dumps([[(k.text, k.score) for k in keywords.extract(build_document(t), 10)] "
        "for t in json.load(sys.stdin)]))"
    )
    fresh = json.loads(python_output(script, json.dumps([a.text for a in articles])))
    cached = [[(k.text, k.score) for k in extract(build_document(a.text), 10)] for a in articles]
    assert [[tuple(k) for k in found] for found in fresh] == cached


def test_frequent_phrase_beats_a_one_off():
    text = (
        "Bank Indonesia menahan suku bunga acuan. Keputusan Bank Indonesia diambil Kamis. "
        "Gubernur Bank Indonesia menyebut rupiah stabil. Pedagang pasar mengeluh."
    )
    phrases = [k.text for k in summarize(text).keywords]
    assert phrases[0] == "Bank Indonesia"
    assert "Indonesia" not in phrases and "Bank" not in phrases


def _phrases(text: str) -> list[str]:
    """The ten key phrases of ``text``, best first."""
    return [k.text for k in summarize(text, keywords=10).keywords]


def _keyword_words(text: str) -> set[str]:
    """Every lower-cased word of the ten key phrases of ``text``."""
    return {w.lower() for phrase in _phrases(text) for w in phrase.split()}


def test_ordinals_number_words_and_units_are_not_key_phrases():
    words = _keyword_words(
        "Marselino mencetak gol pada menit ke-23. Struick menambah gol pada menit ke-67. "
        "Vietnam membalas pada menit ke-80 lewat penalti. Gol Marselino pada menit ke-23 "
        "menentukan hasil laga."
    )
    assert "marselino" in words
    assert not words & {"ke-23", "ke-67", "ke-80", "menit"}
    words = _keyword_words(
        "Startup itu meraih pendanaan US$50 juta. Startup itu kini punya 5 juta pengguna dan "
        "20 ribu mitra. Pendanaan 50 juta dolar dipakai untuk ekspansi. Startup itu menargetkan "
        "10 juta pengguna dan 40 ribu mitra."
    )
    assert "startup" in words
    assert not words & {"juta", "ribu"}


def test_a_word_mostly_written_in_a_longer_name_is_shown_as_that_name():
    text = (
        "Film terbaru James Bond tayang pekan ini. Bond kembali melawan Spectre. "
        "Pemeran James Bond menyebut James Bond lebih emosional. Penonton menunggu James Bond."
    )
    phrases = _phrases(text)
    assert phrases[0] == "James Bond"
    assert "Bond" not in phrases and "James" not in phrases


def test_parts_never_used_alone_are_not_offered():
    text = (
        "Kim Jong Un bertemu Presiden Moon di perbatasan. Kim Jong Un tiba dengan kereta. "
        "Pertemuan Kim Jong Un dan Moon berlangsung lama. Warga menyambut Kim Jong Un."
    )
    phrases = _phrases(text)
    assert phrases[0].startswith("Kim Jong")
    assert not {"Kim", "Jong", "Jong Un"} & set(phrases)


def test_a_compass_word_is_no_key_phrase_alone():
    text = (
        "Banjir melanda Sumatera Utara dan Sulawesi Utara. Hujan deras turun di Sumatera Utara "
        "sejak Senin. Warga Sulawesi Utara mengungsi ke sekolah. Di tengah banjir, bantuan "
        "tiba di tengah kota. Bantuan untuk Sumatera Utara dan Sulawesi Utara terus mengalir."
    )
    phrases = _phrases(text)
    assert "Sumatera Utara" in phrases
    assert not {"Utara", "utara", "tengah"} & set(phrases)


def test_a_phrase_only_opening_sentences_is_still_shown():
    # Its only uses open a sentence, so the first of them gives the spelling.
    text = (
        "Bank Indonesia menahan suku bunga. Bank Indonesia juga memantau rupiah. "
        "Bank Indonesia optimistis. Pedagang pasar mengeluh."
    )
    phrases = _phrases(text)
    assert phrases[0] == "Bank Indonesia"
    assert "Pedagang pasar" in phrases


def test_phrases_are_at_most_max_words_long(articles):
    lengths = [
        len(tokenize(kw.text))
        for art in articles
        for kw in summarize(art.text, keywords=MAX_KEYWORDS).keywords
    ]
    assert min(lengths) == 1
    assert max(lengths) <= MAX_WORDS
    assert MAX_WORDS in lengths


def test_a_phrase_does_not_cross_punctuation():
    text = "Warga Jakarta, Bandung dan Bogor antre. Jakarta, Bandung dan Bogor diguyur hujan."
    for kw in summarize(text, keywords=MAX_KEYWORDS).keywords:
        assert kw.text in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jakarta", ["Jakarta"]),
        ("12345 678 9,5", []),
        ("😀😀😀 🎉", []),
        ("yang dan di ke dari", []),
        ("!!! ??? ...", []),
    ],
)
def test_degenerate_inputs(text, expected):
    result = summarize(text)
    assert [k.text for k in result.keywords] == expected


def test_extract_on_an_empty_document_is_empty():
    assert extract(build_document("   "), 5) == []


def test_api_returns_keywords_and_checks_their_range(client, article):
    response = client.post("/v1/summarize", json={"text": article.text, "keywords": 3})
    assert response.status_code == 200
    body = response.get_json()
    assert 1 <= len(body["keywords"]) <= 3
    assert all(set(k) >= {"text", "score"} and k["text"] in article.text for k in body["keywords"])
    too_many = client.post(
        "/v1/summarize", json={"text": article.text, "keywords": MAX_KEYWORDS + 1}
    )
    assert too_many.status_code == 422
    assert too_many.headers["Content-Type"].startswith("application/problem+json")
    assert "keywords" in too_many.get_data(as_text=True)


def test_same_keywords_in_processes_with_different_hash_seeds(article):
    # Sets and dicts must never decide the order: string hashing differs per process.
    script = (
        "import json, sys; from summarizer import summarize; "
        "r = summarize(sys.stdin.read(), keywords=20); "
        "print(json.dumps([(k.text, k.score) for k in r.keywords]))"
    )
    outputs = {python_output(script, article.text, hash_seed=seed) for seed in ("1", "2", "3")}
    assert len(outputs) == 1
    assert json.loads(outputs.pop())
