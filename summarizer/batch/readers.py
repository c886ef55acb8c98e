"""Archive inputs as a stream of items: JSON lines, CSV, Parquet, a folder of files, stdin.

A reader does as little as it can in the main process: a JSON line stays bytes, a file
stays a path, so parsing, decoding and summarising all happen in the worker processes
(:func:`load_item`). Readers stream: nothing holds more than one Parquet batch or one line.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..options import OPTION_TYPES
from ..problems import problem_body
from ..text.charset import CharsetError, decode_html, decode_text
from .rows import ARTICLE_COLUMNS, RowError, json_line_id, parse_json_record, record_id, typed_cells
from .schema import PARQUET_HINT, has_pyarrow

# An item is (kind, payload): ("json", line bytes), ("cells", CSV strings), ("record", typed
# values from Parquet) or ("file", (path, id)).
Item = tuple[str, Any]

FORMATS = ("jsonl", "csv", "parquet", "folder")
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
FILE_KINDS = {".txt": "text", ".html": "html", ".htm": "html"}
COLUMNS = frozenset(ARTICLE_COLUMNS) | frozenset(OPTION_TYPES)
_PARQUET_BATCH = 1024


class InputError(Exception):
    """An input that cannot be read at all (missing, unknown format): the run cannot start."""


@dataclass(slots=True)
class Source:
    """The items of an input and, when it is cheap to find, how many there are."""

    items: Iterator[Item]
    count: Callable[[], int | None]
    name: str


def input_format(path: str, given: str | None) -> str:
    """The format of ``path``: ``given``, else a folder, else its extension (stdin: jsonl)."""
    if given:
        return given
    if path == "-":
        return "jsonl"
    if Path(path).is_dir():
        return "folder"
    fmt = SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(
            f"cannot tell the format of {path}: name it .jsonl, .csv or .parquet, "
            "or give --input-format"
        )
    return fmt


def open_source(path: str, fmt: str | None = None, stdin: BinaryIO | None = None) -> Source:
    """The items of ``path`` (``-``: standard input) in input order."""
    fmt = input_format(path, fmt)
    if path == "-":
        stream = stdin or sys.stdin.buffer
        if fmt == "jsonl":
            return Source(_json_lines(stream), lambda: None, "stdin")
        if fmt == "csv":
            return Source(_csv_rows(stream), lambda: None, "stdin")
        raise InputError(f"{fmt} cannot be read from standard input: give its path")
    if fmt != "folder" and not Path(path).is_file():
        raise InputError(f"no such file: {path}")
    if fmt == "jsonl":
        return Source(_opened(path, _json_lines), lambda: _count_lines(path), path)
    if fmt == "csv":
        return Source(_opened(path, _csv_rows), lambda: _count_csv(path), path)
    if fmt == "parquet":
        return _parquet(path)
    if fmt == "folder":
        if not Path(path).is_dir():
            raise InputError(f"no such folder: {path}")
        files = _folder_files(Path(path))
        return Source((("file", f) for f in files), lambda: len(files), path)
    raise InputError(f"unknown input format {fmt!r}; choose one of {', '.join(FORMATS)}")


def item_id(item: Item, position: int) -> str:
    """The id the output row of ``item`` carries (checked when a run is resumed)."""
    kind, payload = item
    if kind == "json":
        return json_line_id(payload, position)
    if kind == "file":
        return payload[1]
    return record_id(payload.get("id"), position)


def load_item(item: Item) -> dict[str, Any]:
    """The record an item holds, read and decoded (in a worker); :class:`RowError` if bad."""
    kind, payload = item
    if kind == "json":
        return parse_json_record(payload)
    if kind == "cells":
        return typed_cells(payload)
    if kind == "record":
        return payload
    path, name = payload
    field = FILE_KINDS[Path(path).suffix.lower()]
    try:
        data = Path(path).read_bytes()
        text = decode_html(data, None) if field == "html" else decode_text(data, None)
    except CharsetError:
        raise RowError(problem_body(400, f"{name} is not UTF-8", kind="bad-encoding")) from None
    except OSError as exc:
        raise RowError(problem_body(400, f"cannot read {name}: {exc.strerror}")) from None
    return {"id": name, field: text}


def _opened(path: str, reader: Callable[[BinaryIO], Iterator[Item]]) -> Iterator[Item]:
    with open(path, "rb") as fh:
        yield from reader(fh)


def _json_lines(stream: BinaryIO) -> Iterator[Item]:
    for line in stream:
        if line.strip():  # blank lines are no record, and take no position
            yield ("json", line)


def _count_lines(path: str) -> int:
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def _csv_reader(stream: BinaryIO) -> Iterator[dict[str, str]]:
    import io

    # Bytes that are not UTF-8 survive as lone surrogates, so that one bad row fails alone
    # (rows.summarize_record reports it) instead of the whole file failing to decode.
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    csv.field_size_limit(1 << 30)  # an article is one cell; the default limit is 128 KiB
    yield from csv.DictReader(text)


def _csv_rows(stream: BinaryIO) -> Iterator[Item]:
    for row in _csv_reader(stream):
        yield ("cells", {k: v for k, v in row.items() if k in COLUMNS})


def _count_csv(path: str) -> int:
    with open(path, "rb") as fh:
        return sum(1 for _ in _csv_reader(fh))


def _parquet(path: str) -> Source:
    if not has_pyarrow():
        raise InputError(PARQUET_HINT)
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
        raise InputError(f"{path} is not a Parquet file: {exc}") from None
    columns = [name for name in meta.schema_arrow.names if name in COLUMNS]
    count = meta.metadata.num_rows

    def items() -> Iterator[Item]:
        with pq.ParquetFile(path) as fh:
            for batch in fh.iter_batches(batch_size=_PARQUET_BATCH, columns=columns):
                for record in batch.to_pylist():
                    yield ("record", record)

    return Source(items(), lambda: count, path)


def _folder_files(root: Path) -> list[tuple[str, str]]:
    """(path, id) of every .txt/.html file under ``root``, sorted by id (its relative path)."""
    files = [
        (str(p), p.relative_to(root).as_posix())
        for p in root.rglob("*")
        if p.suffix.lower() in FILE_KINDS and p.is_file()
    ]
    return sorted(files, key=lambda f: f[1])
