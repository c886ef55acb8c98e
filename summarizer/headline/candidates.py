"""Headline candidates shaped the way Indonesian newsrooms write them.

Four kinds, each candidate tagged with the one that made it:

- ``lead`` / ``compressed``: the lead (or a top-ranked) sentence with dateline,
  attribution, time phrases and parentheticals removed by rule, then cut down
  word by word by a logistic keep/drop model learned from real titles
  (:mod:`summarizer.headline.compress`), with the bare verb form (``Resmikan``).
- ``quote``: ``Tokoh: kutipan`` from a speaker and a short, strong quote.
- ``entity``: the article's most mentioned name followed by what it did, from
  the first sentence where that name acts.

The lead candidate always comes first; the others follow in the order above
(compressed top-ranked sentence, entity, quote, next ranked sentence), each made
only while more candidates are wanted.

Every candidate has at most 12 words and ``max_chars`` characters, does not
end on a preposition, conjunction or ``yang``, has no final period, keeps
acronyms, and differs from the others by more than word order or a prefix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import partial
from itertools import chain
from math import exp

from ..result import Headline
from ..text.clean import CITIES
from ..text.document import Document, Sentence
from ..text.speech import SAID_ROOT, SAYS
from ..text.words import STOP_WORDS, is_common_word, stem
from . import compress

_probability = compress.probability

MAX_WORDS = 12
DEFAULT_MAX_CHARS = 90
HEADLINE_CASES = ("title", "sentence")
KEEP_BIAS = 1.3  # added to each word's log-odds: longer, more complete headlines
GAP_PENALTY = 1.5  # cost of skipping words inside the headline: contiguous phrases read better
MIN_WORDS = 3
TRIM_RELATIVE = True  # cut a trailing "yang …" relative clause
VERB_BONUS = 1.0  # added to the main verb's log-odds
SUBJECT_BONUS = 1.0  # and to the name just before it
QUOTE_WINDOW = 10  # sentences searched for a quote
QUOTE_WORDS = 8  # longest quote part of a "Tokoh: kutipan" headline
LEAD_VARIANT_GAP = 4.0
LEAD_WINDOW = 3  # the lead is the first substantive sentence among these
ENTITY_WINDOW = 6  # sentences searched for the article's main name


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# words kept lower-case inside a title-cased headline (PUEBI: prepositions, conjunctions)
_MINOR = _wordset(
    "di ke dari dan atau yang untuk pada dengan dalam oleh bagi serta sebagai hingga sampai "
    "per vs daripada kepada terhadap tentang atas antara"
)
# a headline never ends on these
_DANGLING = _wordset(
    "di ke dari dan atau yang untuk pada dengan dalam oleh bagi serta sebagai hingga sampai "
    "karena sehingga bahwa agar supaya jika namun tetapi tapi akan telah sudah masih sedang "
    "juga pun lebih paling sangat para sang si per antara terhadap tentang atas bersama "
    "kepada daripada seperti ketika saat setelah sebelum usai meski walau ialah adalah "
    "merupakan yakni yaitu kata ujar tak tidak belum bukan tanpa bisa harus ingin mau dapat "
    "hendak perlu makin semakin the of a an and to in vs "
    # speech verbs in headline form need what was said after them
    "sebut nilai katakan ungkap ungkapkan jelaskan tegaskan nyatakan akui minta imbau harap "
    "sampaikan tuturkan paparkan tambahkan klaim anggap ingatkan benarkan terangkan"
)
# a headline never starts on these
_NO_START = _wordset(
    "dan atau yang serta namun tetapi tapi sehingga karena bahwa pun juga lalu kemudian di ke "
    "dari pada oleh untuk dengan bagi saat ketika setelah usai"
)
_PRONOUNS = _wordset("dia ia mereka kami kita saya aku beliau dirinya anda")
_QUOTE_IN = re.compile(r"[\"“]([^\"“”]{12,200}?)[,.!?]?[\"”]")
_QUOTE_SPEAKER_AFTER = re.compile(
    rf"[\"”]\s*,?\s*{SAID_ROOT}\s+"
    # a title, what it is of (an acronym in brackets too) and the name: see _short_speaker
    r"((?:(?:[A-Z][\w.'-]*+|\([A-Z][\w-]*+\))\s*+){1,16})"
)
_QUOTE_SPEAKER_NYA = re.compile(rf"[\"”]\s*,?\s*{SAID_ROOT}nya\b")
# (one capitalised word, then up to three more: starting on a capital lets the engine skip
# ahead to capitals)
_SPEAKER_BEFORE = re.compile(
    r"([A-Z][\w.'-]*\s+(?:[A-Z][\w.'-]*\s+){0,3})"
    rf"(?:{'|'.join(sorted(SAYS | {'berkata'}))})\s*(?:bahwa\s*)?,?\s*[\"“]"
)
_SPEECH_VERB = re.compile(rf"\b(?:{'|'.join(sorted(SAYS))})\b")


def _capitalised_run(most: int) -> re.Pattern[str]:
    """Two to ``most`` capitalised words, each at the start of a word (the first one's start
    is tested after the capital, so the engine can skip ahead to capitals)."""
    return re.compile(
        rf"[A-Z](?<!\w[A-Z])[\w'-]*(?:\s+|$)(?:\b[A-Z][\w'-]*(?:\s+|$)){{1,{most - 1}}}"
    )


_NAME_RUN = _capitalised_run(4)
# a speaker with a title before the name ("Wali Kota Surabaya Eri Cahyadi", "Kepala Bidang
# Hubungan Masyarakat Polda Metro Jaya Komisaris Besar Raden Prabowo Argo Yuwono")
_SPEAKER_RUN = _capitalised_run(16)
_TITLE_WORDS = _wordset(
    "presiden wakil menteri ketua kepala gubernur bupati wali walikota direktur kapolri "
    "kapolda kapolres pelatih juru bicara jubir anggota sekretaris jenderal komisaris "
    "kabid kasubdit kasat dirut ceo pendiri manajer kapten wapres mantan perdana kanselir raden "
    "sekjen dirjen kadiv kabag kapolsek panglima rektor pengamat menko dubes prof dr drs ir"
)
# what a job title is of before the name: "Wali Kota Surabaya Eri Cahyadi", "Gubernur Jawa
# Barat Ridwan Kamil", "Kapolda Metro Jaya Irjen Fadil Imran" (ranks are titles too)
_TITLE_OF = _wordset(
    "kota kabupaten provinsi daerah dki metro jaya jawa barat tengah timur utara selatan "
    "sumatera sumatra sulawesi kalimantan nusa tenggara kepulauan bangka belitung aceh riau "
    "jambi bengkulu lampung banten bali papua maluku gorontalo istimewa yogyakarta diy "
    # portfolios and bodies: "Menteri Keuangan Sri Mulyani", "Ketua Komisi III DPR Herman Hery"
    "keuangan luar dalam negeri perhubungan pertahanan kesehatan agama sosial perdagangan "
    "perindustrian pertanian kelautan perikanan pendidikan kebudayaan pariwisata pemuda "
    "olahraga koordinator bidang hukum politik keamanan perekonomian kemaritiman investasi "
    "pekerjaan umum perumahan rakyat ketenagakerjaan lingkungan hidup kehutanan agraria "
    "komunikasi informatika riset teknologi desa sekretaris negara utama komisi dewan badan "
    "dinas pajak bea cukai pusat statistik data informasi humas indonesia ri republik "
    "jabar jateng jatim sumut sumbar sumsel sulsel sulut sulteng sultra kalbar kalteng kalsel "
    "kaltim kaltara ntb ntt babel kepri malut "
    # countries and unions: "Presiden Amerika Serikat Donald Trump", "Kanselir Jerman Angela Merkel"
    "amerika serikat as inggris britania raya prancis perancis jerman italia spanyol belanda "
    "rusia ukraina china tiongkok jepang korea india pakistan iran irak suriah turki mesir arab "
    "saudi israel palestina australia malaysia singapura thailand filipina vietnam myanmar "
    "eropa asia afrika pasifik uni"
) | {city.lower() for city in CITIES}
# police and military ranks: the name follows ("Kadiv Humas Polri Irjen Setyo Wasisto")
_RANKS = _wordset(
    "irjen brigjen komjen kombes akbp kompol akp iptu ipda aiptu aipda bripka brigpol briptu "
    "bripda pol mayjen letjen marsekal marsma marsda laksamana laksma laksda "
    "kolonel kol letkol mayor inspektur brigadir ajun"
)
# the rest of a rank written out ("Inspektur Jenderal", "Inspektur Polisi Satu"); "Komisaris"
# is a rank only before one of these ("Komisaris Besar"), a company's officer otherwise
_RANK_TAILS = _wordset("jenderal besar polisi pol satu dua tingkat muda madya utama")


def headlines(
    doc: Document,
    ranked: list[int],
    count: int = 3,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    case: str = "title",
) -> list[Headline]:
    """Up to ``count`` distinct candidates, best first."""
    if count <= 0 or not doc.sentences:
        return []
    scored = _Sentences(doc)
    lead = _lead_index(doc)
    others = [i for i in ranked[:LEAD_WINDOW] if i != lead][:2]
    used = {lead, *others}

    def compressed(index: int, kind: str, gap: float | None = None) -> tuple | None:
        cand = _compressed(scored, index, max_chars, gap=gap)
        return (cand[0], cand[1], kind, index) if cand else None

    def entity() -> tuple | None:
        cand = _entity(scored, max_chars, [h.text for h in out], used)
        return (cand[0], cand[1], "entity", cand[2]) if cand else None

    def quote() -> tuple | None:
        cand = _quote(doc, max_chars)
        return (cand[0], 0.5, "quote", cand[1]) if cand else None

    # in order of preference; each is made only if still needed (that keeps this fast)
    makers: list[Callable[[], tuple | None]] = [lambda: compressed(lead, "lead")]
    makers += [partial(compressed, i, "compressed") for i in others[:1]]
    makers += [entity, quote]
    makers += [partial(compressed, i, "compressed") for i in others[1:]]
    # the lead again as one unbroken stretch: fewer gaps, different words
    makers.append(lambda: compressed(lead, "lead", LEAD_VARIANT_GAP))

    out: list[Headline] = []
    score = 1.0
    for rank, make in enumerate(makers):
        if len(out) >= count:
            break
        cand = make()
        if cand is None or any(near_duplicate(cand[0], h.text) for h in out):
            continue
        text, confidence, kind, index = cand
        # best first: the method's rank sets the order, the model's confidence the spread
        score = min(score, round((0.5 + confidence / 2) / (1 + rank), 4))
        out.append(Headline(apply_case(text, case), score, kind, index))
    return out


class _Sentences:
    """Rule-compressed tokens and their keep log-odds, computed once per sentence per call."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.counts = doc_counts(doc)
        self.scorer = compress.scorer()
        self._tokens: dict[int, compress.Tokens] = {}
        self._cache: dict[int, tuple[compress.Tokens, list[float]]] = {}
        self._shouting: dict[int, bool] = {}

    def shouting(self, index: int) -> bool:
        hit = self._shouting.get(index)
        if hit is None:
            hit = self._shouting[index] = _shouting(self.doc.sentences[index].words)
        return hit

    def tokens(self, index: int) -> compress.Tokens:
        """The rule-compressed words only: scoring them waits until a candidate needs it."""
        hit = self._tokens.get(index)
        if hit is None:
            hit = self._tokens[index] = compress.prepare(self.doc.sentences[index].text)
        return hit

    def get(self, index: int) -> tuple[compress.Tokens, list[float]]:
        hit = self._cache.get(index)
        if hit is None:
            tokens = self.tokens(index)
            hit = self._cache[index] = (tokens, self.scorer.logits(tokens, index, self.counts))
        return hit


