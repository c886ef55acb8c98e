"""Headline candidates shaped the way Indonesian newsrooms write them.

Three forms, each tagged with the ``kind`` that made it:

- ``lead`` / ``compressed``: the lead (or a top-ranked) sentence with dateline,
  attribution, time phrases and parentheticals removed by rule, then cut down
  word by word by a logistic keep/drop model learned from real titles
  (:mod:`summarizer.compress`), with the bare verb form (``Resmikan``).
- ``quote``: ``Tokoh: kutipan`` from a speaker and a short, strong quote.
- ``entity``: the article's most mentioned name followed by what it did, from
  the first sentence where that name acts.

Every candidate has at most 12 words and ``max_chars`` characters, does not
end on a preposition, conjunction or ``yang``, has no final period, keeps
acronyms, and differs from the others by more than word order or a prefix.
"""

from __future__ import annotations

import re
from collections import Counter

from . import compress
from .document import Document
from .result import Headline
from .words import STOP_WORDS

MAX_WORDS = 12
DEFAULT_MAX_CHARS = 90
HEADLINE_CASES = ("title", "sentence")
KEEP_BIAS = 1.3  # added to each word's log-odds: longer, more complete headlines
GAP_PENALTY = 1.5  # cost of skipping words inside the headline: contiguous phrases read better
MIN_WORDS = 3
QUOTE_WINDOW = 10  # sentences searched for a quote
QUOTE_WORDS = 8  # longest quote part of a "Tokoh: kutipan" headline
LEAD_VARIANT_GAP = 4.0
LEAD_VARIANT_WEIGHT = 0.65
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
    "hendak perlu makin semakin the of a an and to in vs"
)
# a headline never starts on these
_NO_START = _wordset(
    "dan atau yang serta namun tetapi tapi sehingga karena bahwa pun juga lalu kemudian di ke "
    "dari pada oleh untuk dengan bagi saat ketika setelah usai"
)
_PRONOUNS = _wordset("dia ia mereka kami kita saya aku beliau dirinya anda")
_QUOTE_IN = re.compile(r"[\"“]([^\"“”]{12,200}?)[,.!?]?[\"”]")
_QUOTE_SPEAKER_AFTER = re.compile(
    r"[\"”]\s*,?\s*(?:kata|ujar|ucap|ungkap|tutur|jelas|tegas|tambah|imbuh|terang|papar)\s+"
    r"((?:[A-Z][\w.'-]*\s*){1,4})"
)
_SPEAKER_BEFORE = re.compile(
    r"((?:[A-Z][\w.'-]*\s+){1,4})(?:mengatakan|menegaskan|mengungkapkan|menjelaskan|menyatakan|"
    r"menuturkan|menambahkan|berkata|mengaku|menyebut)\s*(?:bahwa\s*)?,?\s*[\"“]"
)
_NAME_RUN = re.compile(r"(?:\b[A-Z][\w'-]*(?:\s+|$)){2,4}")
_TITLE_WORDS = _wordset(
    "presiden wakil menteri ketua kepala gubernur bupati wali walikota direktur kapolri "
    "kapolda kapolres pelatih juru bicara jubir anggota sekretaris jenderal komisaris "
    "kabid kasubdit kasat dirut ceo pendiri manajer kapten wapres mantan"
)


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
    made: list[tuple[float, str, str, int]] = []  # (score, text, kind, sentence index)

    lead = _lead_index(doc)
    cand = _compressed(scored, lead, max_chars)
    if cand:
        # the lead is where Indonesian headlines come from: it always ranks first
        made.append((0.5 + cand[1] / 2, cand[0], "lead", lead))
    for index in [i for i in ranked[:LEAD_WINDOW] if i != lead][:2]:
        cand = _compressed(scored, index, max_chars)
        if cand:
            made.append((cand[1] * 0.6, cand[0], "compressed", index))
    # the lead again as one unbroken stretch: fewer gaps, different words
    cand = _compressed(scored, lead, max_chars, gap=LEAD_VARIANT_GAP)
    if cand:
        made.append((cand[1] * LEAD_VARIANT_WEIGHT, cand[0], "lead", lead))
    quote = _quote(doc, max_chars)
    if quote:
        made.append((0.3, quote[0], "quote", quote[1]))
    entity = _entity(scored, max_chars, [m[1] for m in made], {m[3] for m in made})
    if entity:
        made.append((entity[1] * 0.55, entity[0], "entity", entity[2]))

    made.sort(key=lambda m: -m[0])
    out: list[Headline] = []
    for score, text, kind, index in made:
        if len(out) >= count:
            break
        if any(near_duplicate(text, h.text) for h in out):
            continue
        out.append(Headline(apply_case(text, case), round(score, 4), kind, index))
    return out


