"""Headline form: how a kept stretch of a sentence is written as a title.

Indonesian newsrooms write titles telegraphically: the active ``meN-`` prefix of a
transitive verb goes (``menahan`` → ``Tahan``), the perfective ``telah`` and fillers such as
``juga`` go, a closing ``tersebut`` goes.
Negation, modals and ``akan`` always stay: they carry the meaning. Words are title-cased
except short prepositions and conjunctions (PUEBI), and acronyms and names keep their form.
"""

from __future__ import annotations

from ..text.tagger import tagger
from ..text.words import STOP_WORDS, stem

__all__ = [
    "DROPPED",
    "INTERROGATIVES",
    "MINOR",
    "acronym_in_caps",
    "apply_case",
    "bare_verb",
    "shouting",
]

# after these "pun" means "any" ("jenis apa pun") and stays
INTERROGATIVES = frozenset(["apa", "siapa", "mana", "kapan", "bagaimana", "berapa"])
# words a title leaves out wherever the sentence had them (never negation or modals)
DROPPED = frozenset(
    [
        "telah",
        "sedang",
        "tengah",
        "juga",
        "pun",
        "pula",
        "memang",
        "lah",
        "saja",
        "sebanyak",
        "tersebut",
    ]
)
# words kept lower-case inside a title-cased headline (PUEBI: prepositions, conjunctions)
MINOR = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "atau",
        "yang",
        "untuk",
        "pada",
        "dengan",
        "dalam",
        "oleh",
        "bagi",
        "serta",
        "sebagai",
        "hingga",
        "sampai",
        "per",
        "vs",
        "daripada",
        "kepada",
        "terhadap",
        "tentang",
        "atas",
        "antara",
    ]
)

_VOWELS = "aiueo"
# meN- words whose bare form is a different word: menurut ≠ turut, menarik (adj.) ≠ tarik;
# intransitive ones keep their prefix in titles too ("Rupiah Menguat")
_KEEP_FULL = frozenset(
    [
        "meninggal",
        "menurut",
        "mengenai",
        "melalui",
        "merupakan",
        "menengah",
        "mendatang",
        "menarik",
        "mempunyai",
        "melainkan",
        "menyeluruh",
        "menonjol",
        "mengerikan",
        "menyenangkan",
        "mengejutkan",
        "membanggakan",
        "mengecewakan",
        "memuaskan",
        "memprihatinkan",
        "menegangkan",
        "menggemaskan",
        "menakjubkan",
        "mengesankan",
        "membingungkan",
        "memalukan",
        "meningkat",
        "membaik",
        "memburuk",
        "menguat",
        "melemah",
        "melonjak",
        "menipis",
        "meluas",
        "mereda",
        "menahu",
        "menurun",
        "menanjak",
        "menangis",
        "menjabat",
        "menghilang",
        "menyusut",
        "menjauh",
        "mendekat",
        "mengungsi",
        "menetap",
        "menikah",
        "menyerah",
        "menggeliat",
        # bare forms that are other words: "aku" (I), "nanti" (later)
        "mengaku",
        "menanti",
    ]
)
_BARE: dict[str, str | None] = {}  # word as written → its bare verb form (or None)
_BARE_LIMIT = 100_000


def bare_verb(word: str) -> str | None:
    """Headline form of a ``meN-`` verb (``mengguncang`` → ``guncang``), or ``None``.

    The stem says which initial consonant the nasal swallowed. Cached per spelling.
    """
    try:
        return _BARE[word]
    except KeyError:
        pass
    bare = _bare_verb(word)
    if len(_BARE) < _BARE_LIMIT:
        _BARE[word] = bare
    return bare