def doc_counts(doc: Document) -> dict[str, int]:
    """How often each (lower-cased) word occurs in the article: central words recur."""
    return Counter(chain.from_iterable([s.lower for s in doc.sentences]))


def near_duplicate(a: str, b: str) -> bool:
    """Same words reordered, one a prefix of the other, or mostly the same words."""
    wa, wb = a.lower().split(), b.lower().split()
    if not wa or not wb:
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if long_[: len(short)] == short:
        return True
    sa, sb = set(wa), set(wb)
    return len(sa & sb) / min(len(sa), len(sb)) > 0.75


def _lead_index(doc: Document) -> int:
    for i, sentence in enumerate(doc.sentences[:LEAD_WINDOW]):
        if len(sentence.words) >= 5:
            return i
    return 0


def _compressed(
    scored: _Sentences,
    index: int,
    max_chars: int,
    start: int = 0,
    gap: float | None = None,
    need_verb: bool = False,
) -> tuple[str, float] | None:
    """The sentence cut to a headline; with ``need_verb`` only if its main verb stays in."""
    tokens, logits = scored.get(index)
    if len(tokens) - start < MIN_WORDS:
        return None
    verb = _main_verb(tokens, start)
    if need_verb and verb is None:
        return None
    if verb is not None:
        logits = logits.copy()
        logits[verb] += VERB_BONUS
        subject = _subject_head(tokens, start, verb)
        if subject is not None:
            logits[subject] += SUBJECT_BONUS
    words: list[str] = []
    tail = logits[start:] if start else logits
    gap = GAP_PENALTY if gap is None else gap
    quoted = tokens.quoted if True in tokens.quoted else None
    fallback = None
    for extra in (0.0, 1.5, 3.0):  # too short once tidied: ask for a longer one
        keep = _decode(tail, gap, KEEP_BIAS + extra)
        keep = _whole_names(tokens, [i + start for i in keep] if start else keep)
        if len(keep) < MIN_WORDS:
            continue  # tidying never adds words: too short already
        if need_verb and verb not in keep:
            continue
        probs = _probabilities([logits[i] for i in keep])
        words = _finish(
            [tokens.words[i] for i in keep],
            probs,
            max_chars,
            as_written=[_as_written(tokens, i, quoted) for i in keep],
        )
        if len(words) >= MIN_WORDS:
            if extra < 3.0 and _cut_verb(tokens, keep, words[-1]):
                fallback = words, probs
                continue  # "Gunung Agung Kembali Semburkan": ask for the object too
            break
    else:
        if fallback is not None:
            words, probs = fallback
    if len(words) < MIN_WORDS:
        return None
    if scored.shouting(index):
        words = [w if _acronym_in_caps(w) else w.lower() for w in words]
    return " ".join(words), sum(probs) / len(probs)


