"""Headline candidates end to end: structure, kinds, order, counts and options."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from summarizer import summarize
from summarizer.headline.build import MAX_WORDS
from summarizer.headline.candidates import (
    DEFAULT_MAX_CHARS,
    HEADLINE_CASES,
    headlines,
    near_duplicate,
)
from summarizer.text.document import build_document

LEAD = (
    "Jakarta, CNN Indonesia -- Presiden Joko Widodo meresmikan jalan tol Bekasi-Cawang-Kampung "
    "Melayu pada Senin (18/9) pagi, kata Menteri PUPR Basuki Hadimuljono kepada wartawan. "
    "Jalan tol sepanjang 21 kilometer itu dibangun sejak 2015. Basuki mengatakan tol itu akan "
    "mengurangi kemacetan di Bekasi."
)
CAPS = (
    "JAKARTA - KOMISI PEMBERANTASAN KORUPSI (KPK) MENETAPKAN BUPATI KLATEN SEBAGAI TERSANGKA "
    "KASUS SUAP JABATAN. PENETAPAN ITU DIUMUMKAN DI GEDUNG KPK PADA MINGGU MALAM."
)
ONE = (
    "Gempa berkekuatan 5,2 Skala Richter mengguncang Kabupaten Lebak, Banten, pada Selasa "
    "(15/11) sekitar pukul 19.41 WIB."
)
KINDS = {"lead", "compressed", "quote"}
# a headline never ends on these
DANGLING = {
    "di", "ke", "dari", "dan", "atau", "yang", "untuk", "pada", "dengan", "oleh", "bahwa",
    "akan", "tidak", "tak", "belum", "para", "sang",
}  # fmt: skip
SEED = (FIXTURES / "seed_kim_jong_un.txt").read_text(encoding="utf-8")


def assert_headline_shape(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    words = text.split()
    assert 3 <= len(words) <= MAX_WORDS + 1, text  # +1: "Tokoh:" before the quote
    assert len(text) <= max_chars, text
    assert not text.endswith((".", ",", ";", ":", "-")), text
    assert words[-1].lower() not in DANGLING, text
    assert "CNN Indonesia" not in text and "--" not in text, text
    assert "(" not in text and ")" not in text, text


def first(text: str, **options) -> str:
    return summarize(text, headlines=3, **options).headlines[0].text


# -- the seed article: the user's own example ------------------------------------------------


def _says_kim_promises_russia_support(text: str) -> None:
    low = text.lower()
    assert low.startswith(("kim jong un", "pemimpin korea utara kim jong un")), text
    assert "janji" in low and "dukung" in low and "rusia" in low, text
    assert_headline_shape(text)


def test_seed_article_with_its_title_line():
    _says_kim_promises_russia_support(first(SEED))


def test_seed_article_without_the_title_line():
    body = SEED.split("\n\n", 1)[1]
    _says_kim_promises_russia_support(first(body))


def test_seed_article_with_title_given():
    title, body = SEED.split("\n\n", 1)
    _says_kim_promises_russia_support(first(body, title=title.strip()))


# -- structure: whole phrases ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # subject, bare verb, object; the time and the attribution go
        (LEAD, "Presiden Joko Widodo Resmikan Jalan Tol Bekasi-Cawang-Kampung Melayu"),
        # a name's bracketed acronym stands in for it
        (
            "Komisi Pemberantasan Korupsi (KPK) menahan Bupati Klaten Sri Hartini di Rumah "
            "Tahanan Guntur pada Sabtu (31/12).",
            "KPK Tahan Bupati Klaten Sri Hartini di Rumah Tahanan Guntur",
        ),
        # a fronted adjunct goes; an apposition loses its commas
        (
            "Sebagai koreografer tari, James Cousins selalu ingin menyampaikan kisah yang berbeda.",
            "James Cousins Selalu Ingin Sampaikan Kisah yang Berbeda",
        ),
        (
            "Manajer Manchester United, Jose Mourinho, enggan menyalahkan ofisial laga yang "
            "menganulir gol timnya ke gawang Everton, Selasa (4/4/2017).",
            # the title part of the apposition goes when the verb's object needs the room
            "Jose Mourinho Enggan Salahkan Ofisial Laga",
        ),
        # coordinated verbs share the object; both take the bare form
        (
            "Bangladesh menangkap dan memulangkan paksa 90 pengungsi Rohingya ke Myanmar, "
            "demikian pernyataan kepolisian Myanmar pada Minggu (27/8).",
            "Bangladesh Tangkap dan Pulangkan Paksa 90 Pengungsi Rohingya ke Myanmar",
        ),
        # "X mengatakan …": the speaker and what was said
        (
            "Ketua Ikatan Advokat Indonesia Todung Mulya Lubis mengatakan persekusi hanya "
            "terjadi di negara gagal.",
            "Todung Mulya Lubis: Persekusi Hanya Terjadi di Negara Gagal",
        ),
        # a subordinate clause's own subject and verb go with it ("setelah penampilan
        # memukau …"), so the cut ends before "setelah"
        (
            "Gelandang Real Madrid Isco berharap segera menandatangani kontrak baru dengan klub "
            "setelah penampilan memukau di Piala Super Eropa, dini hari tadi.",
            "Gelandang Real Madrid Isco Berharap Segera Menandatangani Kontrak Baru dengan Klub",
        ),
        # the subject loses its last prepositional phrase first, not all of them
        (
            "Kabar mengenai hengkangnya Djadjang Nurdjaman dari kursi kepelatihan Persib "
            "Bandung semakin kencang.",
            "Kabar Mengenai Hengkangnya Djadjang Nurdjaman Semakin Kencang",
        ),
        # an apposition after a relative clause: the name alone when room is needed
        (
            "Aktor senior yang sempat memenangkan penghargaan Oscar, Michael Douglas, dituduh "
            "melakukan tindakan pelecehan seksual terhadap seorang wanita.",
            "Michael Douglas Dituduh Lakukan Tindakan Pelecehan Seksual",
        ),
        # an intransitive meN- verb keeps its prefix
        (
            "Rupiah menguat 0,3 persen ke Rp15.620 per dolar AS pada Kamis (17/10).",
            "Rupiah Menguat",
        ),
    ],
)
def test_the_lead_clause_cut_by_whole_phrases(sentence, expected):
    got = first(sentence)
    assert got.startswith(expected) or got == expected, got
    assert_headline_shape(got)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Polisi tidak menemukan barang bukti di lokasi kejadian pada Senin (18/9).", "Tidak"),
        ("Pemerintah belum memutuskan kenaikan harga BBM bersubsidi tahun ini.", "Belum"),
        ("Presiden tak akan menghadiri sidang umum PBB di New York pekan depan.", "Tak Akan"),
        ("Jaksa bukan menuntut hukuman mati bagi terdakwa kasus pembunuhan itu.", "Bukan"),
    ],
)
def test_negation_and_modals_are_never_dropped(sentence, kept):
    got = first(sentence)
    assert kept in got, got


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("Harga beras naik 5 persen menjadi Rp 12.500 per kilogram di Pasar Induk.", "5 Persen"),
        ("IHSG turun tipis 2,37 poin ke level 5.800 pada penutupan perdagangan.", "2,37 Poin"),
        (
            "Pemerintah menyiapkan anggaran Rp1,5 triliun untuk perbaikan jalan nasional.",
            "Rp1,5 Triliun",
        ),
    ],
)
def test_numbers_keep_their_units(sentence, amount):
    got = first(sentence)
    assert amount in got, got


def test_a_pronoun_is_no_subject():
    text = (
        "Dia menolak tuduhan itu di depan majelis hakim. Ia mengaku tidak pernah menerima uang "
        "dari siapa pun. Kuasa hukum terdakwa mengajukan eksepsi atas dakwaan jaksa."
    )
    for h in summarize(text, headlines=5).headlines:
        assert h.text.split()[0] not in ("Dia", "Ia"), h.text


def test_a_subject_of_what_follows_never_ends_a_candidate():
    # "Anies atau Sandiaga" is the subject of what Sudirman hopes: never "Sudirman Berharap Anies"
    text = (
        "Sudirman berharap Anies atau Sandiaga mau menyempatkan waktu berkunjung ke Jawa "
        "Tengah. Gubernur meminta menteri bekerja keras."
    )
    for h in summarize(text, headlines=5).headlines:
        assert not h.text.endswith(("Anies", "Menteri")), h.text


def test_background_and_back_pointing_sentences_give_no_candidate():
    text = (
        "Pangeran William dan Kate Middleton mengunjungi Kanada bersama kedua anaknya pada "
        "Sabtu. Seperti diketahui, William menikahi Kate pada 2011. Kunjungan mereka "
        "diakhiri pada 1 Oktober. Keluarga kerajaan disambut Perdana Menteri Justin Trudeau."
    )
    texts = [h.text for h in summarize(text, headlines=5).headlines]
    assert texts and not any(t.startswith(("William Nikahi", "Kunjungan")) for t in texts), texts


def test_a_clause_that_cannot_fit_well_formed_gives_no_candidate():
    # one long noun list and no predicate: nothing an editor could publish
    text = "Daftar harga: beras, gula, minyak goreng, telur ayam, daging sapi, bawang merah."
    result = summarize(text, headlines=3)
    assert result.headlines == []
    assert any("headline" in w for w in result.warnings)


# -- kinds, order, counts -------------------------------------------------------------------


def test_quote_form_is_speaker_colon_quote():
    text = (
        "Jakarta, CNN Indonesia -- Pengacara Eggi Sudjana membantah mengetahui rencana makar yang "
        "dituduhkan polisi. Eggi diperiksa penyidik Polda Metro Jaya selama delapan jam pada Kamis "
        '(7/9). "Sumpah demi Allah saya tak tahu menahu," kata Eggi Sudjana. Polisi menyebut '
        "pemeriksaan akan dilanjutkan pekan depan."
    )
    result = summarize(text, headlines=10)
    quotes = [h for h in result.headlines if h.kind == "quote"]
    assert [h.text for h in quotes] == ["Eggi Sudjana: Sumpah Demi Allah Saya Tak Tahu Menahu"]
    assert quotes[0].sentence_index == 2
    assert result.headlines[0].kind == "lead"  # a quote never outranks the lead


def test_count_gives_n_when_the_article_allows_and_says_why_when_not(articles):
    text = articles[0].text
    assert summarize(text, headlines=0).headlines == []
    assert len(summarize(text, headlines=1).headlines) == 1
    long_article = max(articles, key=lambda a: len(a.text)).text
    assert len(summarize(long_article, headlines=5).headlines) == 5
    for article in articles:
        result = summarize(article.text, headlines=10)
        if len(result.headlines) < 10:
            assert any("of the 10 headline candidates" in w for w in result.warnings)
        else:
            assert not any("headline" in w for w in result.warnings)
    doc = build_document(text)
    assert headlines(doc, list(range(len(doc))), 0) == []


@pytest.mark.parametrize("max_chars", [10, 20, 35])
def test_headline_max_chars_is_never_exceeded(articles, max_chars):
    for text in [*(a.text for a in articles), LEAD, CAPS, ONE]:
        for h in summarize(text, headlines=10, headline_max_chars=max_chars).headlines:
            assert len(h.text) <= max_chars, h.text
            assert h.text.split()[-1].lower() not in DANGLING


def test_headline_case_title_and_sentence():
    assert HEADLINE_CASES == ("title", "sentence")
    title = summarize(LEAD, headlines=3, headline_case="title").headlines
    sentence = summarize(LEAD, headlines=3, headline_case="sentence").headlines
    assert [h.text.lower() for h in title] == [h.text.lower() for h in sentence]
    for h in title:
        for i, word in enumerate(h.text.split()):
            assert word[0].isupper() or word[0].isdigit() or (i and word in DANGLING), h.text
    for h in sentence:
        assert h.text[0].isupper()
        assert any(w.islower() for w in h.text.split()[1:]), h.text


def test_all_caps_article_gets_newsroom_casing():
    for case in HEADLINE_CASES:
        result = summarize(CAPS, headlines=3, headline_case=case)
        assert result.headlines
        for h in result.headlines:
            assert_headline_shape(h.text)
            assert not h.text.isupper(), h.text


def test_one_sentence_article():
    result = summarize(ONE, headlines=3)
    assert [h.text for h in result.headlines] == [
        "Gempa Berkekuatan 5,2 Skala Richter Guncang Kabupaten Lebak"
    ]
    assert result.headlines[0].sentence_index == 0


def test_near_duplicate():
    assert near_duplicate("Jokowi Resmikan Tol Bekasi", "Tol Bekasi Jokowi Resmikan")
    assert near_duplicate("Jokowi Resmikan Tol", "Jokowi Resmikan Tol Bekasi Cawang Hari Ini")
    assert not near_duplicate("Jokowi Resmikan Tol Bekasi", "Eggi Sudjana: Saya Tak Tahu")


def test_real_articles_give_distinct_well_formed_candidates(articles):
    for article in articles:
        result = summarize(article.text, headlines=5)
        hs = result.headlines
        assert hs, article.title
        assert [h.score for h in hs] == sorted((h.score for h in hs), reverse=True)
        for i, h in enumerate(hs):
            assert h.kind in KINDS
            assert 0 <= h.sentence_index < result.stats["sentences"]
            assert_headline_shape(h.text)
            for other in hs[i + 1 :]:
                assert not near_duplicate(h.text, other.text), (h.text, other.text)


def test_candidates_are_deterministic(articles):
    for article in articles:
        once = summarize(article.text, headlines=5).headlines
        assert summarize(article.text, headlines=5).headlines == once
