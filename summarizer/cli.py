"""Command line: ``summarizer summarize FILE|-``, ``summarizer batch`` and ``summarizer serve``."""

from __future__ import annotations

import argparse
import json
import sys

from . import ALGORITHMS, OptionError, summarize


def _options(args: argparse.Namespace) -> dict:
    return {
        "sentences": args.sentences,
        "ratio": args.ratio,
        "max_words": args.max_words,
        "max_chars": args.max_chars,
        "algorithm": args.algorithm,
        "headlines": args.headlines,
        "exclude": args.exclude or (),
        "headline_max_chars": args.headline_max_chars,
        "headline_case": args.headline_case,
    }


def _summarize(args: argparse.Namespace) -> int:
    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            with open(args.file, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"summarizer: cannot read {args.file}: {exc}", file=sys.stderr)
            return 2
    try:
        result = summarize(text, **_options(args), title=args.title)
    except OptionError as exc:
        print(f"summarizer: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(result.summary)
    if result.headlines:
        print("\nHeadlines:")
        for headline in result.headlines:
            print(f"- {headline.text}")
    return 0


def _batch(args: argparse.Namespace) -> int:
    from .batch.command import run_command  # loads the batch machinery only when used

    return run_command(args, _options(args))


def _serve(args: argparse.Namespace) -> int:
    from api import create_app  # the library itself never imports the web layer

    create_app().run(host=args.host, port=args.port, debug=False)
    return 0


def _summary_options(s: argparse.ArgumentParser) -> None:
    length = s.add_mutually_exclusive_group()
    length.add_argument("-n", "--sentences", type=int, help="number of sentences (default 3)")
    length.add_argument("--ratio", type=float, help="share of the article's sentences, 0 < r <= 1")
    length.add_argument("--max-words", type=int, help="word budget")
    length.add_argument("--max-chars", type=int, help="character budget")
    s.add_argument(
        "-a",
        "--algorithm",
        choices=sorted(ALGORITHMS),
        help="algorithm (default: the learned ranker)",
    )
    s.add_argument(
        "--headlines", type=int, default=3, help="number of headline candidates (0 disables)"
    )
    s.add_argument(
        "--headline-max-chars", type=int, default=90, help="longest headline, in characters"
    )
    s.add_argument("--headline-case", choices=("title", "sentence"), default="title")
    s.add_argument("--exclude", action="append", choices=("quotes", "questions", "exclamations"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarizer", description="Indonesian news summaries and headlines."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    s = sub.add_parser("summarize", help="summarise an article from a file or standard input")
    s.add_argument("file", help="a UTF-8 text file, or - for standard input")
    _summary_options(s)
    s.add_argument("--title", help="the article's title, if known")
    s.add_argument("--json", action="store_true", help="print the API's JSON")
    s.set_defaults(func=_summarize)

    b = sub.add_parser("batch", help="summarise an archive: JSON lines, CSV, Parquet or a folder")
    b.add_argument("input", help="a .jsonl, .csv or .parquet file, a folder, or - (stdin)")
    from .batch.command import add_arguments  # the batch options are the library's

    add_arguments(b)
    _summary_options(b)
    b.set_defaults(func=_batch)

    v = sub.add_parser("serve", help="run a development server (use gunicorn in production)")
    v.add_argument("--host", default="127.0.0.1")
    v.add_argument("--port", type=int, default=8000)
    v.set_defaults(func=_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
