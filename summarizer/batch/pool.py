"""Worker processes that give results back in input order, with a bounded number in flight.

``multiprocessing.Pool.imap`` would do the ordering, but it reads its input as fast as it
can and keeps every result that is not yet consumed, and a worker that dies leaves it
waiting for ever. Here at most ``window`` chunks are submitted and not yet written, so the
memory of a run does not grow with the archive, and a dead worker is an error
(``BrokenProcessPool``) rather than a hang. Each worker runs ``initializer`` once: that is
where the language data is loaded, once per process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one: workers start from a clean process that imported the
    library once (``fork`` from a process with threads is unsafe, ``spawn`` slower)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["summarizer"])
        return ctx
    return multiprocessing.get_context("spawn")


def ordered_map(
    fn: Callable[[T], R],
    chunks: Iterable[T],
    *,
    workers: int,
    initializer: Callable[..., Any],
    initargs: tuple[Any, ...] = (),
    window: int | None = None,
) -> Iterator[R]:
    """``map(fn, chunks)`` over ``workers`` processes, lazily and in order.

    With one worker everything runs in this process (no process, no pickling). Closing the
    iterator early (Ctrl-C, an error while writing) cancels the chunks not yet started.
    """
    if workers <= 1:
        initializer(*initargs)
        for chunk in chunks:
            yield fn(chunk)
        return
    window = window or 4 * workers
    pool = ProcessPoolExecutor(
        workers, mp_context=_context(), initializer=initializer, initargs=initargs
    )
    pending: deque[Future[R]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(fn, chunk))
            # Results go out as soon as they are ready (a slow stdin still sees its rows),
            # and no more than ``window`` chunks are ever waiting.
            while pending and (len(pending) >= window or pending[0].done()):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
