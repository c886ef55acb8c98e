"""Boilerplate cleaning: each kind is removed and counted; the story is kept."""

from __future__ import annotations

import pytest
from conftest import python_output

from summarizer.text.clean import clean, is_credit_tag, strip_dateline

STORY = "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin (5/5)."


@pytest.mark.parametrize(
    "dateline",
    [
        "Jakarta, CNN Indonesia --",
        "JAKARTA, KOMPAS.com -",
        "Liputan6.com, Jakarta:",
        "Jakarta, Deras.id –",
        "Wamena (ANTARA News) -",
        "Samarinda, Kalimantan Timur (ANTARA News) -",
        "Suara.com -",
        "SPANYOL –",
        "Bisnis.com, JAKARTA --",
        "Jakarta -",
        "JAKARTA (Pos Kota) –",
        "JUARA.NET, NEW YORK -",
        "Jakarta, CNBC Indonesia -",
        "SURABAYA, KOMPAS -",
        "Jakarta, Kompas -",
        "JAKARTA, DDTCNews -",
        "Jakarta, HanTer -",
        "Jakarta, 27/11 (ANTARA) -",
        "Jakarta, 27 November 2026 -",
        "Medan (SIB) -",
        "JAKARTA (Poskota) –",
    ],
)
def test_datelines_are_removed(dateline: str) -> None:
    result = clean(f"{dateline} {STORY}\n\nParagraf kedua.")
    assert result.paragraphs == [STORY, "Paragraf kedua."]
    assert result.removed["datelines"] == 1


def test_dateline_alone_on_its_line() -> None:
    result = clean(f"Suara.com -\n\n{STORY}")
    assert result.paragraphs == [STORY]
    assert result.removed["datelines"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Go - Jek kini tidak bisa dilihat hanya sebagai layanan transportasi.",
        "Indonesia - Malaysia sepakat memperkuat kerja sama.",
        "Jakarta menjadi tuan rumah Asian Games.",
        "Malang, UAV Ai - X1 ini gagal mencapai lapisan stratosfer.",
        "Kepada DailySocial, Co - Founder Visio mengungkapkan rencananya.",
    ],
)
def test_story_openings_are_not_datelines(text: str) -> None:
    assert strip_dateline(text) == (text, False)
    assert clean(text).paragraphs == [text]


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Harga Cabai Turun Jelang Lebaran",
        "BACA JUGA: Jokowi Resmikan Tol",
        "Baca_Juga",
        "Simak juga: Klasemen Liga Primer Inggris",
        "Pilihan Editor: KPK Periksa Lima Saksi Kasus Alkes",
        "Berita terkait: Harga BBM Naik, Ojol Minta Tarif Disesuaikan",
        # bracketed, in any case
        "[Baca Juga: Jika Juventus Juara (Lagi), Apa yang Perlu Dilakukan Roma?]",
        "(Baca Juga: Kevin Sanjaya Komentari Hasil Undian BWF Superseries Finals 2017)",
        "(BACA: OSO Resmi Dilaporkan ke Mabes Polri)",
    ],
)
def test_read_also_lines(line: str) -> None:
    result = clean(f"{STORY}\n\n{line}\n\nParagraf terakhir.")
    assert result.paragraphs == [STORY, "Paragraf terakhir."]
    assert result.removed["read_also"] == 1


def test_read_also_header_with_link_titles_below() -> None:
    result = clean(
        f"{STORY}\n\nBaca juga:\nFish Streat, Harga Pas\nThe Legend of Gado-Gado\n\nIa pulang."
    )
    assert result.paragraphs == [STORY, "Ia pulang."]
    assert result.removed["read_also"] == 3


def test_inline_read_also_fragments() -> None:
    result = clean(
        "Ia datang pagi. [Baca juga: Macet di Perempatan Mampang] Lalu ia pulang. "
        "Baca juga: Judul Tautan Lain"
    )
    assert result.paragraphs == ["Ia datang pagi. Lalu ia pulang."]
    assert result.removed["read_also"] == 2


@pytest.mark.parametrize(
    ("tag", "kept"),
    [
        ("(rsa)", STORY),
        ("(rdk/asa)", STORY),
        ("[bal]", STORY),
        ("(b)", STORY),
        ("(julian / yp)", STORY),
        ("(Antara)", STORY),
        ("(Uu. C003)", STORY),
    ],
)
def test_credit_tags_at_paragraph_end(tag: str, kept: str) -> None:
    result = clean(f"{STORY} {tag}")
    assert result.paragraphs == [kept]
    assert result.removed["credit_tags"] == 1


def test_credit_tag_after_other_brackets() -> None:
    # only the last bracket can open a tag: earlier ones stay, the tag goes
    story = "Presiden (kiri) tiba di Bandara Soekarno-Hatta [Terminal 3] pada Senin (5/5)."
    result = clean(f"{story}  (rsa) ")
    assert result.paragraphs == [story]
    assert result.removed["credit_tags"] == 1
    assert clean(f"{story} (kiri) lalu pergi").paragraphs == [f"{story} (kiri) lalu pergi"]


