"""Phrases from tags: a shallow parse of one Indonesian sentence.

The chunker reads tokens and their tags (:mod:`summarizer.text.tagger`) left to right and
groups them into phrases that are never split later:

``NP``    noun phrase: quantifiers, the head, its nominal and adjectival modifiers, names,
          a closing ``ini`` / ``itu`` / ``tersebut``; ``A dan B`` and ``A, B, dan C`` lists
``VP``    verb group: negation, aspect and modals with the verbs (``tidak akan menerima``,
          ``belum bisa dipastikan``, ``menangkap dan memulangkan``)
``ADJP``  an adjective as predicate, with its negation or degree (``tak sepopuler``)
``ADV``   adverbs that stand before a noun phrase or alone
``PP``    a preposition and its noun phrase (``di Jakarta``, ``kepada wartawan``)
``PURP``  a preposition or ``agar`` before a verb group (``untuk menggratiskan``)
``REL``   ``yang`` and the clause it opens (``yang menimpa dokter Fiera``)
``SC``    a subordinating conjunction (``karena``, ``saat``, ``bahwa``); what it governs is
          a clause, which :mod:`summarizer.text.syntax` marks
``TIME``  days, dates, clock times and time words (``Senin (18/9) pagi``, ``pukul 09.30
          WIB``, ``kemarin``), with ``pada`` / ``sejak`` before them
``PAREN`` a bracketed stretch; ``QUOTE`` a quoted one
``CC``    a coordinating conjunction between clauses; ``PUNCT`` punctuation

Phrases are contiguous spans of token indices; every token belongs to exactly one.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Phrase", "chunk"]

NOMINAL = frozenset(("NN", "NNP", "FW", "NUM", "PR"))
# determiners that close a noun phrase; the others (para, sebuah, beberapa) open one
POST_DETERMINERS = frozenset(("ini", "itu", "tersebut", "sendiri"))
_MODIFIED = frozenset(("NN", "FW", "JJ"))  # what an adjective right after it modifies
COORDINATORS = frozenset(("dan", "serta", "atau", "&", "maupun", "ataupun"))
OPEN_BRACKETS = {"(": ")", "[": "]"}
OPEN_QUOTES = {"“": "”", '"': '"', "‘": "’"}
_OPENERS = frozenset(OPEN_BRACKETS) | frozenset(OPEN_QUOTES)
NUMBERED = frozenset(
    ["ayat", "pasal", "nomor", "no", "butir", "huruf", "angka", "tahap", "jilid", "bagian"]
)
NOW = frozenset(("kini", "sekarang"))  # adverbs of time the corpus often tags as nouns
PURPOSE = frozenset(("untuk", "agar", "supaya", "demi"))  # before a verb: a purpose
DAYS = frozenset(["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"])
MONTHS = frozenset(
    [
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "agu",
        "agt",
        "sep",
        "sept",
        "okt",
        "nov",
        "des",
    ]
)
TIME_WORDS = frozenset(
    [
        "kemarin",
        "kemarin-kemarin",
        "tadi",
        "besok",
        "lusa",
        "pukul",
        "jam",
        "pagi",
        "siang",
        "sore",
        "malam",
        "petang",
        "dini",
        "subuh",
        "wib",
        "wita",
        "wit",
    ]
)
# "tahun lalu", "pekan depan", "hari ini": a time noun and what places it
TIME_NOUNS = frozenset(
    ["hari", "pekan", "minggu", "bulan", "tahun", "malam", "pagi", "siang", "sore", "abad", "waktu"]
)
TIME_PLACERS = frozenset(
    ["lalu", "depan", "ini", "itu", "mendatang", "kemarin", "silam", "nanti", "setempat"]
)
TIME_PREPOSITIONS = frozenset(["pada", "sejak", "hingga", "sampai", "mulai", "tanggal"])
# placers that only ever follow a noun ("lalu" may be "then", "depan" a place)
_AFTER_NOUN = frozenset(["mendatang", "silam", "setempat"])
# "jelang laga", "menjelang Lebaran": tagged as verbs, they open a time adjunct
BEFORE = frozenset(["jelang", "menjelang"])
# "lebih dari 30 orang", "sekitar 5.000 warga", "sedikitnya 10 korban": an amount
QUANTIFIERS = frozenset(
    [
        "lebih",
        "kurang",
        "sekitar",
        "hampir",
        "sedikitnya",
        "setidaknya",
        "sebanyak",
        "nyaris",
        "kira-kira",
    ]
)
_TIME_LEADS = TIME_PREPOSITIONS | BEFORE | {"dalam"}  # "dalam dua pekan terakhir"
# symbols that belong to an amount ("Rp 115 juta", "US$ 5", "5 %"): the corpus tags them SYM
CURRENCIES = frozenset(("rp", "us$", "$", "€", "£", "¥", "rp."))


@dataclass(slots=True)
class Phrase:
    """Tokens ``start``..``end - 1`` of the sentence, as one phrase of ``kind``."""

    kind: str
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


def chunk(tokens: list[str], tags: list[str], lows: list[str] | None = None) -> list[Phrase]:
    """The sentence's phrases, in order, covering every token once."""
    if lows is None:
        lows = [t.lower() for t in tokens]
    n = len(tokens)
    out: list[Phrase] = []
    i = 0
    while i < n:
        if lows[i] in _RECENTLY_FIRST and (end := _recently(lows, i)):
            out.append(Phrase("TIME", i, end))  # "belum lama ini", "baru-baru ini"
            i = end
            continue
        end = _bracketed(tokens, i) if tokens[i] in _OPENERS else 0
        if end:
            out.append(Phrase("QUOTE" if tokens[i] in OPEN_QUOTES else "PAREN", i, end))
            i = end
            continue
        tag, low = tags[i], lows[i]
        if tag == "SYM" and not _amount_symbol(lows, tags, i):
            out.append(Phrase("PUNCT", i, i + 1))
            i += 1
        elif low == "yang":
            out.append(Phrase("REL", i, i + 1))  # its clause is attached below
            i += 1
        elif low in QUANTIFIERS and _amount_follows(tags, lows, i + 1):
            j = _nominal_end(tags, lows, i + 1 + (lows[i + 1] == "dari"))
            out.append(Phrase("NP", i, j))
            i = j
        elif low in _AFTER_NOUN and out and out[-1].kind == "NP" and out[-1].end == i:
            out[-1].end = i + 1  # "bupati Halmahera Timur mendatang", whatever its tag
            i += 1
        elif (
            tag in ("ADV", "NEG", "VB") or (tag == "RP" and low != "pun") or _just(lows, i)
        ) and not _time_preposition(tags, lows, i, out):
            i = _verbal(tokens, tags, lows, i, out)
        elif (
            tag == "JJ"
            and i + 1 < n
            and tags[i + 1] in ("NN", "NNP")
            and (not out or out[-1].kind in ("PUNCT", "SC", "CC"))
        ):
            # a modifier before its noun ("mantan auditor BPK", "Gempa" tagged as an
            # adjective before a noun): the noun phrase starts here
            j = _nominal_end(tags, lows, i + 1)
            out.append(Phrase("NP", i, j))
            i = j
        elif tag == "JJ" and not _after_noun(out, tags, i):
            j = i
            while j < n and tags[j] == "JJ":
                j += 1
            out.append(Phrase("ADJP", i, j))
            i = j
        elif tag == "IN" and _in_name(tokens, tags, i):
            # "Menteri Dalam Negeri", "Menteri Luar Negeri": a capitalised preposition
            # between proper nouns belongs to the name
            j = _nominal_end(tags, lows, i + 1)
            if out and out[-1].kind == "NP" and out[-1].end == i:
                out[-1].end = j
            else:
                out.append(Phrase("NP", i, j))
            i = j
        elif low in NOW:
            out.append(Phrase("ADV", i, i + 1))  # "kini", whatever the tagger made of it
            i += 1
        elif (
            tag == "IN"
            or low in TIME_PREPOSITIONS
            or low in BEFORE
            or (tag == "SC" and low in PURPOSE)
        ) and (tag != "SC" or (i + 1 < n and tags[i + 1] in ("VB", "ADV", "NEG"))):
            j = _nominal_end(tags, lows, i + 1) if tag != "SC" else i + 1
            if j > i + 1:
                out.append(Phrase("PP", i, j))
            elif i + 1 < n and tags[i + 1] in ("VB", "ADV", "NEG"):
                # "untuk menghentikan paceklik kemenangan": the verb and its object
                k = _verbal(tokens, tags, lows, i + 1, [])
                k = _nominal_end(tags, lows, k) if k < n else k
                out.append(Phrase("PURP", i, k))
                j = k
            else:
                out.append(Phrase("PP", i, i + 1))
                j = i + 1
            i = j
        elif tag == "SC":
            out.append(Phrase("SC", i, i + 1))
            i += 1
        elif tag == "CC":
            out.append(Phrase("CC", i, i + 1))
            i += 1
        else:
            j = _nominal_end(tags, lows, i)
            if j == i:  # a particle, an interjection: its own phrase
                j = i + 1
            if out and out[-1].kind == "NP" and tag == "JJ":
                out[-1].end = j
            else:
                out.append(Phrase("NP", i, j))
            i = j
    if len(out) > 1 and out[0].kind == "ADJP" and out[1].kind == "VP":
        out[0].kind = "NP"  # a sentence does not start on an adjective as its subject
    out = _join_lists(out, tokens, lows, tags)
    _mark_time(out, tokens, lows, tags)
    _attach_relatives(out)
    _reduced_relatives(out, lows)
    return out


