"""Indonesian-aware sentence splitting.

A period in Indonesian news ends a sentence far less often than it appears:
titles and degrees (``Prof. Dr. Ir. H.``, ``S.H., M.Si.``), initials
(``B.J. Habibie``), ranks (``Irjen Pol.``), addresses (``Jl.``, ``No.``),
company suffixes (``Tbk.``), numbers (``Rp12.500``, ``09.30 WIB``) and
domains (``Kompas.com``). One compiled regular expression finds the candidate
boundaries (terminal punctuation before a space, a period glued to a
capitalised word, a line break); each candidate is then decided from the token
before it and the word after it, looked up in two small word lists
(``data/abbreviations.txt``, ``data/sentence_starters.txt``). The work per
candidate is bounded, so the splitter is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources

__all__ = ["ABBREVIATIONS", "SENTENCE_STARTERS", "Allowance", "segment", "split_spans"]


def _words(name: str) -> list[str]:
    text = resources.files("summarizer.data").joinpath(name).read_text("utf-8")
    return [w for line in text.splitlines() for w in line.split("#", 1)[0].split()]


def _load_abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    never, maybe, numeric = set(), set(), set()
    for word in _words("abbreviations.txt"):
        word = word.lower()
        if word.endswith("*"):
            maybe.add(word[:-1])
        elif word.endswith("+"):
            numeric.add(word[:-1])
        else:
            never.add(word)
    return frozenset(never), frozenset(maybe), frozenset(numeric)


#: abbreviations whose period never ends a sentence (unless a sentence starter follows)
ABBREVIATIONS, SOMETIMES_FINAL, BEFORE_NUMBERS = _load_abbreviations()
#: capitalised words that begin sentences, not names ("Namun", "Dia", "Selain")
SENTENCE_STARTERS = frozenset(w.lower() for w in _words("sentence_starters.txt"))
# News brands written in lower case that start sentences ("kumparan (kumparan.com) …").
_LOWER_CASE_NAMES = frozenset({"kumparan", "detikcom", "detiknews", "detiksport", "okezone"})

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_TERMINAL = ".!?…"
# Candidate boundaries: a run of terminal punctuation with the closing quotes or
# brackets after it, or a line break. Every run is matched whole (possessive
# quantifiers, no lookaround that could rescan it), so the scan is linear even for
# a 300,000-character run of dots; what follows the run is checked in Python.
_CANDIDATE = re.compile(r"[.!?…\n][.!?…]*+[\"'”’»)\]]*+")
_NEXT = re.compile(r"\s*+([\"'“‘«(\[]*+)(\S{0,40})")
_DETACHED_QUOTE = re.compile(r"[ \t]++([\"'”’]++)(?=\s|$)")
# after a blank, what a detached closing quote needs next (or the end of the text)
_AFTER_BLANK = " \t\"'”’"
_SPACES = re.compile(r"\s*+")
_SINGLE_QUOTE = re.compile(r"(?<!\w)'|'(?!\w)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# one link of an abbreviation chain ("Si. Se. Sa."): one or two letters and a period
_SHORT = re.compile(r"[A-Za-z]{1,2}\.")
_MAX_TOKEN = 48


class Allowance:
    """How many more candidate boundaries segmentation may look at (one per document).

    Each costs microseconds of Python, and ``"A. "`` repeated over a megabyte is 333,000
    of them in one sentence that never ends, so a cap on sentences does not stop it. A
    megabyte of real news holds about 19,000. Once the allowance is spent, ``spent`` is
    set and the text after the last sentence found is not read.
    """

    __slots__ = ("left", "spent")

    def __init__(self, candidates: int) -> None:
        self.left, self.spent = candidates, False


def segment(text: str, limit: int | None = None, allowance: Allowance | None = None) -> list[str]:
    """Split ``text`` into sentences, in order, covering all its non-space characters.

    With ``limit``, only the first ``limit`` sentences: the text after them is not read;
    with an ``allowance``, only as far as it goes (see :class:`Allowance`).
    """
    sentences = []
    start = 0
    for end in _ends(text, allowance):
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
            if len(sentences) == limit:
                break
        start = end
    return sentences


def split_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _ends(text):
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
        start = end
    return spans


def _ends(text: str, allowance: Allowance | None = None) -> Iterator[int]:
    """Offsets where the sentences of ``text`` end, untrimmed; the last is ``len(text)``.

    A generator, so that a caller who has enough sentences stops the scan there. When the
    ``allowance`` runs out it stops without the last one.
    """
    start = skip = 0
    quotes = _Quotes()
    for match in _CANDIDATE.finditer(text):
        if allowance is not None:
            allowance.left -= 1
            if allowance.left < 0:
                allowance.spent = True
                return
        pos = match.start()
        if pos < start:
            continue  # inside a closing quote already taken by the previous sentence
        run = match.group()
        if run[0] == "\n":
            if pos < skip:
                continue  # the rest of a run of blank lines
            skip = _SPACES.match(text, pos).end()  # type: ignore[union-attr]  # the pattern matches the empty string
            quotes.reset(pos)
            # a blank line ends a paragraph, and a sentence never spans paragraphs
            if text.count("\n", pos + 1, skip) == 0 and _is_hard_wrap(text, pos):
                continue
            end = pos
        else:
            end = match.end()
            after = text[end : end + 1]  # "" at the end of the text: a boundary as it is
            if after and not after.isspace():
                # "tersebut.Pesawat": a period glued to a capitalised word is a boundary;
                # "Rp12.500", "Kompas.com", "S.H." are not.
                if not (run == "." and _glued_boundary(text, pos, text[end : end + 2])):
                    continue
            elif after:
                end = _decide(text, pos, run, end, quotes)
                if end < 0:
                    continue
        yield end
        start = end
    yield len(text)


class _Quotes:
    """Quote marks counted from the start of the line, incrementally (linear time)."""

    __slots__ = ("pos", "straight", "single", "opening", "closing")

    def __init__(self) -> None:
        self.pos, self.straight, self.single, self.opening, self.closing = 0, 0, 0, 0, 0

    def reset(self, pos: int) -> None:
        self.pos, self.straight, self.single, self.opening, self.closing = pos, 0, 0, 0, 0

    def is_open(self, text: str, pos: int, quote: str) -> bool:
        """Whether a quotation that ``quote`` would close is open at ``pos``."""
        if pos > self.pos:
            self.straight += text.count('"', self.pos, pos)
            self.single += len(_SINGLE_QUOTE.findall(text, self.pos, pos))
            self.opening += text.count("“", self.pos, pos)
            self.closing += text.count("”", self.pos, pos)
            self.pos = pos
        if quote == '"':
            return self.straight % 2 == 1
        if quote == "”":
            return self.opening > self.closing
        return self.single % 2 == 1 or quote == "’"


def _is_hard_wrap(text: str, pos: int) -> bool:
    """A line broken mid-sentence: no closing punctuation before, a lower-case word after."""
    before = text[max(0, pos - 8) : pos].rstrip()
    nxt = _NEXT.match(text, pos)
    word = nxt.group(2)  # type: ignore[union-attr]  # the pattern matches the empty string
    return (
        bool(before)
        and before[-1] not in _TERMINAL + _CLOSERS + ":;"
        and not nxt.group(1)  # type: ignore[union-attr]  # the pattern matches the empty string
        and word[:1].islower()
    )


def _glued_boundary(text: str, start: int, after: str) -> bool:
    return (
        after[0].isupper()
        and after[1:].islower()
        and text[max(0, start - 2) : start].islower()
        and text[start - 2 : start].isalpha()
    )


def _decide(text: str, pos: int, run: str, end: int, quotes: _Quotes) -> int:
    """The end offset of the sentence if the punctuation ``run`` at ``pos`` ends one, else -1."""
    punct = run.rstrip(_CLOSERS)
    closers = run[len(punct) :]
    # A closing quote detached by a space ('dunia. " kata dia'): part of this sentence
    # when a quotation is open. It needs a quote or another blank after the first blank.
    if not closers and text[end + 1 : end + 2] in _AFTER_BLANK:
        quote = _DETACHED_QUOTE.match(text, end)
        if quote and _closes(text, quote, quotes.is_open(text, pos, quote.group(1)[0])):
            end = quote.end()
            closers = quote.group(1)
    opener, word = _NEXT.match(text, end).groups()  # type: ignore[union-attr]  # the pattern matches the empty string
    if not word and not opener:
        return end  # end of text
    if word[:1].islower() and not _is_name(word):
        # '"…?" tanya warga.' and 'Amerika Serikat. dan sekutunya': one sentence; but a
        # bare "?" or "!" ends its sentence whatever follows ("Kenapa? karena ...").
        return end if not closers and not punct.strip("?!") else -1
    if "?" in punct or "!" in punct:
        return end
    quoted = closers.rstrip(")]") != ""
    if len(punct) > 1 or punct == "…":
        # An ellipsis marks a pause or a cut ("[…]") inside the sentence; it ends
        # one only when a quotation closes after it.
        return end if quoted else -1
    if quoted:
        return end  # '... kata dia."' then a capital: a boundary
    return end if _period_ends_sentence(text, pos, word, opener) else -1


def _closes(text: str, quote: re.Match, is_open: bool) -> bool:
    """Whether a quote mark detached by spaces closes the sentence before it.

    Before a line break, the end of the text or a lower-case word (the attribution,
    'dunia. " kata Kapolsek') it can only close. Before a capitalised word a double
    quote opens the next sentence: counting quotes is not reliable enough to say
    otherwise ('kata dia. " Saya ...').
    """
    end = quote.end()
    nxt = _NEXT.match(text, end)
    word = nxt.group(2)  # type: ignore[union-attr]  # the pattern matches the empty string
    if not word or word[:1].islower() or "\n" in text[end : nxt.start(1)]:  # type: ignore[union-attr]  # the pattern matches the empty string
        return True
    return is_open and quote.group(1)[0] == "'"


def _is_name(word: str) -> bool:
    """Lower-case first letter but a name: "iPhone", "eBay", "kumparan"."""
    core = word.rstrip(_CLOSERS + ",.;:!?")
    return any(c.isupper() for c in core[1:]) or core.lower() in _LOWER_CASE_NAMES


def _period_ends_sentence(text: str, pos: int, word: str, opener: str) -> bool:
    """Decide a single period at ``pos`` followed by whitespace and ``word``."""
    lo = max(0, pos - _MAX_TOKEN)
    chunk = text[lo:pos]
    raw = chunk.rsplit(None, 1)[-1] if chunk and not chunk[-1].isspace() else ""
    token = raw.lstrip(_OPENERS)
    if not token:
        return True
    lower = token.lower()
    if lower in SOMETIMES_FINAL:
        return True
    if lower in BEFORE_NUMBERS:
        return not word[:1].isdigit()
    if (
        lower in ABBREVIATIONS
        # an initial: "B.J. Habibie", "Agus H. Canny"; "a.n. Menteri"
        or (len(token) == 1 and token.isupper())
        or (
            "." in token
            # initials, or a dotted abbreviation ending in a known one: "M.Si", "Sp.OG"
            and (_INITIALS.fullmatch(token) or lower.rsplit(".", 1)[-1] in ABBREVIATIONS)
        )
        or (
            len(token) == 2
            and token[0].isupper()
            and token.isalpha()
            and _in_chain(chunk, raw, word)
        )
    ):
        return _starts_sentence(word, opener)
    if "/" in token and token.rsplit("/", 1)[-1].istitle():
        return False  # reference numbers: "Nomor 16/Pid. Sus-TPK"
    if token != raw and raw[len(raw) - len(token) - 1] in "([" and word[-1:] in ")]":
        return False  # a short bracketed code: "(Uu. C003)"
    # "tahun 2016. 15 orang" is rare; "pukul 10. 30", "No. 2" are not
    return not (token.isdigit() and word[:1].isdigit() and not _at_line_start(chunk, raw, lo))


def _starts_sentence(word: str, opener: str) -> bool:
    """Whether ``word`` (after the ``opener`` quotes) begins a new sentence after an abbreviation."""
    if opener:
        return opener[0] in '"“'
    return word.rstrip(_CLOSERS + ",.;:!?").lower() in SENTENCE_STARTERS


def _in_chain(chunk: str, raw: str, word: str) -> bool:
    """Short abbreviations in a row ("Si. Se. Sa.") do not end sentences inside the chain."""
    if _SHORT.fullmatch(word):
        return True
    head = chunk[: len(chunk) - len(raw)].split()
    return bool(head) and _SHORT.fullmatch(head[-1]) is not None


def _at_line_start(chunk: str, raw: str, lo: int) -> bool:
    """A list number ("1. 15 Juni: 23.905 penumpang") stands alone at a line start."""
    head = chunk[: len(chunk) - len(raw)]
    if "\n" in head:
        return not head.rsplit("\n", 1)[1].strip()
    return lo == 0 and not head.strip()
