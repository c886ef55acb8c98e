"""The interface every summarisation algorithm implements."""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from ..document import Document


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
