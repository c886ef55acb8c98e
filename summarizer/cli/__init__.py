"""Command line: ``summarizer summarize FILE... | -``, ``summarizer batch``, ``summarizer serve``,
``--version``.

This module is the parser and the dispatch only: each command is a module here with an
``add_parser(subparsers)`` that registers its flags and sets ``func`` (what runs). A new
command is one more module and one more line in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from importlib import metadata

from . import batch, serve, summarize

#: every command, in the order ``--help`` lists them
COMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    summarize.add_parser,
    batch.add_parser,
    serve.add_parser,
)


def _version() -> str:
    try:
        return metadata.version("indo-summarizer")
    except metadata.PackageNotFoundError:  # run from a checkout without installing
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarizer", description="Indonesian news summaries and headlines."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    for add_parser in COMMANDS:
        add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other Unix tools do. Python
        # would flush stdout again at exit and print the error, so point it at /dev/null.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a tool the pipe stopped
    except KeyboardInterrupt:
        return 130
    return status