def _time_preposition(tags: list[str], lows: list[str], i: int, out: list[Phrase]) -> bool:
    """``mulai``/``sampai`` after a verb group and before no verb: a preposition of time
    ("naik mulai Sabtu", "bekerja sampai malam"), whatever the tagger made of it."""
    if lows[i] in BEFORE:
        return i + 1 < len(tags) and tags[i + 1] in ("NN", "NNP", "NUM")
    return (
        lows[i] in TIME_PREPOSITIONS
        and bool(out)
        and out[-1].kind == "VP"
        and out[-1].end == i
        and i + 1 < len(tags)
        and tags[i + 1] not in ("VB", "ADV", "NEG")
    )


def _after_noun(out: list[Phrase], tags: list[str], i: int) -> bool:
    """Whether token ``i`` follows a noun phrase ending on a common noun, which an
    adjective after it modifies ("kinerja bagus"); after a name or a closing ``itu`` it is
    a predicate ("dokter itu ramai dibicarakan")."""
    return bool(out) and out[-1].kind == "NP" and out[-1].end == i and tags[i - 1] in _MODIFIED


def _bracketed(tokens: list[str], i: int) -> int:
    """End of the bracket or quotation opened at ``i`` (0 if none closes within reach)."""
    tok = tokens[i]
    close = OPEN_BRACKETS.get(tok) or OPEN_QUOTES.get(tok)
    if close is None:
        return 0
    reach = 40 if tok in OPEN_BRACKETS else 80
    for j in range(i + 1, min(len(tokens), i + reach)):
        if tokens[j] == close:
            return j + 1
        if tok in OPEN_BRACKETS and tokens[j] in OPEN_BRACKETS:
            return 0
    return 0


