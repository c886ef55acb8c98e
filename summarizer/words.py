"""Indonesian words: tokens, stop words and Sastrawi stems.

Stemming with Sastrawi costs tens of microseconds per word, so every distinct
word is stemmed once per process and kept in a dictionary shared by all
requests (news vocabulary is small and repetitive, so the cache stays small).
"""

from __future__ import annotations

import re
from importlib import resources

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

# Words: letters/digits with inner hyphens (reduplication: "masing-masing"),
# apostrophes ("Jum'at") and decimal or thousand separators ("1,5", "12.500").
WORD_RE = re.compile(r"\w+(?:[-'’.,]\w+)*", re.UNICODE)


def _load_extra_stop_words() -> frozenset[str]:
    text = resources.files("summarizer.data").joinpath("stopwords_extra.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


STOP_WORDS: frozenset[str] = (
    frozenset(StopWordRemoverFactory().get_stop_words()) | _load_extra_stop_words()
)

_stemmer = StemmerFactory().create_stemmer()
_STEMS: dict[str, str] = {}
_STEM_CACHE_LIMIT = 200_000


def tokenize(text: str) -> list[str]:
    """Word tokens of ``text`` in their original casing, punctuation dropped."""
    return WORD_RE.findall(text)


def stem(word: str) -> str:
    """Sastrawi stem of a lower-cased word, cached for the life of the process."""
    cached = _STEMS.get(word)
    if cached is not None:
        return cached
    result = _stem_uncached(word)
    if len(_STEMS) < _STEM_CACHE_LIMIT:
        _STEMS[word] = result
    return result


def _stem_uncached(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    return _stemmer.stem(word) or word


def terms(words: list[str]) -> list[str]:
    """Stems of the content (non-stop) words among ``words``: the unit every scorer compares."""
    out = []
    for word in words:
        low = word.lower()
        if len(low) > 1 and low not in STOP_WORDS:
            out.append(stem(low))
    return out


def content_terms(text: str) -> list[str]:
    """Stems of the content words of ``text``."""
    return terms(tokenize(text))
