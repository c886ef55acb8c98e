"""``Tokoh: kutipan``: who said it, named without their title, and which quotations qualify."""

from __future__ import annotations

import pytest

from summarizer import summarize


def _quotes(text: str) -> list[str]:
    return [h.text for h in summarize(text, headlines=10).headlines if h.kind == "quote"]


@pytest.mark.parametrize(
    ("speaker", "name"),
    [
        ("Wali Kota Surabaya Eri Cahyadi", "Eri Cahyadi"),
        ("Gubernur Jawa Barat Ridwan Kamil", "Ridwan Kamil"),
        ("Kapolda Metro Jaya Irjen Fadil Imran", "Fadil Imran"),
        ("Menteri Keuangan Sri Mulyani Indrawati", "Sri Mulyani Indrawati"),
        ("Ketua Komisi III DPR Herman Hery", "Herman Hery"),
        ("Presiden Amerika Serikat Donald Trump", "Donald Trump"),
        ("Perdana Menteri Jepang Shinzo Abe", "Shinzo Abe"),
        # a body not listed: the name closes the run
        ("Pelatih Real Madrid Zinedine Zidane", "Zinedine Zidane"),
        ("Ketua Ikatan Advokat Indonesia Todung Mulya Lubis", "Todung Mulya Lubis"),
        # ranks written out
        (
            "Kepala Divisi Hubungan Masyarakat Polri Inspektur Jenderal Setyo Wasisto",
            "Setyo Wasisto",
        ),
    ],
)
def test_quote_speaker_is_named_without_the_title_and_its_place(speaker, name):
    text = (
        "Surabaya (ANTARA) - Pemerintah menyiapkan anggaran Rp1,5 triliun untuk perbaikan jalan. "
        f"{speaker} di Surabaya, Jumat, mengatakan perbaikan difokuskan pada jalan protokol. "
        '"Kami ingin warga merasa nyaman," katanya. Sebanyak 120 ruas jalan akan diperbaiki.'
    )
    assert _quotes(text) == [f"{name}: Kami Ingin Warga Merasa Nyaman"]


def _quote_after(said: str) -> list[str]:
    """The quote candidates of a short article whose quote ends ``…," {said} kepada wartawan``."""
    return _quotes(
        "Jakarta - Pemerintah menyiapkan anggaran Rp1,5 triliun untuk perbaikan jalan. "
        "Perbaikan difokuskan pada jalan protokol di pusat kota. "
        f'"Kami ingin warga merasa nyaman," {said} kepada wartawan.'
    )


@pytest.mark.parametrize(
    "said",
    [
        "ucap Kasat Reskrim Polres Jakarta Utara, AKBP Nasriadi",  # the name after a comma
        "kata Direktur Pemasaran",  # a title and common words, no name
        "kata Kepala Seksi Pengawasan Bank II",
    ],
)
def test_no_quote_headline_when_the_speaker_is_a_body_or_cut_off(said):
    assert _quote_after(said) == []


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("kata JK", "JK"),  # an acronym alone
        ("kata Agus", "Agus"),  # a name that is also a word, without a title
        ("sebut Milla", "Milla"),  # any reporting verb of speech.SAID
    ],
)
def test_the_speaker_after_a_reporting_verb(said, speaker):
    assert _quote_after(said) == [f"{speaker}: Kami Ingin Warga Merasa Nyaman"]


def test_a_quote_ending_in_katanya_is_given_to_the_last_speaker_only():
    named = (
        "Jakarta - Polisi mengidentifikasi pelaku kerusuhan di Timika. Kepala Divisi Humas "
        "Polri Irjen Setyo Wasisto menyebut situasi sudah terkendali. "
        '"Para pelaku sudah teridentifikasi," ujarnya.'
    )
    assert _quotes(named) == ["Setyo Wasisto: Para Pelaku Sudah Teridentifikasi"]
    unnamed = (
        "Jakarta - Startup fintech lokal meraih pendanaan Series B senilai US$50 juta. "
        "CEO perusahaan itu mengatakan dana dipakai untuk ekspansi. "
        '"Kami sangat bersemangat," katanya. Perusahaan memiliki 5 juta pengguna.'
    )
    assert _quotes(unnamed) == []


def test_long_quotes_and_conditions_are_not_headlines():
    long_quote = (
        "Pelatih Persib Mario Gomez puas dengan permainan timnya. "
        '"Kami bermain sangat baik sepanjang pertandingan dan para pemain menjalankan semua '
        'instruksi yang saya berikan sejak awal pekan lalu di lapangan latihan," kata Gomez.'
    )
    assert _quotes(long_quote) == []
    condition = (
        "Pelatih Persib Mario Gomez puas dengan permainan timnya. "
        '"Kalau memang kami menang nanti," kata Gomez.'
    )
    assert _quotes(condition) == []
