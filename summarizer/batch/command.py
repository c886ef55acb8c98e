"""The ``summarizer batch`` command: its flags, and a run with its messages and exit code.

Exit codes: 0 when every article has its row (rows that failed included: they carry their
problem document), 2 when the run cannot start (bad options, unreadable input, an output
that exists), 1 when it cannot go on (a worker killed, a full disk), 130 after Ctrl-C. In
the last two cases the rows written are kept and ``--resume`` continues.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import OptionError
from .readers import FORMATS, InputError
from .runner import default_workers, run_batch
from .writers import OutputError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of ``summarizer batch`` besides the input and the summary options."""
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        help="a .jsonl or .parquet file (default: JSON lines on standard output)",
    )
    parser.add_argument(
        "--input-format", choices=FORMATS, help="the input's format (default: from its name)"
    )
    parser.add_argument(
        "-w", "--workers", type=int, help=f"worker processes (default: {default_workers()})"
    )
    parser.add_argument(
        "--resume", action="store_true", help="continue a run: skip the rows already written"
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="start again when the output exists"
    )
    parser.add_argument(
        "--timings",
        action="store_true",
        help="keep stats.elapsed_ms in each row (the output then differs between runs)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )


def run_command(args: argparse.Namespace, options: dict[str, Any]) -> int:
    """Run ``summarizer batch`` for parsed ``args``; the exit code."""
    if args.workers is not None and args.workers < 1:
        return _fail("--workers must be at least 1")
    if args.resume and args.overwrite:
        return _fail("give --resume or --overwrite, not both")
    try:
        report = run_batch(
            args.input,
            args.output,
            options=options,
            workers=args.workers,
            input_format=args.input_format,
            resume=args.resume,
            overwrite=args.overwrite,
            timings=args.timings,
            progress=not args.quiet and sys.stderr.isatty(),
        )
    except OptionError as exc:
        return _fail(f"{exc.field}: {exc.message}")
    except (InputError, OutputError) as exc:
        return _fail(str(exc))
    except BrokenProcessPool:
        _fail("a worker process died (out of memory?); the rows written are kept: --resume")
        return 1
    except OSError as exc:  # a full disk, an output folder that went away
        _fail(f"cannot go on: {exc}; the rows written are kept: --resume")
        return 1
    if not args.quiet:
        print(f"summarizer batch: {report.line()}", file=sys.stderr)
    return 130 if report.interrupted else 0


def _fail(message: str) -> int:
    print(f"summarizer batch: {message}", file=sys.stderr)
    return 2
