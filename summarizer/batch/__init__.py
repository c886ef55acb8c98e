"""Whole archives on one machine: JSON lines, CSV, Parquet or a folder in, one row per article out.

The modules read in the order the data goes: :mod:`.readers` (input formats to items),
:mod:`.pool` (ordered worker processes), :mod:`.rows` (one record to the API's result or
problem document), :mod:`.writers` (JSON lines or Parquet, and what a resume finds),
:mod:`.schema` (the typed columns, shared with :mod:`summarizer.spark`) and
:mod:`.runner`, which ties them together. ``summarizer batch`` is a thin command over
:func:`run_batch`.
"""

from .readers import InputError
from .runner import BatchReport, ResumeError, default_workers, run_batch
from .writers import OutputError

__all__ = [
    "BatchReport",
    "InputError",
    "OutputError",
    "ResumeError",
    "default_workers",
    "run_batch",
]
