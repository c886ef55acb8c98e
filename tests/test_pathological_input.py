"""Every hostile shape of benchmarks/pathological.py, at the request limit, gets an answer.

At 1,000,000 characters the code before issue 14 took from 5 s to minutes on most of them
(64,000 attributes in one tag never parsed; 500,000 one-character sentences took half a
minute; a megabyte of made-up words, over a minute), and now each takes a fraction of a
second. One child process runs them all, reporting each as it finishes, so a shape gone
superlinear again fails here by name. Nothing is timed: a shape only has to finish within a
generous timeout, which a busy CI machine stays far inside.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from benchmarks.pathological import LIMIT, SHAPES

PER_SHAPE = 30  # seconds: a shape that needs more has gone superlinear again

_CHILD = f"""
import json, sys, time
from benchmarks.pathological import BY_NAME, WARM_UP, Shape, run
run(Shape("warm-up", "text", str, ""), WARM_UP)
run(Shape("warm-up", "html", str, ""), "<html><body><p>" + WARM_UP + "</p></body></html>")
for name in BY_NAME:
    print(json.dumps({{"start": name}}), flush=True)
    body = BY_NAME[name].build({LIMIT})
    started = time.perf_counter()
    run(BY_NAME[name], body)
    print(json.dumps({{"done": name, "seconds": time.perf_counter() - started}}), flush=True)
"""


@pytest.fixture(scope="module")
def finished() -> dict[str, float | str]:
    """Shape name → seconds for every shape the child finished before the timeout, and
    "running when stopped" for the one it was on, if any."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=PER_SHAPE * 4 + 5 * len(SHAPES))
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    assert not err.strip() or "Traceback" not in err, err
    done: dict[str, float | str] = {}
    for line in out.splitlines():
        event = json.loads(line)
        if "start" in event:
            done[event["start"]] = "running when stopped"
        else:
            done[event["done"]] = event["seconds"]
    return done


@pytest.mark.parametrize("shape", [s.name for s in SHAPES])
def test_every_hostile_shape_at_the_limit_is_answered(finished, shape):
    seconds = finished.get(shape, "not reached: an earlier shape ran out the time")
    assert isinstance(seconds, float), f"{shape!r}: {seconds}"
    assert seconds < PER_SHAPE, f"{shape!r} took {seconds:.1f} s: superlinear again?"
