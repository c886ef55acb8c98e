"""Train and evaluate the part-of-speech tagger (``summarizer/data/tagger.npz``).

    python -m benchmarks.train_tagger --data ../shared/data/syntax            # evaluate
    python -m benchmarks.train_tagger --data ../shared/data/syntax --write    # and ship it
    python -m benchmarks.train_tagger --data ../shared/data/syntax --shipped  # measure it

Training data: ``kumparan-postag.txt`` (560k tokens of kumparan news, MIT licence). Its
tokens are re-split with the project's own tokenizer (``summarizer.text.words``), and split
clitics (``ada nya``) are joined back onto their word with the word's tag, so the model sees
at training time exactly the tokens it sees at run time. The last 10% of the sentences are
held out for the reported accuracy; the shipped model is the one measured (trained on the
first 90%).
The UD Indonesian GSD (dev, test) and CSUI (train) treebanks (CC BY-SA 4.0) are added to
the training data with their UPOS mapped to our tags (``FROM_UPOS``): they bring words the
kumparan corpus lacks. The UD Indonesian-CSUI test treebank is an independent test, its
UPOS compared with our tags mapped to UPOS (``UPOS`` below).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.svm import LinearSVC

from summarizer.text.tagger import MODEL_FILE, PAD, SLOTS, Tagger, Template, word_features
from summarizer.text.words import syntax_tokens

OUT = Path(__file__).resolve().parent.parent / "summarizer" / "data" / MODEL_FILE
CLITICS = {"nya", "ku", "mu", "lah", "kah"}
# where the corpus tags a noun as a verb, consistently: the person nouns of "ter-"
# ("tersangka" is always VB there) and the second word of "juru bicara", the first of
# "wali kota"; the chunker reads these as the nouns they are
NOUNS = frozenset(("tersangka", "terdakwa", "terpidana"))
COMPOUNDS = {("juru", "bicara"): 1, ("wali", "kota"): 0}  # (word, word) → which one is a noun
RARE = "<rare>"
MIN_COUNT = 3  # rarer words are learned as unknown ones: the model must read their form

# features of the first pass: the token's own slots, the near neighbours' word, shape and
# endings, the far neighbours' word and shape
_OWN = [Template(0, s) for s in range(len(SLOTS))]
_NEAR = [Template(o, s) for o in (-1, 1) for s in (0, 1, 3, 4, 5, 7)]
_FAR = [Template(o, s) for o in (-2, 2) for s in (0, 1)]
FIRST = _OWN + _NEAR + _FAR
SECOND = FIRST + [Template(o, -1) for o in (-2, -1, 1, 2)]

# UD treebanks added to the training data (they bring words kumparan lacks: "gempa",
# "mahkamah"); the CSUI test treebank stays out of it, for an independent test
UD_TRAIN = ("id_gsd-ud-dev.conllu", "id_gsd-ud-test.conllu", "id_csui-ud-train.conllu")
UD_TEST = "id_csui-ud-test.conllu"
# UPOS to our tags, for the UD training sentences (AUX: kumparan tags akan, bisa, harus ADV)
FROM_UPOS = {
    "NOUN": "NN", "PROPN": "NNP", "VERB": "VB", "ADJ": "JJ", "ADV": "ADV", "AUX": "ADV",
    "ADP": "IN", "SCONJ": "SC", "CCONJ": "CC", "PRON": "PR", "DET": "DT", "NUM": "NUM",
    "PART": "RP", "PUNCT": "SYM", "SYM": "SYM", "X": "FW", "INTJ": "UH",
}  # fmt: skip
NEGATIONS = frozenset(["tidak", "tak", "belum", "bukan", "jangan", "tiada"])

# our tags to UPOS, for the UD test; NEG is PART in UD-CSUI, SYM is PUNCT for punctuation
UPOS = {
    "NN": "NOUN", "NNP": "PROPN", "VB": "VERB", "JJ": "ADJ", "ADV": "ADV", "NEG": "PART",
    "IN": "ADP", "SC": "SCONJ", "CC": "CCONJ", "PR": "PRON", "DT": "DET", "NUM": "NUM",
    "RP": "PART", "FW": "X", "UH": "INTJ", "SYM": "PUNCT",
}  # fmt: skip


def read_corpus(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag), re-tokenized like run-time text, clitics joined."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        word, _, tag = line.partition("\t")
        tag = tag.strip().upper()
        if word.lower() in CLITICS and current and current[-1][0][-1:].isalpha():
            current[-1] = (current[-1][0] + word, current[-1][1])
            continue
        for part in syntax_tokens(word):
            current.append((part, tag if part[:1].isalnum() else "SYM"))
    if current:
        sentences.append(current)
    return [_corrected(s) for s in sentences]


def _corrected(sentence: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = [(w, "NN" if w.lower() in NOUNS and t == "VB" else t) for w, t in sentence]
    for i in range(len(out) - 1):
        which = COMPOUNDS.get((out[i][0].lower(), out[i + 1][0].lower()))
        if which is not None and out[i + which][1] == "VB":
            out[i + which] = (out[i + which][0], "NN")
    return out


def ud_training(folder: Path) -> list[list[tuple[str, str]]]:
    """The UD training treebanks in our tags, re-tokenized like run-time text."""
    out = []
    for name in UD_TRAIN:
        if not (folder / name).exists():
            continue
        for sentence in read_conllu(folder / name):
            tagged = []
            for word, upos in sentence:
                tag = FROM_UPOS.get(upos or "", "NN")
                if word.lower() in NEGATIONS:
                    tag = "NEG"
                for part in syntax_tokens(word):
                    tagged.append((part, tag if part[:1].isalnum() else "SYM"))
            out.append(tagged)
    return out


def read_conllu(path: Path) -> list[list[tuple[str, str]]]:
    """UD sentences as (surface token, UPOS); a multiword token takes its first word's."""
    sentences, current, skip_until = [], [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if current:
                sentences.append(current)
            current, skip_until = [], 0
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0]:
            start, end = map(int, cols[0].split("-"))
            current.append((cols[1], None))
            skip_until = end
            continue
        if "." in cols[0]:
            continue
        index = int(cols[0])
        if index <= skip_until:
            if current[-1][1] is None:
                current[-1] = (current[-1][0], cols[3])
            continue
        current.append((cols[1], cols[3]))
    return sentences


