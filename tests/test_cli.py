"""The ``summarizer`` console script."""

from __future__ import annotations

import json
import subprocess
import sys


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "summarizer.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_reads_a_file_and_prints_summary_and_headlines(tmp_path, article):
    path = tmp_path / "article.txt"
    path.write_text(article.text, encoding="utf-8")
    result = run("summarize", str(path), "--sentences", "2")
    assert result.returncode == 0, result.stderr
    assert "Headlines:" in result.stdout
    summary = result.stdout.split("\n\nHeadlines:")[0]
    assert summary.strip() and summary.strip() in article.text.replace("\n\n", " ")


def test_cli_json_from_stdin(article):
    result = run(
        "summarize", "-", "--json", "--algorithm", "lead", "--sentences", "1", stdin=article.text
    )
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["algorithm"] == "lead"
    assert [s["index"] for s in body["sentences"]] == [0]


def test_cli_reports_bad_options_and_missing_files(tmp_path):
    assert run("summarize", str(tmp_path / "missing.txt")).returncode == 2
    result = run("summarize", "-", "--sentences", "0", stdin="Harga naik. Warga kesal.")
    assert result.returncode == 2
    assert "sentences" in result.stderr
