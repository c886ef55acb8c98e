"""Hostile or degenerate input, sent to the real gunicorn server.

Each request must get an answer below 500 within the client's 5-second timeout (a bound
on the answer, not a benchmark), and the server must stay healthy afterwards.
"""

from __future__ import annotations

import json

import pytest
import requests

from summarizer import ALGORITHMS, summarize
from summarizer.algorithms.bounds import (
    MAX_SCORED_SENTENCES,
    MAX_SCORED_WORDS,
    MAX_SENTENCE_CHARS,
    MAX_SENTENCE_WORDS,
    bounded_scores,
    scored_part,
)
from summarizer.text.document import build_document

TIMEOUT = 5


def json_body(text: str) -> dict:
    return {"data": json.dumps({"text": text}), "content_type": "application/json"}


CASES = {
    "200k characters without punctuation": json_body(
        " ".join(f"kata{i % 997}" for i in range(30_000))[:200_000]
    ),
    "20,000 tiny sentences": json_body(" ".join(f"Ya {i}." for i in range(20_000))),
    "20,000 tiny sentences in paragraphs": json_body(
        "\n\n".join(f"Harga naik {i} persen." for i in range(20_000))
    ),
    "one 300,000-character word": json_body("a" * 300_000),
    "100,000 nested arrays": {
        "data": "[" * 100_000 + "]" * 100_000,
        "content_type": "application/json",
    },
    "100,000 nested objects in text field": {
        "data": '{"text": ' + '{"a": ' * 100_000 + "1" + "}" * 100_001,
        "content_type": "application/json",
    },
    "control characters": json_body("".join(chr(c) for c in range(32)) * 5_000),
    "control characters between words": json_body(
        "\x00Jakarta\x07 - Harga\x1b naik.\x0c Menteri\x08 setuju.\r\x0b " * 2_000
    ),
    "emoji only": json_body("😀🎉🇮🇩🙏🏽 " * 40_000),
    "invalid UTF-8 as text/plain": {
        "data": b"Harga naik \xff\xfe\xc3( lagi. " * 1_000,
        "content_type": "text/plain; charset=utf-8",
    },
    "invalid UTF-8 inside JSON": {
        "data": b'{"text": "Harga naik \xff\xfe\xc3( lagi."}',
        "content_type": "application/json",
    },
    "lone surrogate escape": {
        "data": '{"text": "Harga naik \\ud800 lagi."}',
        "content_type": "application/json",
    },
    "one huge paragraph of long sentences": json_body(
        ("Pemerintah " + "menaikkan anggaran pendidikan dan kesehatan " * 200 + "tahun ini. ") * 50
    ),
    # one sentence repeating a two-word phrase: finding the phrase's spelling searched the
    # whole sentence once per use (minutes at this size)
    "one sentence repeating a phrase 150,000 times": json_body("Kata " + "&amp" * 150_000),
    # libxml2 compares each attribute with every earlier one: 64,000 were never answered
    "64,000 attributes in one tag": {
        "data": "<p " + " ".join(f"a{i}=1" for i in range(64_000)) + ">Harga naik.</p>",
        "content_type": "text/html",
    },
    "the same as JSON text (HTML sent as text)": json_body(
        "<p " + " ".join(f"a{i}=1" for i in range(64_000)) + ">Harga naik.</p>"
    ),
    "a million-character number": {
        "data": '{"text": "x", "sentences": ' + "9" * 900_000 + "}",
        "content_type": "application/json",
    },
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_answer_below_500_in_bounded_time_and_server_stays_healthy(server, case):
    spec = CASES[case]
    response = requests.post(
        server.url + "/v1/summarize",
        data=spec["data"] if isinstance(spec["data"], bytes) else spec["data"].encode(),
        headers={"Content-Type": spec["content_type"]},
        timeout=TIMEOUT,
    )
    assert response.status_code < 500, response.text[:500]
    if response.status_code >= 400:
        assert response.headers["Content-Type"].startswith("application/problem+json")
    else:
        assert isinstance(response.json()["summary"], str)
    assert requests.get(server.url + "/healthz", timeout=TIMEOUT).status_code == 200


def test_full_batch_of_long_documents_stays_within_the_worker_timeout(server):
    """The largest batch the default limits allow (100 documents, body just under 1 MB), each
    document over the scoring caps: answered well before gunicorn's 30-second worker timeout."""
    text = "\n\n".join(f"Harga beras naik {i} persen di pasar." for i in range(400))[:9_000]
    body = json.dumps({"documents": [{"id": str(i), "text": text} for i in range(100)]})
    assert len(body) < 1_000_000
    response = requests.post(
        server.url + "/v1/summarize/batch",
        data=body.encode(),
        headers={"Content-Type": "application/json"},
        timeout=25,
    )
    assert response.status_code == 200
    assert len(response.json()["results"]) == 100
    assert requests.get(server.url + "/healthz", timeout=TIMEOUT).status_code == 200


def test_server_is_still_ready_after_all_of_them(server):
    assert requests.get(server.url + "/readyz", timeout=TIMEOUT).json()["status"] == "ready"


# --- the library bounds that keep the above fast (summarizer/algorithms/bounds.py) ------------------------


def test_real_articles_are_scored_whole(articles):
    for article in articles:
        doc = build_document(article.text)
        assert scored_part(doc) is doc


def test_sentences_beyond_the_cap_score_below_every_scored_sentence():
    text = "\n\n".join(f"Harga beras naik {i} persen di pasar." for i in range(400))
    doc = build_document(text)
    assert len(doc) == 400
    part = scored_part(doc)
    assert len(part) == MAX_SCORED_SENTENCES
    scores = bounded_scores(ALGORITHMS["textrank"], doc, part)
    assert len(scores) == len(doc)
    assert scores[MAX_SCORED_SENTENCES:].max() < scores[:MAX_SCORED_SENTENCES].min()
    result = summarize(text, sentences=3)
    assert all(s.index < MAX_SCORED_SENTENCES for s in result.sentences)
    assert result.stats["sentences"] == 400


def test_word_caps_cut_overlong_sentences():
    text = " ".join(f"Kata{i}" for i in range(MAX_SCORED_WORDS * 2))
    doc = build_document(text)
    part = scored_part(doc)
    assert [len(s.words) for s in part.sentences] == [MAX_SENTENCE_WORDS]
    assert part.sentences[0].text == " ".join(f"Kata{i}" for i in range(MAX_SENTENCE_WORDS))
    assert part.sentences[0].lower == [w.lower() for w in part.sentences[0].words]
    many = build_document(" ".join(f"Kalimat nomor {i} " + "isi " * 200 + "." for i in range(60)))
    assert sum(len(s.words) for s in scored_part(many).sentences) <= MAX_SCORED_WORDS


def test_a_character_cap_cuts_sentences_of_punctuation_and_of_long_words():
    doc = build_document("Harga " + "( " * 300_000 + "naik.")
    cut = scored_part(doc).sentences[0]
    assert len(cut.text) <= MAX_SENTENCE_CHARS and cut.words == ["Harga"]
    assert cut.terms == ["harga"]
    words = build_document(" ".join(["pertanggungjawabannya"] * 200))  # 200 words, 4,399 chars
    cut = scored_part(words).sentences[0]
    assert len(cut.text) <= MAX_SENTENCE_CHARS
    assert cut.text == " ".join(cut.words) and len(cut.words) == MAX_SENTENCE_CHARS // 22
    result = summarize("Harga " + "( " * 300_000 + "naik.")
    assert len(result.summary) > 600_000  # the summary is the sentence as written
