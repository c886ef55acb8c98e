"""The syntax layer: tokens, tags and phrases of a sentence, and the questions asked of them.

Everything that needs to know what a word does in its sentence asks here: whether it is a
verb (:func:`is_verb`), where the names are (:func:`names`), where a quotation is and who is
said to have said it (:func:`quotes`). Headlines build on the phrases; nothing else keeps
its own lists or regular expressions for these questions.

Tagging costs a numpy pass per call, so sentences are parsed together
(:func:`parse_sentences`), and only the sentences that need it: the chunker runs on first
use of :attr:`Parse.phrases`.
"""

from __future__ import annotations

from .chunk import Phrase, chunk
from .speech import SAID
from .tagger import tagger
from .words import syntax_tokens

__all__ = ["Parse", "Quote", "is_verb", "names", "parse", "parse_sentences", "quotes"]

_SAID = frozenset(SAID) | {w + "nya" for w in SAID}
# a name may hold these between its capitalised words ("Muhammad bin Salman", "Ratu
# Elizabeth II", "Tommy Soeharto"); a comma or "dan" ends it
_NAME_LINKS = frozenset(("bin", "binti", "van", "de", "von", "al", "el", "-", "&", "."))


class Parse:
    """One sentence: its text, tokens with character offsets, tags and (lazily) phrases."""

    __slots__ = ("text", "tokens", "lows", "tags", "_phrases", "_spans")

    def __init__(self, text: str, tokens: list[str], tags: list[str]) -> None:
        self.text = text
        self.tokens = tokens
        self.lows = [t.lower() for t in tokens]  # asked of every token, many times
        self.tags = tags
        self._phrases: list[Phrase] | None = None
        self._spans: list[tuple[int, int]] | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Each token's (start, end) in :attr:`text`, found when first asked for."""
        if self._spans is None:
            out, at, find = [], 0, self.text.find
            for token in self.tokens:
                at = find(token, at)
                out.append((at, at + len(token)))
                at += len(token)
            self._spans = out
        return self._spans

    @property
    def phrases(self) -> list[Phrase]:
        if self._phrases is None:
            self._phrases = chunk(self.tokens, self.tags, self.lows)
        return self._phrases

    def __len__(self) -> int:
        return len(self.tokens)

    def span_text(self, start: int, end: int) -> str:
        """The original text of tokens ``start``..``end - 1`` (their own spacing kept)."""
        if start >= end:
            return ""
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]


def parse_sentences(texts: list[str]) -> list[Parse]:
    """Parse several sentences with one tagger pass."""
    tokens = [syntax_tokens(t) for t in texts]
    tags = tagger().tag(tokens)
    return [Parse(t, k, g) for t, k, g in zip(texts, tokens, tags, strict=True)]


def parse(text: str) -> Parse:
    """One sentence (prefer :func:`parse_sentences` for several)."""
    return parse_sentences([text])[0]


def is_verb(tag: str) -> bool:
    """The one verb test: the tagger's, in context (``ada`` can be a verb or a noun)."""
    return tag == "VB"


def names(p: Parse, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans of the names (runs of proper nouns) in ``p``, in order."""
    end = len(p) if end is None else end
    out: list[tuple[int, int]] = []
    i = start
    tags, lows = p.tags, p.tokens
    while i < end:
        if tags[i] != "NNP":
            i += 1
            continue
        j = i + 1
        while j < end and (
            tags[j] == "NNP"
            or (lows[j].lower() in _NAME_LINKS and j + 1 < end and tags[j + 1] == "NNP")
        ):
            j += 1
        out.append((i, j))
        i = j
    return out


class Quote:
    """A quotation in a sentence: its phrase, and the phrase naming who said it, if any."""

    __slots__ = ("phrase", "speaker", "pronoun")

    def __init__(self, phrase: Phrase, speaker: Phrase | None, pronoun: bool) -> None:
        self.phrase = phrase
        self.speaker = speaker  # the noun phrase after ``kata`` / before ``mengatakan``
        self.pronoun = pronoun  # ``ujarnya``: the speaker was named before


def quotes(p: Parse) -> list[Quote]:
    """The quotations of ``p`` with their attribution (``"…," kata X`` / ``X mengatakan,
    "…"`` / ``"…," ujarnya``)."""
    from .speech import SAYS  # noqa: PLC0415  (kept beside SAID in one module)

    out = []
    phrases = p.phrases
    lows = [t.lower() for t in p.tokens]
    for k, q in enumerate(phrases):
        if q.kind != "QUOTE":
            continue
        speaker, pronoun = None, False
        # after: '"…," kata X' (a comma may stand inside or after the quotation)
        j = k + 1
        while j < len(phrases) and phrases[j].kind == "PUNCT" and lows[phrases[j].start] == ",":
            j += 1
        if j < len(phrases):
            word = lows[phrases[j].start]
            if word in _SAID:
                pronoun = word.endswith("nya")
                rest = phrases[j].start + 1
                nxt = next((r for r in phrases[j:] if r.start >= rest), None)
                if nxt is not None and nxt.kind == "NP" and not pronoun:
                    speaker = nxt
                elif phrases[j].kind == "NP" and phrases[j].end > rest and not pronoun:
                    speaker = Phrase("NP", rest, phrases[j].end)
        if speaker is None and not pronoun:
            # before: 'X mengatakan, "…"'
            b = k - 1
            while b >= 0 and phrases[b].kind == "PUNCT":
                b -= 1
            if b >= 0 and lows[phrases[b].end - 1] in SAYS | {"berkata"}:
                s = b - 1
                if s >= 0 and phrases[s].kind == "NP":
                    speaker = phrases[s]
        out.append(Quote(q, speaker, pronoun))
    return out
