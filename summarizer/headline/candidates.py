"""Headline candidates: which sentences are tried, in what order, and which are offered.

Each candidate is one sentence's main clause cut to headline size by whole phrases
(:mod:`summarizer.headline.build`), or a ``Tokoh: kutipan`` from a quotation
(:mod:`summarizer.headline.quote`). Three kinds, each tagged on the candidate:

- ``lead``: the lead sentence (the first of the first three with five words or more); when
  it reports what someone said (``X mengatakan …``) also as ``X: …``;
- ``compressed``: the other sentences, best ranked first;
- ``quote``: the first quotations with a named speaker.

The order is: the lead, the best-ranked other sentence, a quotation, the lead's other
form, then the other sentences by rank and further quotations, until ``count`` candidates
are found. A candidate near-identical to one already offered is skipped; a sentence whose
clause gives no well-formed headline gives none: fewer candidates rather than a broken one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..result import Headline
from ..text.clause import COPULAS, REPORTING, SAYING, Clause, main_clause, predicate_phrase
from ..text.document import Document
from ..text.syntax import Parse, parse_sentences
from ..text.words import STOP_WORDS, is_common_word
from .build import PRONOUNS, Draft, drafts, render
from .form import apply_case, shouting
from .quote import quote_headline
from .speaker import short_speaker

__all__ = ["DEFAULT_MAX_CHARS", "HEADLINE_CASES", "headlines", "near_duplicate"]

DEFAULT_MAX_CHARS = 90
HEADLINE_CASES = ("title", "sentence")
LEAD_WINDOW = 3  # the lead is the first substantive sentence among these
QUOTE_WINDOW = 10  # sentences searched for quotations
RANK_WINDOW = 15  # ranked sentences tried, best first
OPENING_CHARS = 1200  # the opening, where the story is told (see _opening)
OPENING_PARAGRAPHS = 4
# a quotation short enough for "Tokoh: kutipan" (or whose first clause may be): the rest are
# never parsed for it
SHORT_QUOTE = re.compile(r'["“][^"“”]{8,90}?[,.!?]?["”]|["“][^"“”,]{8,90},')
_PREDICATE_TAGS = frozenset(("VB", "JJ", "NEG", "ADV"))  # what a predicate phrase holds
ANAPHORIC = frozenset(("ini", "itu", "tersebut"))  # "turnamen ini": which one?


def headlines(
    doc: Document,
    ranked: list[int],
    count: int = 3,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    case: str = "title",
) -> list[Headline]:
    """Up to ``count`` distinct, well-formed candidates, best first."""
    if count <= 0 or not doc.sentences:
        return []
    parses = _Parses(doc)
    out: list[Headline] = []
    for rank, (text, confidence, kind, index) in enumerate(
        _candidates(doc, ranked, parses, max_chars)
    ):
        if len(out) >= count:
            break
        if any(near_duplicate(text, h.text) for h in out):
            continue
        score = round((0.5 + confidence / 2) / (1 + len(out)), 4)
        out.append(Headline(apply_case(text, case), score, kind, index))
        del rank
    return out


class _Parses:
    """Sentences parsed on demand, several per tagger pass."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._parses: dict[int, Parse] = {}

    def want(self, indices: list[int]) -> None:
        missing = [i for i in dict.fromkeys(indices) if i not in self._parses]
        if not missing:
            return
        texts = []
        for i in missing:
            text = self.doc.sentences[i].text
            if shouting(text.split()):
                text = text.lower()  # capitals say nothing here; the tagger reads case
            texts.append(text)
        self._parses.update(zip(missing, parse_sentences(texts), strict=True))

    def __contains__(self, index: int) -> bool:
        return index in self._parses

    def __getitem__(self, index: int) -> Parse:
        if index not in self._parses:
            self.want([index])
        return self._parses[index]