def _as_written(tokens: compress.Tokens, i: int, quoted: list[bool] | None) -> bool:
    """Whether word ``i`` keeps its form: inside quotation marks, or part of a name (a
    capital after a capital: "PT Merial Esa" is no verb "meN-rial")."""
    if quoted is not None and quoted[i]:
        return True
    words = tokens.words
    return i > 0 and words[i][:1].isupper() and words[i - 1][:1].isupper()


def _cut_verb(tokens: compress.Tokens, keep: list[int], last: str) -> bool:
    """Whether the headline ends on a ``meN-`` verb whose object (the next word, same
    clause) was dropped."""
    low = last.lower()
    for j in reversed(keep):
        word = tokens.words[j]
        bare = compress.bare_verb(word) if word[:2].lower() == "me" else None
        if word.lower() == low or bare == low:
            return (
                bare is not None
                and j + 1 < len(tokens)
                and j + 1 not in keep
                and tokens.clauses[j + 1] == tokens.clauses[j]
            )
    return False


def _probabilities(logits: list[float]) -> list[float]:
    """:func:`compress.probability` of each logit, computed inline (it runs per kept word)."""
    # within the clip range the clipped logit is the logit itself
    return [1.0 / (1.0 + exp(-z)) if -30.0 <= z <= 30.0 else _probability(z) for z in logits]