def test_removed_counts_keep_their_order() -> None:
    # keys in the order the kinds were first met; read_also and credit_tags enter
    # (at zero) with the first story paragraph, and zero counts are left out
    text = f"ADVERTISEMENT\n\nJakarta, CNN Indonesia -- {STORY} (rsa)\n\nBaca juga: Judul"
    removed = clean(text).removed
    assert list(removed.items()) == [
        ("site_chrome", 1),
        ("read_also", 1),
        ("credit_tags", 1),
        ("datelines", 1),
    ]
    assert list(clean(f"{STORY}\n\n(rsa)").removed.items()) == [("credit_tags", 1)]


@pytest.mark.parametrize("tag", ["(Awita Ekasari Larasati / ard)", "—(ant/ded)"])
def test_credit_tag_paragraph(tag: str) -> None:
    result = clean(f"{STORY}\n\n{tag}")
    assert result.paragraphs == [STORY]
    assert result.removed["credit_tags"] == 1


@pytest.mark.parametrize("text", ["(4/5 bintang)", "(2016).", "[Baca juga: X]", "(Foto: Reuters)"])
def test_not_credit_tags(text: str) -> None:
    assert not is_credit_tag(text)


@pytest.mark.parametrize(
    "line",
    [
        "Laporan reporter Tribunnews.com, Budi Santoso",
        "Laporan Wartawan Kompas.com Ani",
        "Editor: Andi",
        "Penulis: Dwi Widijatmiko",
    ],
)
def test_reporter_lines(line: str) -> None:
    result = clean(f"{line}\n\n{STORY}")
    assert result.paragraphs == [STORY]
    assert result.removed["reporter_lines"] == 1


@pytest.mark.parametrize(
    "line",
    [
        "Exit mobile version",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Simak video pilihan berikut ini:",
        "[Gambas:Video CNN]",
        "SCROLL TO RESUME CONTENT",
        "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
        "Lanjutkan membaca artikel di bawah",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran "
        "andalanmu akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/x",
        "Baca berita lainnya di Google News",
        "Follow Berita Okezone di Google News",
        "Artikel ini sudah tayang di Tribunnews.com",
        "Klik di sini untuk mendapatkan update berita terkini",
        "Kunjungi kanal Ekonomi untuk berita lainnya",
        "Saksikan Live DetikPagi :",
        "Copyright © 2026 Tempo. All rights reserved.",
        "Halaman: 1 2 3",
        "Berita Terkait",
        "Tag: politik, pemilu",
        "Terpopuler",
        "Lihat Foto",
        "KOMPAS.com/RAHEL NARDA CHATERINE",
        "KOMPAS.com",
        "Ilustrasi vaksin.(SHUTTERSTOCK/Arif Biswas)",
        "Ilustrasi gempa bumi. (Foto: Shutterstock)",
        'Baca artikel detiknews, "Harga BBM Naik" selengkapnya https://news.detik.com/d-1/x.',
        "Download Apps Detikcom Sekarang https://apps.detik.com/detik/",
        "Pilihan Untuk Anda",
        "Infografis: Harga BBM Naik",
        "(Sumber: Kompas.com)",
    ],
)
def test_site_chrome(line: str) -> None:
    result = clean(f"{STORY}\n\n{line}\n\nParagraf kedua.")
    assert result.paragraphs == [STORY, "Paragraf kedua."]
    assert result.removed["site_chrome"] == 1


def test_story_text_is_kept() -> None:
    story = [
        "Kepala Dinas mengatakan, baca juga aturan yang berlaku sebelum mengajukan izin.",
        "Messi akhirnya pindah ke klub baru (Barcelona)",
        "Ia lahir di Jakarta - tepatnya di Menteng - pada 1970.",
        "Pertandingan berakhir 2-1 (babak pertama 1-0).",
        "Simaklah penjelasan berikut agar tidak salah paham.",
        "Pilihan editor jatuh pada film dokumenter itu.",
        "Berita terkait penangkapan itu cepat menyebar.",
        "Halaman sekolah itu tergenang air setinggi 50 sentimeter.",
        "Tagihan listrik warga naik 10 persen.",
        "Klik kanan pada ikon itu membuka menu baru, kata peneliti.",
        "Ilustrasi itu menunjukkan betapa parahnya banjir, kata warga, dan pemerintah diam.",
        "Dilansir dari Antara, harga beras naik.",
    ]
    result = clean("\n\n".join(story))
    assert result.paragraphs == story
    assert not result.removed


def test_real_articles_keep_their_story(articles) -> None:
    for article in articles:
        result = clean(article.text)
        kept = " ".join(result.paragraphs)
        # every sentence of the gold extract survives cleaning (minus a leading dateline)
        for sentence in article.gold_sentences:
            assert strip_dateline(sentence)[0].rstrip(". ")[:60] in kept


@pytest.mark.parametrize(
    "text",
    [
        "(" + "a" * 100,  # once backtracked exponentially in the credit-tag pattern
        "[Gambas:" * 20_000,  # once quadratic
        "Harga naik. " + "(rsa" * 50_000,
        "Harga naik.\n\nHalaman " + "1" * 60 + "x",  # page numbers: once exponential
        "Harga naik.\n\nBaca artikel " + "x" * 1_000_000,  # once 200 steps a character
        "Kata " + "&amp" * 150_000,
    ],
)
def test_adversarial_boilerplate_is_cleaned_in_bounded_time(text: str) -> None:
    # in a child process, so a regression shows up as a bounded failure, not a hung suite
    code = "import sys; from summarizer.text.clean import clean; print(len(clean(sys.stdin.read()).paragraphs))"
    assert int(python_output(code, text, timeout=30)) >= 1