def _candidates(
    doc: Document, ranked: list[int], parses: _Parses, max_chars: int
) -> Iterator[tuple[str, float, str, int]]:
    lead = _lead_index(doc)
    # a sentence of a quotation is speech, which the quote form handles
    others = [i for i in ranked[:RANK_WINDOW] if i != lead and not _speech(doc.sentences[i].text)]
    # sentences of the opening first, and among them those about the lead's names: a
    # headline from them is about the story, where one from deep in the article is a side
    # detail a reader of the first paragraphs cannot check
    names = _names(doc.sentences[lead])
    opening = _opening(doc)
    others.sort(key=lambda i: (i >= opening, not names.intersection(doc.sentences[i].words)))
    quoted = [s.index for s in doc.sentences[:QUOTE_WINDOW] if SHORT_QUOTE.search(s.text)]
    quoted.sort(key=lambda i: i >= opening)  # the opening's quotations first
    parses.want([lead, *others[:3], *quoted[:1]])  # one tagger pass for the usual case
    lead_forms = (
        []
        if _speech(doc.sentences[lead].text)
        else _sentence_forms(parses[lead], max_chars, lead=True)
    )
    if lead_forms:
        yield (*lead_forms[0], "lead", lead)
    if others:
        forms = _sentence_forms(parses[others[0]], max_chars)
        if forms:
            yield (*forms[0], "compressed", others[0])
    quotes = _quotes(doc, parses, quoted, max_chars)
    first_quote = next(quotes, None)
    # a quotation from deep in the article waits for the opening's other sentences
    deferred = first_quote is not None and first_quote[3] >= opening
    if first_quote is not None and not deferred:
        yield first_quote
    for form in lead_forms[1:]:
        yield (*form, "lead", lead)
    for n, index in enumerate(others[1:], start=1):
        if deferred and index >= opening:
            yield first_quote
            deferred = False
        if index not in parses:
            parses.want(others[n : n + 4])
        forms = _sentence_forms(parses[index], max_chars)
        if forms:
            yield (*forms[0], "compressed", index)
    if deferred:
        yield first_quote
    yield from quotes


def _opening(doc: Document) -> int:
    """How many sentences open the article: those of its first :data:`OPENING_PARAGRAPHS`
    paragraphs that start within its first :data:`OPENING_CHARS` characters. The story is
    told there; a reader who sees the headline beside the opening can check it."""
    if not doc.sentences:
        return 0
    first = doc.sentences[0].paragraph
    seen = 0
    for n, sentence in enumerate(doc.sentences):
        if seen >= OPENING_CHARS or sentence.paragraph - first >= OPENING_PARAGRAPHS:
            return max(n, 1)
        seen += len(sentence.text) + 1
    return len(doc.sentences)


def _quotes(
    doc: Document, parses: _Parses, quoted: list[int], max_chars: int
) -> Iterator[tuple[str, float, str, int]]:
    for index in quoted:
        earlier = range(max(0, index - 2), index)

        def before(earlier: range = earlier) -> list[Parse]:
            parses.want(list(earlier))
            return [parses[i] for i in earlier]

        text = quote_headline(parses[index], before, max_chars)
        if text:
            yield text, 0.5, "quote", index


def _sentence_forms(p: Parse, max_chars: int, lead: bool = False) -> list[tuple[str, float]]:
    """The sentence's headlines: ``X: …`` first when it reports what X said, then (for the
    lead: only one form of any other sentence is offered) the clause itself, but not for
    ``X mengatakan …``, which only says that X spoke.

    A sentence after the lead whose subject points back (``Turnamen ini``, ``Hal
    tersebut``) gives none: out of its story it says nothing.
    """
    if not _PREDICATE_TAGS.intersection(p.tags):
        return []  # no verb, adjective or negation: no predicate, so no clause to cut
    clause = main_clause(p)
    if clause is None or (not lead and (_points_back(clause) or _background(p))):
        return []
    if _defines(clause, lead):
        return []
    out = []
    reported, speaker = clause.content, ""
    if reported is not None:
        speaker = _speaker_name(clause)
    elif clause.attribution is not None:
        reported = clause  # "PT PJA, kata Paul, masih …"
        said = clause.phrases[clause.attribution]
        speaker = short_speaker(p.span_text(said.start + 1, said.end))
    if reported is not None and speaker and not _points_back(reported):
        room = max_chars - len(speaker) - 2
        words = max(3, 12 - len(speaker.split()))
        inner = drafts(reported, room, words)
        if inner:
            text = f"{speaker}: {render(inner[0])}"
            out.append((text, _confidence(reported, inner[0])))
            if not lead:
                return out
    predicate = clause.phrases[clause.predicate]
    verbs = set(p.lows[predicate.start : predicate.end])
    if verbs & SAYING or (
        verbs & REPORTING
        and (clause.content is not None or _reports(clause) or not _to_the_end(clause))
    ):
        return out  # "X Katakan …" says only that X spoke
    own = drafts(clause, max_chars)
    if own:
        out.append((render(own[0]), _confidence(clause, own[0])))
    return out


def _names(sentence) -> set[str]:
    """Capitalised words of a sentence that are no common words: its names, cheaply."""
    words = sentence.words
    return {
        w
        for n, w in enumerate(words)
        if w[:1].isupper()
        and len(w) > 1
        and not (n == 0 and is_common_word(w.lower()))
        and w.lower() not in STOP_WORDS
    }


