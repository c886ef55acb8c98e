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


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("summarizer ") and result.stdout.split()[1][0].isdigit()


def test_several_files_are_labelled_and_a_bad_one_does_not_stop_the_others(tmp_path, articles):
    paths = []
    for i, art in enumerate(articles[:3]):
        paths.append(tmp_path / f"berita{i}.txt")
        paths[-1].write_text(art.text, encoding="utf-8")
    missing = tmp_path / "hilang.txt"
    result = run("summarize", str(paths[0]), str(missing), *map(str, paths[1:]), "-n", "1")
    assert result.returncode == 2
    assert f"cannot read {missing}" in result.stderr
    labels = [line for line in result.stdout.splitlines() if line.startswith("==> ")]
    assert labels == [f"==> {p} <==" for p in paths]


def test_several_files_with_json_give_one_json_line_each(tmp_path, articles):
    paths = []
    for i, art in enumerate(articles[:3]):
        paths.append(tmp_path / f"berita{i}.txt")
        paths[-1].write_text(art.text, encoding="utf-8")
    result = run("summarize", *map(str, paths), "--json", "--keywords", "2", "-n", "1")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [body["file"] for body in lines] == list(map(str, paths))
    assert all(len(body["keywords"]) == 2 and len(body["sentences"]) == 1 for body in lines)


def test_keywords_flag_and_text_output(article):
    result = run("summarize", "-", "--keywords", "3", stdin=article.text)
    assert result.returncode == 0, result.stderr
    phrases = result.stdout.split("\n\nKey phrases: ")[1].strip().split(", ")
    assert len(phrases) == 3
    assert run("summarize", "-", "--keywords", "21", stdin=article.text).returncode == 2


def test_html_files_are_read_as_html_whether_flagged_or_detected(tmp_path, article):
    markup = "".join(f"<p>{p}</p>" for p in article.text.split("\n\n"))
    markup += "<script>alert('Istana')</script>"
    path = tmp_path / "berita.html"
    path.write_text(markup, encoding="utf-8")
    flagged = run("summarize", str(path), "--html", "--json")
    detected = run("summarize", str(path), "--json")
    as_text = run("summarize", str(path), "--text", "--json", "-n", "1")
    assert flagged.returncode == detected.returncode == as_text.returncode == 0
    flagged, detected = json.loads(flagged.stdout), json.loads(detected.stdout)
    assert "<" not in flagged["summary"] and flagged["warnings"] == []
    assert detected["summary"] == flagged["summary"]
    assert any("looks like HTML" in w for w in detected["warnings"])
    assert "<p>" in json.loads(as_text.stdout)["summary"]
    text_mode = run("summarize", str(path))
    assert "warning: the text looks like HTML" in text_mode.stderr


def test_a_closed_pipe_ends_the_output_quietly(tmp_path, article):
    """``summarizer summarize - --json < a.txt | head -c 600``, and the text output alike."""
    long_text = "\n\n".join([article.text] * 40)
    path = tmp_path / "panjang.txt"
    path.write_text(long_text, encoding="utf-8")
    for inputs in (["-", "--json"], ["-"], [str(path)] * 3 + ["--json"], [str(path)] * 3):
        with open(path, "rb") as stdin:
            proc = subprocess.Popen(
                [sys.executable, "-m", "summarizer.cli", "summarize", *inputs, "--ratio", "1"],
                stdin=stdin,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        assert len(proc.stdout.read(600)) == 600
        proc.stdout.close()  # what head does after 600 bytes
        stderr = proc.stderr.read().decode()
        assert proc.wait(timeout=60) in (0, 141)
        assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