def _whole_names(tokens: compress.Tokens, keep: list[int]) -> list[int]:
    """Kept words plus the rest of any name they start: never ``Kuala`` without ``Lumpur``."""
    kept = set(keep)
    words, clauses = tokens.words, tokens.clauses
    n = len(words)
    grown = False
    for i in keep:
        if not words[i][:1].isupper():
            continue
        j = i + 1
        while j < n and j not in kept and words[j][:1].isupper() and clauses[j] == clauses[i]:
            kept.add(j)
            grown = True
            j += 1
    return sorted(kept) if grown else keep  # ``keep`` is in order already


def _subject_head(tokens: compress.Tokens, start: int, verb: int) -> int | None:
    """The name just before the main verb (``Apple resmi meluncurkan`` → ``Apple``)."""
    for i in range(verb - 1, max(start, verb - 4) - 1, -1):
        first = tokens.words[i][:1]
        if first.isupper() or first.isdigit():
            return i
    return None


def _main_verb(tokens: compress.Tokens, start: int) -> int | None:
    """The first verb after the subject (``meN-``, ``di-``, ``ber-``, ``ter-``): a headline
    without its verb is a list of nouns."""
    words, clauses = tokens.words, tokens.clauses
    clause = clauses[start]
    for i in range(start + 1, min(len(words), start + 12)):
        word = words[i]
        if word[:1].isupper() or clauses[i] > clause:
            continue
        low = word.lower()
        verb = _VERBS.get(low)
        if verb is None:
            verb = _is_verb(low)
        if verb:
            return i
    return None


