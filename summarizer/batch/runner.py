"""``summarizer batch``: an archive in, one result row per article out, in input order.

The main process only moves bytes: it reads items (:mod:`.readers`), hands chunks of them
to the workers (:mod:`.pool`), and appends the JSON lines they send back (:mod:`.writers`).
Each worker parses, summarises and serialises its chunk (:mod:`.rows`), so two workers
keep two cores busy. Rows come back in input order and carry nothing that depends on the
process or the clock (``stats.elapsed_ms`` only with ``timings``), so the output is
byte-identical whatever the number of workers, and a resumed run continues exactly where
the killed one stopped.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import orjson

from ..pipeline import summarize
from . import pool, readers, writers
from .readers import Item
from .rows import RowError, result_row

CHUNK_ROWS = 32
# Summarised once before a run starts: bad shared options stop the run at once, with the
# library's own message, instead of failing every row.
_PROBE = "Harga beras naik. Warga mengeluh."


class ResumeError(writers.OutputError):
    """The output being resumed was not written from this input."""


@dataclass(slots=True)
class BatchReport:
    """What a run did: rows summarised, rows failed, rows already in the output, seconds."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    elapsed: float = 0.0
    interrupted: bool = False

    @property
    def rate(self) -> float:
        return (self.done + self.failed) / self.elapsed if self.elapsed else 0.0

    def line(self) -> str:
        """The summary line printed at the end of a run."""
        parts = [f"{self.done} done", f"{self.failed} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} already in the output")
        parts.append(f"{self.elapsed:.1f} s ({self.rate:.0f} articles/s)")
        text = ", ".join(parts)
        return f"interrupted: {text}; --resume continues" if self.interrupted else text


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_batch(
    source: str,
    output: str,
    *,
    options: dict[str, Any] | None = None,
    workers: int | None = None,
    input_format: str | None = None,
    resume: bool = False,
    overwrite: bool = False,
    timings: bool = False,
    progress: bool = False,
    stdin: BinaryIO | None = None,
) -> BatchReport:
    """Summarise every article of ``source`` into ``output`` (see the module docstring).

    ``options`` are :func:`summarizer.summarize`'s keyword options for every row; a row's
    own option columns override them. Raises :class:`~summarizer.OptionError` for bad
    shared options, :class:`readers.InputError` / :class:`writers.OutputError` when the run
    cannot start; a bad article only makes an error row. On Ctrl-C the rows written so far
    are kept and the report says ``interrupted``.
    """
    shared = dict(options or {})
    summarize(_PROBE, **shared)
    src = readers.open_source(source, input_format, stdin)
    sink, written = writers.open_output(output, resume=resume, overwrite=overwrite)
    report = BatchReport()
    started = time.perf_counter()
    bar = None
    try:
        items, report.skipped = _skip_written(enumerate(src.items), written)
        bar = _progress_bar(src, report.skipped) if progress else None
        chunks = _chunks(items)
        results = pool.ordered_map(
            process_chunk,
            chunks,
            workers=workers or default_workers(),
            initializer=init_worker,
            initargs=(shared, timings),
        )
        for lines, count, failed in results:
            sink.write(lines)
            report.done += count - failed
            report.failed += failed
            if bar is not None:
                bar.update(count)
                if failed:
                    bar.set_postfix(errors=report.failed, refresh=False)
    except KeyboardInterrupt:
        report.interrupted = True
        sink.close()
    except BaseException:
        sink.close()
        raise
    else:
        sink.finish()
    finally:
        if bar is not None:
            bar.close()
        report.elapsed = time.perf_counter() - started
    return report


def _skip_written(
    items: Iterator[tuple[int, Item]], written: Iterator[str]
) -> tuple[Iterator[tuple[int, Item]], int]:
    """The items not yet in the output, after checking the output's rows are this input's."""
    skipped = 0
    for row_id in written:
        entry = next(items, None)
        if entry is None:
            raise ResumeError(
                f"the output holds more rows than the input's {skipped}: "
                "it was not written from this input"
            )
        position, item = entry
        if (expected := readers.item_id(item, position)) != row_id:
            raise ResumeError(
                f"row {position} of the output is {row_id!r} but the input's is {expected!r}: "
                "the output was not written from this input"
            )
        skipped += 1
    return items, skipped


def _chunks(items: Iterator[tuple[int, Item]]) -> Iterator[list[tuple[int, Item]]]:
    while chunk := list(itertools.islice(items, CHUNK_ROWS)):
        yield chunk


def _progress_bar(src: readers.Source, skipped: int) -> Any:
    """A tqdm bar on standard error. The total is counted in a thread (a pass over the input
    file), so a long CSV starts at once and gets its ETA when the count is in."""
    from tqdm import tqdm

    bar = tqdm(
        initial=skipped,
        unit=" articles",
        file=sys.stderr,
        dynamic_ncols=True,
        postfix={"errors": 0},
    )

    def count() -> None:
        with contextlib.suppress(Exception):  # no total is no reason to stop a run
            if (total := src.count()) is not None:
                bar.total = total
                bar.refresh()

    threading.Thread(target=count, daemon=True).start()
    return bar


# The worker side: state set once per process by init_worker.
_shared: dict[str, Any] = {}
_timings = False


def init_worker(shared: dict[str, Any], timings: bool) -> None:
    """Once per worker process: the options, and the language data loaded by a first run."""
    global _shared, _timings
    _shared, _timings = shared, timings
    if multiprocessing.parent_process() is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    summarize(_PROBE)


def process_chunk(chunk: list[tuple[int, Item]]) -> tuple[bytes, int, int]:
    """A chunk of items as JSON lines: (lines, rows, failed rows)."""
    lines = []
    failed = 0
    for position, item in chunk:
        try:
            record = readers.load_item(item)
        except RowError as exc:
            row = {"id": readers.item_id(item, position), "error": exc.problem}
        else:
            row = result_row(record, position, _shared, timings=_timings)
        failed += "error" in row
        lines.append(orjson.dumps(row))
    lines.append(b"")
    return b"\n".join(lines), len(chunk), failed