def _verbal(tokens, tags, lows, i: int, out: list[Phrase]) -> int:
    """A verb group, an adjective predicate or adverbs, from ``i``; returns where it ends."""
    n = len(tokens)
    j = i
    while j < n and (
        tags[j] in ("ADV", "NEG")
        or (tags[j] == "RP" and lows[j] != "pun")
        or _just(lows, j)
        or (tags[j] == "JJ" and j > i and j + 1 < n and tags[j + 1] == "VB")
    ):
        j += 1  # "bakal langsung memeriksa": an adjective used as an adverb
    if j < n and tags[j] == "VB":
        while j < n:
            if tags[j] == "VB" and not (
                j > i
                and (lows[j] in TIME_PREPOSITIONS or lows[j] in BEFORE)
                and (j + 1 == n or tags[j + 1] != "VB")
            ):
                j += 1  # "naik mulai Sabtu": after a verb, "mulai" opens a time adjunct
            elif (
                tags[j] in ("ADV", "NEG")
                and j + 1 < n
                and tags[j + 1] == "VB"
                and lows[j] not in POST_DETERMINERS
            ):
                j += 1  # "berhasil kembali meraih", "mengaku tidak tahu"
            elif (
                lows[j] in COORDINATORS
                and j + 1 < n
                and tags[j + 1] == "VB"
                and j + 2 <= n
                and _verb_coordination(tags, j)
            ):
                j += 1  # "menangkap dan memulangkan"
            else:
                break
        out.append(Phrase("VP", i, j))
        return j
    if j < n and tags[j] == "JJ" and j > i:
        while j < n and tags[j] == "JJ":
            j += 1
        out.append(Phrase("ADJP", i, j))
        return j
    if j == i:
        j = i + 1
    out.append(Phrase("ADV", i, j))
    return j


