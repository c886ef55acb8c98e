"""Where the workers' Prometheus samples live, and what happens when they cannot be written.

Under gunicorn, prometheus_client's multiprocess mode keeps each worker's samples in
memory-mapped files in ``PROMETHEUS_MULTIPROC_DIR``, and ``GET /metrics`` adds them up.
prometheus_client sizes those files with ``ftruncate``, which leaves holes: on a full
filesystem (``/dev/shm`` is memory) the first write into a hole kills the process with
SIGBUS, the master at start-up and every new worker in a loop. Here:

- :func:`prepare_directory` (``gunicorn.conf.py``, before the app is imported) empties or
  creates the directory once per master: the config file runs again on every SIGHUP, and
  emptying it then wiped every counter. A directory that cannot be used (read-only, full)
  switches multiprocess mode off: each worker then counts in its own memory and ``/metrics``
  shows the worker that answers.
- Every file block is reserved (``posix_fallocate``) before it is mapped, so a full
  filesystem is an error to handle instead of a signal; a file that cannot be reserved is
  kept in process memory instead. The process keeps serving, the problem is logged once per
  process and ``/readyz`` reports it (:func:`storage_problem`).

This module imports prometheus_client only inside functions: it is imported before the
multiprocess directory is decided, and prometheus_client chooses its storage on import.
"""

from __future__ import annotations

import contextlib
import logging
import mmap
import os
import shutil
import struct
import tempfile
from typing import Any

DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
# prometheus_client's first size of a file; each worker has one per metric type (2 here).
FILE_SIZE = 1 << 16
PROBE_SIZE = 4 * FILE_SIZE  # the master's files and a new worker's, with room to grow

log = logging.getLogger("api.metrics")

_directory: dict[str, Any] = {}  # this master's choice: pid, path, created, problem
_problems: list[str] = []  # this process's: the first one is logged and reported


def degraded(reason: str) -> None:
    """Record that samples of this process are not shared; log only the first time."""
    if not _problems:
        log.warning("metrics degraded: %s", reason)
    _problems.append(reason)


def reserve_file(path: str, size: int) -> None:
    """Create ``path`` with ``size`` bytes of blocks reserved, or raise OSError.

    Written under another name and renamed: ``/metrics`` reads every ``*.db`` file in the
    directory and must never find an empty one.
    """
    partial = f"{path}.{os.getpid()}.reserving"
    try:
        fd = os.open(partial, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.posix_fallocate(fd, 0, size)
        finally:
            os.close(fd)
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


def _probe(directory: str) -> str | None:
    """Why new worker files cannot be created in ``directory`` now, or None."""
    probe = os.path.join(directory, f"probe-{os.getpid()}")
    try:
        reserve_file(probe, PROBE_SIZE)
    except OSError as exc:
        return f"{directory}: {exc.strerror or exc}"
    os.unlink(probe)
    return None


def prepare_directory(shm: str | None) -> None:
    """Set up ``PROMETHEUS_MULTIPROC_DIR`` the first time this process calls it.

    The operator's directory is emptied (the library needs a fresh one per run); without
    one a new directory is made in ``shm`` (``/dev/shm`` when usable). Later calls (a
    SIGHUP runs ``gunicorn.conf.py`` again) keep what the first one chose.
    """
    if _directory.get("pid") == os.getpid():
        if _directory["problem"] is None:
            os.environ[DIR_VARIABLE] = _directory["path"]
        return
    path, created, problem = os.environ.get(DIR_VARIABLE), False, None
    try:
        if path:
            os.makedirs(path, exist_ok=True)
            for name in os.listdir(path):
                if name.endswith(".db"):
                    os.remove(os.path.join(path, name))
        else:
            path = tempfile.mkdtemp(prefix=f"indo-summarizer-metrics-{os.getpid()}-", dir=shm)
            created = True
        problem = _probe(path)
    except OSError as exc:
        problem = f"{path}: {exc.strerror or exc}"
    if problem is None:
        os.environ[DIR_VARIABLE] = path
    else:
        os.environ.pop(DIR_VARIABLE, None)
        if created:
            shutil.rmtree(path, ignore_errors=True)
            created = False
        degraded(f"{problem}; each worker counts on its own and /metrics shows one worker")
    _directory.update(pid=os.getpid(), path=path, created=created, problem=problem)


def remove_created_directory() -> None:
    """On exit: remove the directory :func:`prepare_directory` made (never the operator's)."""
    if _directory.get("created") and _directory.get("pid") == os.getpid():
        shutil.rmtree(_directory["path"], ignore_errors=True)


def multiprocess() -> bool:
    return bool(os.environ.get(DIR_VARIABLE))


def storage_problem() -> str | None:
    """For ``/readyz``: why samples are not (all) shared, or None when they are."""
    if _directory.get("problem"):
        return _problems[0] if _problems else _directory["problem"]
    if not multiprocess():
        return None  # one process by design (tests, the development server)
    if _problems:
        return _problems[0]
    problem = _probe(os.environ[DIR_VARIABLE])
    return f"new workers cannot record metrics: {problem}" if problem else None


def reserve_metric_files() -> None:
    """Make prometheus_client reserve its files' blocks before mapping them (multiprocess)."""
    if not multiprocess():
        return
    from prometheus_client import values

    if values.MmapedDict is not _reserving_dict():
        values.MmapedDict = _reserving_dict()


_RESERVING: list[type] = []


def _reserving_dict() -> type:
    """prometheus_client's MmapedDict, with every mapped block reserved first.

    Made on first use: defining it imports prometheus_client.
    """
    if _RESERVING:
        return _RESERVING[0]
    from prometheus_client.mmap_dict import MmapedDict

    class ReservedDict(MmapedDict):  # type: ignore[misc]
        """A sample file whose blocks all exist; in process memory when they cannot."""

        def __init__(self, filename: str, read_mode: bool = False) -> None:
            if not read_mode and not os.path.exists(filename):
                try:
                    reserve_file(filename, FILE_SIZE)
                except OSError as exc:
                    degraded(f"cannot create {filename}: {exc.strerror or exc}")
                    self._f, self._fname, self._positions = None, filename, {}
                    self._capacity, self._m = FILE_SIZE, mmap.mmap(-1, FILE_SIZE)
                    self._used = 8
                    self._m[0:4] = struct.pack("i", self._used)  # the library's header
                    return
            super().__init__(filename, read_mode)

        def _init_value(self, key: str) -> None:
            # An entry: a 4-byte length, the key padded to 8 bytes, two doubles.
            needed = self._used + len(key.encode("utf-8")) + 32
            capacity = self._capacity
            while needed > capacity:
                capacity *= 2
            if capacity > self._capacity and self._f is not None:
                try:
                    os.posix_fallocate(self._f.fileno(), 0, capacity)
                except OSError as exc:
                    degraded(f"cannot grow {self._fname}: {exc.strerror or exc}")
                    self._to_memory(capacity)
            elif capacity > self._capacity:
                self._to_memory(capacity)
            super()._init_value(key)

        def _to_memory(self, capacity: int) -> None:
            """Go on in an anonymous mapping (the file keeps the samples written so far)."""
            memory = mmap.mmap(-1, capacity)
            memory[: self._used] = self._m[: self._used]
            self._m.close()
            if self._f is not None:
                self._f.close()
                self._f = None
            self._m, self._capacity = memory, capacity

        def close(self) -> None:
            if self._f is None and self._m is not None:
                self._m.close()
                self._m = None
            super().close()

    _RESERVING.append(ReservedDict)
    return ReservedDict