def _bare_verb(word: str) -> str | None:
    low = word.lower()
    if len(low) < 6 or not low.startswith("me") or not low.isalpha() or low in _KEEP_FULL:
        return None
    root = stem(low)
    if root == low or len(root) < 3:
        return None
    if low.startswith("memper"):
        return low[3:]
    readings = _readings(low)
    if len(readings) == 1:
        return readings[0] if readings[0].startswith(root[:3]) else None
    # the reading whose passive newsrooms write ("dikira", not "diira"; "ditonton", not
    # "dinonton"), then the one written itself, then the one Sastrawi's stem fits
    known = tagger().known
    best = max(
        readings,
        key=lambda r: (known("di" + r), known(r), r.startswith(root[:3])),
    )
    if not (known("di" + best) or known(best) or best.startswith(root[:3])):
        return None
    return best


def _readings(low: str) -> list[str]:
    """The bare forms a ``meN-`` word can stand for: the nasal alone went (``mengambil`` →
    ``ambil``), it swallowed a consonant (``mengirim`` → ``kirim``, ``memakai`` →
    ``pakai``, ``menahan`` → ``tahan``, ``menyerang`` → ``serang``), or the root itself
    starts with a nasal (``memakan`` → ``makan``, ``menanti`` → ``nanti``). Sastrawi's
    dictionary holds both readings of some words (``mengira``: ``ira``/``kira``;
    ``memadukan``: ``madu``/``padu``), so :func:`_bare_verb` asks the corpus too."""
    if low.startswith("meng"):
        rest = low[4:]
        return [rest, "k" + rest] if rest[:1] in _VOWELS else [rest]
    if low.startswith("meny"):
        return ["s" + low[4:], low[2:]]
    for prefix, consonant in (("mem", "p"), ("men", "t")):
        if low.startswith(prefix):
            rest = low[len(prefix) :]
            if rest[:1] in _VOWELS:
                return [consonant + rest, low[2:]]
            return [rest]
    if low[2:3] in "lmnrwy":
        return [low[2:]]
    return []


def apply_case(text: str, case: str) -> str:
    """Title or sentence case, keeping acronyms (``KPK``, ``AS``) and names (``McGregor``)."""
    words = text.split()
    if shouting(words):
        words = [w if acronym_in_caps(w) else w.lower() for w in words]
    title = case == "title"
    out: list[str] = []
    first = True
    for word in words:
        if title:
            cache = _TITLE_FIRST if first else _TITLE_INNER
            cased = cache.get(word)
            if cased is None:
                cased = _title_word(word, first)
                if len(cache) < 100_000:
                    cache[word] = cased
        elif word[:1].islower() and not word.islower():
            cased = word  # iPhone, eKTP
        else:
            cased = word[:1].upper() + word[1:] if first else word
        out.append(cased)
        first = cased.endswith(":")
    return " ".join(out)


_TITLE_FIRST: dict[str, str] = {}  # word → its title-case form, first in the headline
_TITLE_INNER: dict[str, str] = {}  # and anywhere else


def _title_word(word: str, first: bool) -> str:
    if word[:1].islower() and not word.islower():
        return word  # iPhone, eKTP
    if not first and word.lower() in MINOR:
        return word.lower()
    if "-" in word:
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    if word[:1] in "\"'“‘(" and len(word) > 1:
        return word[0] + _title_word(word[1:], first)
    return word[:1].upper() + word[1:]


def shouting(words: list[str]) -> bool:
    """Mostly capitals: text typed in caps lock, where capitals say nothing about names."""
    upper = sum(map(str.isupper, words))
    if upper < 3:  # fewer than 3 cased words, or at most 2 of 3 or more in capitals
        return False
    # digits are never upper case, so only the count of cased words needs them taken out
    cased = len(words) - sum(map(str.isdigit, words))
    return cased >= 3 and upper >= 0.8 * cased


def acronym_in_caps(word: str) -> bool:
    """In all-caps text only short non-words look like acronyms (``KPK``, ``TNI``, ``AS``)."""
    return word.isupper() and len(word) <= 3 and word.lower() not in STOP_WORDS
