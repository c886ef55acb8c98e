"""``summarizer batch``: a whole archive (JSON lines, CSV, Parquet, a folder) in one run.

The machinery is :mod:`summarizer.batch`; this registers the command, its own flags and
the summary options (the same flags as ``summarizer summarize``), which apply to every
row that does not set its own.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import OptionError
from ..options import RULES
from .flags import add_option_flags, options_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "batch", help="summarise an archive: JSON lines, CSV, Parquet or a folder"
    )
    parser.add_argument("input", help="a .jsonl, .csv or .parquet file, a folder, or - (stdin)")
    from ..batch.command import add_arguments  # loads the batch machinery only when used

    add_arguments(parser)
    add_option_flags(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..batch.command import run_command

    try:
        options_from(args)  # checked once here, so a bad flag stops the run before it starts
    except OptionError as exc:
        print(f"summarizer batch: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    shared = {r.name: v for r in RULES if (v := getattr(args, r.name, None)) is not None}
    return run_command(args, shared)
