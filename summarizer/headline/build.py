"""A headline from a clause: whole phrases kept or dropped, never single words inside one.

The main clause (:mod:`summarizer.text.clause`) gives a subject, a predicate and the phrases
after it. A headline keeps the subject, the predicate and what the predicate needs, and
drops adjuncts as units, the way Hedge Trimmer (Dorr et al., 2003) trims a parse:

- always: brackets (a name's bracketed acronym replaces the words it stands for:
  ``Komisi Pemberantasan Korupsi (KPK)`` → ``KPK``), days and clock times, fronted
  adjuncts, attributions, the words of :data:`~summarizer.headline.form.DROPPED`;
- while too long, in this order: the tail after the predicate's arguments (prepositional
  phrases, purpose and relative clauses, dates), one phrase at a time from the end; the
  subject's relative clause or prepositional phrase; the title part of an apposition
  (``Manajer Manchester United, Jose Mourinho`` → ``Jose Mourinho``); last, the closing
  segment of the longest noun phrase, where a segment is a name, an amount or a run of
  common nouns (never inside a name, never a number without its unit, never below two
  words).

What is left is checked (:func:`well_formed`); a clause that cannot be made to fit
well-formed gives no headline.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.chunk import MONTHS, POST_DETERMINERS, Phrase
from ..text.clause import COPULAS, REPORTING, Clause
from ..text.syntax import Parse
from .form import DROPPED, INTERROGATIVES, bare_verb
from .speaker import short_speaker

__all__ = ["Draft", "MAX_WORDS", "MIN_WORDS", "PRONOUNS", "drafts", "render", "well_formed"]

MAX_WORDS = 13
MIN_WORDS = 3
# a headline never ends on these (it would stop mid-phrase)
_DANGLING_TAGS = frozenset(("IN", "SC", "CC", "NEG", "ADV", "DT", "RP"))
_DANGLING_WORDS = frozenset(["yang", "untuk", "dengan", "bahwa", "akan", "dan", "atau", "serta"])
_ENDING_ADVERBS = frozenset(["lagi", "saja", "sekarang", "kini", "pula"])
_GLUED = frozenset(("-", "/", "–"))  # written without spaces in a headline: "e-KTP", "1-1"
_KEPT_MARKS = _GLUED | {"&", "'", "’", "."}
PRONOUNS = frozenset(
    [
        "dia",
        "ia",
        "mereka",
        "kami",
        "kita",
        "saya",
        "aku",
        "beliau",
        "anda",
        "kamu",
        "engkau",
        "hal",
    ]
)
_AMOUNT_MARKS = frozenset(("rp", "us$", "$", "%", "€", "£"))  # stay with their number
# nouns of place that need their own noun phrase after them ("di dalam …", "ke luar …")
_PLACES = frozenset(
    [
        "dalam",
        "luar",
        "atas",
        "bawah",
        "depan",
        "belakang",
        "samping",
        "antara",
        "sekitar",
        "tengah",
    ]
)
# a phrase after the object that completes the verb, not an adjunct
_COMPLEMENTS = frozenset(("sebagai", "menjadi", "jadi"))
_LIGHT = frozenset(["hal", "sesuatu", "orang", "pihak", "sosok", "yang"])
_OPENING = frozenset(
    ["bahwa", "untuk", "agar", "supaya", "saat", "ketika", "setelah", "sebelum", "usai"]
)
_QUOTE_MARKS = frozenset(('"', "“", "”"))
_CONTENT = frozenset(("NN", "NNP", "VB", "JJ", "NUM", "FW"))
_NAME_TAGS = frozenset(("NNP", "NUM"))


@dataclass(slots=True)
class Draft:
    """Kept token indices of one parse, and which of them take the bare verb form."""

    parse: Parse
    tokens: list[int]
    bare: frozenset[int]
    content: int  # kept content words: how much of the clause is kept

    def words(self) -> int:
        return sum(1 for i in self.tokens if self.parse.tokens[i] not in _KEPT_MARKS)


def drafts(clause: Clause, max_chars: int, max_words: int = MAX_WORDS) -> list[Draft]:
    """The fullest well-formed headline of the clause that fits (a list of one), or []."""
    p = clause.parse
    phrases = clause.phrases
    core, tail = _split_rest(clause)
    # the predicate needs what follows it: with no argument, the tail keeps its first phrase
    least = 0 if core or not tail else 1
    subordinate = False  # past a conjunction, phrases belong to its clause, cut as one
    for n, j in enumerate(tail):  # a complement ("sebagai model …", its "yang …") stays
        if phrases[j].kind in ("SC", "PURP", "REL"):
            subordinate = True
        if phrases[j].kind == "PP" and p.lows[phrases[j].start] in _COMPLEMENTS:
            least = n + 1 + (n + 1 < len(tail) and phrases[tail[n + 1]].kind == "REL")
        elif (
            phrases[j].kind in ("VP", "ADJP")
            and n
            and phrases[tail[n - 1]].kind == "NP"
            and not subordinate
        ):
            # a subject and its predicate later on ("yakin surat … sah"): cutting the
            # predicate would change the claim; inside "setelah penampilan memukau" the
            # pair is the subordinate clause's own, which goes whole
            least = max(least, n + 1)
    cuts = [n for n in range(len(tail), least - 1, -1) if n == 0 or _good_cut(clause, tail[n - 1])]
    variants = _subject_variants(clause)
    nps = [j for j in core if phrases[j].kind == "NP"]
    subject = [j for v in variants for j in v if isinstance(j, int)]
    nps += [j for j in dict.fromkeys(subject) if phrases[j].kind == "NP"]
    forms = {j: _np_tokens(p, phrases, j) for j in nps}  # noun phrases, shortened below
    pieces = {
        j: _name_of(p, phrases[j[1]]) if isinstance(j, tuple) else _np_tokens(p, phrases, j)
        for v in variants
        for j in v
    }
    pieces.update((j, _np_tokens(p, phrases, j)) for j in core + tail)
    predicate = _phrase_tokens(p, phrases[clause.predicate])
    marks = _KEPT_MARKS

    def count(tokens: list[int]) -> int:
        return sum(1 for i in tokens if p.tokens[i] not in marks)

    while True:  # ends: each round shortens a phrase, or returns
        heads = [[t for j in v for t in forms.get(j) or pieces[j]] + predicate for v in variants]
        head_words = [count(h) for h in heads]
        for cut in cuts:
            rest = [t for j in core + tail[:cut] for t in forms.get(j) or pieces[j]]
            rest_words = count(rest)
            if min(head_words) + rest_words > max_words:
                continue  # too long whatever the subject: a shorter cut, or shorter phrases
            for head, words in zip(heads, head_words, strict=True):
                if not MIN_WORDS <= words + rest_words <= max_words:
                    continue
                draft = _draft(clause, head + rest)
                if _fits(draft, max_chars, max_words) and well_formed(draft, clause):
                    return [draft]
        if not _shorten(p, forms, frozenset(subject)):
            return []
    return []


def _np_tokens(p: Parse, phrases: list[Phrase], j: int) -> list[int]:
    """A phrase's tokens; a bracketed acronym right after a noun phrase stands in for the
    words it abbreviates."""
    tokens = _phrase_tokens(p, phrases[j])
    if phrases[j].kind == "NP" and j + 1 < len(phrases) and phrases[j + 1].kind == "PAREN":
        tokens = _with_acronym(p, tokens, phrases[j + 1])
    return tokens


def _with_acronym(p: Parse, tokens: list[int], paren: Phrase) -> list[int]:
    """``Komisi Pemberantasan Korupsi (KPK)`` → ``KPK``; ``Direktur Utama PT Pembangunan Jaya
    Ancol (PJA)`` → ``Direktur Utama PT PJA``: the acronym replaces the closing run of words
    whose initials spell it (``P2TP2A``: P P T P P A; ``dan`` may stand between). Only an
    exact spelling counts: ``Ketua Komisi Pemberantasan Korupsi (KPK)`` keeps ``Ketua``."""
    inner = range(paren.start + 1, paren.end - 1)
    if len(inner) != 1:
        return tokens
    acronym = p.tokens[inner[0]]
    letters: list[str] = []
    for c in acronym:
        if c.isdigit() and letters:
            letters += letters[-1:] * (int(c) - 1)
        elif c.isalpha():
            letters.append(c.upper())
    if len(letters) < 2 or sum(c.isupper() for c in acronym) < 2:
        return tokens
    for k in range(len(tokens), 1, -1):
        run = [i for i in tokens[-k:] if p.tags[i] != "CC"]
        if not all(p.tokens[i][:1].isupper() for i in run):
            continue
        if [p.tokens[i][0].upper() for i in run] == letters:
            return tokens[:-k] + [inner[0]]
    return tokens


def _shorten(p: Parse, forms: dict[int, list[int]], subject: frozenset[int]) -> bool:
    """Cut the closing segment of one noun phrase; False when none can shrink.

    Common nouns go before names: of the phrases that can lose a run of common nouns the
    longest loses it; only then does a phrase lose a closing name, and the subject's name
    never (``Menteri Koordinator Bidang`` names nobody).
    """
    best, best_key = None, None
    for j, tokens in forms.items():
        if not tokens:
            continue
        cut = _segment_cut(p, tokens)
        named = p.tags[tokens[-1]] in _NAME_TAGS
        if not cut or (named and j in subject):
            continue
        key = (not named, len(tokens))
        if best_key is None or key > best_key:
            best, best_key = (j, cut), key
    if best is None:
        return False
    j, cut = best
    forms[j] = forms[j][:cut]
    return True


def _segment_cut(p: Parse, tokens: list[int]) -> int:
    """How many tokens stay when the phrase's closing segment goes (0: it cannot shrink).

    A segment is a name (proper nouns, with numbers and dashes inside: ``Harley Davidson
    Sportster 883``), an amount with its lead-in (``seharga Rp 115 juta``) or one common
    word; the words that join segments (``dan``, ``para``) go with the segment they open.
    """
    tags, words = p.tags, p.tokens
    if len(tokens) <= 2 or all(tags[i] in _NAME_TAGS for i in tokens):
        return 0  # a name is never cut
    k = len(tokens) - 1
    last = tokens[k]
    if tags[last] == "NNP" or (tags[last] == "NUM" and tags[tokens[k - 1]] == "NNP"):
        while k > 0 and (tags[tokens[k - 1]] in _NAME_TAGS or words[tokens[k - 1]] in _GLUED):
            k -= 1  # back to the start of the name
    elif tags[last] == "NUM" or tags[tokens[k - 1]] == "NUM" or words[last] == "%":
        while k > 0 and (tags[tokens[k - 1]] in ("NUM", "SYM") or words[tokens[k - 1]] in _GLUED):
            k -= 1  # back to the start of the amount, and its lead-in ("seharga")
        if k > 0 and words[tokens[k - 1]].lower().startswith("se") and tags[tokens[k - 1]] == "JJ":
            k -= 1
    while k > 0 and (
        (
            tags[tokens[k - 1]] in ("DT", "IN", "CC")
            and words[tokens[k - 1]].lower() not in POST_DETERMINERS
        )
        or words[tokens[k - 1]] in _GLUED
    ):
        k -= 1  # "dan", "para" go with what they open; "kapal - kapal" is one word
    least = 3 if tags[tokens[0]] == "IN" else 2  # "di usia 89 tahun" is never "di usia"
    return k if k >= least else 0


def _draft(clause: Clause, tokens: list[int]) -> Draft:
    p = clause.parse
    bare = frozenset(i for i in tokens if _takes_bare_form(p, i))
    content = sum(1 for i in tokens if p.tags[i] in _CONTENT)
    return Draft(p, tokens, bare, content)


def _fits(draft: Draft, max_chars: int, max_words: int) -> bool:
    if not MIN_WORDS <= draft.words() <= max_words:
        return False
    p = draft.parse
    # the rendered length is at most the words and a space between each: often enough
    if sum(len(p.tokens[i]) + 1 for i in draft.tokens) - 1 <= max_chars:
        return True
    return len(render(draft)) <= max_chars


def _subject_variants(clause: Clause) -> list[list[int]]:
    """The subject's phrases, fullest first: then without its relative clauses and
    prepositional phrases, the last first, then the name of an apposition alone."""
    phrases = clause.phrases
    parts = [j for j in clause.subject if phrases[j].kind != "PAREN"]
    variants = [parts]
    # then without its last prepositional phrase or clause, one at a time: "Kabar mengenai
    # hengkangnya X dari kursi pelatih Persib" → "Kabar mengenai hengkangnya X"
    shorter = parts
    while others := [n for n in range(1, len(shorter)) if phrases[shorter[n]].kind != "NP"]:
        shorter = shorter[: others[-1]] + shorter[others[-1] + 1 :]
        if phrases[shorter[-1]].kind != "CC":  # not "X atau" without its alias
            variants.append(shorter)
    core = [j for j in parts if phrases[j].kind == "NP"]
    if core not in variants:
        variants.append(core)
    p = clause.parse
    if (
        len(core) == 2
        and p.tokens[phrases[core[1]].start - 1] == ","
        and _person(p, phrases[core[1]])
    ):
        variants.append(core[1:])  # "Manajer Manchester United, Jose Mourinho"
    if core and _name_of(p, phrases[core[-1]]):
        variants.append([("name", core[-1])])  # "Menteri … Luhut Binsar Pandjaitan" → the name
    return variants


def _person(p: Parse, q: Phrase) -> bool:
    """Whether an apposition is a person's name (two proper nouns or more), not a place
    ("Pemerintah Kabupaten Jayawijaya, Papua,")."""
    return len(q) >= 2 and all(p.tags[i] == "NNP" for i in range(q.start, q.end))


def _name_of(p: Parse, q: Phrase) -> list[int]:
    """The tokens of the person's name that closes a titled noun phrase (``Ketua KPK Agus
    Rahardjo`` → ``Agus Rahardjo``), or [] when the phrase is no title and name."""
    name = short_speaker(p.span_text(q.start, q.end), person=True).split()
    words = [i for i in range(q.start, q.end) if p.tags[i] != "SYM"]
    if not name or len(name) >= len(words) or p.tags[words[-1]] != "NNP":
        return []
    tail = words[-len(name) :]
    return tail if [p.tokens[i] for i in tail] == name else []


def _split_rest(clause: Clause) -> tuple[list[int], list[int]]:
    """The predicate's arguments (kept whole) and the tail after them (cut from its end).

    Arguments are the noun phrases, verb groups and adjective phrases that follow the
    predicate before the first adjunct; a date is an adjunct, a day or a clock time is
    always left out, and so are brackets.
    """
    phrases = clause.phrases
    p = clause.parse
    predicate = phrases[clause.predicate]
    copula = any(p.lows[i] in COPULAS for i in range(predicate.start, predicate.end))
    core: list[int] = []
    tail: list[int] = []
    for j in clause.rest:
        q = phrases[j]
        if q.kind == "PAREN" or q.kind == "PUNCT" or (q.kind == "TIME" and not _dated(p, q)):
            continue
        if not tail and (
            q.kind in ("NP", "VP", "ADJP", "ADV")
            or (copula and q.kind == "REL" and core and _light(p, phrases[core[-1]]))
        ):
            core.append(j)  # "… adalah hal yang …": after the copula the clause is needed
        else:
            tail.append(j)
    return core, tail


def _light(p: Parse, q: Phrase) -> bool:
    """A noun phrase that says nothing without its relative clause: ``hal``, ``sesuatu``,
    ``salah satu …`` ("X adalah hal yang …")."""
    words = p.lows[q.start : q.end]
    return bool(words) and (words[-1] in _LIGHT or words[:2] == ["salah", "satu"])


def _dated(p: Parse, q: Phrase) -> bool:
    """A time phrase that gives a date (``pada 27 Juni 2018``, ``tahun 2018``): news, unlike
    the day of the week or the hour."""
    words = p.lows[q.start : q.end]
    return any(w in MONTHS or (len(w) == 4 and w.isdigit()) for w in words)


def _good_cut(clause: Clause, last: int) -> bool:
    """Whether the headline may end after phrase ``last`` of the tail."""
    phrases = clause.phrases
    p = clause.parse
    q = phrases[last]
    if q.kind == "PP" and (len(q) == 1 or (len(q) == 2 and p.lows[q.end - 1] in _PLACES)):
        return False  # a preposition without its noun phrase ("di", "di dalam")
    if q.kind == "VP" or q.kind == "PURP":
        nxt = last + 1
        # a verb whose object would be cut off ("Bertajuk" without the title)
        return not (nxt < len(phrases) and phrases[nxt].kind in ("NP", "QUOTE"))
    return q.kind not in ("ADV", "CC", "SC")


def _phrase_tokens(p: Parse, q: Phrase) -> list[int]:
    """The tokens of a phrase a headline keeps: no fillers, no commas or periods, no
    closing ``itu`` / ``tersebut``."""
    out = []
    toks = p.tokens
    lows = p.lows
    tags = p.tags
    for i in range(q.start, q.end):
        low = lows[i]
        tag = tags[i]
        any_ = low == "pun" and i > 0 and lows[i - 1] in INTERROGATIVES  # "apa pun"
        if low in DROPPED and tag != "NEG" and not any_:
            continue
        if tag == "ADV" and low == "baru" and i + 1 < q.end and tags[i + 1] in ("VB", "ADV"):
            continue  # "baru saja meluncurkan" → "Luncurkan"
        if tag == "SYM" and toks[i] not in _KEPT_MARKS and low not in _AMOUNT_MARKS:
            continue
        if low in POST_DETERMINERS and low != "ini" and i == q.end - 1 and i > q.start:
            continue  # "keputusan itu" → "keputusan"
        out.append(i)
    return out


def _takes_bare_form(p: Parse, i: int) -> bool:
    """A ``meN-`` verb takes its bare form when it has an object or a verb after it (``dan``
    between verbs too), or ``-kan`` / ``-i`` says it is transitive."""
    if p.tags[i] != "VB":
        return False
    low = p.lows[i]
    if not low.startswith("me") or bare_verb(low) is None:
        return False
    if low.endswith(("kan", "i")):
        return True
    nxt = i + 1
    if nxt + 1 < len(p) and p.tags[nxt] == "CC" and p.tags[nxt + 1] == "VB":
        return True  # "menangkap dan memulangkan"
    return nxt < len(p) and p.tags[nxt] in ("NN", "NNP", "NUM", "FW", "VB", "DT", "PR", "JJ")


def render(draft: Draft) -> str:
    """The kept tokens as text: names and amounts as written, bare verb forms."""
    p = draft.parse
    parts: list[str] = []
    prev = -2
    glue = False
    for i in draft.tokens:
        word = p.tokens[i]
        if i in draft.bare:
            word = bare_verb(word.lower()) or word
        together = parts and prev == i - 1 and p.spans[prev][1] == p.spans[i][0]
        if word in _GLUED and parts and prev == i - 1:
            parts[-1] += word  # "e - KTP" → "e-KTP", "1 - 1" → "1-1"
            glue = True
        elif together or glue:
            parts[-1] += word
            glue = False
        else:
            parts.append(word)
        prev = i
    return " ".join(parts)


def _open_clause(p: Parse, tokens: list[int]) -> bool:
    """Whether a kept conjunction (``bahwa``, ``saat``, ``untuk``) has no verb or adjective
    kept after it: the clause it opens was cut."""
    opened = False
    for i in tokens:
        if p.tags[i] == "SC" or p.lows[i] in _OPENING:
            opened = True
        elif opened and p.tags[i] in ("VB", "JJ"):
            opened = False
    return opened


def _subject_of_more(clause: Clause, last: int) -> bool:
    """Whether the noun phrase that ends the draft at token ``last`` is, in the sentence,
    the subject of a predicate after it ("berharap Anies atau Sandiaga mau …", "minta
    menteri bekerja"): the draft would cut that clause after its subject."""
    phrases = clause.phrases
    k = next((k for k, q in enumerate(phrases) if q.start <= last < q.end), None)
    if k is None or phrases[k].kind != "NP" or phrases[k].end != last + 1:
        return False
    k += 1
    while k + 1 < len(phrases) and phrases[k].kind == "CC" and phrases[k + 1].kind == "NP":
        k += 2  # "Anies atau Sandiaga"
    return k < len(phrases) and phrases[k].kind == "VP" and phrases[k].start == phrases[k - 1].end


def well_formed(draft: Draft, clause: Clause) -> bool:
    """The checks every candidate passes: a subject that names someone or something, a
    predicate with every negation, a transitive verb with its object, no dangling end,
    balanced quotation marks."""
    p = draft.parse
    tokens = draft.tokens
    if len(tokens) < MIN_WORDS:
        return False
    kept = set(tokens)
    predicate = clause.phrases[clause.predicate]
    if not any(i in kept for i in range(predicate.start, predicate.end)):
        return False
    if any(p.tags[i] == "NEG" and i not in kept for i in range(predicate.start, predicate.end)):
        return False
    subject = [i for i in tokens if i < predicate.start]
    if not subject or not any(p.tags[i] in ("NN", "NNP", "FW", "NUM") for i in subject):
        return False  # "Ia …", "Mereka …", "Hal ini …": who?
    if p.lows[subject[0]] in PRONOUNS:
        return False
    last = tokens[-1]
    low = p.lows[last]
    if _open_clause(p, tokens):
        return False  # "Netanyahu Berkeras Bahwa Yerusalem Kini": the clause after "bahwa" is cut
    closes = low in _ENDING_ADVERBS or (p.tags[last] == "DT" and low == "ini")
    if p.tags[last] in _DANGLING_TAGS and not closes:
        return False
    if low in _DANGLING_WORDS or p.tokens[last] in _KEPT_MARKS:
        return False
    if low in REPORTING:
        return False  # "Juru Bicara … Katakan": what was said is missing
    if _subject_of_more(clause, last):
        return False  # "Sudirman Berharap Anies": Anies is the subject of what was hoped
    transitive = p.tags[last] == "VB" and low.startswith("me") and bare_verb(low) is not None
    if transitive and last + 1 < len(p) and p.tokens[last + 1] not in (".", "!", "?"):
        return False  # a transitive verb whose object was cut ("The Indianan Express Merilis")
    marks = [p.tokens[i] for i in tokens if p.tokens[i] in _QUOTE_MARKS]
    return marks.count('"') % 2 == 0 and marks.count("“") == marks.count("”")