_VERBS: dict[str, bool] = {}  # lower-case word → whether it is a verb (_is_verb)


def _is_verb(low: str) -> bool:
    """A ``meN-`` verb with a bare form, or a ``di-``, ``ber-`` or ``ter-`` word that is more
    than its stem (``bertambah``, ``tertangkap``; a ber-/ter- stop word such as ``tersebut``,
    ``terhadap`` or ``berbagai`` is not)."""
    verb = bool(compress.bare_verb(low)) or (
        len(low) > 5
        and (low.startswith("di") or (low.startswith(("ber", "ter")) and low not in STOP_WORDS))
        and stem(low) != low
    )
    if len(_VERBS) < 100_000:
        _VERBS[low] = verb
    return verb


def _decode(logits: list[float], gap: float, bias: float) -> list[int]:
    """Indices of the words to keep, in order: likely words in few contiguous stretches.

    A two-state Viterbi pass (keep/drop) maximises the kept words' log-odds
    plus ``bias`` minus ``gap`` for every new stretch; the bias is lowered
    until the headline fits ``MAX_WORDS``.
    """
    keep = _viterbi(logits, bias, gap)
    while len(keep) > MAX_WORDS and bias > -6:
        bias -= 0.5
        shorter = _viterbi(logits, bias, gap)
        if len(shorter) <= MIN_WORDS + 2:
            break  # keep the longer one and trim it below
        keep = shorter
    if len(keep) > MAX_WORDS:
        keep = sorted(sorted(keep, key=lambda i: -logits[i])[:MAX_WORDS])
    return keep