RECENTLY = (
    ("belum", "lama", "ini"),
    ("baru-baru", "ini"),
    ("akhir-akhir", "ini"),
    ("beberapa", "waktu", "lalu"),
    ("beberapa", "hari", "lalu"),
    ("saat", "ini"),
    ("selama", "ini"),
)
_RECENTLY_FIRST = frozenset(words[0] for words in RECENTLY)


def _recently(lows: list[str], i: int) -> int:
    """End of a fixed expression of time starting at ``i`` (0 if none)."""
    for words in RECENTLY:
        if tuple(lows[i : i + len(words)]) == words:
            return i + len(words)
    return 0


def _in_name(tokens: list[str], tags: list[str], i: int) -> bool:
    return (
        0 < i < len(tokens) - 1
        and tokens[i][:1].isupper()
        and tags[i - 1] == "NNP"
        and tags[i + 1] == "NNP"
    )


def _just(lows: list[str], i: int) -> bool:
    """``baru saja`` ("just"): an adverb, whatever the tagger made of ``baru``."""
    return lows[i] == "baru" and i + 1 < len(lows) and lows[i + 1] == "saja"


def _verb_coordination(tags: list[str], j: int) -> bool:
    """``dan`` between two verbs with no noun phrase between joins one verb group (the
    object is shared); the caller checked that a verb follows."""
    return j > 0 and tags[j - 1] == "VB"


def _nominal_end(tags: list[str], lows: list[str], i: int) -> int:
    """Where a noun phrase starting at ``i`` ends (``i`` if none starts there)."""
    n = len(tags)
    j = i
    # quantifiers and opening determiners: "para", "sebuah", "lima", "sejumlah"
    while j < n and (tags[j] in ("DT", "NUM") and lows[j] not in POST_DETERMINERS):
        j += 1
        if j + 1 < n and lows[j] in ("-", "–") and tags[j - 1] == "NUM" and tags[j + 1] == "NUM":
            j += 1  # "14 - 17 Desember", "1 - 1"
    start_head = j
    while j < n:
        tag = tags[j]
        if (
            lows[j] == "yang"
            or (
                j > start_head
                and lows[j] in TIME_NOUNS
                and j + 1 < n
                and lows[j + 1] in TIME_PLACERS
            )
            or (j == start_head + 1 and lows[j - 1] in TIME_NOUNS and lows[i] in ("setiap", "tiap"))
        ):
            break  # a relative clause, or a time adjunct ("jalan tol | tahun depan")
        if (
            tag in NOMINAL
            or (tag == "JJ" and j > start_head and tags[j - 1] in _MODIFIED)
            or tag == "SYM"
            and _amount_symbol(lows, tags, j)
        ):
            j += 1
        elif tag == "DT" and j > start_head:
            j += 1  # "kasus tersebut", "tahun ini"
        elif (
            lows[j] in TIME_PLACERS
            and j > start_head
            and (lows[j - 1] in TIME_NOUNS or lows[j - 1] in MONTHS)
        ):
            j += 1  # "tahun depan", "pekan lalu", whatever the tagger made of the second word
        elif (
            tags[j] == "SYM"
            and lows[j] in ("-", "/", "&", ".")
            and j > start_head
            and j + 1 < n
            and tags[j + 1] in ("NNP", "NN", "NUM", "FW")
        ):
            j += 1  # "Bekasi-Cawang", "2017/2018", written with spaces around the mark
        else:
            break
    if j == start_head and start_head > i:
        # a quantifier alone ("sebanyak 5", "semua") is still a noun phrase
        return start_head
    return j


