"""Indonesian sentence segmentation: one test per phenomenon, plus robustness."""

from __future__ import annotations

import re

import pytest

from summarizer.text.segment import segment, split_spans


def _non_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles and degrees
        (
            "Acara dibuka oleh Prof. Dr. Ir. H. Ahmad Santoso, S.H., M.Si. di Jakarta. Ia memberi sambutan.",
            [
                "Acara dibuka oleh Prof. Dr. Ir. H. Ahmad Santoso, S.H., M.Si. di Jakarta.",
                "Ia memberi sambutan.",
            ],
        ),
        # initials
        (
            "Presiden B.J. Habibie bertemu Agus H. Canny kemarin. Pertemuan berlangsung singkat.",
            [
                "Presiden B.J. Habibie bertemu Agus H. Canny kemarin.",
                "Pertemuan berlangsung singkat.",
            ],
        ),
        # ranks
        (
            "Kapolri Jenderal Pol. Tito Karnavian dan Irjen Pol. Budi hadir. Mereka tiba pagi.",
            [
                "Kapolri Jenderal Pol. Tito Karnavian dan Irjen Pol. Budi hadir.",
                "Mereka tiba pagi.",
            ],
        ),
        # addresses and company suffixes
        (
            "Kantornya di Jl. Sudirman No. 5, milik PT Bank Mandiri Tbk. Direktur Utama hadir.",
            ["Kantornya di Jl. Sudirman No. 5, milik PT Bank Mandiri Tbk. Direktur Utama hadir."],
        ),
        (
            "Saham PT Astra International Tbk. naik. Sementara itu rupiah melemah.",
            ["Saham PT Astra International Tbk. naik.", "Sementara itu rupiah melemah."],
        ),
        # amounts, years, times and places written with abbreviations
        (
            "Denda Rp. 25.000.000 dijatuhkan sesuai UU No. 31 Th. 1999. Gempa terjadi pkl. "
            "13.21 WIB. Warga Kep. Seribu mengungsi ke Gd. Juang.",
            [
                "Denda Rp. 25.000.000 dijatuhkan sesuai UU No. 31 Th. 1999.",
                "Gempa terjadi pkl. 13.21 WIB.",
                "Warga Kep. Seribu mengungsi ke Gd. Juang.",
            ],
        ),
        (
            "Kapal MV. Sinar Bangun tenggelam. Jaraknya 10 km. Warga panik.",
            ["Kapal MV. Sinar Bangun tenggelam.", "Jaraknya 10 km.", "Warga panik."],
        ),
        # before a word, "Rp." and "th." are ordinary words that can end a sentence
        (
            "Ia menabung sejak 5 th. Kini ia kaya.",
            ["Ia menabung sejak 5 th.", "Kini ia kaya."],
        ),
        # dll./dsb./dst. in the middle and at the end of a sentence
        (
            "Ia membeli beras, gula, dll. untuk warga. Bantuan berupa buku, pena, dsb. Namun belum cukup.",
            [
                "Ia membeli beras, gula, dll. untuk warga.",
                "Bantuan berupa buku, pena, dsb.",
                "Namun belum cukup.",
            ],
        ),
        # a.n. and abbreviated months
        (
            "Transfer ke rekening a.n. Budi Santoso paling lambat 5 Sept. 2017. Setelah itu ditutup.",
            [
                "Transfer ke rekening a.n. Budi Santoso paling lambat 5 Sept. 2017.",
                "Setelah itu ditutup.",
            ],
        ),
        # numbers
        (
            "Harga naik menjadi Rp12.500 atau 2,5 persen pada 09.30 WIB tanggal 17.08.2025. Pasar tenang.",
            [
                "Harga naik menjadi Rp12.500 atau 2,5 persen pada 09.30 WIB tanggal 17.08.2025.",
                "Pasar tenang.",
            ],
        ),
        # domains
        (
            "Hal itu dikatakan kepada Kompas.com. Berita ini juga dimuat Liputan6.com kemarin.",
            [
                "Hal itu dikatakan kepada Kompas.com.",
                "Berita ini juga dimuat Liputan6.com kemarin.",
            ],
        ),
        # closing quotes after the final stop
        (
            "“Kami siap bertanding,” kata pelatih. “Semua pemain sehat.” Tim berangkat besok.",
            [
                "“Kami siap bertanding,” kata pelatih.",
                "“Semua pemain sehat.”",
                "Tim berangkat besok.",
            ],
        ),
        # ? and ! inside quotes followed by a lower-case attribution
        (
            '"Kapan jalan ini diperbaiki?" tanya warga. "Segera!" jawab lurah. Warga lega.',
            ['"Kapan jalan ini diperbaiki?" tanya warga.', '"Segera!" jawab lurah.', "Warga lega."],
        ),
        # ellipses
        (
            "Ia berkata pelan... Semua diam. Lalu dia bertanya, apakah ini akhir?",
            ["Ia berkata pelan... Semua diam.", "Lalu dia bertanya, apakah ini akhir?"],
        ),
        (
            '"Saya tidak tahu..." Dia lalu pergi.',
            ['"Saya tidak tahu..."', "Dia lalu pergi."],
        ),
        # a period glued to a capitalised word is a boundary
        (
            "Pesawat mendarat di negara tersebut.Pesawat Putin tiba kemudian.",
            ["Pesawat mendarat di negara tersebut.", "Pesawat Putin tiba kemudian."],
        ),
        # a stray period before a lower-case word is not
        (
            "Indonesia bekerja sama dengan Amerika Serikat. dan sekutunya dalam latihan.",
            ["Indonesia bekerja sama dengan Amerika Serikat. dan sekutunya dalam latihan."],
        ),
        # an initial followed by a sentence starter does end the sentence
        (
            "Kulit jeruk mengandung vitamin C. Namun kadarnya berbeda.",
            ["Kulit jeruk mengandung vitamin C.", "Namun kadarnya berbeda."],
        ),
        # a detached closing quote stays with its sentence
        (
            '"Pelaku meninggal dunia. " kata Kapolsek. Kasus ditutup.',
            ['"Pelaku meninggal dunia. " kata Kapolsek.', "Kasus ditutup."],
        ),
        # line breaks end sentences, hard wraps in the middle of one do not
        (
            "Daftar pemain:\n1. Toyota Avanza\n2. Honda Mobilio",
            ["Daftar pemain:", "1.", "Toyota Avanza", "2.", "Honda Mobilio"],
        ),
        (
            "Pemerintah akan membangun jalan\nbaru di desa itu. Warga senang.",
            ["Pemerintah akan membangun jalan\nbaru di desa itu.", "Warga senang."],
        ),
        # reference numbers
        (
            "Laporan bernomor TBL/4802/X/2016/PMJ/Dit. Reskrimum sudah diterima.",
            ["Laporan bernomor TBL/4802/X/2016/PMJ/Dit. Reskrimum sudah diterima."],
        ),
        (
            "Putusan Nomor 16/Pid. Sus-TPK/2016 dibacakan. Harganya Rp 6.800/liter. Jadi murah.",
            [
                "Putusan Nomor 16/Pid. Sus-TPK/2016 dibacakan.",
                "Harganya Rp 6.800/liter.",
                "Jadi murah.",
            ],
        ),
        # abbreviation chains: no boundary inside, a sentence starter after the last link
        (
            "Koleksi Si. Se. Sa menampilkan 28 look. Brand Si. Se. Sa. Selain itu, ada hiasan.",
            [
                "Koleksi Si. Se. Sa menampilkan 28 look.",
                "Brand Si. Se. Sa.",
                "Selain itu, ada hiasan.",
            ],
        ),
        # a bare ? or ! ends its sentence even before a lower-case word
        (
            "Kenapa? karena prosesnya panjang. Ugh! nikmat sekali.",
            ["Kenapa?", "karena prosesnya panjang.", "Ugh!", "nikmat sekali."],
        ),
        # "dkk." ends a sentence before a capital, not before a lower-case word
        (
            "Gol dicetak Ramos dkk. Pertandingan usai. Ramos dkk. menang lagi.",
            ["Gol dicetak Ramos dkk.", "Pertandingan usai.", "Ramos dkk. menang lagi."],
        ),
        # a blank line ends the sentence, whatever follows
        (
            "Berikut daftar situsnya:\n\nhttp://snmptn.ui.ac.id\n\nhttp://snmptn.ugm.ac.id",
            ["Berikut daftar situsnya:", "http://snmptn.ui.ac.id", "http://snmptn.ugm.ac.id"],
        ),
        # a detached quote before a lower-case word closes, even when its opening quote
        # is in an earlier paragraph
        (
            'Pelaku meninggal dunia. " kata Kapolsek. Kasus ditutup.',
            ['Pelaku meninggal dunia. " kata Kapolsek.', "Kasus ditutup."],
        ),
        # a detached quote before a paragraph break closes the quotation it ends
        (
            '"Kami hanya kalah dari Prancis. "\n\nKontrak Ventura berakhir 2018.',
            ['"Kami hanya kalah dari Prancis. "', "Kontrak Ventura berakhir 2018."],
        ),
    ],
)
def test_phenomena(text: str, expected: list[str]) -> None:
    assert segment(text) == expected


