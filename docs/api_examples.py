"""Write the examples and the option table of docs/api.md from the server's own answers.

    .venv/bin/python docs/api_examples.py            # rewrite docs/api.md (``make docs``)
    .venv/bin/python docs/api_examples.py --check    # exit 1 when docs/api.md is out of date
    .venv/bin/python docs/api_examples.py --url http://127.0.0.1:8000   # ask a running server

Each region between ``<!-- generated: NAME -->`` and ``<!-- /generated -->`` is replaced by
what ``render(NAME)`` makes: a request, and the answer the server gives to it, or the option
table, whose type and default columns come from ``/openapi.json`` and ``/v1/algorithms`` (the
meaning column is kept as written). Without ``--url`` the app is called in-process
(``create_app()``, the same code gunicorn serves). ``tests/api/test_docs.py`` runs ``--check``'s
comparison against the real gunicorn server. ``elapsed_ms`` is a timing: it is compared as 0
and a region that differs only there is left as it is.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
API_MD = ROOT / "docs" / "api.md"
REGION = re.compile(
    r"(?P<open><!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(?P<close><!-- /generated -->)",
    re.S,
)
WIDTH = 120  # JSON lines longer than this are broken at their members
ELAPSED = re.compile(r'("elapsed_ms": )[0-9.]+')
SHELL_URL = "localhost:8000"

# (method, path, JSON body) → (status, JSON answer): the app in-process or a running server.
Ask = Callable[[str, str, Any], tuple[int, Any]]

sys.path.insert(0, str(ROOT))
from api.schemas import EXAMPLE_HTML, EXAMPLE_TEXT  # noqa: E402 - the articles the schema shows

# The requests the examples show, by region name (``NAME-request`` / ``NAME-response``).
REQUESTS: dict[str, tuple[str, str, Any]] = {
    "summarize": ("POST", "/v1/summarize", {"text": EXAMPLE_TEXT, "sentences": 2, "headlines": 3}),
    "html": ("POST", "/v1/summarize", {"html": EXAMPLE_HTML, "sentences": 2, "headlines": 1}),
    "batch": (
        "POST",
        "/v1/summarize/batch",
        {
            "documents": [
                {
                    "id": "a",
                    "text": "Harga BBM naik mulai Sabtu. Pemerintah mengumumkannya di Istana.",
                },
                {
                    "id": "b",
                    "html": "<p>Timnas menang 2-0.</p><p>Gol dicetak pada babak kedua.</p>",
                    "sentences": 1,
                },
                {"text": ""},
            ],
            "sentences": 2,
            "headlines": 1,
            "keywords": 2,
        },
    ),
    "algorithms": ("GET", "/v1/algorithms", None),
    "error": ("POST", "/v1/summarize", {"text": "Harga naik.", "sentences": 51}),
}


def pretty(value: Any, indent: int = 0, lead: int = 0) -> str:
    """JSON on one line when it fits in ``WIDTH``, else one member per line, recursively."""
    one = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, (dict, list)) or not value or indent + lead + len(one) <= WIDTH:
        return one
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            name = json.dumps(key, ensure_ascii=False) + ": "
            items.append(pad + name + pretty(item, indent + 2, len(name)))
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + pretty(item, indent + 2) for item in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def curl(method: str, path: str, body: Any) -> str:
    if method == "GET":
        return f"```sh\ncurl -s {SHELL_URL}{path}\n```\n"
    # A quoted here-document: the JSON goes to curl exactly as shown, whatever quotes it holds.
    return (
        f"```sh\ncurl -s {SHELL_URL}{path} -H 'Content-Type: application/json' \\\n"
        f"  --data-binary @- <<'JSON'\n{pretty(body)}\nJSON\n```\n"
    )


def answer(ask: Ask, name: str, status: int = 200) -> str:
    method, path, body = REQUESTS[name]
    got_status, got = ask(method, path, body)
    if got_status != status:
        raise RuntimeError(f"{method} {path} ({name}) answered {got_status}, expected {status}")
    return f"```json\n{pretty(got)}\n```\n"


# ---- the option table ----------------------------------------------------------------------

OPTION_HEADER = "| Option | Type / limits | Default | Meaning |\n| --- | --- | --- | --- |\n"
ROW = re.compile(r"^\| `(?P<name>\w+)` \| .*? \| .*? \| (?P<meaning>.*) \|$", re.M)


def _variant(prop: dict[str, Any]) -> dict[str, Any]:
    """The non-null schema of an optional field (``anyOf: [X, null]``), else the field's own."""
    for option in prop.get("anyOf", []):
        if option.get("type") != "null":
            return {**prop, **option}
    return prop