class _Sentences:
    """Rule-compressed tokens and their keep log-odds, computed once per sentence per call."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.counts = doc_counts(doc)
        self.scorer = compress.scorer()
        self._cache: dict[int, tuple[list[compress.Token], list[float]]] = {}

    def get(self, index: int) -> tuple[list[compress.Token], list[float]]:
        hit = self._cache.get(index)
        if hit is None:
            tokens = compress.prepare(self.doc.sentences[index].text)
            hit = self._cache[index] = (tokens, self.scorer.logits(tokens, index, self.counts))
        return hit


def doc_counts(doc: Document) -> dict[str, int]:
    """How often each (lower-cased) word occurs in the article: central words recur."""
    return Counter(w.lower() for s in doc.sentences for w in s.words)


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
    scored: _Sentences, index: int, max_chars: int, start: int = 0, gap: float | None = None
) -> tuple[str, float] | None:
    tokens, logits = scored.get(index)
    if len(tokens) - start < MIN_WORDS:
        return None
    words: list[str] = []
    for extra in (0.0, 1.5, 3.0):  # too short once tidied: ask for a longer one
        keep = _decode(logits[start:], GAP_PENALTY if gap is None else gap, KEEP_BIAS + extra)
        keep = [i + start for i in keep]
        probs = [compress.probability(logits[i]) for i in keep]
        words = _finish([tokens[i].text for i in keep], probs, max_chars)
        if len(words) >= MIN_WORDS:
            break
    if len(words) < MIN_WORDS:
        return None
    if _shouting(scored.doc.sentences[index].words):
        words = [w if _acronym_in_caps(w) else w.lower() for w in words]
    return " ".join(words), sum(probs) / len(probs)


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
    back: list[bool] = []  # for each word kept: did the previous word stay too
    from_keep: list[bool] = []  # for each word dropped: was the previous one kept
    for z in logits:
        cont, new = keep_score, drop_score - gap
        back.append(cont >= new)
        from_keep.append(keep_score >= drop_score)
        keep_score, drop_score = z + bias + max(cont, new), max(keep_score, drop_score)
    kept = keep_score >= drop_score
    out = []
    for i in range(len(logits) - 1, -1, -1):
        if kept:
            out.append(i)
            kept = back[i]
        else:
            kept = from_keep[i]
    out.reverse()
    return out


def _finish(
    words: list[str], probs: list[float], max_chars: int, *, bare_verbs: bool = True
) -> list[str]:
    """Headline form: bare verbs, no dangling ends, within the word and character limits."""
    out: list[str] = []
    ps: list[float] = []
    for word, p in zip(words, probs, strict=True):
        low = word.lower()
        if out and out[-1].lower() == low:
            continue
        bare = compress.bare_verb(word) if bare_verbs else None
        out.append(bare if bare else word)
        ps.append(p)
    while out and out[0].lower() in _NO_START:
        out.pop(0)
        ps.pop(0)
    while out and (len(out) > MAX_WORDS or len(" ".join(out)) > max_chars):
        # drop the least likely word, but never the first (the subject)
        drop = min(range(1, len(out)), key=lambda i: ps[i]) if len(out) > 1 else 0
        out.pop(drop)
        ps.pop(drop)
    while out and out[-1].lower() in _DANGLING:
        out.pop()
    return out


def _quote(doc: Document, max_chars: int) -> tuple[str, int] | None:
    """``Tokoh: kutipan`` from the first short quote whose speaker is named."""
    last_name = ""
    for sentence in doc.sentences[:QUOTE_WINDOW]:
        text = sentence.text
        quote = _QUOTE_IN.search(text) if ('"' in text or "“" in text) else None
        speaker = ""
        if quote:
            after = _QUOTE_SPEAKER_AFTER.search(text, quote.end() - 1)
            before = _SPEAKER_BEFORE.search(text[: quote.start() + 1])
            if after:
                speaker = after.group(1)
            elif before:
                speaker = before.group(1)
            elif re.search(r"[\"”]\s*,?\s*(?:kata|ujar|ucap|ungkap|tutur)nya\b", text):
                speaker = last_name
        if quote and speaker:
            speaker = _short_speaker(speaker)
            if speaker:
                words = compress.strip_rules(quote.group(1)).split()
                room = min(QUOTE_WORDS, MAX_WORDS - len(speaker.split()))
                if len(words) > room:
                    # a strong quote is short: its first clause, or nothing
                    cut = [i for i, w in enumerate(words[: room + 1]) if w.endswith(",")]
                    words = words[: cut[0] + 1] if cut and cut[0] >= 2 else []
                words = [w.strip(",;:") for w in words]
                words = _finish(
                    words, [1.0] * len(words), max_chars - len(speaker) - 2, bare_verbs=False
                )
                if len(words) >= MIN_WORDS:
                    return f"{speaker}: {' '.join(words)}", sentence.index
        if not quote or not speaker:
            names = _names(text)
            last_name = names[-1] if names else last_name
    return None


def _names(text: str) -> list[str]:
    out = []
    for match in _NAME_RUN.finditer(text):
        name = _short_speaker(match.group())
        if name:
            out.append(name)
    return out


def _short_speaker(run: str) -> str:
    """A speaker's name without their job title: ``Ketua KPK Agus Rahardjo`` → ``Agus Rahardjo``."""
    words = [w.strip(".,") for w in run.split() if w.strip(".,")]
    while words and words[-1].lower() in STOP_WORDS:
        words.pop()
    while words and (words[0].lower() in _TITLE_WORDS or words[0].isupper()) and len(words) > 2:
        words.pop(0)
    if not words or words[0].lower() in _PRONOUNS or words[0].lower() in STOP_WORDS:
        return ""
    return " ".join(words[:3])


