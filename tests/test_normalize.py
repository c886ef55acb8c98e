"""Unicode and whitespace normalisation."""

from __future__ import annotations

import unicodedata

from summarizer.normalize import normalize, paragraphs


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
