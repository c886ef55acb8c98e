"""Key phrases of an article: its repeated names and terms, weighted by rarity in news.

A phrase is a run of one to :data:`MAX_WORDS` content words, so none starts
or ends with a stop word or a bare number ("Bank Indonesia", "transportasi
online"). Uses are merged by Sastrawi stems ("pemerintah" = "pemerintahan").
A phrase scores by how often it occurs (to the power :data:`FREQ_POWER`),
how rare its words are in Indonesian news (IDF from IndoSum, shipped in
``data/idf.json``) and how early it first appears; the weights were chosen
with ``benchmarks/keywords.py``. To stay within a fraction of a millisecond,
phrases are only grown around the best single words (seeds), from the
words the :class:`~summarizer.text.document.Document` already holds. Phrases that
never occur outside a longer one ("Kim Jong" in "Kim Jong Un") are dropped,
a word mostly written inside a longer phrase is shown as that phrase
("Bond" → "James Bond"), and a phrase overlapping a better one is skipped.
Shown phrases are spelt as in the article, never cross punctuation and are
cased alike ("Madeleine Swann", not "menikahi Madeleine Swann").
"""

from __future__ import annotations

import heapq
import json
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources
from itertools import compress
from operator import countOf

from .result import Keyword
from .text.document import Document
from .text.words import STOP_WORDS, stem

__all__ = ["MAX_KEYWORDS", "MAX_WORDS", "Idf", "extract", "load_idf"]

MAX_KEYWORDS = 20
MAX_WORDS = 3  # longest phrase, in words (extract grows pairs, then triples)
# Score weights (chosen on IndoSum with benchmarks/keywords.py).
FREQ_POWER = 1.5
IDF_POWER = 0.5  # 0 ignores rarity, 1 is plain TF-IDF
LEAD_BONUS = 2.0
# A word is shown as its longer phrase when the phrase holds this share of its uses.
EXPAND_SHARE = 0.4


@dataclass(slots=True, frozen=True)
class Idf:
    """Rarity weights of stems (IDF to the power IDF_POWER); unseen stems get ``default``."""

    values: dict[str, float]
    default: float

    @classmethod
    def from_counts(cls, documents: int, df: dict[str, int], power: float | None = None) -> Idf:
        """Smoothed IDF, ``ln((1 + N) / (1 + df)) + 1``, from document frequencies."""
        p = IDF_POWER if power is None else power
        values = {term: (math.log((1 + documents) / (1 + n)) + 1) ** p for term, n in df.items()}
        return cls(values, (math.log(1 + documents) + 1) ** p)


def load_idf() -> Idf:
    """The IDF table shipped with the package (built from IndoSum by benchmarks/build_idf.py)."""
    raw = json.loads(resources.files("summarizer.data").joinpath("idf.json").read_text("utf-8"))
    return Idf.from_counts(raw["documents"], raw["df"])


IDF: Idf = load_idf()


_KEYS: dict[str, str] = {}  # lower-case word → stem, or "" when it cannot be in a phrase
_KEYS_LIMIT = 200_000


class _KeyCache(dict[str, str]):
    """Token as written → its key (verb rule applied); a miss computes and caches it."""

    def __missing__(self, word: str) -> str:
        return _word_key(word)


_WORD_KEYS = _KeyCache()


class _Powers(dict[int, float]):
    """Use count → count ** FREQ_POWER, computed once per count for the process."""

    def __missing__(self, count: int) -> float:
        self[count] = weight = count**FREQ_POWER
        return weight


