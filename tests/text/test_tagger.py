"""The part-of-speech tagger on hand-written sentences, ambiguous words in context."""

from __future__ import annotations

import pytest

from summarizer.text.syntax import parse
from summarizer.text.tagger import SLOTS, tagger, word_features


def tags_of(sentence: str) -> dict[str, str]:
    p = parse(sentence)
    return dict(zip(p.tokens, p.tags, strict=True))


@pytest.mark.parametrize(
    ("sentence", "word", "tag"),
    [
        # "ada": there is (a verb), or part of a noun with -nya
        ("Ada tiga korban tewas dalam kecelakaan itu.", "Ada", "VB"),
        ("Dia tidak ada di rumah saat polisi datang.", "ada", "VB"),
        ("Adanya aturan baru itu membuat harga naik.", "Adanya", "NN"),
        # "baru": new (an adjective, after its noun), part of a name, or "baru-baru ini"
        ("Pemerintah meluncurkan mobil listrik baru buatan dalam negeri.", "baru", "JJ"),
        ("Harga baru akan berlaku besok.", "baru", "JJ"),
        ("Warga merayakan Tahun Baru Imlek di Glodok.", "Baru", "NNP"),
        ("Baru-baru ini harga cabai naik.", "Baru-baru", "ADV"),
        # "akan": the future, with the verb after it
        ("Presiden akan meresmikan jalan tol itu pekan depan.", "akan", "ADV"),
        # "kata": a word (a noun); after a quotation the corpus tags it a noun too, and the
        # chunker reads it as the reporting verb it is there (speech.SAID)
        ("Kata itu berasal dari bahasa Sanskerta.", "Kata", "NN"),
        ('"Kami siap," kata Budi.', "kata", "NN"),
        # "tahun": a noun, and a proper noun inside a name
        ("Harga beras naik dua kali dalam setahun terakhir, tahun lalu juga.", "tahun", "NN"),
        ("Warga merayakan Tahun Baru Imlek di Glodok.", "Tahun", "NNP"),
        # a name at the start of a sentence is a name, a new word after it a verb
        ("Kejaksaan Agung menahan tersangka korupsi dana desa.", "menahan", "VB"),
        ("Polisi tidak menemukan barang bukti.", "tidak", "NEG"),
    ],
)
def test_ambiguous_words_in_context(sentence, word, tag):
    assert tags_of(sentence)[word] == tag


def test_every_token_gets_one_of_the_tags():
    tg = tagger()
    sentences = [["Harga", "naik", "Rp1,5", "triliun", "."], [], ["“", "Kami", "siap", "”"]]
    out = tg.tag(sentences)
    assert [len(s) for s in out] == [5, 0, 4]
    assert all(t in tg.tags for s in out for t in s)
    assert out[0][-1] == "SYM" and out[2][0] == "SYM"


def test_tags_do_not_depend_on_the_other_sentences_of_a_batch():
    tg = tagger()
    alone = tg.tag([["Ia", "baru", "tiba", "."]])
    batch = tg.tag([["Mobil", "baru", "."], ["Ia", "baru", "tiba", "."], ["Ada", "apa", "?"]])
    assert batch[1] == alone[0]


def test_word_features_fill_every_slot():
    assert len(word_features("Menahan")) == len(SLOTS)
    assert len(word_features(",")) == len(SLOTS)
    assert word_features("Menahan")[0] == "menahan"


def test_threads_tagging_new_words_at_once_all_get_answers():
    # the server runs requests in threads: a fresh tagger whose type cache grows under eight
    # of them at once must answer each, as it does alone (it raised IndexError before)
    import threading
    from importlib import resources

    import numpy as np

    from summarizer.text.tagger import MODEL_FILE, Tagger

    with (
        resources.files("summarizer.data").joinpath(MODEL_FILE).open("rb") as handle,
        np.load(handle) as data,
    ):
        fresh = Tagger({key: data[key] for key in data.files})
    alone = tagger().tag([["Polisi", "menahan", "kata0x0x0"]])[0]
    errors: list[str] = []
    answers: list[list[str]] = []

    def work(n: int) -> None:
        try:
            for r in range(30):
                words = [f"kata{n}x{r}x{k}" for k in range(40)]
                answers.append(fresh.tag([["Polisi", "menahan", *words]])[0][:2])
        except Exception as error:  # noqa: BLE001 - any failure is the finding
            errors.append(repr(error))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(answers) == 240 and all(a == alone[:2] for a in answers)
