"""The main clause of a sentence: its subject, its predicate and what the predicate takes.

News sentences put the story in one clause, ``subject – predicate – object or complement``,
and wrap it in what a headline leaves out: a fronted adjunct (``Di penghujung tahun 2017
ini,``), a time (``Rabu (14/6)``), an attribution (``, kata …``), a subordinate clause
(``karena …``, ``saat …``). Working on the phrases of :mod:`summarizer.text.chunk`, this
finds the first predicate at the top level of the sentence that has a subject before it,
and the phrases after it up to the clause's end.

``X mengatakan (bahwa) …`` puts the story in the clause it reports: :attr:`Clause.content`
is that clause, and the subject is its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from .chunk import Phrase
from .speech import SAID
from .syntax import Parse

__all__ = ["COPULAS", "Clause", "REPORTING", "SAYING", "main_clause", "predicate_phrase"]

# verbs whose object is what was said; "X menilai …" reports an opinion the same way
REPORTING = frozenset(
    [
        "mengatakan",
        "menyatakan",
        "menegaskan",
        "menyebut",
        "menyebutkan",
        "mengungkapkan",
        "menjelaskan",
        "menuturkan",
        "memaparkan",
        "menambahkan",
        "menerangkan",
        "menyampaikan",
        "berkata",
        "menilai",
        "memastikan",
        "mengklaim",
    ]
)
REPORTING = REPORTING | {
    "menganggap",
    "meyakini",
    "memperkirakan",
    "memprediksi",
    "menduga",
    "mengakui",
    "memandang",
    "berpendapat",
    # adjectives of belief before what is believed ("KPK yakin surat itu sah")
    "yakin",
    "optimistis",
    "optimis",
    "percaya",
    "khawatir",
}
# a subordinate clause of time after the predicate is part of the story's clause, which a
# headline may keep ("meraih kemenangan saat melawan Genoa") or cut from its end
TEMPORAL = frozenset(
    ["saat", "ketika", "usai", "seusai", "setelah", "sebelum", "selepas", "sejak", "sewaktu"]
)
# verbs that only say that someone spoke: "X mengatakan …" is no headline by itself
SAYING = frozenset(["mengatakan", "menyatakan", "berkata", "menuturkan", "menambahkan"])
COPULAS = frozenset(("adalah", "merupakan", "ialah"))
# where a clause ends: punctuation that closes it, a subordinate clause, a quotation
_END_MARKS = frozenset(",;:.!?")
_SUBJECT_PARTS = frozenset(("NP", "PAREN", "REL", "PURP"))


@dataclass(slots=True)
class Clause:
    """Phrase indices into ``parse.phrases``: ``subject`` (in order), ``predicate`` and the
    ``rest`` up to the clause's end; ``content`` for a reporting verb's clause."""

    parse: Parse
    subject: list[int]
    predicate: int
    rest: list[int]
    content: Clause | None = None
    attribution: int | None = None  # "kata X" inside the clause ("PT PJA, kata Paul, …")

    @property
    def phrases(self) -> list[Phrase]:
        return self.parse.phrases


def main_clause(p: Parse, first: int = 0, _depth: int = 0) -> Clause | None:
    """The first top-level clause from phrase ``first`` on with a subject and a predicate."""
    phrases = p.phrases
    lows = p.lows
    subordinate = False
    for k in range(first, len(phrases)):
        q = phrases[k]
        word = lows[q.start]
        if q.kind == "SC" and word != "bahwa":
            subordinate = True  # "karena …", "saat …": up to the next comma
            continue
        if q.kind == "PUNCT" and word in _END_MARKS:
            subordinate = False
            continue
        if subordinate or not predicate_phrase(p, q):
            continue
        subject = _subject(p, first, k)
        if not subject:
            continue
        rest = _rest(p, k + 1)
        clause = Clause(p, subject, k, rest, attribution=_inner_attribution(p, first, k))
        verb = lows[q.end - 1]
        if verb in REPORTING and rest and _depth < 2:
            start = rest[0]
            if phrases[start].kind == "SC" or (
                phrases[start].kind == "PUNCT" and lows[phrases[start].start] == ","
            ):
                start += 1  # "mengatakan bahwa …", "mengatakan, …"
            content = main_clause(p, start, _depth + 1)
            if content is not None and content.subject[0] == start:
                clause.content = content
        return clause
    return None


def predicate_phrase(p: Parse, q: Phrase) -> bool:
    """A verb group, an adjective predicate, or adverbs holding a negation (``tak
    sepopuler …``, where the tagger took the adjective for a noun) or the copula
    (``adalah``, which the corpus tags as an adverb)."""
    if q.kind in ("VP", "ADJP"):
        return True
    return q.kind == "ADV" and any(
        p.tags[i] == "NEG" or p.lows[i] in COPULAS for i in range(q.start, q.end)
    )


def _subject(p: Parse, first: int, k: int) -> list[int]:
    """The phrases of the subject just before predicate ``k`` (empty if there is none).

    Noun phrases with their bracketed acronym and relative clause; an apposition between
    commas (``Mantan auditor BPK, Sigit Yugoharto, didakwa``) belongs to it.
    """
    phrases = p.phrases
    lows = p.lows
    out: list[int] = []
    j = k - 1
    timed = False
    while j > first:
        if phrases[j].kind == "TIME" or (
            phrases[j].kind == "PAREN" and j - 1 > first and phrases[j - 1].kind == "TIME"
        ):
            j -= 1  # "Penikaman di Hamburg, Jumat (28/7) menewaskan …": the time goes
            timed = True
        elif timed and phrases[j].kind == "PUNCT" and lows[phrases[j].start] == ",":
            j -= 1  # "DJP hari ini, Senin (17/4) dijadwalkan …": times on both sides
        else:
            break
    if _inner_attribution(p, first, j + 1) is not None or _inner_time(p, first, j + 1):
        j -= 3  # "PT PJA, kata Paul, masih …", "X di Surabaya, Jumat, mengatakan …"
    elif (inserted := _inserted(p, first, j)) is not None:
        # "Pelni, lewat anak usahanya BSN, merilis …", "… – selain desainnya – adalah": only
        # where the subject then starts the clause (past more commas it is anyone's guess)
        j = inserted
        skipped = _subject_from(p, first, j)
        return skipped if skipped and phrases[skipped[0]].start == phrases[first].start else []
    elif (
        j - 1 >= first
        and phrases[j].kind == "PUNCT"
        and lows[phrases[j].start] == ","
        and phrases[j - 1].kind in ("REL", "PAREN", "PP")
    ):
        j -= 1  # "Peringatan Hari Kartini yang jatuh setiap 21 April, disambut …"
    elif (
        j - 3 >= first
        and phrases[j].kind == "PUNCT"
        and lows[phrases[j].start] == ","
        and phrases[j - 1].kind == "NP"
        and phrases[j - 2].kind == "PUNCT"
        and lows[phrases[j - 2].start] == ","
        and phrases[j - 3].kind == "NP"
    ):
        out = [j - 3, j - 1]
        j -= 4
        return out if j < first or phrases[j].kind not in _SUBJECT_PARTS else []
    elif (
        j - 3 >= first
        and phrases[j].kind == "PUNCT"
        and lows[phrases[j].start] == ","
        and phrases[j - 1].kind == "NP"
        and phrases[j - 2].kind == "PUNCT"
        and lows[phrases[j - 2].start] == ","
        and phrases[j - 3].kind == "REL"
    ):
        # "Aktor senior yang sempat memenangkan Oscar, Michael Douglas, dituduh …"
        described = _subject_from(p, first, j - 3)
        return [*described, j - 1] if described and described[0] == first else []
    elif _stray_comma(p, first, j):
        j -= 1  # "Majelis Hakim PN Medan, menjatuhi …": a comma the writer put in
    return _subject_from(p, first, j)


def _stray_comma(p: Parse, first: int, j: int) -> bool:
    """Whether phrase ``j`` is a comma between the whole subject and its predicate: the
    sentence's first comma, after noun phrases (and their brackets) from its start."""
    phrases = p.phrases
    if j - 1 < first or phrases[j].kind != "PUNCT" or p.lows[phrases[j].start] != ",":
        return False
    before = phrases[first:j]
    return (
        phrases[j - 1].kind == "NP"
        and before[0].kind == "NP"
        and all(q.kind in ("NP", "PAREN") for q in before)
    )


