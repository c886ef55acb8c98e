"""The learned default ranker: features, the numpy tree walk, packaged model and scores."""

from __future__ import annotations

import json
import math
from importlib import resources

import numpy as np
import pytest

from summarizer import summarize
from summarizer.algorithms import ALGORITHMS, BENCHMARK, DEFAULT_ALGORITHM
from summarizer.algorithms.features import (
    FEATURE_NAMES,
    MAX_PAIRWISE,
    MODEL_FEATURE_NAMES,
    Lexicon,
    features,
    lexicon_features,
    model_features,
    opener_keys,
)
from summarizer.algorithms.ranker import Ranker, TreeModel, load_model
from summarizer.text.document import build_document

TEXT = (
    "Pemerintah menaikkan harga bahan bakar minyak mulai pekan depan. "
    "Kenaikan harga bahan bakar itu diumumkan Menteri Energi di Jakarta, Senin (5/6).\n\n"
    '"Kami tidak punya pilihan lain," kata Menteri Energi kepada wartawan.\n\n'
    "Sementara itu, warga antre di sejumlah SPBU sejak pagi. "
    "Antrean panjang terlihat di Jalan Sudirman hingga siang hari."
)


def test_ranker_is_the_default_and_registered():
    assert DEFAULT_ALGORITHM == "ranker"
    assert isinstance(ALGORITHMS["ranker"], Ranker)


def test_feature_matrix_has_one_row_per_sentence_and_named_columns():
    doc = build_document(TEXT)
    x = features(doc)
    assert x.shape == (len(doc), len(FEATURE_NAMES))
    assert np.isfinite(x).all()
    full = model_features(doc)
    assert full.shape == (len(doc), len(MODEL_FEATURE_NAMES))
    first = FEATURE_NAMES.index("first")
    assert x[:, first].tolist() == [1.0] + [0.0] * (len(doc) - 1)


def test_empty_document_has_no_features_and_no_scores():
    doc = build_document("   ")
    assert features(doc).shape == (0, len(FEATURE_NAMES))
    assert ALGORITHMS["ranker"].score(doc).shape == (0,)


def test_title_feeds_the_title_features_and_changes_scores():
    col = FEATURE_NAMES.index("title_cosine")
    has = FEATURE_NAMES.index("has_title")
    plain = build_document(TEXT)
    titled = build_document(TEXT, title="Antrean di Jalan Sudirman hingga siang hari")
    assert not features(plain)[:, col].any()
    assert not features(plain)[:, has].any()
    x = features(titled)
    assert x[:, has].all()
    # the last sentence shares the most words with the title
    assert int(np.argmax(x[:, col])) == len(titled) - 1
    ranker = ALGORITHMS["ranker"]
    assert not np.allclose(ranker.score(plain), ranker.score(titled))


def test_similarities_are_bounded_on_long_articles():
    text = " ".join(
        f"Kalimat nomor {i} membahas topik {i % 7} di kota {i % 5}." for i in range(200)
    )
    doc = build_document(text)
    assert len(doc) == 200 > MAX_PAIRWISE
    scores = ALGORITHMS["ranker"].score(doc)
    assert scores.shape == (200,)
    assert np.isfinite(scores).all()


