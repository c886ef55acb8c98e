"""Sentence compression into headline shape: rules first, then a learned word-deletion model.

Indonesian headlines are telegraphic versions of the story's key sentence:
no dateline, no ``kata …`` attribution, no ``Senin (18/9)``, no parenthetical,
often the bare verb (``guncang`` for ``mengguncang``). The rules below remove
what newsrooms always remove; the rest is decided word by word by a logistic
model trained on IndoSum's real titles (``summarizer/data/headline_model.json``,
retrained by ``python -m benchmarks.headlines train --data …``). Features are
plain strings and the model is a dict of weights, so scoring is a few dict
look-ups per word.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..text.clean import strip_dateline
from ..text.speech import SAID_PATTERN, SAYS
from ..text.words import STOP_WORDS, stem

__all__ = [
    "Tokens",
    "bare_verb",
    "load_model",
    "Scorer",
    "prepare",
    "scorer",
    "probability",
    "score_tokens",
    "token_features",
    "use_model",
]

MODEL_FILE = "headline_model.json"

_DAYS = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)"
_MONTHS = (
    r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
    r"Desember|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Sep|Okt|Nov|Des)"
)
_PART_OF_DAY = r"(?:\s++(?:pagi|siang|sore|malam|petang|dini\s++hari|kemarin))?"
_CLOCK = r"(?:\s*+,?\s*+(?:sekitar\s++|sejak\s++|mulai\s++)?pukul\s++\d{1,2}(?:[.:]\d{2})?(?:\s*+(?:WIB|WITA|WIT))?(?:\s++waktu\s++setempat)?)?"
# A pattern that takes the spaces before what it removes starts on the first space of a run,
# never inside it: the same matches, but a run of n spaces costs n steps and not n² (or n³
# with two space quantifiers in a row). Spaces are possessive (``\s*+``) where what follows
# cannot start with one, for the same reason.
_RUN_START = r"(?!(?<=\s)\s)"
# The lookahead only skips positions quickly: a time phrase starts on a space, a comma, a
# digit or the first letter of a lead-in word, day name or "pukul" (ſ and the Kelvin sign are
# what s and k also match when case is ignored).
_TIME = re.compile(
    rf"(?=[\s,\dphsmtrkjPHSMTRKJ\u017f\u212a]){_RUN_START}"
    rf"\s*+,?\s*+(?:(?:pada|hari|sejak|mulai|sekitar|tanggal|hingga|sampai)\s++)*"
    rf"(?:(?:hari\s++)?{_DAYS}(?:\s*+\(\s*+\d{{1,2}}\s*+/\s*+\d{{1,2}}(?:\s*+/\s*+\d{{2,4}})?\s*+\))?"
    rf"(?:\s*+,?\s*+\d{{1,2}}\s++{_MONTHS}(?:\s++\d{{4}})?)?{_PART_OF_DAY}{_CLOCK}"
    rf"|\d{{1,2}}\s++{_MONTHS}\s++\d{{4}}"
    rf"|pukul\s++\d{{1,2}}(?:[.:]\d{{2}})?(?:\s*+(?:WIB|WITA|WIT))?(?:\s++waktu\s++setempat)?)"
    rf"(?:\s++waktu\s++\w+(?:\s++[A-Z]\w+)*)?",
    re.I,
)
# cheap tests for where a time phrase may be (in the lower-cased text), so the costly
# pattern runs only near it; two patterns, since each starting on a set of characters lets
# the regex engine skip ahead to those characters
_TIME_HINTS = (
    re.compile(r"senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|pukul"),
    re.compile(r"\d\s++(?:jan|feb|mar|apr|mei|jun|jul|agu|agt|sep|okt|nov|des)"),
)
_PAREN = re.compile(rf"{_RUN_START}\s*+[(\[][^)\]]{{0,80}}[)\]]")
# ``..., kata Kapolri Tito Karnavian kepada wartawan.`` / ``..." ujarnya.``: everything from
# the comma or quotation mark on goes. The pattern starts on that mark (``,`` then an optional
# quote, or a quote then an optional comma) so the engine skips straight to such marks.
_ATTRIBUTION = re.compile(rf"[,\"”](?:(?<=,)\s*+[\"”]?|(?<=[\"”])\s*+,?)\s*+{SAID_PATTERN}\b", re.I)
_OPENER = re.compile(
    r"^\s*+(?:Sementara\s++itu|Selain\s++itu|Di\s++sisi\s++lain|Namun(?:\s++demikian)?|"
    r"Oleh\s++(?:karena|sebab)\s++itu|Dengan\s++demikian|Meski(?:pun)?\s++(?:begitu|demikian)|"
    r"Sebelumnya|Kemudian|Bahkan|Adapun|Sebab|Padahal|Akan\s++tetapi|Untuk\s++itu|"
    r"Dalam\s++kesempatan\s++(?:itu|tersebut)|Menurut\s++(?:dia|dirinya|mereka|[^,]{2,60}?)|"
    # a leading subordinate clause: the news is in the main clause after it
    r"(?:Setelah|Usai|Seusai|Sebelum|Saat|Ketika|Selama|Sejak|Meski(?:pun)?|Walau(?:pun)?|"
    r"Berdasarkan|Terkait|Menanggapi|Di\s++tengah|Dalam\s++rapat|Dalam\s++acara)\s[^,\"“]{3,80})"
    r"\s*+,\s*+(?=[A-Za-z])",
    re.I,
)
_QUOTES = "\"“”‘’'"
# possessive: nothing after a word's letters or its joined parts can make it end earlier, so the
# engine keeps no backtracking points (the same words as with greedy repeats)
# ("$" joins too: "US$50", "S$1,2")
WORD_RE = re.compile(r"\w++(?:[-'’.,/$]\w++)*+%?", re.UNICODE)
_WORD_SPLIT = re.compile(f"({WORD_RE.pattern})", re.UNICODE)
_SUBORDINATORS = frozenset(
    [
        "yang",
        "karena",
        "sehingga",
        "setelah",
        "ketika",
        "saat",
        "sebelum",
        "sesudah",
        "namun",
        "tetapi",
        "agar",
        "supaya",
        "meski",
        "meskipun",
        "walaupun",
        "bahwa",
        "jika",
        "apabila",
        "sedangkan",
        "sementara",
        "usai",
        "seusai",
    ]
)


@dataclass(slots=True)
class Tokens:
    """The words of a compressed sentence and the context the model looks at, as
    parallel lists (one object per sentence, not per word: this runs per request)."""

    words: list[str]
    clauses: list[int]  # commas/semicolons before each word
    quoted: list[bool]
    after_speech: list[bool]  # comes after "mengatakan", "menilai", ...

    def __len__(self) -> int:
        return len(self.words)


def strip_rules(sentence: str) -> str:
    """The sentence with dateline, opener, parentheticals, time phrases, attribution removed."""
    text, _ = strip_dateline(sentence.strip())
    text = _OPENER.sub("", text, count=1)
    if "(" in text or "[" in text:
        text = _PAREN.sub("", _acronyms(text) if "(" in text else text)
    text = _strip_time(text)
    attribution = _ATTRIBUTION.search(text)
    if attribution:  # cut it with the spaces before it
        text = text[: attribution.start()].rstrip()
    return text.strip(" ,.;:!?-–—" + _QUOTES)


# "(BMKG)", "(KemenPUPR)": at least two capitals, no spaces; "(Persero)" and "(Jokowi)" are not
_ACRONYM = re.compile(rf"{_RUN_START}\s*+\(([A-Z][A-Za-z0-9&-]{{1,9}})\)")
_NAME_JOINERS = frozenset(["dan", "serta", "&"])


def _acronyms(text: str) -> str:
    """An institution by its acronym: "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)
    memprediksi" → "BMKG memprediksi".

    Headlines name an institution by its acronym; the full name before it is dropped from
    the word that starts with the acronym's first letter on ("Kepala BNPB Suharyanto").
    """
    parts: list[str] = []
    last = 0
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        if sum(c.isupper() for c in acronym) < 2:
            continue
        start = _name_start(text, match.start(), acronym[0])
        if start is not None and start >= last:
            parts += (text[last:start], acronym)
            last = match.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _name_start(text: str, end: int, initial: str) -> int | None:
    """Where the capitalised name of two or more words ending at ``end`` starts with ``initial``."""
    start = None
    words = found = 0
    pos = end
    while pos > 0:
        space = text.rfind(" ", 0, pos)
        word = text[space + 1 : pos].rstrip(",")
        if word[:1].isupper():
            words += 1
            if word[0] == initial:
                start = space + 1
                found = words
        elif word not in _NAME_JOINERS:
            break
        pos = space
    return start if start is not None and found >= 2 else None


def _strip_time(text: str) -> str:
    low = text.lower()
    hints = [hint.start() for pattern in _TIME_HINTS if (hint := pattern.search(low))]
    if not hints:
        return text
    start = min(hints)
    for _ in range(3):  # "..., pada hari Senin": the phrase starts a few words earlier
        start = max(0, text.rfind(" ", 0, start))
    return text[:start] + _TIME.sub("", text[start:])


def prepare(sentence: str) -> Tokens:
    """Rule-compressed words of ``sentence``, each with its clause/quote context."""
    text = strip_rules(sentence)
    if _CONTEXT_MARK.search(text):
        words, clauses, quotes = _in_context(text)
    else:  # one clause, nothing quoted
        words = WORD_RE.findall(text)
        clauses = [0] * len(words)
        quotes = [False] * len(words)
    n = len(words)
    speech = [False] * n
    if not SAYS.isdisjoint(words):  # every word after the first speech verb
        first = next(i for i, word in enumerate(words) if word in SAYS)
        speech[first + 1 :] = [True] * (n - first - 1)
    return Tokens(words, clauses, quotes, speech)


_CONTEXT_MARK = re.compile(r'[,;"“”]')  # what opens a clause or a quotation


def _in_context(text: str) -> tuple[list[str], list[int], list[bool]]:
    """The words of ``text``, the commas/semicolons before each, and whether it is quoted."""
    # [gap, word, gap, word, …, gap]: only gaps other than one space hold punctuation
    parts = _WORD_SPLIT.split(text)
    words = parts[1::2]
    n = len(words)
    clauses = [0] * n
    quotes = [False] * n
    clause = 0
    quoted = False
    marks = [i for i, gap in enumerate(parts[: 2 * n : 2]) if gap and gap != " "]
    # the context changes only at punctuation: fill each stretch up to the next mark at once
    for m, i in enumerate(marks):
        gap = parts[2 * i]
        clause += gap.count(",") + gap.count(";")
        quoted ^= (gap.count('"') + gap.count("“") + gap.count("”")) % 2 == 1
        end = marks[m + 1] if m + 1 < len(marks) else n
        if clause:
            clauses[i:end] = [clause] * (end - i)
        if quoted:
            quotes[i:end] = [True] * (end - i)
    return words, clauses, quotes


def _shape(word: str, index: int) -> str:
    first = word[:1]
    if first.isdigit():
        return "num"
    if word.isupper():
        return "acro" if sum(c.isalpha() for c in word) <= 5 else "caps"
    if first.isupper():
        return "cap0" if index == 0 else "cap"
    return "low"


def _affix(low: str) -> str:
    if low.startswith(("mem", "men", "meng", "meny")) or (
        low.startswith("me") and low[2:3] in "lrwy"
    ):
        return "meN"
    for prefix in ("ber", "di", "ter", "ke", "pe", "se"):
        if low.startswith(prefix) and len(low) > len(prefix) + 3:
            return prefix
    return "-"


def _bucket(i: int) -> str:
    return str(i) if i < 4 else "4-5" if i < 6 else "6-8" if i < 9 else "9-13" if i < 14 else "14+"


def _freq_bucket(freq: int) -> str:
    return "0" if freq <= 1 else "1" if freq == 2 else "2" if freq <= 4 else "3"


_BUCKETS = [_bucket(i) for i in range(15)]
_FREQ_INDEX = [int(_freq_bucket(f)) for f in range(64)]  # doc count → bucket number
_SHAPES = ("num", "acro", "caps", "cap0", "cap", "low")
_NAMEISH = frozenset(("acro", "caps", "cap0", "cap"))


def _run(shapes: list[str], i: int) -> str:
    """Where a capitalised word sits in its run of capitalised words (names, titles)."""
    inside = i > 0 and shapes[i - 1] in _NAMEISH
    last = i + 1 == len(shapes) or shapes[i + 1] not in _NAMEISH
    return "run=" + ("I" if inside else "B") + ("E" if last else "")


def token_features(
    tokens: Tokens, sentence_index: int, doc_counts: dict[str, int]
) -> list[list[str]]:
    """String features of each token: the word, its neighbours, shape, position, document weight."""
    lows = [word.lower() for word in tokens.words]
    n = len(tokens)
    out = []
    sent = "s0" if sentence_index == 0 else "s1" if sentence_index == 1 else "s2+"
    yang_seen = 0
    shapes = [_shape(word, i) for i, word in enumerate(tokens.words)]
    for i in range(n):
        low = lows[i]
        prev = lows[i - 1] if i else "<s>"
        nxt = lows[i + 1] if i + 1 < n else "</s>"
        shape = shapes[i]
        stop = low in STOP_WORDS
        fb = _freq_bucket(doc_counts.get(low, 0))
        rel = min(4, 5 * i // max(1, n))
        if prev in _SUBORDINATORS:
            yang_seen += 1
        feats = [
            "b",
            "w=" + low,
            "p=" + prev,
            "n=" + nxt,
            "sh=" + shape,
            "sh2=" + shapes[i - 1] + shape if i else "sh2=<s>" + shape,
            "stop" if stop else "content",
            "pos=" + _bucket(i),
            "rel=" + str(rel),
            "cl=" + str(min(tokens.clauses[i], 3)),
            "sub=" + str(min(yang_seen, 2)),
            "af=" + _affix(low),
            "df=" + fb,
            "df_sh=" + fb + shape,
            "sent=" + sent,
            "sent_pos=" + sent + _bucket(i),
        ]
        if shape in _NAMEISH:
            feats.append(_run(shapes, i))
        if tokens.quoted[i]:
            feats.append("quoted")
        if tokens.after_speech[i]:
            feats.append("after_speech")
        if low.endswith("nya"):
            feats.append("nya")
        out.append(feats)
    return out


class Scorer:
    """The model compiled into lookup tables: the same log-odds as summing the weights of
    :func:`token_features`, without building feature strings (this runs per request)."""

    def __init__(self, weights: dict[str, float], keep_full: Iterable[str] = ()) -> None:
        # meN- verbs headlines keep whole (learned from titles, plus words whose bare
        # form means something else)
        self.keep_full = frozenset(keep_full) | _KEEP_FULL
        groups: dict[str, dict[str, float]] = {}
        for name, value in weights.items():
            prefix, _, rest = name.partition("=")
            groups.setdefault(prefix if _ else "", {})[rest if _ else name] = value
        flags = groups.get("", {})
        self.bias = flags.get("b", 0.0)
        self.stop, self.content = flags.get("stop", 0.0), flags.get("content", 0.0)
        self.quoted, self.after_speech = flags.get("quoted", 0.0), flags.get("after_speech", 0.0)
        self.nya = flags.get("nya", 0.0)
        self.words = groups.get("w", {})
        self.prev, self.next = groups.get("p", {}), groups.get("n", {})
        self.tables = {k: groups.get(k, {}) for k in ("sh", "sh2", "pos", "rel", "cl", "sub")}
        self.tables.update(
            {k: groups.get(k, {}) for k in ("af", "df", "df_sh", "sent", "sent_pos")}
        )
        self._word_cache: dict[str, float] = {}
        # position, clause and shape/frequency weights as small lists, indexed directly
        t = self.tables
        # (a row per sentence bucket, one weight per token position; beyond the row, its last)
        self._position = {}
        for sent in ("s0", "s1", "s2+"):
            row = [
                self.bias
                + t["sent"].get(sent, 0.0)
                + t["pos"].get(b, 0.0)
                + t["sent_pos"].get(sent + b, 0.0)
                for b in _BUCKETS
            ]
            self._position[sent] = row + [row[-1]] * (64 - len(row))
        run = {"run=" + k: v for k, v in groups.get("run", {}).items()}
        # by (previous word name-like, this is the run's last word)
        self._run_weights = [[run.get(name, 0.0) for name in names] for names in _RUN_NAMES]
        self._rel_rows: dict[int, list[float]] = {}
        self._rel = [t["rel"].get(str(r), 0.0) for r in range(5)]
        self._clause = [t["cl"].get(str(c), 0.0) for c in range(4)]
        self._sub = [t["sub"].get(str(k), 0.0) for k in range(3)]
        # shape pair weights as nested dicts: no string concatenation per word
        self._sh2 = {a: {b: t["sh2"].get(a + b, 0.0) for b in _SHAPES} for a in ("<s>", *_SHAPES)}
        self._start_prev = self.prev.get("<s>", 0.0)
        self._end_next = self.next.get("</s>", 0.0)
        # token as written → (lower case, shape after the first word, word, prev, next weights,
        # whether it opens a subordinate clause)
        self._token_cache: dict[str, tuple[str, str, float, float, float, bool]] = {}
        self._shape_df = [
            {
                shape: t["sh"].get(shape, 0.0)
                + t["df"].get(fb, 0.0)
                + t["df_sh"].get(fb + shape, 0.0)
                for shape in _SHAPES
            }
            for fb in "0123"
        ]
        # doc count (up to 63) → its frequency bucket's weights by shape
        self._count_shape = [self._shape_df[bucket] for bucket in _FREQ_INDEX]

    def _word(self, low: str) -> float:
        cached = self._word_cache.get(low)
        if cached is None:
            cached = (
                self.words.get(low, 0.0)
                + self.tables["af"].get(_affix(low), 0.0)
                + (self.stop if low in STOP_WORDS else self.content)
                + (self.nya if low.endswith("nya") else 0.0)
            )
            if len(self._word_cache) < 100_000:
                self._word_cache[low] = cached
        return cached

    def _token(self, word: str) -> tuple[str, str, float, float, float, bool]:
        """What the model needs of a token wherever it stands, cached per spelling."""
        low = word.lower()
        info = (
            low,
            _shape(word, 1),
            self._word(low),
            self.prev.get(low, 0.0),
            self.next.get(low, 0.0),
            low in _SUBORDINATORS,
        )
        if len(self._token_cache) < 100_000:
            self._token_cache[word] = info
        return info

    def logits(
        self, tokens: Tokens, sentence_index: int, doc_counts: dict[str, int]
    ) -> list[float]:
        """Keep log-odds of each token (> 0: more likely in the headline)."""
        words = tokens.words
        n = len(words)
        if not n:
            return []
        sent = "s0" if sentence_index == 0 else "s1" if sentence_index == 1 else "s2+"
        position = self._position[sent]
        if n > len(position):
            position = position + [position[-1]] * (n - len(position))
        rel = self._rel_row(n)
        cl_w, sub_w, count_shape, sh2 = self._clause, self._sub, self._count_shape, self._sh2
        get_count, cache = doc_counts.get, self._token_cache
        infos = [cache.get(word) or self._token(word) for word in words]
        shapes = [info[1] for info in infos]
        if shapes[0] == "cap":
            shapes[0] = "cap0"
        nexts = [info[4] for info in infos]
        nexts.append(self._end_next)  # nexts[i + 1]: what the word after token i adds
        out = []
        yang_seen = 0
        sub = sub_w[0]
        prev_opens, prev_shape, prev_weight = False, "<s>", self._start_prev
        # the same terms summed in the same order as token_features lists them
        for i, ((low, _, word_weight, as_prev, _, opens), shape, clause) in enumerate(
            zip(infos, shapes, tokens.clauses, strict=True)
        ):
            if prev_opens:  # the previous word opened a subordinate clause
                yang_seen += 1
                sub = sub_w[yang_seen] if yang_seen < 3 else sub_w[2]
            count = get_count(low, 0)
            out.append(
                position[i]
                + word_weight
                + prev_weight
                + nexts[i + 1]
                + count_shape[count if count < 64 else 63][shape]
                + sh2[prev_shape][shape]
                + rel[i]
                + (cl_w[clause] if clause < 4 else cl_w[3])
                + sub
            )
            prev_opens, prev_shape, prev_weight = opens, shape, as_prev
        # rarer terms, added after those and in the same order: name run, quoted, after speech
        run_w = self._run_weights
        before = False
        for i, shape in enumerate(shapes):
            if shape in _NAMEISH:
                out[i] += run_w[before][i + 1 == n or shapes[i + 1] not in _NAMEISH]
                before = True
            else:
                before = False
        if True in tokens.quoted:
            for i, quoted in enumerate(tokens.quoted):
                if quoted:
                    out[i] += self.quoted
        if True in tokens.after_speech:
            for i in range(tokens.after_speech.index(True), n):
                if tokens.after_speech[i]:
                    out[i] += self.after_speech
        return out

    def _rel_row(self, n: int) -> list[float]:
        """The relative-position weight of each of ``n`` tokens, cached per length."""
        row = self._rel_rows.get(n)
        if row is None:
            row = [self._rel[5 * i // n] for i in range(n)]
            if len(self._rel_rows) < 1_000:
                self._rel_rows[n] = row
        return row


# run feature by (previous word name-like, this is the run's last word)
_RUN_NAMES = (("run=B", "run=BE"), ("run=I", "run=IE"))


_override: dict | None = None


@lru_cache(maxsize=1)
def _packaged_model() -> dict:
    path = resources.files("summarizer.data").joinpath(MODEL_FILE)
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {"weights": {}}


def load_model() -> dict:
    """The word-deletion model: ``{"weights": {feature: weight}, ...}`` (packaged unless swapped)."""
    return _override if _override is not None else _packaged_model()


_compiled: list = [None, None]  # [model, its Scorer]


def scorer() -> Scorer:
    """The compiled scorer of the current model, built once per model."""
    model = load_model()
    if _compiled[0] is not model:
        _compiled[:] = [model, Scorer(model.get("weights", {}), model.get("keep_full", ()))]
    return _compiled[1]


def use_model(model: dict | None) -> None:
    """Swap in another model (cross-validation trains one per fold); ``None`` restores the packaged one."""
    global _override
    _override = model


def score_tokens(features: list[list[str]], weights: dict[str, float]) -> list[float]:
    """Keep log-odds of each token under the logistic model (> 0: more likely kept)."""
    get = weights.get
    return [sum([get(f, 0.0) for f in feats]) for feats in features]


def probability(logit: float) -> float:
    """The logistic function, clipped so it never overflows."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


