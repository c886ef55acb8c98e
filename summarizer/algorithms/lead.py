"""LEAD: the first sentences. The baseline every news summariser is measured against."""

from __future__ import annotations

import numpy as np

from ..text.document import Document
from .base import Algorithm


class Lead(Algorithm):
    name = "lead"
    description = "The first sentences of the article (the LEAD-N baseline)."

    def score(self, doc: Document) -> np.ndarray:
        n = len(doc)
        return 1.0 - np.arange(n, dtype=float) / max(n, 1)