def _amount_follows(tags: list[str], lows: list[str], i: int) -> bool:
    if i < len(tags) and lows[i] == "dari":
        i += 1
    return i < len(tags) and tags[i] == "NUM"


def _amount_symbol(lows: list[str], tags: list[str], i: int) -> bool:
    """A currency before a number, or a percent sign after one: part of the amount."""
    if lows[i] in CURRENCIES:
        return i + 1 < len(lows) and tags[i + 1] == "NUM"
    return lows[i] == "%" and i > 0 and tags[i - 1] == "NUM"


def _join_lists(phrases: list[Phrase], tokens, lows, tags) -> list[Phrase]:
    """``A dan B`` and ``A, B, dan C`` become one noun phrase; so do names whose parts the
    comma split ("Kementerian Riset, Teknologi, dan Pendidikan Tinggi")."""
    out: list[Phrase] = []
    i = 0
    while i < len(phrases):
        p = phrases[i]
        if (
            p.kind in ("NP", "PP")
            and i + 1 < len(phrases)
            and phrases[i + 1].kind == "QUOTE"
            and len(phrases[i + 1]) <= 8
        ):
            # a short quoted title after a noun names it: program "BBM Satu Harga"
            phrases[i + 1] = Phrase(p.kind, p.start, phrases[i + 1].end)
            i += 1
            continue
        if (
            p.kind in ("NP", "PP")
            and i + 1 < len(phrases)
            and phrases[i + 1].kind == "PAREN"
            and lows[p.end - 1] in NUMBERED
            and len(phrases[i + 1]) == 3
            and tags[phrases[i + 1].start + 1] == "NUM"
        ):
            # "Pasal 226 ayat (1)": the number in brackets is part of the reference
            phrases[i + 1] = Phrase(p.kind, p.start, phrases[i + 1].end)
            i += 1
            continue
        if p.kind == "PP" and i + 2 < len(phrases) and _place_after(phrases, i, tokens, tags):
            # "di Surabaya, Jawa Timur": the place's province or city goes with it
            phrases[i + 2] = Phrase("PP", p.start, phrases[i + 2].end)
            i += 2
            continue
        if p.kind == "PP" and i + 2 < len(phrases) and _coordinated(phrases, i, lows):
            # "antara Indonesia dan Uni Eropa": the coordination stays inside the phrase
            out.append(Phrase("PP", p.start, phrases[i + 2].end))
            i += 3
            continue
        if p.kind != "NP":
            out.append(p)
            i += 1
            continue
        end = i
        j = i + 1
        while j + 1 < len(phrases):
            mid, nxt = phrases[j], phrases[j + 1]
            if mid.kind == "CC" and lows[mid.start] in COORDINATORS and nxt.kind == "NP":
                if not _new_clause(phrases, i, j + 1):
                    end = j + 1
                break  # the list ends at its coordinator
            if (
                end == i
                and j > i + 1
                and mid.kind == "PUNCT"
                and lows[mid.start] == ","
                and nxt.kind == "CC"
                and lows[nxt.start] in COORDINATORS
                and j + 2 < len(phrases)
                and phrases[j + 2].kind == "NP"
            ):
                end = j + 2
                break  # "A, B, dan C"
            if (
                mid.kind == "PUNCT"
                and tokens[mid.start] == ","
                and nxt.kind == "NP"
                and len(nxt) <= 4
                and _list_follows(phrases, j + 1, lows)
            ):
                j += 2
                continue
            break
        if end > i:
            out.append(Phrase("NP", p.start, phrases[end].end))
            i = end + 1
        else:
            out.append(p)
            i += 1
    return out


