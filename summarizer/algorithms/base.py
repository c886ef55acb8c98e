"""The interface every summarisation algorithm implements.

This module is where the package first imports numpy, so it also sets BLAS
to one thread (unless the environment already chose): every matrix here is
small, and on a busy 2-core server a multi-threaded OpenBLAS product of a
40 × 300 matrix was measured at 18 ms instead of 0.02 ms while its threads
waited for a core. Parallelism comes from gunicorn's worker processes.
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # read by BLAS when numpy loads it, just below

from typing import ClassVar  # noqa: E402

import numpy as np  # noqa: E402

from ..text.document import Document  # noqa: E402


class Algorithm:
    """Scores every sentence of a document; selection is done elsewhere.

    Returning scores for all sentences (rather than a chosen subset, as sumy's
    summarizers do) lets one selection step apply the length budgets,
    exclusions and redundancy control the same way for every algorithm.
    """

    name: ClassVar[str]
    description: ClassVar[str]

    def score(self, doc: Document) -> np.ndarray:
        """One score per sentence of ``doc``; higher means more summary-worthy."""
        raise NotImplementedError
