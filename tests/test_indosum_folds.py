"""benchmarks/indosum_folds.py: the published dev sets become the benchmarks' four folds."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from benchmarks.indosum import load_folds
from benchmarks.indosum_folds import build, main


@pytest.fixture
def download(tmp_path):
    """dev.01 … dev.04 as the archive has them, with articles repeated across folds."""
    rows = [
        json.loads(line) for line in (FIXTURES / "indosum_sample.jsonl").read_text().splitlines()
    ]
    assert len(rows) == 6
    devs = [rows[0:2], [rows[1], rows[2], rows[3]], [rows[0], rows[4]], [rows[3], rows[5]]]
    source = tmp_path / "indosum"
    source.mkdir()
    for n, dev in enumerate(devs, start=1):
        lines = [json.dumps(row, sort_keys=True) for row in dev]
        (source / f"dev.{n:02}.jsonl").write_text("\n".join(lines) + "\n")
    (source / "train.01.jsonl").write_text("")  # other files are left alone
    return source, rows


def test_each_article_lands_in_the_first_fold_that_has_it(download, tmp_path):
    source, rows = download
    counts = build(source, tmp_path / "folds")
    assert counts == {"fold1": 2, "fold2": 2, "fold3": 1, "fold4": 1}
    folds = load_folds(tmp_path / "folds")  # what every benchmark's --data reads
    ids = {fold: [a.id for a in articles] for fold, articles in folds.items()}
    assert ids == {
        "fold1": [rows[0]["id"], rows[1]["id"]],
        "fold2": [rows[2]["id"], rows[3]["id"]],
        "fold3": [rows[4]["id"]],
        "fold4": [rows[5]["id"]],
    }
    assert folds["fold2"][0].text  # raw text rebuilt from the tokens


def test_a_file_in_another_format_is_refused_by_line(download, tmp_path):
    source, _ = download
    (source / "dev.03.jsonl").write_text('{"id": "x", "text": "Harga naik."}\n')
    with pytest.raises(ValueError, match=r"dev.03.jsonl line 1 lacks \['gold_labels'"):
        build(source, tmp_path / "folds")


def test_the_command_prints_the_counts(download, tmp_path, capsys):
    source, _ = download
    main([str(source), str(tmp_path / "folds")])
    out = capsys.readouterr().out
    assert "fold1.jsonl: 2 articles" in out
    assert "total: 6" in out