def _place_after(phrases: list[Phrase], i: int, tokens: list[str], tags: list[str]) -> bool:
    """``PP , Name`` where the phrase ends on a name and the next name (at most three proper
    nouns) closes the clause or a comma follows: the wider place ("di Surabaya, Jawa Timur")."""
    mid, nxt = phrases[i + 1], phrases[i + 2]
    if mid.kind != "PUNCT" or tokens[mid.start] != "," or nxt.kind != "NP" or len(nxt) > 3:
        return False
    if tags[phrases[i].end - 1] != "NNP":
        return False
    if not all(tags[k] == "NNP" for k in range(nxt.start, nxt.end)):
        return False
    first = tokens[nxt.start].lower()
    if first in DAYS or first in MONTHS or first in TIME_WORDS:
        return False  # "di Surabaya, Jumat,": a day, not a place
    after = phrases[i + 3] if i + 3 < len(phrases) else None
    if after is not None and after.kind in ("VP", "ADV", "ADJP"):
        # a fronted place and then the subject ("Di Jakarta, Jokowi meresmikan …")
        return any(q.kind not in ("SC", "CC", "PUNCT") for q in phrases[:i])
    return (
        after is None
        or after.kind in ("PUNCT", "TIME")
        or (after.kind == "PP" and tokens[after.start].lower() in _TIME_LEADS)
    )


def _new_clause(phrases: list[Phrase], first: int, second: int) -> bool:
    """Whether ``dan`` before noun phrase ``second`` opens a new clause instead of joining
    the two: a predicate stands before ``first`` in the clause and one follows ``second``
    ("… persaingan MotoGP 2017, dan Jorge Lorenzo baru meraih …")."""
    after = second + 1
    while after < len(phrases) and phrases[after].kind == "PAREN":
        after += 1  # "Jorge Lorenzo (Ducati Team) baru sekali naik podium"
    if after >= len(phrases) or phrases[after].kind not in ("VP", "ADJP", "ADV"):
        return False
    for q in reversed(phrases[:first]):
        if q.kind == "PUNCT":
            return False
        if q.kind in ("VP", "ADJP"):
            return True
    return False


def _coordinated(phrases: list[Phrase], i: int, lows: list[str]) -> bool:
    mid, nxt = phrases[i + 1], phrases[i + 2]
    return mid.kind == "CC" and lows[mid.start] in COORDINATORS and nxt.kind == "NP"


def _list_follows(phrases: list[Phrase], k: int, lows: list[str]) -> bool:
    """Whether noun phrase ``k`` is followed, through more ``, NP``, by ``(,) dan NP``."""
    j = k + 1
    while j + 1 < len(phrases):
        mid, nxt = phrases[j], phrases[j + 1]
        if mid.kind == "PUNCT" and lows[mid.start] == ",":
            if nxt.kind == "NP":
                j += 2
                continue
            if nxt.kind == "CC" and lows[nxt.start] in COORDINATORS:
                return j + 2 < len(phrases) and phrases[j + 2].kind == "NP"
            return False
        return mid.kind == "CC" and lows[mid.start] in COORDINATORS and nxt.kind == "NP"
    return False


