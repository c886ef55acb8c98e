"""``summarizer serve``: Flask's development server (use gunicorn in production)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help="run a development server (use gunicorn in production)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from api import create_app  # the library itself never imports the web layer

    create_app().run(host=args.host, port=args.port, debug=False)
    return 0