def test_question_and_exclamation_end_sentences() -> None:
    assert segment("Apa kabar? Baik! Terima kasih.") == ["Apa kabar?", "Baik!", "Terima kasih."]


def test_empty_and_blank() -> None:
    assert segment("") == []
    assert segment("   \n\n  ") == []
    assert split_spans("") == []


def test_spans_point_into_the_text(article) -> None:
    text = article.text
    spans = split_spans(text)
    assert [text[a:b] for a, b in spans] == segment(text)
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def test_covers_every_non_space_character(articles) -> None:
    for article in articles:
        text = article.text
        sentences = segment(text)
        assert len(sentences) >= len(article.paragraphs)
        assert "".join(_non_space(s) for s in sentences) == _non_space(text)
        assert all(s == s.strip() and s for s in sentences)


def test_real_article_matches_most_gold_sentences(articles) -> None:
    gold = [s for a in articles for p in a.paragraphs for s in p]
    predicted = [s for a in articles for s in segment(a.text)]
    assert len(set(gold) & set(predicted)) >= 0.9 * len(gold)


def test_one_huge_word() -> None:
    word = "a" * 300_000
    assert segment(word) == [word]


def test_long_text_without_punctuation() -> None:
    text = "kata " * 40_000
    assert segment(text) == [text.strip()]


def test_many_tiny_sentences() -> None:
    text = "Ya. " * 20_000
    assert segment(text) == ["Ya."] * 20_000


@pytest.mark.parametrize(
    "text",
    ["." * 300_000 + "a", "\n" * 200_000, '" ' * 100_000, "A. " * 50_000, "x." + " " * 200_000],
)
def test_pathological_runs_keep_all_characters(text: str) -> None:
    assert "".join(_non_space(s) for s in segment(text)) == _non_space(text)