def test_tree_walk_follows_thresholds():
    # one stump: feature 1 <= 0.5 -> -1.0 else +2.0, plus a second tree that adds 0.25
    model = TreeModel.from_dict(
        {
            "features": ["a", "b"],
            "depth": 1,
            "baseline": 0.5,
            "trees": [
                {
                    "feature": [1, 0, 0],
                    "threshold": [0.5, 0.0, 0.0],
                    "left": [1, 1, 2],
                    "right": [2, 1, 2],
                    "value": [0.0, -1.0, 2.0],
                },
                {"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "value": [0.25]},
            ],
        }
    )
    x = np.array([[9.0, 0.2], [9.0, 0.5], [0.0, 0.7]])
    assert model.decision(x).tolist() == [-0.25, -0.25, 2.75]
    assert model.decision(np.zeros((0, 2))).shape == (0,)


def _walk_one(tree: dict, row: np.ndarray) -> float:
    """A tree's leaf value for one row, node by node (NaN goes right)."""
    node = 0
    while tree["left"][node] != node:
        go_left = row[tree["feature"][node]] <= tree["threshold"][node]
        node = tree["left"][node] if go_left else tree["right"][node]
    return tree["value"][node]


def test_compact_walk_matches_a_node_by_node_walk_of_the_packaged_trees():
    raw = json.loads(resources.files("summarizer.data").joinpath("ranker.json").read_text())
    model = TreeModel.from_dict(raw)
    x = model_features(build_document(TEXT), model.lexicon)
    x = np.vstack([x, x[::-1] * 1.5, np.full((1, x.shape[1]), np.nan)])
    expected = [
        raw["baseline"] + math.fsum(_walk_one(tree, row) for tree in raw["trees"]) for row in x
    ]
    assert model.decision(x) == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_packaged_model_matches_the_features():
    model = load_model()
    assert model.feature_names == MODEL_FEATURE_NAMES
    assert model.depth >= 1
    # the lexicon learned with the trees ships inside the model, capped in size
    assert 1000 < len(model.lexicon.terms) <= 20_000
    assert model.lexicon.openers


def test_lexicon_features_look_up_stems_and_openers():
    doc = build_document(TEXT)
    stems = doc.sentences[0].terms
    lexicon = Lexicon(
        {stems[0]: 2.0, stems[1]: -1.0}, {"2:sementara itu": -3.0, "1:sementara": -1.0}
    )
    x = lexicon_features(doc, lexicon)
    column = {name: j for j, name in enumerate(MODEL_FEATURE_NAMES[-x.shape[1] :])}
    assert x[0, column["lexicon_max"]] == 2.0
    assert x[0, column["lexicon_min"]] == -1.0
    assert x[0, column["lexicon_sum"]] == 1.0
    assert x[1, column["previous_lexicon_sum"]] == 1.0
    opener = [i for i, s in enumerate(doc.sentences) if s.text.startswith("Sementara itu")]
    assert x[opener[0], column["opener_2"]] == -3.0
    assert x[opener[0], column["opener_1"]] == -1.0
    # unknown stems and openers count as neutral evidence
    assert not lexicon_features(doc, Lexicon()).any()
    assert opener_keys(["Sementara", "itu", "warga"]) == ("2:sementara itu", "1:sementara")


def test_lead_block_features_mark_new_content_and_paragraph_openers():
    doc = build_document(TEXT)
    x = model_features(doc)
    novelty = x[:, MODEL_FEATURE_NAMES.index("lead_block_novelty")]
    opens_2 = x[:, MODEL_FEATURE_NAMES.index("opens_paragraph_2")]
    assert novelty[0] == novelty[1] == 0.0  # the lead block itself adds nothing new
    assert novelty[-1] == 1.0  # the queue at the petrol station is new content
    assert opens_2.tolist() == [
        s.paragraph == 1 and s.position_in_paragraph == 0 for s in doc.sentences
    ]


def test_summary_sentences_carry_ranker_scores_in_document_order(articles):
    for article in articles:
        result = summarize(article.text)
        doc = build_document(article.text)
        scores = ALGORITHMS["ranker"].score(doc)
        indices = [s.index for s in result.sentences]
        assert indices == sorted(indices)
        assert len(indices) == min(3, len(doc))
        for s in result.sentences:
            assert 0.0 < s.score < 1.0
            assert math.isclose(s.score, float(scores[s.index]), abs_tol=1e-6)
        # the chosen sentences are the best scored ones
        assert min(scores[indices]) >= sorted(scores, reverse=True)[len(indices) - 1] - 1e-12


def test_ranker_is_deterministic(article):
    doc = build_document(article.text, title=article.title)
    assert ALGORITHMS["ranker"].score(doc).tolist() == ALGORITHMS["ranker"].score(doc).tolist()


@pytest.mark.skipif(not BENCHMARK, reason="benchmark.json not generated yet")
def test_benchmark_scores_are_exposed_per_algorithm():
    assert "ranker" in BENCHMARK and "lead" in BENCHMARK
    for name, scores in BENCHMARK.items():
        assert name in ALGORITHMS
        assert set(scores) == {"rouge1", "rouge2", "rougeL"}
        assert all(0 < v <= 100 for v in scores.values())
    assert BENCHMARK["ranker"]["rouge1"] > BENCHMARK["lead"]["rouge1"]


def test_lexicon_from_dict_shares_equal_weights_and_keeps_signed_zeros():
    lexicon = Lexicon.from_dict(
        {"terms": {"a": 0.25, "b": float("0.25"), "c": -0.0, "d": 0.0}, "openers": {"1:x": 0.25}}
    )
    assert lexicon.terms == {"a": 0.25, "b": 0.25, "c": 0.0, "d": 0.0}
    assert lexicon.terms["a"] is lexicon.terms["b"]
    assert math.copysign(1.0, lexicon.terms["c"]) == -1.0
    assert math.copysign(1.0, lexicon.terms["d"]) == 1.0
    assert lexicon.openers == {"1:x": 0.25}