def _viterbi(logits: list[float], bias: float, gap: float) -> list[int]:
    keep_score, drop_score = float("-inf"), 0.0
    # for each word, how the best paths ending there came about: 2 = it and the previous
    # word kept (the best drop path drops a kept word), 1 = kept after a kept word (the
    # best drop path drops a dropped one), 0 = kept after a gap (so was the drop path).
    # A kept word never follows a gap when the previous word kept scores better than
    # dropping it, as ``gap`` is a penalty (>= 0).
    steps: list[int] = []
    step = steps.append
    for z in logits:
        if keep_score >= drop_score:
            step(2)
            drop_score = keep_score
            keep_score = z + bias + keep_score
        elif keep_score >= drop_score - gap:
            step(1)
            keep_score = z + bias + keep_score
        else:
            step(0)
            keep_score = z + bias + (drop_score - gap)
    kept = keep_score >= drop_score
    out = []
    for i in range(len(logits) - 1, -1, -1):
        how = steps[i]
        if kept:
            out.append(i)
            kept = how != 0
        else:
            kept = how == 2
    out.reverse()
    return out


def _by_number(words: list[str], n: int) -> bool:
    """Whether ``words[n]`` stands next to a number: a currency or a unit (``Rp``,
    ``persen``), which a headline repeats with every amount ("Turun Rp 5.000 Jadi Rp 1.450.000")."""
    return (n + 1 < len(words) and words[n + 1][:1].isdigit()) or (
        n > 0 and words[n - 1][:1].isdigit()
    )


def _finish(
    words: list[str],
    probs: list[float],
    max_chars: int,
    *,
    verbatim: bool = False,
    as_written: list[bool] | None = None,
) -> list[str]:
    """Headline form: bare verbs, no repeated words, no dangling ends, within the limits.

    ``verbatim`` (quotes) keeps the speaker's words and repetitions as they are;
    ``as_written`` marks single words (inside quotation marks) whose form stays.
    """
    out: list[str] = []
    lows: list[str] = []  # each kept word in lower case (bare verb forms are lower case)
    ps: list[float] = []
    seen: set[str] = set()
    keep_full = compress.scorer().keep_full
    bare_verb = compress.bare_verb
    last = None  # the last kept word in lower case
    for n, (word, p) in enumerate(zip(words, probs, strict=True)):
        low = word.lower()
        if low == last or (
            not verbatim and low in seen and not low[:1].isdigit() and not _by_number(words, n)
        ):
            continue
        seen.add(low)
        # only meN- words have a bare form
        fixed = verbatim or low in keep_full or (as_written is not None and as_written[n])
        bare = None if fixed or not low.startswith("me") else bare_verb(word)
        if bare:
            out.append(bare)
            last = bare
        else:
            out.append(word)
            last = low
        lows.append(last)
        ps.append(p)
    start = 0
    while start < len(out) and lows[start] in _NO_START:
        start += 1
    if start:
        del out[:start], lows[:start], ps[:start]
    chars = sum(map(len, out)) + len(out) - 1  # len(" ".join(out))
    while out and (len(out) > MAX_WORDS or chars > max_chars):
        # drop the least likely word, but never the first (the subject)
        drop = ps.index(min(ps[1:]), 1) if len(out) > 1 else 0
        chars -= len(out.pop(drop)) + 1
        del lows[drop], ps[drop]
    if not verbatim and TRIM_RELATIVE and "yang" in lows[MIN_WORDS + 1 :]:
        # a trailing relative clause: "Gempa Guncang Lebak yang Berada di …"
        cut = lows.index("yang", MIN_WORDS + 1)
        del out[cut:], lows[cut:]
    while out and lows[-1] in _DANGLING:
        out.pop()
        lows.pop()
    return out


