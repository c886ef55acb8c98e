"""Where result rows go: JSON lines or Parquet (by the extension), and what a resume finds.

Rows always reach the disk as whole JSON lines, one write per chunk, flushed at once: a
crash can cut the last line, never change the lines before it, and a resumed run first
cuts that half line off. Parquet cannot be appended to or read before its footer is
written, so a Parquet output is journalled as JSON lines (``OUT.parquet.partial``) while
the run goes on, and turned into ``OUT.parquet`` (streamed, one batch at a time) when the
last row is in: the Parquet file exists complete or not at all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import orjson

from .schema import PARQUET_HINT, arrow_row, has_pyarrow, row_schema

OUTPUT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
_PARQUET_BATCH = 4096


class OutputError(Exception):
    """An output the run must not write to (exists without --resume, unknown format)."""


def output_format(path: str) -> str:
    if path == "-":
        return "jsonl"
    fmt = OUTPUT_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise OutputError(f"cannot tell the output format of {path}: name it .jsonl or .parquet")
    return fmt


class Sink:
    """Appends chunks of JSON lines to a file (or standard output) and finishes the output."""

    def __init__(self, path: str, *, fresh: bool) -> None:
        self.path = path
        self._fh: BinaryIO = (
            sys.stdout.buffer if path == "-" else open(path, "wb" if fresh else "ab")  # noqa: SIM115
        )

    def write(self, lines: bytes) -> None:
        self._fh.write(lines)
        self._fh.flush()

    def close(self) -> None:
        """Stop writing, keeping every whole row (after an interruption too)."""
        if self._fh is not sys.stdout.buffer:
            self._fh.close()

    def finish(self) -> None:
        """The last row is in."""
        self.close()


class ParquetSink(Sink):
    """Journals rows as JSON lines, and writes the Parquet file from them at the end."""

    def __init__(self, path: str, *, fresh: bool) -> None:
        self.final = path
        super().__init__(journal_path(path), fresh=fresh)

    def finish(self) -> None:
        self.close()
        write_parquet(Path(self.path), Path(self.final))
        os.unlink(self.path)


def journal_path(path: str) -> str:
    return path + ".partial"


def write_parquet(journal: Path, final: Path) -> None:
    """JSON lines rows to a Parquet file, a batch at a time, renamed into place when whole."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = row_schema()
    tmp = final.with_name(final.name + ".tmp")
    with open(journal, "rb") as src, pq.ParquetWriter(tmp, schema) as writer:
        batch: list[dict] = []
        for line in src:
            batch.append(arrow_row(orjson.loads(line)))
            if len(batch) == _PARQUET_BATCH:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
    os.replace(tmp, final)


def open_output(path: str, *, resume: bool, overwrite: bool) -> tuple[Sink, Iterator[str]]:
    """The sink to write to, and the ids of the rows it already holds (to skip on resume)."""
    fmt = output_format(path)
    if fmt == "parquet" and not has_pyarrow():
        raise OutputError(PARQUET_HINT)
    if path == "-":
        if resume:
            raise OutputError("--resume needs an output file, not standard output")
        return Sink(path, fresh=True), iter(())
    journal = journal_path(path) if fmt == "parquet" else path
    exists = [p for p in (path, journal) if Path(p).exists()]
    if exists and not (resume or overwrite):
        raise OutputError(
            f"{exists[0]} exists: --resume continues that run, --overwrite starts again"
        )
    if resume and fmt == "parquet" and Path(path).exists():
        raise OutputError(f"{path} is complete already: --overwrite starts again")
    if resume and Path(journal).exists():
        cut_partial_line(Path(journal))
        sink_class = ParquetSink if fmt == "parquet" else Sink
        return sink_class(path, fresh=False), _row_ids(Path(journal))
    if fmt == "parquet":
        if Path(path).exists():
            os.unlink(path)
        return ParquetSink(path, fresh=True), iter(())
    return Sink(path, fresh=True), iter(())


def cut_partial_line(path: Path) -> None:
    """Drop a last line without its newline: the row a killed run was writing."""
    with open(path, "r+b") as fh:
        end = fh.seek(0, os.SEEK_END)
        pos = end
        while pos > 0:
            step = min(pos, 1 << 16)
            fh.seek(pos - step)
            block = fh.read(step)
            newline = block.rfind(b"\n")
            if newline >= 0:
                pos = pos - step + newline + 1
                break
            pos -= step
        if pos != end:
            fh.truncate(pos)


def _row_ids(path: Path) -> Iterator[str]:
    with open(path, "rb") as fh:
        for line in fh:
            yield orjson.loads(line)["id"]
