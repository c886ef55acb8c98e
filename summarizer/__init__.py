"""Extractive summaries and headline candidates for Indonesian news.

>>> from summarizer import summarize
>>> result = summarize(article_text, sentences=3)
>>> result.summary, [h.text for h in result.headlines]
"""

from .algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from .errors import OptionError
from .options import Options
from .pipeline import summarize
from .result import Headline, SelectedSentence, Summary
from .text.segment import segment

__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "Headline",
    "OptionError",
    "Options",
    "SelectedSentence",
    "Summary",
    "segment",
    "summarize",
]