_VOWELS = "aiueo"
# meN- words whose bare form is a different word: menurut ≠ turut, menarik (adj.) ≠ tarik
_KEEP_FULL_WORDS = (
    "meninggal menurut mengenai melalui merupakan menengah mendatang menarik mempunyai "
    "melainkan menyeluruh menonjol mengerikan menyenangkan mengejutkan membanggakan "
    "mengecewakan memuaskan memprihatinkan menegangkan menggemaskan menakjubkan mengesankan "
    "membingungkan memalukan meningkat membaik memburuk menguat melemah melonjak menipis "
    "meluas mereda menahu"
)
_KEEP_FULL = frozenset(_KEEP_FULL_WORDS.split())


_BARE: dict[str, str | None] = {}  # word as written → its bare verb form (or None)
_BARE_LIMIT = 100_000


def bare_verb(word: str) -> str | None:
    """Headline form of a ``meN-`` verb (``mengguncang`` → ``guncang``), or ``None``.

    Newsrooms drop the active prefix in titles (``Jokowi Resmikan Tol``). The
    stem says which initial consonant the nasal swallowed. Cached per spelling:
    headlines ask about the same words many times.
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
    if len(low) < 6 or not low.startswith("me") or not low.isalpha():
        return None
    root = stem(low)
    if root == low or len(root) < 3:
        return None
    if low.startswith("memper"):
        bare = low[3:]
    elif low.startswith("meng"):
        rest = low[4:]
        bare = "k" + rest if root[0] == "k" and root[1:3] == rest[:2] else rest
    elif low.startswith("meny"):
        bare = "s" + low[4:]
    elif low.startswith("mem"):
        rest = low[3:]
        bare = "p" + rest if root[0] == "p" and rest[:1] in _VOWELS else rest
    elif low.startswith("men"):
        rest = low[3:]
        bare = "t" + rest if root[0] == "t" and rest[:1] in _VOWELS else rest
    elif low[2:3] in "lmnrwy":
        bare = low[2:]
    else:
        return None
    if not bare.startswith(root[:3]) and not bare.startswith("per"):
        if not low[2:].startswith(root[:3]):  # me + m/n/r… root: memenangkan → menangkan
            return None
        bare = low[2:]
    return bare