_FREQ_WEIGHTS = _Powers()
VERB_PREFIXES = ("me", "di", "ber")
# Units, currencies, clock and number words: frequent in news, never what a story is about.
UNITS = frozenset(
    {
        "rp",
        "usd",
        "idr",
        "km",
        "kg",
        "mg",
        "gr",
        "gram",
        "ton",
        "cm",
        "mm",
        "ml",
        "liter",
        "meter",
        "persen",
        "wib",
        "wita",
        "wit",
        "pukul",
        "jam",
        "menit",
        "detik",
        "pekan",
        "tahun",
        # number words, as in "5 juta pengguna"
        "puluh",
        "ratus",
        "ribu",
        "juta",
        "miliar",
        "triliun",
    }
)
# Words of place names that say nothing alone ("Utara" from "Sumatera Utara" and "Sulawesi
# Utara"): shown only inside a longer phrase. Each is its own stem, as the keys are
# (not "pertengahan", which Sastrawi stems to "tengah" too).
_NOT_ALONE = frozenset(["utara", "selatan", "barat", "timur", "tengah", "tenggara", "jaya"])
_SURFACE_USES = 64  # uses of a phrase read to find how the article spells it
_SEEDS_PER_KEYWORD = 2  # single words looked at per keyword asked for, before phrases grow


def extract(
    doc: Document,
    k: int = 5,
    *,
    idf: Idf | None = None,
    stop_words: frozenset[str] = frozenset(),
) -> list[Keyword]:
    """The ``k`` best key phrases of ``doc``, best first (ties: first occurrence first).

    ``stop_words`` are added to the Indonesian list (the pipeline passes English
    function words when the text is English).
    """
    if k <= 0 or not doc.sentences:
        return []
    table = idf or IDF
    values, default = table.values, table.default
    # One flat token list for the whole document; an empty word ends every sentence.
    words: list[str] = []
    offsets: list[int] = []  # where each sentence starts in ``words``
    for sentence in doc.sentences:
        offsets.append(len(words))
        words += sentence.words
        words.append("")
    starts = set(offsets)
    keys = list(map(_WORD_KEYS.__getitem__, words))
    for sentence, i in zip(doc.sentences, offsets, strict=True):
        # "Menghilangkan" opening a sentence is still a verb
        if keys[i] and _is_verb(sentence.lower[0], keys[i]):
            keys[i] = ""
    if stop_words:
        lower = [low for sentence in doc.sentences for low in (*sentence.lower, "")]
        keys = ["" if low in stop_words else key for low, key in zip(lower, keys, strict=True)]
    n = len(keys)
    # Everything below reads only the content words (a third of the tokens).
    content = list(compress(range(n), keys))  # their positions
    content_keys = list(compress(keys, keys))
    counts = Counter(content_keys)
    if not counts:
        return []
    first = dict(zip(reversed(content_keys), reversed(content), strict=True))
    lead = LEAD_BONUS / n
    top = 1 + LEAD_BONUS  # the lead factor at the first word

    # Seeds: the best single words. Phrases are only grown around them, which
    # keeps the work proportional to k rather than to every n-gram of the text.
    # Words used once rarely beat repeated ones: rank them only when too few repeat.
    wanted = max(_SEEDS_PER_KEYWORD * k, 8)
    least = 2 if len(counts) - countOf(counts.values(), 1) >= wanted else 1
    get = values.get
    power = _FREQ_WEIGHTS
    # (negated score, first position, word): also the word's entry as a one-word phrase
    ranked = sorted(
        [
            (-power[c] * get(t, default) * (top - lead * first[t]), first[t], t)
            for t, c in counts.items()
            if c >= least
        ]
    )[:wanted]
    seeds = {t for _, _, t in ranked}
    at = list(compress(content, map(seeds.__contains__, content_keys)))
    occurrences: dict[tuple[str, ...], list[int]] = {(t,): [] for _, _, t in ranked}
    for i in at:
        occurrences[(keys[i],)].append(i)
    # Grow: every phrase of two and of three content words that holds a seed use
    # (``keys[-1]`` is the last sentence's "", so ``j - 1`` never wraps to a word).
    pairs: dict[tuple[str, ...], list[int]] = defaultdict(list)
    spans = sorted({j - 1 for j in at if keys[j - 1]} | {j for j in at if keys[j + 1]})
    for j in spans:
        pairs[keys[j], keys[j + 1]].append(j)
    triples: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in sorted({j - 1 for j in spans if keys[j - 1]} | {j for j in spans if keys[j + 2]}):
        triples[keys[j], keys[j + 1], keys[j + 2]].append(j)
    occurrences.update(pairs)
    occurrences.update(triples)
    # A phrase's rarity: its words' weights added left to right (as sum() would).
    scored: list[tuple[float, int, tuple[str, ...]]] = [
        (neg, start, (t,)) for neg, start, t in ranked
    ]
    scored += [
        (
            -power[len(uses)]
            * (get(key[0], default) + get(key[1], default))
            * (top - lead * uses[0]),
            uses[0],
            key,
        )
        for key, uses in pairs.items()
    ]
    scored += [
        (
            -power[len(uses)]
            * (get(key[0], default) + get(key[1], default) + get(key[2], default))
            * (top - lead * uses[0]),
            uses[0],
            key,
        )
        for key, uses in triples.items()
    ]
    # best first; only the first few are ever read, so pop them off a heap instead of sorting
    heapq.heapify(scored)
    picked: list[Keyword] = []
    taken: list[tuple[str, ...]] = []
    taken_words: set[str] = set()  # a one-word phrase overlaps a taken one iff it is in it
    while scored:
        neg, _start, key = heapq.heappop(scored)
        uses = len(occurrences[key])
        above = _parents(key, occurrences, keys) if len(key) < MAX_WORDS else {}
        most = max(above.values(), default=0)
        # Never used outside one longer phrase ("Kim Jong" in "Kim Jong Un"): not a
        # candidate (each use of the longer phrase is a use of this one).
        if most >= uses:
            continue
        surface = None
        # "Bond" is written "James Bond" often enough: show the full name.
        need = max(EXPAND_SHARE * uses, 2)
        chain = _expansions(key, above, need, occurrences, keys) if most >= need else [key]
        if key[0] in _NOT_ALONE and len(key) == 1:
            chain = chain[:-1]  # its longer phrases only
        for phrase in chain:
            if (
                phrase[0] in taken_words
                if len(phrase) == 1
                else any(_overlaps(phrase, other) for other in taken)
            ):
                continue
            surface = _surface(phrase, occurrences[phrase], words, offsets, starts, doc)
            if surface is not None:
                break
        if surface is None:
            continue
        taken.append(phrase)
        taken_words.update(phrase)
        picked.append(Keyword(surface, round(-neg, 4)))
        if len(picked) == k:
            break
    return picked