def _subject_from(p: Parse, first: int, j: int) -> list[int]:
    """The subject phrases ending at phrase ``j``, walking back while they can be part of
    one: noun phrases, their brackets, relative and purpose clauses, and prepositional
    phrases after a noun."""
    phrases = p.phrases
    lows = p.lows
    out: list[int] = []
    while j >= first and (phrases[j].kind in _SUBJECT_PARTS | {"PP"} or _alias(p, first, j)):
        if lows[phrases[j].start] in SAID and phrases[j].kind == "NP":
            break  # ", kata X": an attribution, not the subject
        if phrases[j].kind == "PP" and not _after_noun(phrases, first, j):
            break  # "Di Jakarta polisi menangkap": a fronted adjunct, not the subject
        out.append(j)
        j -= 1
    out.reverse()
    while out and phrases[out[0]].kind != "NP":
        out.pop(0)  # a subject starts on its noun phrase
    return out


def _alias(p: Parse, first: int, j: int) -> bool:
    """Whether phrase ``j`` is the ``atau`` of a name's alias ("Shakira Isabel Mebarak
    Ripoll atau yang lebih dikenal sebagai Shakira memilih …")."""
    phrases = p.phrases
    return (
        phrases[j].kind == "CC"
        and p.lows[phrases[j].start] == "atau"
        and j - 1 >= first
        and phrases[j - 1].kind == "NP"
        and j + 1 < len(phrases)
        and phrases[j + 1].kind == "REL"
    )


