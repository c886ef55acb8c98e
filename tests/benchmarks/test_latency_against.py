"""Two checkouts' default pipelines timed side by side, each in its own interpreter."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.latency_against import compare, report

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    "Pemerintah menaikkan harga bahan bakar minyak mulai pekan depan. Kenaikan itu "
    "diumumkan di Jakarta, Senin (5/6).\n\nWarga antre di sejumlah SPBU sejak pagi.",
]


def test_both_checkouts_are_timed_on_every_article_of_every_round():
    times = compare(TEXTS, ROOT, rounds=2)
    assert len(times) == 2
    assert all(len(values) == 2 and min(values) > 0 for values in times.values())
    table = report(times, TEXTS, 2)
    assert "| p50 / before p50 |" in table
    assert "| 1.000 |" in table.splitlines()[4]  # the first checkout is the reference


def test_a_folder_without_the_package_is_refused(tmp_path):
    with pytest.raises(RuntimeError, match="not the checkout's package"):
        compare(TEXTS, tmp_path, rounds=1)