def _quote(doc: Document, max_chars: int) -> tuple[str, int] | None:
    """``Tokoh: kutipan`` from the first short quote whose speaker is named."""
    sentences = doc.sentences[:QUOTE_WINDOW]
    for sentence in sentences:
        text = sentence.text
        quote = _QUOTE_IN.search(text) if ('"' in text or "“" in text) else None
        if not quote:
            continue
        speaker = _speaker(text, quote, sentences[: sentence.index])
        if not speaker:
            continue
        words = compress.strip_rules(quote.group(1)).split()
        room = min(QUOTE_WORDS, MAX_WORDS - len(speaker.split()))
        if len(words) > room:
            # a strong quote is short: its first clause, or nothing
            cut = [i for i, w in enumerate(words[: room + 1]) if w.endswith(",")]
            words = words[: cut[0] + 1] if cut and cut[0] >= 2 else []
        words = [w.strip(",;:.!?'\"“”‘’") for w in words]
        words = [w for w in words if w]
        words = _finish(words, [1.0] * len(words), max_chars - len(speaker) - 2, verbatim=True)
        if len(words) >= MIN_WORDS:
            return f"{speaker}: {' '.join(words)}", sentence.index
    return None


def _speaker(text: str, quote: re.Match, before: list[Sentence]) -> str:
    """Who said the quote: ``…," kata X``, ``X mengatakan, "…``, or for ``ujarnya`` the
    last name mentioned before it."""
    after = _QUOTE_SPEAKER_AFTER.search(text, quote.end() - 1)
    if after:
        return _short_speaker(after.group(1))
    lead_in = _SPEAKER_BEFORE.search(text[: quote.start() + 1])
    if lead_in:
        return _short_speaker(lead_in.group(1))
    if _QUOTE_SPEAKER_NYA.search(text, quote.end() - 1):
        # the one who last spoke, in the two sentences before: named after a quote
        # ('…," kata X.') or before a speech verb ("X mengatakan …")
        for sentence in reversed(before[-2:]):
            said = _QUOTE_SPEAKER_AFTER.search(sentence.text)
            name = _short_speaker(said.group(1)) if said else ""
            if not name:
                verb = _SPEECH_VERB.search(sentence.text)
                head = sentence.text[: verb.start()] if verb else ""
                names = _names(head)
                name = names[-1] if names else _known_name(head, before)
            if name:
                return name
    return ""


def _known_name(head: str, before: list[Sentence]) -> str:
    """A name given earlier in full and now by one word ("Setyo juga mengatakan" after
    "Irjen Setyo Wasisto"): the full name of the last such word in ``head``."""
    words = [w.strip(",.") for w in head.split()[-4:]]
    known: list[str] | None = None  # the names in ``before``, found once when first needed
    for word in reversed(words):
        if word[:1].isupper():
            if known is None:
                known = [name for sentence in before for name in _names(sentence.text)]
            for name in known:
                if word in name.split():
                    return name
    return ""


def _names(text: str) -> list[str]:
    out = []
    for match in _SPEAKER_RUN.finditer(text):
        name = _short_speaker(match.group())
        if name:
            out.append(name)
    return out


def _short_speaker(run: str, person: bool = True) -> str:
    """A speaker's name without their job title: ``Ketua KPK Agus Rahardjo`` → ``Agus Rahardjo``.

    ``person``: only a person's name will do, never a place or a body alone (a quote's
    speaker); an entity headline may be about ``Korea Utara``.
    """
    words = [w.strip(".,") for w in run.split() if w.strip(".,")]
    if words and words[-1].startswith("("):
        return ""  # a body and its acronym; the name is not in the run ("… (Ikahi), Suhardi")
    words = [w for w in words if not w.startswith("(")]  # "Sekretaris Daerah (Sekda) DKI …"
    while words and words[-1].lower() in STOP_WORDS:
        words.pop()
    name = _after_rank(words)
    if name is not None:
        if not name:
            return ""  # the run ends on the rank: the name is cut off ("Kombes drg. …")
        words = name
    titled = False
    while words and (words[0].lower() in _TITLE_WORDS or words[0].isupper()) and len(words) > 2:
        words.pop(0)
        titled = True
    if titled:  # what the title is of goes too, when a name follows
        of = 0
        while of < len(words) and (words[of].lower() in _TITLE_OF or words[of].isupper()):
            of += 1
        if of < len(words):
            del words[:of]
    if not words or words[0].lower() in _PRONOUNS or words[0].lower() in STOP_WORDS:
        return ""
    if all(w.lower() in _TITLE_WORDS or w.lower() in _RANKS for w in words):
        return ""  # a title without the name ("ujar Ketua majelis hakim Yanto")
    # after a title of a body not listed ("Pelatih Real Madrid Zinedine Zidane") the name
    # closes the run, and names are mostly two words
    words = words[-2:] if titled and len(words) > 3 else words[:3]
    # after a title, common words are no name either ("Direktur Pemasaran", "Kepala Seksi
    # Pengawasan"); without one a single common-looking word may still be a name ("Agus")
    titled = titled or any(w.lower() in _TITLE_WORDS for w in words)
    if person and all(
        w.lower() in _TITLE_OF
        or w.lower() in _TITLE_WORDS
        or (titled and (w.isupper() or is_common_word(w.lower())))
        for w in words
    ):
        return ""  # a place or a body, no name ("Kasat Reskrim Polres Jakarta Utara, AKBP …")
    return " ".join(words)


