"""Headline form: bare verbs, title and sentence case, text typed in capitals."""

from __future__ import annotations

import pytest

from summarizer.headline.form import apply_case, bare_verb, shouting


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("menahan", "tahan"),
        ("meresmikan", "resmikan"),
        ("mengguncang", "guncang"),
        ("memulangkan", "pulangkan"),
        ("menyampaikan", "sampaikan"),
        ("mengantar", "antar"),
        ("memperluas", "perluas"),
        # both readings are Sastrawi roots: the one newsrooms write decides
        ("mengira", "kira"),
        ("memadukan", "padukan"),
        ("mengubah", "ubah"),
        ("menonton", "tonton"),
        ("memakan", "makan"),
        ("menyatakan", "nyatakan"),
        ("menembak", "tembak"),
        ("mengkritik", "kritik"),
    ],
)
def test_bare_verb_is_the_headline_form_of_men_verbs(word, bare):
    assert bare_verb(word) == bare


@pytest.mark.parametrize(
    "word",
    ["meninggal", "menurut", "meningkat", "menguat", "mengaku", "menarik", "merupakan", "makan"],
)
def test_words_whose_bare_form_means_something_else_stay_whole(word):
    assert bare_verb(word) is None


def test_apply_case_keeps_acronyms_names_and_minor_words():
    text = "presiden jokowi resmikan tol bekasi-cawang di depan KPK dan McGregor"
    assert apply_case(text, "title") == (
        "Presiden Jokowi Resmikan Tol Bekasi-Cawang di Depan KPK dan McGregor"
    )
    assert apply_case(text, "sentence") == (
        "Presiden jokowi resmikan tol bekasi-cawang di depan KPK dan McGregor"
    )
    assert apply_case("ketua KPK: saya siap diperiksa", "title") == "Ketua KPK: Saya Siap Diperiksa"


def test_mixed_case_brand_names_keep_their_casing():
    assert apply_case("apple luncurkan iPhone X", "title") == "Apple Luncurkan iPhone X"
    assert apply_case("apple luncurkan iPhone X", "sentence") == "Apple luncurkan iPhone X"


def test_shouting_is_mostly_capitals():
    assert shouting(["KPK", "MENETAPKAN", "BUPATI", "KLATEN", "SEBAGAI", "TERSANGKA"])
    assert not shouting(["KPK", "menetapkan", "Bupati", "Klaten", "sebagai", "tersangka"])