class Features:
    """Slot vocabularies from the training sentences, and sparse rows for each template."""

    def __init__(self, sentences: list[list[tuple[str, str]]]) -> None:
        counts = [Counter() for _ in SLOTS]
        for sentence in sentences:
            for token, _ in sentence:
                for s, value in enumerate(word_features(token)):
                    counts[s][value] += 1
        self.values = []
        for c in counts:
            kept = sorted(v for v, n in c.items() if n >= MIN_COUNT and v not in (PAD, RARE))
            self.values.append([RARE, PAD, *kept])
        self.index = [{v: i for i, v in enumerate(vals)} for vals in self.values]

    def table(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Slot ids of the padded token stream, and where each real token is in it."""
        pad = self.ids(PAD)
        rows, at = [pad, pad], []
        for tokens in sentences:
            for token in tokens:
                at.append(len(rows))
                rows.append(self.ids(token))
            rows += [pad, pad]
        return np.array(rows), np.array(at)

    def ids(self, token: str) -> tuple[int, ...]:
        return tuple(idx.get(v, 0) for idx, v in zip(self.index, word_features(token), strict=True))

    def offsets(self, templates: list[Template], n_tags: int) -> np.ndarray:
        sizes = [len(self.values[t.slot]) if t.slot >= 0 else n_tags + 1 for t in templates]
        return np.concatenate([[0], np.cumsum(sizes)[:-1]])

    def matrix(self, templates, table, at, tag_row=None, n_tags=0):
        offsets = self.offsets(templates, n_tags)
        cols = (
            np.stack(
                [
                    (table[at + t.offset, t.slot] if t.slot >= 0 else tag_row[at + t.offset])
                    for t in templates
                ],
                axis=1,
            )
            + offsets
        )
        total = int(offsets[-1]) + (
            len(self.values[templates[-1].slot]) if templates[-1].slot >= 0 else n_tags + 1
        )
        n = len(at)
        data = np.ones(cols.size, dtype=np.float32)
        indptr = np.arange(0, cols.size + 1, len(templates))
        return sparse.csr_matrix((data, cols.ravel(), indptr), shape=(n, total)), offsets


def fit(x, y, c: float) -> tuple[np.ndarray, np.ndarray]:
    model = LinearSVC(C=c, dual=True, max_iter=2000, random_state=0)
    model.fit(x, y)
    return model.coef_.T.astype(np.float32), model.intercept_.astype(np.float32)


def train(sentences, tags: list[str], c: float, folds: int = 4):
    """Both passes; the second learns from jackknifed first-pass tags of the training data."""
    feats = Features(sentences)
    tag_id = {t: i for i, t in enumerate(tags)}
    words = [[w for w, _ in s] for s in sentences]
    y = np.array([tag_id[t] for s in sentences for _, t in s])
    table, at = feats.table(words)
    x1, off1 = feats.matrix(FIRST, table, at)
    w1, b1 = fit(x1, y, c)
    # jackknife: each block of sentences tagged by a first pass trained without it
    sent_of = np.repeat(np.arange(len(sentences)), [len(s) for s in sentences])
    jack = np.empty_like(y)
    for k in range(folds):
        held = sent_of % folds == k
        wk, bk = fit(x1[~held], y[~held], c)
        jack[held] = (x1[held] @ wk + bk).argmax(axis=1)
    tag_row = np.full(len(table), len(tags))
    tag_row[at] = jack
    x2, off2 = feats.matrix(SECOND, table, at, tag_row, len(tags))
    w2, b2 = fit(x2, y, c)
    # the intercept joins the rows of the first template (every token has one value there)
    size0 = len(feats.values[0])
    w1[:size0] += b1
    w2[:size0] += b2
    return {
        "tags": np.array(tags),
        **{f"slot{s}": np.array(v) for s, v in enumerate(feats.values)},
        "first_templates": np.array([(t.offset, t.slot) for t in FIRST]),
        "first_offsets": off1,
        "first_weights": w1.astype(np.float16),
        "second_templates": np.array([(t.offset, t.slot) for t in SECOND]),
        "second_offsets": off2,
        "second_weights": w2.astype(np.float16),
    }


def accuracy(tagger: Tagger, sentences, gold_map=None) -> tuple[float, int]:
    words = [[w for w, _ in s] for s in sentences]
    predicted = tagger.tag(words)
    right = total = 0
    for sentence, tags in zip(sentences, predicted, strict=True):
        for (_, gold), tag in zip(sentence, tags, strict=True):
            if gold is None or gold == "_":
                continue
            total += 1
            right += (gold_map[tag] if gold_map else tag) == gold
    return right / total, total


def _novel(train_part, test, n: int = 5, most: float = 0.2):
    """The test sentences that are not near-copies of training ones: the corpus holds many
    variants of the same sentence, so the plain held-out figure flatters the model."""

    def grams(sentence):
        words = [w.lower() for w, _ in sentence]
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    seen = set().union(*map(grams, train_part))
    return [s for s in test if len(g := grams(s)) and len(g & seen) < most * len(g)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="folder of the syntax data")
    ap.add_argument("--c", type=float, default=0.1, help="LinearSVC regularisation")
    ap.add_argument("--write", action="store_true", help=f"write the measured model to {OUT}")
    ap.add_argument("--shipped", action="store_true", help="measure the shipped model only")
    args = ap.parse_args(argv)
    sentences = read_corpus(args.data / "kumparan-postag.txt")
    tags = sorted({t for s in sentences for _, t in s})
    cut = int(len(sentences) * 0.9)
    train_part, test = sentences[:cut], sentences[cut:]
    novel = _novel(train_part, test)
    train_part = train_part + ud_training(args.data)
    started = time.perf_counter()
    if args.shipped:
        from summarizer.text.tagger import tagger

        data, model = None, tagger()
        print("the shipped model")
    else:
        data = train(train_part, tags, args.c)
        model = Tagger(data)
        seconds = time.perf_counter() - started
        print(f"trained on {sum(map(len, train_part)):,} tokens in {seconds:.0f} s")
    acc, n = accuracy(model, test)
    print(f"kumparan held-out (last 10%): {acc:.2%} of {n:,} tokens")
    acc, n = accuracy(model, novel)
    print(
        f"  of it, {len(novel):,} sentences sharing < 20% of their 5-grams with the training"
        f" part: {acc:.2%} of {n:,} tokens"
    )
    path = args.data / UD_TEST
    if path.exists():
        acc, n = accuracy(model, read_conllu(path), UPOS)
        print(f"UD {UD_TEST} (UPOS, our tags mapped): {acc:.2%} of {n:,} tokens")
    if args.write and data is not None:
        # the shipped model is the one measured above (trained on the first 90%)
        np.savez_compressed(OUT, **data)
        print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