def _parents(
    key: tuple[str, ...], occurrences: dict[tuple[str, ...], list[int]], keys: list[str]
) -> dict[tuple[str, ...], int]:
    """The phrases one word longer than ``key`` that hold it (its uses grown left or
    right), with their numbers of uses.

    They are all in ``occurrences``: each holds ``key``'s seed word.
    """
    size = len(key)
    if size == MAX_WORDS:
        return {}
    found: dict[tuple[str, ...], int] = {}
    for j in occurrences[key]:
        if left := keys[j - 1]:
            found[(left, *key)] = 0
        if right := keys[j + size]:
            found[(*key, right)] = 0
    for phrase in found:
        found[phrase] = len(occurrences[phrase])
    return found


def _expansions(
    key: tuple[str, ...],
    above: dict[tuple[str, ...], int],
    need: float,
    occurrences: dict[tuple[str, ...], list[int]],
    keys: list[str],
) -> list[tuple[str, ...]]:
    """``key`` grown by the most frequent longer phrases that hold ``need`` of its uses,
    longest first.

    ``above`` are the phrases one word longer than ``key`` (:func:`_parents`).
    """
    chain = [key]
    while longer := [p for p, uses in above.items() if uses >= need]:
        chain.append(min(longer, key=lambda p: (-above[p], occurrences[p][0])))
        above = _parents(chain[-1], occurrences, keys)
    return chain[::-1]


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One phrase inside the other, or the end of one is the start of the other."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 1:
        return a[0] in b
    words = set(a)
    if words.isdisjoint(b):  # the usual case: nothing in common
        return False
    if words.issubset(b):
        return True
    return any(a[i:] == b[: len(a) - i] or b[i:] == a[: len(b) - i] for i in range(1, len(a)))


