"""Seconds per hostile body at the request size limit, through the whole pipeline.

Each shape is one way a body can make per-unit work pile up: tens of thousands of
attributes in one tag, of elements, entities, comments, one-character sentences, distinct
made-up words. Every body is built to ``--size`` characters (the API's limit, 1,000,000,
by default; every shape is ASCII, so characters are bytes) and summarised with the API's
defaults: ``summarize(body)`` for text, ``summarize(body, html=True)`` for HTML (older
code without that option: ``html_to_text`` first, as the API did). Each shape runs in a
fresh interpreter, warmed with one ordinary article as text and as a page (which imports
trafilatura, as a worker's first page does), with a ``--timeout`` after which it counts
as not answered. The figure printed with the load average is the seconds a fixed loop of
pure Python took at the start, so runs on a busy machine can be compared with idle ones.

    python -m benchmarks.pathological [--size 1000000] [--shapes NAME ...] [--timeout 60]
    python -m benchmarks.pathological --scaling   # each shape at 1/8, 1/4, 1/2 and all of --size

``--scaling`` prints the time at each size and the exponent of the last doubling (1 is
linear, 2 quadratic). tests/test_pathological_input.py runs every shape at a size where the
code before issue 14 was clearly superlinear.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import string
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

LIMIT = 1_000_000
WARM_UP = (
    "Jakarta, CNN Indonesia -- Bank Indonesia (BI) menahan suku bunga acuan di level 6 persen. "
    "Keputusan itu diambil dalam Rapat Dewan Gubernur pada Kamis (17/10).\n\n"
    '"Kebijakan ini konsisten dengan upaya menjaga stabilitas rupiah," kata Gubernur BI.'
)


@dataclass(frozen=True, slots=True)
class Shape:
    """A hostile body: ``build(size)`` gives at most ``size`` characters of it."""

    name: str
    kind: str  # "text" or "html": which way the body is sent
    build: Callable[[int], str]
    note: str


def repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """``head``, then ``unit`` as often as fits in ``size`` characters, then ``tail``."""
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def distinct(
    size: int, part: Callable[[int, random.Random], str], head: str = "", tail: str = ""
) -> str:
    """``head``, then ``part(0, rng)``, ``part(1, rng)``, ... while they fit, then ``tail``."""
    rng = random.Random(14)
    parts, total = [], len(head) + len(tail)
    while total + len(piece := part(len(parts), rng)) <= size:
        parts.append(piece)
        total += len(piece)
    return head + "".join(parts) + tail


def _letters(rng: random.Random, k: int) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=k))


def _attributes(size: int) -> str:
    return distinct(size, lambda i, _: f" a{i}=1", "<p", ">Harga naik.</p>")


def _made_up_words(size: int) -> str:
    """Distinct alphabetic words: each one a stemmer call, none in any cache."""
    return distinct(size, lambda _, rng: f" me{_letters(rng, 8)}kan", "Warga", ".")


def _made_up_sentences(size: int) -> str:
    return distinct(size, lambda _, rng: f"Warga {_letters(rng, 9)} pasar. ")


def _page_at_bound(size: int) -> str:
    """A page as large as main-content extraction is given: 4,990 paragraphs holding
    299,000 characters (html.MAX_EXTRACT_ELEMENTS, MAX_EXTRACT_CHARS), padded with
    attributes to ``size``."""
    count = 4_990
    head, tail = "<html><body>", "</body></html>"
    sentence = "Harga bensin naik lagi hari ini di Jakarta. "
    text = (sentence * 2)[:59]
    room = (size - len(head) - len(tail)) // count - len(f"<p>{text}</p>") - len(' class=""')
    pad = ("lead " * (max(0, room) // 5 + 1))[: max(0, room)]
    return head + f'<p class="{pad}">{text}</p>' * count + tail


SHAPES: tuple[Shape, ...] = (
    # HTML: the parser and every per-element pass
    Shape("attributes", "html", _attributes, "one <p> with 125,000 attributes"),
    Shape(
        "same attribute",
        "html",
        lambda n: repeat(" a=1", n, "<p", ">Harga naik.</p>"),
        "one <p> with a=1 repeated",
    ),
    Shape(
        "classes",
        "html",
        lambda n: repeat(" iklan-x", n, '<p class="', '">Harga naik.</p>'),
        "one class attribute with 125,000 tokens",
    ),
    Shape(
        "entities (html)",
        "html",
        lambda n: repeat("&amp;", n, "<p>Harga naik ", "</p>"),
        "&amp; repeated in one paragraph",
    ),
    Shape("comments", "html", lambda n: repeat("<!--x-->", n, "<p>Harga naik.</p>"), "<!--x-->"),
    Shape(
        "inline nesting",
        "html",
        lambda n: repeat("<b>Harga naik. ", n, "<p>", "</p>"),
        "<b> opened and never closed, text in each",
    ),
    Shape(
        "block nesting",
        "html",
        lambda n: repeat("<div>Harga naik. ", n),
        "<div> opened and never closed, text in each",
    ),
    Shape(
        "paragraphs (html)",
        "html",
        lambda n: repeat("<p>Harga naik. ", n),
        "unclosed <p>: 66,000 one-sentence paragraphs",
    ),
    Shape("line breaks", "html", lambda n: repeat("<br>", n, "<p>Harga naik.", "</p>"), "<br>"),
    Shape(
        "links",
        "html",
        lambda n: repeat("<a href=x>Harga</a> ", n, "<p>", "</p>"),
        "one paragraph of links",
    ),
    Shape(
        "link list",
        "html",
        lambda n: repeat("<li><a>Harga naik</a></li>", n, "<ul>", "</ul>"),
        "a list of 40,000 links",
    ),
    Shape(
        "read-also blocks",
        "html",
        lambda n: repeat("<p>Baca juga: <a>Harga naik</a></p>", n),
        '"Baca juga" paragraphs',
    ),
    Shape(
        "empty spans",
        "html",
        lambda n: repeat('<span class="x"></span>', n, "<p>Harga naik.", "</p>"),
        "elements with a class and no text",
    ),
    Shape(
        "page of paragraphs",
        "html",
        lambda n: repeat(
            "<p>Harga bensin naik lagi hari ini. </p>", n, "<html><body>", "</body></html>"
        ),
        "a whole page (main-content extraction)",
    ),
    Shape(
        "page of nested divs",
        "html",
        lambda n: repeat("<div>Harga naik. ", n, "<html><body>"),
        "a whole page of unclosed <div>",
    ),
    Shape("open brackets", "html", lambda n: repeat("<a ", n, "<p>Harga naik.</p>"), "<a repeated"),
    Shape(
        "glued attributes",
        "html",
        lambda n: distinct(n, lambda i, _: f'a{i}="1"', "<p ", ">Harga naik.</p>"),
        'a0="1"a1="1"…: attributes with no blank between them',
    ),
    Shape(
        "quoted brackets",
        "html",
        lambda n: distinct(n, lambda i, _: f' a{i}=">"', "<p", ">Harga naik.</p>"),
        'a0=">" a1=">" …: a ">" in every value',
    ),
    Shape(
        "deep nesting, closed",
        "html",
        lambda n: repeat("<div>" * 250 + "Harga naik. " + "</div>" * 250, n),
        "250 nested <div> with text at the bottom, over and over",
    ),
    Shape(
        "deep text",
        "html",
        lambda n: repeat("Harga naik. ", n, "<div>" * 250),
        "one text 250 <div> deep",
    ),
    Shape(
        "ads between words",
        "html",
        lambda n: repeat('<span class="iklan"></span>harga ', n, "<p>", "</p>"),
        "an ad element after every word",
    ),
    Shape("headings", "html", lambda n: repeat("<h2>Harga</h2>naik ", n), "<h2> after <h2>"),
    Shape(
        "page under the extraction bound",
        "html",
        lambda n: _page_at_bound(n),
        "a page of 4,990 paragraphs, 299,000 characters: the most trafilatura is given",
    ),
    # text: cleaning, sentence splitting, words, key phrases, headlines
    Shape("dots", "text", lambda n: repeat(". ", n), '". " repeated: one-character sentences'),
    Shape("Rp.", "text", lambda n: repeat("Rp. ", n), '"Rp. " repeated'),
    Shape("question marks", "text", lambda n: repeat("? ", n), '"? " repeated'),
    Shape("initials", "text", lambda n: repeat("A. ", n), '"A. " repeated'),
    Shape("parentheses", "text", lambda n: repeat("( ", n), '"( " repeated'),
    Shape("brackets", "text", lambda n: repeat("[ ", n), '"[ " repeated'),
    Shape("quotes", "text", lambda n: repeat('" ', n), '" repeated'),
    Shape("curly quotes", "text", lambda n: repeat("“Harga naik.” ", n), "quoted sentences"),
    Shape("dashes", "text", lambda n: repeat("A - ", n), '"A - " (a dateline shape) repeated'),
    Shape("lines", "text", lambda n: repeat("a\n", n), "500,000 one-word lines"),
    Shape("blank lines", "text", lambda n: repeat("Harga naik.\n\n", n), "one-sentence paragraphs"),
    Shape("one word", "text", lambda n: repeat("Harga ", n), "one word repeated, no period"),
    Shape("capitals", "text", lambda n: repeat("A ", n), "one capital letter repeated"),
    Shape("entities (text)", "text", lambda n: repeat("&amp; ", n, "Harga "), "&amp; in text"),
    Shape("combining marks", "text", lambda n: repeat("a\u0301", n), "letters with accents"),
    Shape("read also", "text", lambda n: repeat("Baca juga: x\n", n), '"Baca juga" lines'),
    Shape("made-up words", "text", _made_up_words, "distinct words, none stemmed before"),
    Shape("made-up sentences", "text", _made_up_sentences, "short sentences of unknown words"),
)
BY_NAME = {shape.name: shape for shape in SHAPES}


def run(shape: Shape, body: str) -> object:
    """Summarise ``body`` the way ``shape`` is sent (older code: HTML through html_to_text).

    A refusal (:class:`OptionError`, the API's 422: "the HTML holds no article text") is
    an answer too.
    """
    import inspect

    from summarizer import OptionError, summarize

    try:
        if shape.kind == "text":
            return summarize(body)
        if "html" in inspect.signature(summarize).parameters:
            return summarize(body, html=True)
        from summarizer.text.html import html_to_text

        extracted = html_to_text(body)
        return summarize(extracted.text, title=extracted.title) if extracted.text.strip() else None
    except OptionError as exc:
        return exc


def child(name: str, size: int) -> dict:
    """In the subprocess: build the body, warm up, time one summary."""
    shape = BY_NAME[name]
    body = shape.build(size)
    # warm: the caches an ordinary article fills, and trafilatura imported (a page's work)
    run(Shape("warm-up", "text", str, ""), WARM_UP)
    run(Shape("warm-up", "html", str, ""), f"<html><body><p>{WARM_UP}</p></body></html>")
    start = time.perf_counter()
    run(shape, body)
    return {"shape": name, "characters": len(body), "seconds": time.perf_counter() - start}


def measure(name: str, size: int, timeout: float) -> float | None:
    """Seconds for one shape in a fresh interpreter; None when it ran past ``timeout``."""
    cmd = [sys.executable, "-m", "benchmarks.pathological", "--child", name, "--size", str(size)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])["seconds"]


def calibration() -> float:
    """Seconds for a fixed loop of pure Python: how busy the machine was, to compare runs."""
    start = time.perf_counter()
    sum(range(1_000_000))
    return time.perf_counter() - start


def _seconds(value: float | None, timeout: float) -> str:
    return f"> {timeout:g}" if value is None else f"{value:.2f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=LIMIT, help="characters per body")
    parser.add_argument("--shapes", nargs="*", choices=list(BY_NAME), default=list(BY_NAME))
    parser.add_argument("--timeout", type=float, default=60, help="seconds before giving up")
    parser.add_argument("--scaling", action="store_true", help="also time 1/8, 1/4, 1/2 size")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.size)))
        return
    sizes = [args.size // 8, args.size // 4, args.size // 2, args.size]
    if not args.scaling:
        sizes = sizes[-1:]
    before = calibration()
    print(f"{args.size:,} characters per body, timeout {args.timeout:g} s")
    print()
    head = " | ".join(f"s at {s:,}" for s in sizes)
    print(f"| shape | sent as | {head} |" + (" exponent |" if args.scaling else ""))
    print("| --- | --- |" + " ---: |" * (len(sizes) + args.scaling))
    worst = 0.0
    for name in args.shapes:
        shape = BY_NAME[name]
        times = []
        for size in sizes:
            times.append(measure(name, size, args.timeout))
            if times[-1] is None:
                times += [None] * (len(sizes) - len(times))
                break
        row = " | ".join(_seconds(t, args.timeout) for t in times)
        last = times[-1]
        worst = max(worst, args.timeout if last is None else last)
        line = f"| {name} | {shape.kind} | {row} |"
        if args.scaling:
            a, b = times[-2], times[-1]
            exponent = math.log2(b / a) if a and b and a > 0.02 else None
            line += f" {exponent:.2f} |" if exponent is not None else " – |"
        print(line, flush=True)
    print()
    print(
        f"slowest: {_seconds(worst, args.timeout)} s; load average {os.getloadavg()[0]:.2f}; "
        f"calibration loop {before:.3f} s before, {calibration():.3f} s after"
    )


if __name__ == "__main__":
    main()
