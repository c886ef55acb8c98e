"""A WSGI app whose ``/sleep?s=N`` takes N seconds: a request as slow as a pathological input.

Served by the real gunicorn settings in tests/api/test_worker.py, to see what one slow
request does to the others and to its worker, whatever input makes it slow.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs


def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
    if environ["PATH_INFO"] == "/sleep":
        time.sleep(float(parse_qs(environ.get("QUERY_STRING", ""))["s"][0]))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