def _number(n: float) -> str:
    return f"{n:,}" if isinstance(n, int) else f"{n:g}"


def type_cell(prop: dict[str, Any]) -> str:
    s = _variant(prop)
    kind = s.get("type")
    if "enum" in s:
        names = [f"`{v}`" for v in s["enum"]]
        return " \\| ".join(names) if len(names) <= 3 else "one of " + ", ".join(names)
    if kind == "array":
        return "list of " + ", ".join(f"`{v}`" for v in s.get("items", {}).get("enum", []))
    if kind == "integer":
        return f"integer {_number(s['minimum'])}–{_number(s['maximum'])}"
    if kind == "number":
        low = (
            f"{_number(s['exclusiveMinimum'])} <"
            if "exclusiveMinimum" in s
            else f"{_number(s['minimum'])} ≤"
        )
        high = f"≤ {_number(s['maximum'])}" if "maximum" in s else ""
        return f"number, {low} x {high}".rstrip()
    if kind == "string":
        return f"string ≤ {_number(s['maxLength'])} chars" if "maxLength" in s else "string"
    return str(kind)


def default_cell(name: str, prop: dict[str, Any], server_default: str) -> str:
    if prop.get("default") is not None:
        value = prop["default"]
        return f"`{value}`" if isinstance(value, str) else json.dumps(value)
    if name == "algorithm":
        return f"`{server_default}`"  # null in the schema: the server's default, from the server
    if _variant(prop).get("type") == "array":
        return "`[]`"
    return "–"


def option_table(ask: Ask, written: str) -> str:
    meanings = {m["name"]: m["meaning"] for m in ROW.finditer(written)}
    _, document = ask("GET", "/openapi.json", None)
    props = document["components"]["schemas"]["SummarizeRequest"]["properties"]
    _, algorithms = ask("GET", "/v1/algorithms", None)
    names = [n for n in meanings if n in props] + [
        n for n in props if n not in meanings and n not in ("text", "html")
    ]
    rows = [
        f"| `{n}` | {type_cell(props[n])} | {default_cell(n, props[n], algorithms['default'])} "
        f"| {meanings.get(n) or props[n].get('description', '')} |\n"
        for n in names
    ]
    return OPTION_HEADER + "".join(rows)


# ---- the regions ---------------------------------------------------------------------------


def render(name: str, ask: Ask, written: str) -> str:
    """The text of region ``name``; ``written`` is what the region holds now."""
    if name == "options":
        return option_table(ask, written)
    if name.endswith("-request"):
        return curl(*REQUESTS[name.removesuffix("-request")])
    if name == "error-response":
        return answer(ask, "error", status=422)
    if name.endswith("-response"):
        return answer(ask, name.removesuffix("-response"))
    raise KeyError(f"docs/api.md names an unknown generated region {name!r}")


def comparable(text: str) -> str:
    return ELAPSED.sub(r"\g<1>0", text)


def regenerate(text: str, ask: Ask) -> str:
    """``text`` with every generated region rendered afresh (timings kept when all else equal)."""

    def one(match: re.Match[str]) -> str:
        body = render(match["name"], ask, match["body"])
        if comparable(body) == comparable(match["body"]):
            body = match["body"]
        return match["open"] + body + match["close"]

    return REGION.sub(one, text)


def app_client() -> Ask:
    """Ask the app in-process, as gunicorn would serve it (no keys, no rate limit)."""
    from api import create_app

    quiet = {"API_KEYS": (), "RATE_LIMIT": None, "REDIS_URL": None, "LOG_LEVEL": "WARNING"}
    client = create_app(quiet).test_client()

    def ask(method: str, path: str, body: Any) -> tuple[int, Any]:
        response = client.open(path, method=method, json=body)
        return response.status_code, response.get_json(force=True)

    return ask


def url_client(base: str) -> Ask:
    import requests

    def ask(method: str, path: str, body: Any) -> tuple[int, Any]:
        response = requests.request(method, base.rstrip("/") + path, json=body, timeout=30)
        return response.status_code, response.json()

    return ask


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    parser.add_argument("--url", help="a running server to ask (default: the app in-process)")
    args = parser.parse_args(argv)
    ask = url_client(args.url) if args.url else app_client()
    text = API_MD.read_text(encoding="utf-8")
    new = regenerate(text, ask)
    if args.check:
        if comparable(new) != comparable(text):
            print("docs/api.md is out of date: run `make docs`", file=sys.stderr)
            return 1
        return 0
    if new != text:
        API_MD.write_text(new, encoding="utf-8")
        print("docs/api.md regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