def _is_time_np(tokens, lows, start: int, end: int) -> bool:
    words = lows[start:end]
    if not words:
        return False
    first = words[0]
    if first in DAYS or first in TIME_WORDS or first in MONTHS:
        return True
    if first in ("hari", "tanggal") and len(words) > 1 and words[1] in DAYS:
        return True
    if first in ("setiap", "tiap") and len(words) == 2 and words[1] in TIME_NOUNS:
        return True  # "setiap tahun"
    if (
        words[-1] in TIME_PLACERS
        and any(w in TIME_NOUNS or w in MONTHS for w in words[:-1])
        and len(words) <= 3
    ):
        return True  # "tahun lalu", "bulan September mendatang"
    # "14 Oktober 2017", "2018" after "pada"
    return len(words) >= 2 and words[0][:1].isdigit() and words[1] in MONTHS


def _mark_time(phrases: list[Phrase], tokens, lows, tags) -> None:
    """Noun and prepositional phrases that only say when become ``TIME``; a bracketed date
    ``(18/9)`` after a day goes with it."""
    for k, p in enumerate(phrases):
        if p.kind == "NP":
            if _is_time_np(tokens, lows, p.start, p.end):
                p.kind = "TIME"
        elif p.kind == "PP" and len(p) > 1 and lows[p.start] in _TIME_LEADS:
            if _is_time_np(tokens, lows, p.start + 1, p.end):
                p.kind = "TIME"
        elif (
            p.kind == "PAREN"
            and k
            and phrases[k - 1].kind == "TIME"
            and all(t[:1].isdigit() or t == "/" for t in tokens[p.start + 1 : p.end - 1])
        ):
            p.kind = "TIME"


# "ber-" verbs that describe the noun before them ("dua balita bernama X tewas"): with a
# predicate later in the clause they are a modifier, as if "yang" stood before them
DESCRIBING = frozenset(
    [
        "bernama",
        "berinisial",
        "berjudul",
        "bertajuk",
        "berusia",
        "berumur",
        "berasal",
        "berdarah",
        "berdomisili",
        "berkebangsaan",
        "bernomor",
        "berpelat",
        "berwarna",
        "bermerek",
    ]
)


def _reduced_relatives(phrases: list[Phrase], lows: list[str]) -> None:
    k = 1
    while k + 1 < len(phrases):
        q = phrases[k]
        if (
            q.kind == "VP"
            and len(q) == 1
            and lows[q.start] in DESCRIBING
            and phrases[k - 1].kind == "NP"
            and phrases[k + 1].kind == "NP"
            and _predicate_later(phrases, k + 2, lows)
        ):
            phrases[k] = Phrase("REL", q.start, phrases[k + 1].end)
            del phrases[k + 1]
        k += 1


def _predicate_later(phrases: list[Phrase], k: int, lows: list[str]) -> bool:
    for q in phrases[k:]:
        if q.kind == "PUNCT" and lows[q.start] in ",;.":
            return False
        if q.kind in ("VP", "ADJP"):
            return True
    return False


def _attach_relatives(phrases: list[Phrase]) -> None:
    """``yang`` takes the clause it opens: its predicate and what that needs, up to a
    comma, a conjunction, a new predicate or the end."""
    for k, p in enumerate(phrases):
        if p.kind != "REL" or len(p) != 1:
            continue
        j = k + 1
        predicate = False
        while j < len(phrases):
            q = phrases[j]
            if q.kind in ("VP", "ADJP", "ADV"):
                if (
                    predicate
                    and q.kind != "ADV"
                    and not (
                        q.kind == "VP"
                        and phrases[j - 1].kind == "ADJP"
                        and phrases[j - 1].end == q.start
                    )
                ):
                    break  # a second predicate: the main clause goes on
                predicate = predicate or q.kind != "ADV"
            elif q.kind in ("NP", "PP", "TIME", "PURP", "PAREN"):
                if not predicate and q.kind == "NP":
                    predicate = True  # "yang terbaru", "yang 5 orang"
            elif (
                q.kind == "CC"
                and predicate
                and j + 1 < len(phrases)
                and phrases[j + 1].kind in ("VP", "ADJP")
            ):
                predicate = False  # "yang asri dan kaya akan …": a second predicate of it
            else:
                break
            j += 1
        if j > k + 1:
            p.end = phrases[j - 1].end
            p.kind = "REL"
            del phrases[k + 1 : j]
