"""Loading IndoSum: raw text rebuilt from tokens, gold sentences, real titles.

Real requests carry raw text, so every evaluation starts by undoing IndoSum's
tokenisation (``Kamis ( 5 / 5 ) ,`` → ``Kamis (5/5),``) and runs the whole
pipeline on that. Usage: ``load(path)`` or ``load_folds(path)``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

FOLDS = ("fold1", "fold2", "fold3", "fold4")
# How an article's paragraphs are separated when it is rebuilt as a request's text: a
# blank line (IndoSum's own paragraphs, the default), a single line break (one paragraph
# per line, as many CMS exports send it), or a space (one block: paragraphs lost).
PARAGRAPH_BREAKS = {"blank": "\n\n", "single": "\n", "none": " "}

_NO_SPACE_BEFORE = {",", ".", "!", "?", ":", ";", ")", "]", "}", "”", "’", "%", "..."}
_NO_SPACE_AFTER = {"(", "[", "{", "“", "‘"}


def detokenize_sentences(sentences: list[list[str]]) -> list[str]:
    """Rebuild consecutive sentences, pairing straight quotes across them."""
    quote_open = False
    out = []
    for tokens in sentences:
        text, quote_open = _detokenize(tokens, quote_open)
        out.append(text)
    return out


def _detokenize(tokens: list[str], quote_open: bool) -> tuple[str, bool]:
    out: list[str] = []
    glue_next = False
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        space = bool(out) and not glue_next
        glue_next = False
        if tok == '"':
            if quote_open:
                space = False
            else:
                glue_next = True
            quote_open = not quote_open
        elif tok in _NO_SPACE_BEFORE:
            space = False
        elif tok == "/" and prev[-1:].isdigit() and nxt[:1].isdigit():
            space, glue_next = False, True
        elif tok == "-" and prev == "-":
            space = False
            glue_next = False
        if tok in _NO_SPACE_AFTER:
            glue_next = True
        out.append((" " if space else "") + tok)
    return "".join(out), quote_open


def title_from_url(url: str) -> str | None:
    """The published title hidden in an article URL, lower-case, hyphens as spaces."""
    segments = [s for s in urlparse(url).path.split("/") if "-" in s]
    if not segments:
        return None
    seg = max(segments, key=len)
    seg = re.sub(r"\.(html?|php)$", "", seg)
    seg = re.sub(r"^\d+-", "", seg)
    seg = re.sub(r"-\d+$", "", seg)
    words = [w for w in seg.split("-") if w]
    return " ".join(words).lower() or None


@dataclass(slots=True)
class Article:
    id: str
    fold: str
    source: str
    category: str
    url: str
    title: str | None
    paragraphs: list[list[str]]  # raw sentences per paragraph
    gold: list[list[bool]]
    summary: list[str]  # raw gold summary sentences

    @property
    def text(self) -> str:
        """The article as a request would carry it: sentences by spaces, paragraphs by blank lines."""
        return self.text_as("blank")

    def text_as(self, breaks: str) -> str:
        """The article with its paragraphs separated as :data:`PARAGRAPH_BREAKS` names."""
        return PARAGRAPH_BREAKS[breaks].join(" ".join(p) for p in self.paragraphs)

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p]

    @property
    def gold_sentences(self) -> list[str]:
        return [
            s
            for p, g in zip(self.paragraphs, self.gold, strict=True)
            for s, keep in zip(p, g, strict=True)
            if keep
        ]

    @property
    def summary_text(self) -> str:
        return " ".join(self.summary)


def _article(row: dict, fold: str) -> Article:
    return Article(
        id=row["id"],
        fold=fold,
        source=row.get("source", ""),
        category=row.get("category", ""),
        url=row.get("source_url", ""),
        title=title_from_url(row.get("source_url", "")),
        paragraphs=[detokenize_sentences(p) for p in row["paragraphs"]],
        gold=row["gold_labels"],
        summary=detokenize_sentences(row["summary"]),
    )


def load(path: str | Path, folds: tuple[str, ...] = FOLDS) -> Iterator[Article]:
    """Articles of the given folds, in file order."""
    path = Path(path)
    for fold in folds:
        with open(path / f"{fold}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield _article(json.loads(line), fold)


def load_folds(path: str | Path) -> dict[str, list[Article]]:
    """All four folds, for cross-validation (learn on three, score the fourth)."""
    return {fold: list(load(path, (fold,))) for fold in FOLDS}