def _word_key(word: str) -> str:
    """The key of one token as written, cached: its stem, or "" when it cannot be in a phrase.

    That is a stop word, single letter, bare number, ordinal ("ke-23"), unit or lower-case verb.
    """
    low = word.lower()
    key = _KEYS.get(low)
    if key is None:
        key = (
            ""
            if len(low) < 2
            or low in STOP_WORDS
            or low in UNITS
            or not _has_letter(low)
            or (low.startswith("ke-") and low[3:].isdigit())
            else stem(low)
        )
        if len(_KEYS) < _KEYS_LIMIT:
            _KEYS[low] = key
    # A lower-case me-/di-/ber- verb ("memiliki", "menikahi") ends a phrase; a
    # capitalised one is usually a name ("Dimas", "Berlin") and stays.
    if word[:1].islower() and _is_verb(low, key):
        key = ""
    if len(_WORD_KEYS) < _KEYS_LIMIT:
        _WORD_KEYS[word] = key
    return key


def _is_verb(low: str, key: str) -> bool:
    """A me-/di-/ber- word that Sastrawi strips a prefix from ("memiliki" → "milik").

    Decided from the word and its stem alone, never from what the caches hold, so the
    answer cannot change with a process's history once the caches are full.
    """
    return bool(key) and low.startswith(VERB_PREFIXES) and len(key) < len(low) - 1


def _has_letter(word: str) -> bool:
    return any(ch.isalpha() for ch in word)


def _surface(
    key: tuple[str, ...],
    positions: list[int],
    words: list[str],
    offsets: list[int],
    starts: set[int],
    doc: Document,
) -> str | None:
    """The article's own spelling of a phrase.

    ``None`` when a phrase never occurs as written, i.e. every occurrence
    crosses punctuation ("Jakarta, Bandung").
    """
    size = len(key)
    # The spelling is read from the first uses only: a word repeated thousands of times
    # in one long sentence made this quadratic (a substring search of the sentence per use).
    positions = positions[:_SURFACE_USES]
    if size == 1:
        # The most used mid-sentence spelling ("pahlawan" over "pahlawannya"), else the first.
        mid = [words[i] for i in positions if i not in starts]
        return _most_used(mid) if mid else words[positions[0]]
    # As written (no punctuation inside) and cased alike: "Bank Indonesia" and
    # "transportasi online", not "menikahi Madeleine Swann".
    first = None  # the first kept use, should all be sentence-initial
    mid = []
    written: dict[tuple[str, int], bool] = {}  # (form, sentence) → found as written
    for i in positions:
        span = words[i : i + size]
        initial = i in starts
        if _evenly_cased(span, initial):
            form = " ".join(span)
            sentence = bisect_right(offsets, i) - 1
            found = written.get((form, sentence))
            if found is None:
                found = written[form, sentence] = form in doc.sentences[sentence].text
            if found:
                if not initial:
                    mid.append(form)
                elif first is None:
                    first = form
    return _most_used(mid) if mid else first


def _most_used(forms: list[str]) -> str:
    """The most frequent of ``forms``; ties go to the first seen."""
    return max(dict.fromkeys(forms), key=forms.count)


def _evenly_cased(words: list[str], sentence_initial: bool) -> bool:
    """Every word capitalised, or none (a sentence's first word may be either)."""
    caps = {w[:1].isupper() for w in words[1:] if w[:1].isalpha()}
    if not sentence_initial:
        caps.add(words[0][:1].isupper())
    return len(caps) < 2