def _after_noun(phrases: list[Phrase], first: int, j: int) -> bool:
    """Whether prepositional phrase ``j`` follows a noun phrase, directly or after other
    prepositional phrases ("Kabar mengenai hengkangnya X dari kursi pelatih …")."""
    m = j - 1
    while m >= first and phrases[m].kind == "PP":
        m -= 1
    return m >= first and phrases[m].kind == "NP"


_INSERTION_MARKS = frozenset((",", "–", "—", "-"))
_INSERTED = frozenset(("PP", "TIME", "PAREN", "REL", "ADV", "PURP"))


def _inserted(p: Parse, first: int, j: int) -> int | None:
    """Where the subject ends before an inserted phrase between two commas or dashes that
    ends at phrase ``j`` (``X, lewat anak usahanya BSN, merilis``), or None."""
    phrases = p.phrases
    mark = p.tokens[phrases[j].start]
    if phrases[j].kind != "PUNCT" or mark not in _INSERTION_MARKS:
        return None
    m = j - 1
    while m > first and phrases[m].kind in _INSERTED:
        m -= 1
    if m == j - 1 or m <= first or phrases[m].kind != "PUNCT":
        return None
    if p.tokens[phrases[m].start] not in _INSERTION_MARKS:
        return None
    return m - 1 if phrases[m - 1].kind in _SUBJECT_PARTS else None


def _inner_attribution(p: Parse, first: int, k: int) -> int | None:
    """The phrase ``kata X`` of ``S, kata X, P`` (predicate ``k``), if the sentence has one."""
    phrases = p.phrases
    lows = p.lows
    j = k - 1
    if (
        j - 3 >= first
        and phrases[j].kind == "PUNCT"
        and phrases[j - 2].kind == "PUNCT"
        and lows[phrases[j].start] == lows[phrases[j - 2].start] == ","
        and lows[phrases[j - 1].start] in SAID
    ):
        return j - 1
    return None


def _inner_time(p: Parse, first: int, k: int) -> bool:
    """Whether ``, Jumat,`` stands between the subject and predicate ``k``."""
    phrases = p.phrases
    j = k - 1
    return (
        j - 3 >= first
        and phrases[j].kind == "PUNCT"
        and phrases[j - 1].kind == "TIME"
        and phrases[j - 2].kind == "PUNCT"
        and p.tokens[phrases[j].start] == p.tokens[phrases[j - 2].start] == ","
    )


def _rest(p: Parse, start: int) -> list[int]:
    """Phrases after the predicate, up to where the clause ends."""
    phrases = p.phrases
    lows = p.lows
    verb = phrases[start - 1]
    reporting = lows[verb.end - 1] in REPORTING
    out: list[int] = []
    for j in range(start, len(phrases)):
        q = phrases[j]
        word = lows[q.start]
        if q.kind == "PUNCT" and word in _END_MARKS:
            if word == "," and not out and reporting and j + 1 < len(phrases):
                out.append(j)  # "mengatakan, …": the reporting verb's comma
                continue
            break
        if q.kind == "SC" and word in TEMPORAL and out:
            out.append(j)
            continue
        if q.kind == "QUOTE" or (q.kind == "SC" and word != "bahwa") or q.kind == "CC":
            break
        if q.kind == "SC" and out:
            break  # "bahwa" only right after the verb
        out.append(j)
    return out