def _entity(
    scored: _Sentences, max_chars: int, avoid: list[str], used: set[int]
) -> tuple[str, float, int] | None:
    """The most mentioned name and what it did, from the first new sentence where it acts."""
    sentences = scored.doc.sentences[:ENTITY_WINDOW]
    names: Counter = Counter()
    for sentence in sentences:
        names.update(_names(sentence.text))
    if not names:
        return None
    entity, _ = names.most_common(1)[0]
    first = entity.split()[0]
    for sentence in sentences:
        if first not in sentence.words or sentence.index in used:
            continue
        tokens, _ = scored.get(sentence.index)
        texts = [t.text for t in tokens]
        if first not in texts:
            continue
        start = texts.index(first)
        if start > len(tokens) - MIN_WORDS - 1:
            continue
        cand = _compressed(scored, sentence.index, max_chars, start=start)
        if cand and not any(near_duplicate(cand[0], text) for text in avoid):
            return cand[0], cand[1], sentence.index
    return None


def apply_case(text: str, case: str) -> str:
    """Title or sentence case, keeping acronyms (``KPK``, ``AS``) and names (``McGregor``)."""
    words = text.split()
    shouting = _shouting(words)
    out: list[str] = []
    for i, word in enumerate(words):
        first = i == 0 or out[-1].endswith(":")
        if shouting and not _acronym_in_caps(word):
            word = word.lower()
        if case == "title":
            if not first and word.lower() in _MINOR:
                out.append(word.lower())
            else:
                out.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
        else:
            out.append(word[:1].upper() + word[1:] if first else word)
    return " ".join(out)


def _shouting(words: list[str]) -> bool:
    """Mostly capitals: text typed in caps lock, where capitals say nothing about names."""
    letters = [c for w in words for c in w if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _acronym_in_caps(word: str) -> bool:
    """In all-caps text only short non-words look like acronyms (``KPK``, ``TNI``, ``AS``)."""
    return word.isupper() and len(word) <= 3 and word.lower() not in STOP_WORDS
