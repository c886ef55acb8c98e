"""Training and evaluation helpers of the ranker: input shapes, ROUGE weights, CV splits."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from benchmarks import train_ranker
from benchmarks.indosum import PARAGRAPH_BREAKS
from benchmarks.rouge import publisher_gains
from benchmarks.train_ranker import ORACLE_WINDOW, WEIGHT_FLOOR, Sample, cv_models, gain_weights
from summarizer.text.document import build_document


def test_text_shapes_keep_the_sentences_and_change_only_the_paragraph_breaks(articles):
    for article in articles:
        blank, single, none = (article.text_as(b) for b in ("blank", "single", "none"))
        assert blank == article.text
        assert "\n" not in none and "\n\n" not in single
        assert blank.split() == single.split() == none.split()
        assert build_document(none).paragraph_count == 1
        assert build_document(blank).paragraph_count > 1
    assert set(PARAGRAPH_BREAKS) == {"blank", "single", "none"}


def _additive(values: list[float]) -> tuple[list[tuple[int, ...]], np.ndarray]:
    """Every triple of the first ORACLE_WINDOW sentences, scored by the sum of its values."""
    combos = list(itertools.combinations(range(min(len(values), ORACLE_WINDOW)), 3))
    return combos, np.array([sum(values[i] for i in c) for c in combos])


def test_gain_weights_are_what_holding_a_sentence_changes_in_the_best_extract():
    values = [0.9, 0.8, 0.5, 0.4, 0.1]
    combos, scores = _additive(values)
    weights = gain_weights(combos, scores, len(values)) - WEIGHT_FLOOR
    # in the best triple (0, 1, 2): without it, sentence 3 comes in instead
    assert weights[:3] == pytest.approx([0.9 - 0.4, 0.8 - 0.4, 0.5 - 0.4])
    # outside it: made to hold it, the extract drops its weakest sentence (value 0.5)
    assert weights[3:] == pytest.approx([0.5 - 0.4, 0.5 - 0.1])


def test_sentences_past_the_window_weigh_as_much_as_the_median_sentence():
    values = [1.0 - 0.05 * i for i in range(14)]
    combos, scores = _additive(values)
    weights = gain_weights(combos, scores, len(values))
    window = weights[:ORACLE_WINDOW]
    assert weights[ORACLE_WINDOW:] == pytest.approx([np.median(window)] * 4)
    assert (weights >= WEIGHT_FLOOR).all()


def test_a_one_sentence_article_has_a_weight_too():
    combos, scores = [(0,)], np.array([1.2])
    assert gain_weights(combos, scores, 1) == pytest.approx([1.2 + WEIGHT_FLOOR])


def test_cross_validation_never_trains_on_what_it_scores(monkeypatch):
    samples = [
        Sample(fold, source, {})
        for fold, source in [
            ("fold1", "kumparan"),
            ("fold1", "suara"),
            ("fold2", "kumparan"),
            ("fold3", "merdeka"),
            ("fold4", "suara"),
        ]
    ]
    seen: list[list[Sample]] = []
    monkeypatch.setattr(train_ranker, "fit", lambda train, params=None: seen.append(train) or {})
    by_source = cv_models(samples, "source")
    assert sorted(by_source) == ["kumparan", "merdeka", "suara"]
    for key, train in zip(sorted(by_source), seen, strict=True):
        assert train and all(s.source != key for s in train)
        assert len(train) == sum(s.source != key for s in samples)
    seen.clear()
    assert sorted(cv_models(samples, "fold")) == ["fold1", "fold2", "fold3", "fold4"]
    assert [len(train) for train in seen] == [3, 4, 4, 4]


def test_publisher_gains_name_the_weakest_publisher():
    groups = {
        "source: a (10)": {"lead": {"rouge1": 60.0}, "ranker": {"rouge1": 63.0}},
        "source: b (20)": {"lead": {"rouge1": 70.0}, "ranker": {"rouge1": 69.5}},
        "category: x (30)": {"lead": {"rouge1": 0.0}, "ranker": {"rouge1": 99.0}},
    }
    line = publisher_gains(groups)
    assert "at or above lead on 1 of 2" in line
    assert "mean +1.25" in line
    assert "smallest -0.50 (b (20))" in line
