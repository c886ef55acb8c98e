"""Is the input Indonesian? A function-word vote, fast enough to run on every request.

Function words ("yang", "di", "dan" / "the", "of", "and") are a third of
running text in every language, and each language's set is nearly disjoint
from the others', so counting them over the words the pipeline has already
tokenised tells Indonesian from English, Dutch, Javanese and the rest in a
few microseconds per sentence, with no model to load. Indonesian and Malay
share most function words; they are told apart only by the words they spell
or use differently (``bahwa``/``bahawa``, ``karena``/``kerana``, ``ialah``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import resources
from itertools import islice
from typing import Protocol

__all__ = [
    "LANGUAGE_NAMES",
    "PROFILES",
    "UNDETERMINED",
    "detect",
    "detect_lowered",
    "detect_sentences",
    "language_warning",
]

UNDETERMINED = "und"
# Fewer function words than this and the text is too short to call.
MIN_HITS = 3
# The winning language must account for at least this share of the words.
MIN_SHARE = 0.05
# The opening words are enough to decide; reading no more keeps long texts cheap.
MAX_WORDS = 250
# Malay must beat Indonesian by this many Malay-only words.
MALAY_MARGIN = 2

LANGUAGE_NAMES = {
    "id": "Indonesian",
    "ms": "Malay",
    "en": "English",
    "nl": "Dutch",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "jv": "Javanese",
    "su": "Sundanese",
    "tl": "Tagalog",
}
# Languages the summariser is built for: no warning.
SUPPORTED = frozenset({"id", "ms"})


def _load_profiles() -> dict[str, frozenset[str]]:
    text = resources.files("summarizer.data").joinpath("language_profiles.txt").read_text("utf-8")
    profiles: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, words = line.partition(":")
        profiles[code.strip()] = frozenset(words.split())
    shared = profiles.pop("idms")
    profiles["id"] = profiles["id"] | shared
    profiles["ms"] = profiles["ms"] | shared
    return profiles


PROFILES: dict[str, frozenset[str]] = _load_profiles()
# word → the languages it votes for, so each word costs one dictionary lookup.
_VOTES: dict[str, tuple[str, ...]] = {}
for _code, _words in PROFILES.items():
    for _word in _words:
        _VOTES[_word] = (*_VOTES.get(_word, ()), _code)
# Order for breaking ties: Indonesian first, then Malay, then the file's order.
_ORDER = {code: i for i, code in enumerate(["id", "ms", *PROFILES])}


def detect(words: Iterable[str]) -> str:
    """ISO 639-1 code of the language of ``words`` (any casing), or ``"und"``.

    ``"und"`` when there are too few function words to decide (very short
    text, numbers, emoji, or a language without a profile).
    """
    return _vote(list(map(str.lower, islice(words, MAX_WORDS))))


def detect_lowered(sentences: Iterable[list[str]]) -> str:
    """:func:`detect` for words already lower-cased, given sentence by sentence.

    The pipeline has them as ``Sentence.lower``; taking whole sentences means
    no word is lower-cased, copied or yielded one at a time again.
    """
    head: list[str] = []
    for words in sentences:
        head += words
        if len(head) >= MAX_WORDS:
            del head[MAX_WORDS:]
            break
    return _vote(head)


class _Sentence(Protocol):
    words: list[str]
    lower: list[str]


def detect_sentences(sentences: Sequence[_Sentence]) -> str:
    """:func:`detect_lowered` for the document's sentences (their ``words`` and ``lower``).

    When the function words say "not Indonesian", they are counted again without the
    capitalised words: in "Kim Jong Un bertemu Presiden Moon" the name's "Un" is French
    and "Moon" English, and a name said four times outvoted "di", "dan" and "dengan".
    A foreign verdict costs the text its headlines, so it is confirmed from the words
    written in lower case, as function words are.
    """
    code = detect_lowered(s.lower for s in sentences)
    if code in SUPPORTED or code == UNDETERMINED:
        return code
    return detect_lowered(
        [
            low
            for word, low in zip(s.words[:MAX_WORDS], s.lower[:MAX_WORDS], strict=True)
            if word == low
        ]
        for s in sentences
    )


def _vote(words: list[str]) -> str:
    """The language whose function words are most of the lower-cased ``words``."""
    votes = Counter(filter(None, map(_VOTES.get, words)))
    if not votes:
        return UNDETERMINED
    counts: dict[str, int] = {}
    for langs, hits in votes.items():  # a few distinct vote tuples, e.g. ("id", "ms")
        for code in langs:
            counts[code] = counts.get(code, 0) + hits
    best = min(counts, key=lambda code: (-counts[code], _ORDER[code]))
    if best == "ms" and counts["ms"] < counts.get("id", 0) + MALAY_MARGIN:
        best = "id"  # a stray "boleh" or "apabila" does not make Indonesian news Malay
    hits = counts.get(best, 0)  # none when a lone Malay word fell back to Indonesian
    if hits < MIN_HITS or hits < MIN_SHARE * len(words):
        return UNDETERMINED
    return best


def language_warning(code: str) -> str | None:
    """The warning to attach when the text is clearly not Indonesian (or Malay)."""
    if code in SUPPORTED or code == UNDETERMINED:
        return None
    name = LANGUAGE_NAMES.get(code, code)
    return f"input looks like {name} ({code}), not Indonesian; the summary may be poor"
