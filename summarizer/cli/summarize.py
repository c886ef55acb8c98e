"""``summarizer summarize FILE... | -``: summaries of files or standard input.

Several files give one result each, labelled ``==> FILE <==`` (as ``head`` does), or one
JSON line each with ``--json``. A file that cannot be read or summarised is reported on
standard error and the others still run; the exit status is then 2.
"""

from __future__ import annotations

import argparse
import sys

import orjson

from ..errors import OptionError
from ..pipeline import summarize
from ..result import Summary
from ..text.charset import CharsetError, decode_html, decode_text
from .flags import add_option_flags, options_from


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "summarize",
        help="summarise articles from files or standard input",
        description="Summarise articles from files or standard input.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="UTF-8 text or HTML files; - for standard input"
    )
    markup = parser.add_mutually_exclusive_group()
    markup.add_argument(
        "--html",
        dest="html",
        action="store_true",
        default=None,
        help="read the input as HTML (by default, text that is markup is read as HTML)",
    )
    markup.add_argument(
        "--text",
        dest="html",
        action="store_false",
        help="read the input as plain text, even if it looks like markup",
    )
    add_option_flags(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help='print the API\'s JSON, one line per file (with a "file" key for several files)',
    )
    parser.set_defaults(func=run)


def _read(name: str, html: bool | None) -> str:
    data = sys.stdin.buffer.read() if name == "-" else open(name, "rb").read()  # noqa: SIM115
    # HTML may name its charset in <meta>; plain text is UTF-8 (a byte-order mark wins)
    return decode_text(data, None) if html is False else decode_html(data, None)


def run(args: argparse.Namespace) -> int:
    try:
        options = options_from(args)
    except OptionError as exc:
        print(f"summarizer: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    several = len(args.files) > 1
    status = 0
    for number, name in enumerate(args.files):
        label = "standard input" if name == "-" else name
        try:
            result = summarize(_read(name, args.html), options, html=args.html)
        except (OSError, CharsetError) as exc:
            print(f"summarizer: cannot read {label}: {exc}", file=sys.stderr)
            status = 2
            continue
        except OptionError as exc:
            print(f"summarizer: {label}: {exc.field}: {exc.message}", file=sys.stderr)
            status = 2
            continue
        if args.json:
            body = result.to_dict()
            if several:
                body = {"file": name, **body}
            sys.stdout.buffer.write(orjson.dumps(body) + b"\n")
            sys.stdout.buffer.flush()
        else:
            if several:
                print(f"{chr(10) if number else ''}==> {label} <==")
            _print_text(result, label if several else None)
    return status


def _print_text(result: Summary, label: str | None) -> None:
    print(result.summary)
    if result.headlines:
        print("\nHeadlines:")
        for headline in result.headlines:
            print(f"- {headline.text}")
    if result.keywords:
        print("\nKey phrases: " + ", ".join(k.text for k in result.keywords))
    sys.stdout.flush()  # before the warnings, so the two streams interleave in order
    prefix = f"summarizer: {label}: warning" if label else "summarizer: warning"
    for warning in result.warnings:
        print(f"{prefix}: {warning}", file=sys.stderr)
