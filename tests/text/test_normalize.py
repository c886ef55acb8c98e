"""Unicode and whitespace normalisation."""

from __future__ import annotations

import unicodedata

from summarizer import summarize
from summarizer.text.normalize import normalize, paragraphs


def test_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nestlé café")
    assert normalize(decomposed) == "Nestlé café"


def test_non_breaking_and_odd_spaces_become_spaces() -> None:
    assert normalize("Rp\u00a012.500\u202fper\u2009kg") == "Rp 12.500 per kg"


def test_zero_width_and_soft_hyphen_are_removed() -> None:
    assert normalize("Jo\u200bko Wi\u00addo\ufeffdo") == "Joko Widodo"


def test_control_characters_become_spaces() -> None:
    assert normalize("satu\x00dua\x07tiga") == "satu dua tiga"


def test_whitespace_runs_collapse_and_ends_are_trimmed() -> None:
    assert normalize("  satu   dua\t\ttiga  ") == "satu dua tiga"


def test_paragraph_breaks_are_kept() -> None:
    text = "Paragraf satu.\r\n\r\n\r\nParagraf dua.\u2029Paragraf tiga."
    assert normalize(text) == "Paragraf satu.\n\nParagraf dua.\n\nParagraf tiga."


def test_line_endings() -> None:
    assert normalize("a\r\nb\rc\u2028d") == "a\nb\nc\nd"


def test_paragraphs_split_on_lines_but_join_hard_wraps() -> None:
    text = normalize("Pemerintah akan membangun\njalan baru.\nWarga senang.\n\nParagraf dua.")
    assert paragraphs(text) == [
        "Pemerintah akan membangun jalan baru.",
        "Warga senang.",
        "Paragraf dua.",
    ]


def test_html_character_references_are_decoded() -> None:
    text = "Harga &quot;naik&quot; 5 persen &amp; stok &#8220;aman&#8221;,&nbsp;kata dia."
    assert normalize(text) == 'Harga "naik" 5 persen & stok “aman”, kata dia.'


def test_ampersands_that_are_not_references_stay() -> None:
    text = "AT&T dan R&D Procter&Gamble &foo; tetap."
    assert normalize(text) == text


def test_references_never_reach_keywords_or_headlines() -> None:
    text = (
        "Jakarta - Menteri menyebut distribusi barang akan &quot;jauh lebih cepat&quot;. "
        "Jalan tol itu menelan biaya Rp1,5 triliun &amp; dibangun sejak 2015. "
        "Menurut dia, distribusi barang ke Jawa Tengah akan &quot;lebih murah&quot;."
    )
    result = summarize(text)
    out = " ".join(
        [s.text for s in result.sentences]
        + [h.text for h in result.headlines]
        + [k.text for k in result.keywords]
    )
    assert "quot" not in out.lower() and "amp" not in out.lower()