def _speech(text: str) -> bool:
    """Whether a sentence opens, closes or continues a quotation: it starts on a quotation
    mark, or its marks do not pair (a quotation over several sentences)."""
    if '"' not in text and "“" not in text and "”" not in text:
        return False
    return (
        text.lstrip()[:1] in '"“'
        or text.count('"') % 2 == 1
        or (text.count("“") != text.count("”"))
    )


def _points_back(clause: Clause) -> bool:
    """Whether the subject refers back to something earlier ("turnamen ini", "hal itu",
    "kunjungan mereka", "penyakit lupusnya"): out of its story it names nothing."""
    p = clause.parse
    first = clause.phrases[clause.subject[0]]
    end = clause.phrases[clause.predicate].start
    words = p.lows[first.start : first.end]
    last = p.lows[end - 1] if end > first.start else words[-1]
    return (
        words[0] in ("hal", "kedua", "keduanya")
        or words[-1] in ANAPHORIC
        or last in PRONOUNS
        or (last.endswith("nya") and len(last) > 5 and p.tokens[end - 1].islower())
    )


def _defines(clause: Clause, lead: bool) -> bool:
    """Whether the clause is a definition ("Pernikahan merupakan ikatan suci …", "Laptop
    gaming ialah komoditas panas"): the copula states what something is, which in news is
    background. The lead's counts only when its subject names no one: "Ahok adalah
    gubernur …" may open a story, "Asam lemak trans merupakan …" does not."""
    p = clause.parse
    predicate = clause.phrases[clause.predicate]
    if not any(p.lows[i] in COPULAS for i in range(predicate.start, predicate.end)):
        return False
    if not lead:
        return True
    subject = [
        i for j in clause.subject for i in range(clause.phrases[j].start, clause.phrases[j].end)
    ]
    return not any(p.tags[i] == "NNP" for i in subject)


def _background(p: Parse) -> bool:
    """Whether the sentence opens as background ("Seperti diketahui, …", "Sebagai
    informasi, …"): what readers already know is no headline."""
    lows = [w for w in p.lows[:4] if w != "telah"]
    return lows[:2] in (["seperti", "diketahui"], ["sebagai", "informasi"], ["diketahui", ","])


def _to_the_end(clause: Clause) -> bool:
    """Whether the clause runs to the sentence's end: a reporting verb's object cut off by
    a comma may be the subject of what was said ("menyebut PKL di …, hadir …")."""
    last = clause.phrases[clause.rest[-1]].end if clause.rest else 0
    return all(t in ".!?" for t in clause.parse.tokens[last:])


def _reports(clause: Clause) -> bool:
    """Whether what follows the reporting verb is a clause (``bahwa …``, ``, …``, or a
    subject and its own predicate), not the verb's object (``memaparkan kerja sama``)."""
    if not clause.rest:
        return True
    phrases = clause.phrases
    if phrases[clause.rest[0]].kind in ("SC", "PUNCT"):
        return True
    # a noun phrase and then a predicate: a subject of its own ("menyebut PKL … hadir")
    seen_np = False
    for j in clause.rest:
        if phrases[j].kind == "NP":
            seen_np = True
        elif seen_np and predicate_phrase(clause.parse, phrases[j]):
            return True
    return False


def _speaker_name(clause: Clause) -> str:
    """Who the clause says spoke: a person's name without the title, or a body by its
    bracketed acronym (``Komisi Pemberantasan Korupsi (KPK) yakin …`` → ``KPK``)."""
    p = clause.parse
    phrases = clause.phrases
    nps = [j for j in clause.subject if phrases[j].kind == "NP"]
    if nps and nps[-1] + 1 < len(phrases) and phrases[nps[-1] + 1].kind == "PAREN":
        paren = phrases[nps[-1] + 1]  # a body, last in the subject, by its acronym
        acronym = p.tokens[paren.start + 1]
        if len(paren) == 3 and sum(c.isupper() for c in acronym) >= 2:
            return acronym
    for j in reversed(nps):
        q = phrases[j]
        name = short_speaker(p.span_text(q.start, q.end), person=False)
        if name:
            return name
    return ""


def _confidence(clause: Clause, draft: Draft) -> float:
    """The share of the clause's content words the headline kept."""
    phrases = clause.phrases
    p = clause.parse
    first = phrases[clause.subject[0]].start
    last = phrases[clause.rest[-1]].end if clause.rest else phrases[clause.predicate].end
    total = sum(
        1 for i in range(first, last) if p.tags[i] in ("NN", "NNP", "VB", "JJ", "NUM", "FW")
    )
    return min(1.0, draft.content / total) if total else 0.0


def _lead_index(doc: Document) -> int:
    for i, sentence in enumerate(doc.sentences[:LEAD_WINDOW]):
        if len(sentence.words) >= 5:
            return i
    return 0


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
