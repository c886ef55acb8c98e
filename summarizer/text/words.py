"""Indonesian words: tokens, stop words and Sastrawi stems.

Stemming with Sastrawi costs ~90 microseconds per word, so stems come from a
precomputed table of common news words (``data/stems.tsv.gz``, loaded at
import) and every other word is stemmed once per process and kept in a
dictionary shared by all requests. :func:`terms` goes one step further and
caches, per lower-cased word, the term it contributes (or none for a stop
word), so the per-word work in the hot path is a single dictionary lookup.
"""

from __future__ import annotations

import gzip
import re
from importlib import resources

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

# Words: letters/digits with inner hyphens (reduplication: "masing-masing"),
# apostrophes ("Jum'at") and decimal or thousand separators ("1,5", "12.500").
# Possessive: a run of letters is never given back (nothing after it could use
# them), which saves the engine its backtracking bookkeeping; same tokens.
WORD_RE = re.compile(r"\w++(?:[-'’.,]\w++)*+", re.UNICODE)
# The same pattern for ASCII text, where it finds the same words: the engine tests
# ASCII word characters with a table instead of a Unicode category lookup.
_ASCII_WORD_RE = re.compile(WORD_RE.pattern, re.ASCII)
# Tokens for syntax (the tagger and the chunker): the same words, and every other visible
# character on its own, since commas, quotes and brackets mark where phrases end.
_TOKEN_RE = re.compile(WORD_RE.pattern + r"|[^\w\s]", re.UNICODE)
STEM_TABLE = "stems.tsv.gz"


def _load_extra_stop_words() -> frozenset[str]:
    text = resources.files("summarizer.data").joinpath("stopwords_extra.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _load_stem_table() -> dict[str, str]:
    """word → stem for common news words; an empty table when the file is absent."""
    path = resources.files("summarizer.data").joinpath(STEM_TABLE)
    if not path.is_file():
        return {}
    table: dict[str, str] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        word, _, stemmed = line.partition("\t")
        table[word] = stemmed or word
    return table


STOP_WORDS: frozenset[str] = (
    frozenset(StopWordRemoverFactory().get_stop_words()) | _load_extra_stop_words()
)

_stemmer = StemmerFactory().create_stemmer()
_ROOTS = _stemmer.delegatedStemmer.dictionary
_STEMS: dict[str, str] = _load_stem_table()
_STEM_CACHE_LIMIT = 200_000 + len(_STEMS)
_TERM_CACHE_LIMIT = 300_000


class _TermCache(dict[str, str]):
    """lower-cased word → its term ("" for stop words and one-letter words).

    A lookup that misses computes the term (``__missing__``), so :func:`lower_terms`
    is one C-level ``map`` over the words, with Python code only for new words. The
    keys are lower-cased words because later stages look ``Sentence.lower`` up again:
    the hash each lookup here computes is then cached on those strings.
    """

    def __missing__(self, low: str) -> str:
        term = stem(low) if len(low) > 1 and low not in STOP_WORDS else ""
        if len(self) < _TERM_CACHE_LIMIT:
            self[low] = term
        return term


_TERMS = _TermCache()
_term_of = _TERMS.__getitem__


def tokenize(text: str) -> list[str]:
    """Word tokens of ``text`` in their original casing, punctuation dropped."""
    return _ASCII_WORD_RE.findall(text) if text.isascii() else WORD_RE.findall(text)


def syntax_tokens(text: str) -> list[str]:
    """:func:`tokenize`'s words with the punctuation between them kept as tokens."""
    return _TOKEN_RE.findall(text)


def is_root_word(low: str) -> bool:
    """Whether a lower-cased word is itself one of Sastrawi's root words (no stemming: a
    set lookup), which tells a common word from a name when the word is new."""
    return _ROOTS.contains(low)


def is_common_word(word: str) -> bool:
    """Whether a lower-cased word is an Indonesian common word (its stem is in Sastrawi's
    dictionary of root words), not a name: "pemasaran" is, "santoso" is not."""
    return _ROOTS.contains(stem(word))


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
    return lower_terms(list(map(str.lower, words)))


def lower_terms(lower: list[str]) -> list[str]:
    """:func:`terms` of words already lower-cased (``Sentence.lower``)."""
    return list(filter(None, map(_term_of, lower)))
