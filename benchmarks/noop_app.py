"""A Flask app that does nothing: the ceiling the HTTP benchmark compares the real API with.

Same route and method as the API (``POST /v1/summarize``), it reads the body
and answers a small JSON document, so the difference measured is the work of
the real app (validation, summarisation, serialisation), not of Flask,
gunicorn or the network. Run it under the same settings as the API::

    gunicorn -c gunicorn.conf.py benchmarks.noop_app:app
"""

from __future__ import annotations

from flask import Flask, Response, request

app = Flask(__name__)


@app.post("/v1/summarize")
def summarize() -> Response:
    request.get_data()
    return Response(b'{"summary":""}', mimetype="application/json")
