"""Runs: the same bytes whatever --workers is, --resume after SIGKILL or Ctrl-C, progress."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest
from batch_helpers import ROOT, cli, read_rows, write_jsonl

from summarizer.batch import OutputError, ResumeError, run_batch


def _archive(tmp_path, records, copies):
    """``copies`` copies of the fixture articles, each row with its own id."""
    rows = [{**r, "id": f"{r['id']}-{n}"} for n in range(copies) for r in records]
    return write_jsonl(tmp_path / "in.jsonl", rows), len(rows)


def test_output_is_byte_identical_for_one_and_two_workers(tmp_path, records):
    source, _ = _archive(tmp_path, records, 12)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert cli(str(source), "-o", str(one), "-w", "1").returncode == 0
    done = cli(str(source), "-o", str(two), "-w", "2")
    assert done.returncode == 0, done.stderr
    assert one.read_bytes() == two.read_bytes()
    assert b"72 done, 0 failed" in done.stderr


def test_timings_keep_elapsed_ms(tmp_path, records):
    source = write_jsonl(tmp_path / "in.jsonl", records[:1])
    run_batch(str(source), str(tmp_path / "out.jsonl"), workers=1, timings=True)
    assert read_rows(tmp_path / "out.jsonl")[0]["stats"]["elapsed_ms"] >= 0


def test_an_existing_output_is_kept_unless_resumed_or_overwritten(tmp_path, records):
    source = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n")
    with pytest.raises(OutputError, match="--resume"):
        run_batch(str(source), str(out), workers=1)
    assert out.read_text() == "keep me\n"
    run_batch(str(source), str(out), workers=1, overwrite=True)
    assert len(read_rows(out)) == len(records)


@pytest.mark.parametrize("output", ["out.jsonl", "out.parquet"])
def test_resume_after_a_half_written_row_gives_the_uninterrupted_output(tmp_path, records, output):
    source, _ = _archive(tmp_path, records, 2)
    whole = tmp_path / ("whole" + output[3:])
    run_batch(str(source), str(whole), workers=1)
    # A killed run: three rows and half of the fourth in the file being written.
    lines = (tmp_path / "whole.jsonl").read_bytes() if output.endswith(".jsonl") else None
    if lines is None:
        run_batch(str(source), str(tmp_path / "ref.jsonl"), workers=1)
        lines = (tmp_path / "ref.jsonl").read_bytes()
    cut = sum(len(line) + 1 for line in lines.split(b"\n")[:3]) + 40
    journal = tmp_path / (output + ".partial" if output.endswith(".parquet") else output)
    journal.write_bytes(lines[:cut])
    report = run_batch(str(source), str(tmp_path / output), workers=1, resume=True)
    assert report.skipped == 3
    assert report.done == len(records) * 2 - 3
    assert read_rows(tmp_path / output) == read_rows(whole)
    if output.endswith(".jsonl"):
        assert (tmp_path / output).read_bytes() == whole.read_bytes()


def test_resume_refuses_an_output_written_from_another_input(tmp_path, records):
    source = write_jsonl(tmp_path / "in.jsonl", records)
    other = write_jsonl(tmp_path / "other.jsonl", records[::-1])
    out = tmp_path / "out.jsonl"
    run_batch(str(other), str(out), workers=1)
    out.write_bytes(b"\n".join(out.read_bytes().split(b"\n")[:2]) + b"\n")
    with pytest.raises(ResumeError, match="not written from this input"):
        run_batch(str(source), str(out), workers=1, resume=True)


def _lines(path):
    try:
        with open(path, "rb") as fh:
            return fh.read().count(b"\n")
    except FileNotFoundError:
        return 0


def _start(args):
    return subprocess.Popen(
        [sys.executable, "-m", "summarizer.cli", "batch", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the workers get the signal too
        # A shell's background job starts with SIGINT ignored, and Python then keeps it so:
        # give the command the default, as a terminal would.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _interrupt_midway(proc, out, total, sig):
    deadline = time.monotonic() + 120
    while _lines(out) < 32:
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline
        time.sleep(0.002)
    os.killpg(proc.pid, sig)
    proc.wait(timeout=60)
    written = _lines(out)
    assert 32 <= written < total  # stopped halfway, not after the end
    return proc.returncode


def test_sigkill_halfway_then_resume_gives_the_uninterrupted_output(tmp_path, records):
    source, total = _archive(tmp_path, records, 50)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    run_batch(str(source), str(whole), workers=1)
    proc = _start([str(source), "-o", str(out), "-w", "2"])
    assert _interrupt_midway(proc, out, total, signal.SIGKILL) == -signal.SIGKILL
    done = cli(str(source), "-o", str(out), "-w", "2", "--resume")
    assert done.returncode == 0, done.stderr
    assert b"already in the output" in done.stderr
    assert out.read_bytes() == whole.read_bytes()


def test_ctrl_c_keeps_whole_rows_exits_130_and_resume_completes(tmp_path, records):
    source, total = _archive(tmp_path, records, 50)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    run_batch(str(source), str(whole), workers=1)
    proc = _start([str(source), "-o", str(out), "-w", "2"])
    assert _interrupt_midway(proc, out, total, signal.SIGINT) == 130
    assert b"interrupted" in proc.stderr.read()
    assert out.read_bytes().endswith(b"\n")  # no half row
    assert whole.read_bytes().startswith(out.read_bytes())
    assert cli(str(source), "-o", str(out), "--resume", "-q").returncode == 0
    assert out.read_bytes() == whole.read_bytes()


def test_progress_bar_on_a_terminal_only(tmp_path, records):
    source = write_jsonl(tmp_path / "in.jsonl", [*records, {"id": "x", "text": ""}])
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer.cli", "batch", str(source), "-w", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
    )
    os.close(secondary)
    screen = b""
    while True:
        try:
            data = os.read(primary, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        screen += data
    assert proc.wait(timeout=60) == 0
    os.close(primary)
    assert b"7/7" in screen and b"articles/s" in screen and b"errors=1" in screen
    assert b"6 done, 1 failed" in screen
    piped = cli(str(source), "-w", "1")
    assert b"articles/s]" not in piped.stderr  # no bar when stderr is not a terminal
    assert piped.stderr.strip().endswith(b"articles/s)")