def _after_rank(words: list[str]) -> list[str] | None:
    """The words after the last police or military rank (``None`` without one)."""
    last = -1
    for i, word in enumerate(words):
        low = word.lower()
        if low in _RANKS or (
            low == "komisaris" and i + 1 < len(words) and words[i + 1].lower() in _RANK_TAILS
        ):
            last = i
    if last < 0:
        return None
    end = last + 1
    while end < len(words) and words[end].lower() in _RANK_TAILS:
        end += 1
    return words[end:]


def _entity(
    scored: _Sentences, max_chars: int, avoid: list[str], used: set[int]
) -> tuple[str, float, int] | None:
    """The most mentioned name and what it did, from the first new sentence where it acts."""
    sentences = scored.doc.sentences[:ENTITY_WINDOW]
    runs = Counter([run.strip() for s in sentences for run in _NAME_RUN.findall(s.text)])
    names = (_short_speaker(run, person=False) for run, _ in runs.most_common(3))
    entity = next((name for name in names if name), "")
    if not entity:
        return None
    first = entity.split()[0]
    for sentence in sentences:
        if first not in sentence.words:
            continue
        tokens = scored.tokens(sentence.index)
        texts = tokens.words
        if first not in texts:
            continue
        start = texts.index(first)
        if start > len(tokens) - MIN_WORDS - 1 or (start == 0 and sentence.index in used):
            continue  # too near the end, or the same as that sentence's own candidate
        if start and texts[start - 1].lower() in _MINOR:
            continue  # "dari Gunung Agung": the name is no subject here
        cand = _compressed(scored, sentence.index, max_chars, start=start, need_verb=True)
        if cand and not any(near_duplicate(cand[0], text) for text in avoid):
            return cand[0], cand[1], sentence.index
    return None


def apply_case(text: str, case: str) -> str:
    """Title or sentence case, keeping acronyms (``KPK``, ``AS``) and names (``McGregor``)."""
    words = text.split()
    if _shouting(words):
        words = [w if _acronym_in_caps(w) else w.lower() for w in words]
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
    if not first and word.lower() in _MINOR:
        return word.lower()
    if "-" in word:
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    return word[:1].upper() + word[1:]


def _shouting(words: list[str]) -> bool:
    """Mostly capitals: text typed in caps lock, where capitals say nothing about names."""
    upper = sum(map(str.isupper, words))
    if upper < 3:  # fewer than 3 cased words, or at most 2 of 3 or more in capitals
        return False
    # digits are never upper case, so only the count of cased words needs them taken out
    cased = len(words) - sum(map(str.isdigit, words))
    return cased >= 3 and upper >= 0.8 * cased


def _acronym_in_caps(word: str) -> bool:
    """In all-caps text only short non-words look like acronyms (``KPK``, ``TNI``, ``AS``)."""
    return word.isupper() and len(word) <= 3 and word.lower() not in STOP_WORDS
