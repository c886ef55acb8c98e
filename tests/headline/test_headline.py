"""Headline candidates: each form, the limits and options, and articles where a form does not apply."""

from __future__ import annotations

import json

import pytest
from conftest import python_output

import summarizer.headline.candidates as headline_module
from summarizer import summarize
from summarizer.headline import compress
from summarizer.headline.candidates import (
    DEFAULT_MAX_CHARS,
    HEADLINE_CASES,
    MAX_WORDS,
    apply_case,
    doc_counts,
    headlines,
    near_duplicate,
)
from summarizer.headline.compress import (
    Scorer,
    bare_verb,
    load_model,
    prepare,
    score_tokens,
    scorer,
    strip_rules,
    token_features,
)
from summarizer.text.document import build_document

LEAD = (
    "Jakarta, CNN Indonesia -- Presiden Joko Widodo meresmikan jalan tol Bekasi-Cawang-Kampung "
    "Melayu pada Senin (18/9) pagi, kata Menteri PUPR Basuki Hadimuljono kepada wartawan. "
    "Jalan tol sepanjang 21 kilometer itu dibangun sejak 2015. Basuki mengatakan tol itu akan "
    "mengurangi kemacetan di Bekasi."
)
QUOTE = (
    "Jakarta, CNN Indonesia -- Pengacara Eggi Sudjana membantah mengetahui rencana makar yang "
    "dituduhkan polisi. Eggi diperiksa penyidik Polda Metro Jaya selama delapan jam pada Kamis "
    '(7/9). "Sumpah demi Allah saya tak tahu menahu," kata Eggi Sudjana. Polisi menyebut '
    "pemeriksaan akan dilanjutkan pekan depan."
)
CAPS = (
    "JAKARTA - KOMISI PEMBERANTASAN KORUPSI (KPK) MENETAPKAN BUPATI KLATEN SEBAGAI TERSANGKA "
    "KASUS SUAP JABATAN. PENETAPAN ITU DIUMUMKAN DI GEDUNG KPK PADA MINGGU MALAM."
)
ONE = (
    "Gempa berkekuatan 5,2 Skala Richter mengguncang Kabupaten Lebak, Banten, pada Selasa "
    "(15/11) sekitar pukul 19.41 WIB."
)
KINDS = {"lead", "compressed", "quote", "entity"}
# a headline never ends on these
DANGLING = {"di", "ke", "dari", "dan", "atau", "yang", "untuk", "pada", "dengan", "oleh", "bahwa"}


def assert_headline_shape(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    words = text.split()
    assert 1 <= len(words) <= MAX_WORDS, text
    assert len(text) <= max_chars, text
    assert not text.endswith((".", ",", ";", ":", "-")), text
    assert words[-1].lower() not in DANGLING, text
    assert "CNN Indonesia" not in text and "--" not in text, text
    assert "(" not in text and ")" not in text, text


# -- the rules and the verb form ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Jakarta, CNN Indonesia -- Gempa berkekuatan 4,7 Skala Richter mengguncang "
            "Yogyakarta, pada Selasa (15/11) sekitar pukul 19:41 WIB.",
            "Gempa berkekuatan 4,7 Skala Richter mengguncang Yogyakarta",
        ),
        (
            "Sementara itu, Presiden Joko Widodo (Jokowi) meresmikan jalan tol pada Kamis pagi, "
            "kata Menteri PUPR Basuki Hadimuljono kepada wartawan.",
            "Presiden Joko Widodo meresmikan jalan tol",
        ),
        ('"Kami sudah siap bertanding," ujar pelatih Persib.', "Kami sudah siap bertanding"),
        ("Menurut dia, harga beras naik 5 persen sejak Senin (18/9).", "harga beras naik 5 persen"),
        # the attribution goes with the spaces before its comma; time phrases mid-sentence too
        (
            "Harga beras naik 5 persen \u00a0, kata Menteri Perdagangan Enggartiasto Lukita.",
            "Harga beras naik 5 persen",
        ),
        (
            "Polisi menangkap dua tersangka pada Jumat (8/9) malam sekitar pukul 21.30 WIB di Bekasi.",
            "Polisi menangkap dua tersangka di Bekasi",
        ),
        (
            "Gempa mengguncang Lebak, Banten, 12 Mei 2017, ujar petugas BMKG.",
            "Gempa mengguncang Lebak, Banten",
        ),
        # an institution's full name before its acronym: the acronym stays, as in headlines
        (
            "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memprediksi hujan lebat.",
            "BMKG memprediksi hujan lebat",
        ),
        (
            "Kepala Badan Nasional Penanggulangan Bencana (BNPB) Suharyanto meninjau banjir.",
            "Kepala BNPB Suharyanto meninjau banjir",
        ),
        # not an acronym of the name before it: only the parenthetical goes
        ("PT Pertamina (Persero) menaikkan harga.", "PT Pertamina menaikkan harga"),
        (
            "Organisasi Kesehatan Dunia (WHO) mencabut status darurat.",
            "Organisasi Kesehatan Dunia mencabut status darurat",
        ),
        ("Harga naik (BBM) kemarin.", "Harga naik kemarin"),
    ],
)
def test_rules_drop_dateline_opener_parenthetical_time_and_attribution(sentence, expected):
    assert strip_rules(sentence) == expected


SPACES = " " * 20_000


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Senin" + SPACES + "pergi", "pergi"),  # two space quantifiers in a row: once cubic
        ("Menurut" + SPACES + ":", "Menurut"),  # once quadratic in the opener
        ("Badan (" + SPACES * 5 + "-", "Badan ("),  # parentheticals and acronyms: once quadratic
        ("Jakarta" + ", " * 20_000 + "kata dia", "Jakarta"),
        ("pukul" + "\t" * 20_000 + "WIB", "pukul" + "\t" * 20_000 + "WIB"),
        ("Harga naik" + " (A" * 20_000, "Harga naik" + " (A" * 20_000),
    ],
)
def test_rules_take_linear_time_on_runs_of_spaces(sentence, expected):
    # a library caller's text does not go through normalize(), which collapses spaces;
    # in a child process, so a regression is a bounded failure, not a hung suite
    code = (
        "import json, sys; from summarizer.headline.compress import strip_rules; "
        "print(json.dumps(strip_rules(sys.stdin.read())))"
    )
    assert json.loads(python_output(code, sentence, timeout=30)) == expected


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("mengguncang", "guncang"),
        ("mendatangkan", "datangkan"),
        ("memukul", "pukul"),
        ("menulis", "tulis"),
        ("mengirim", "kirim"),
        ("menyerang", "serang"),
        ("memperkenalkan", "perkenalkan"),
        ("meresmikan", "resmikan"),
        ("memenangkan", "menangkan"),
        ("Menteri", None),
        ("makan", None),
        ("KPK", None),
    ],
)
def test_bare_verb_is_the_headline_form_of_men_verbs(word, bare):
    assert bare_verb(word) == bare


def test_words_whose_bare_form_means_something_else_stay_whole():
    text = (
        "Mantan gelandang Manchester United Liam Miller meninggal dunia pada usia 36 tahun "
        "setelah berjuang melawan kanker pankreas. Miller bermain untuk Manchester United dari "
        "2004 hingga 2006."
    )
    lead = summarize(text, headlines=1).headlines[0].text
    assert "Meninggal" in lead.split()
    assert "Tinggal" not in lead.split()
    assert {"meninggal", "menurut", "meningkat"} <= scorer().keep_full


def test_compiled_scorer_gives_the_same_log_odds_as_the_feature_strings(articles):
    weights = load_model()["weights"]
    assert weights, "the packaged model has weights"
    scorer = Scorer(weights)
    for article in articles:
        doc = build_document(article.text)
        counts = doc_counts(doc)
        for index, sentence in enumerate(doc.sentences[:4]):
            tokens = prepare(sentence.text)
            slow = score_tokens(token_features(tokens, index, counts), weights)
            assert scorer.logits(tokens, index, counts) == pytest.approx(slow, abs=1e-9)


# -- each candidate form --------------------------------------------------------------------


def test_lead_form_is_the_compressed_lead_sentence():
    result = summarize(LEAD, headlines=3)
    first = result.headlines[0]
    assert first.kind == "lead"
    assert first.sentence_index == 0
    assert_headline_shape(first.text)
    low = first.text.lower()
    for gone in ("senin", "pagi", "kata", "wartawan", "18/9", "meresmikan"):
        assert gone not in low.split(), first.text
    assert {"tol", "jalan"} & set(low.split())


def test_compressed_form_comes_from_a_top_ranked_sentence():
    doc = build_document(LEAD)
    out = headlines(doc, [2, 0, 1], 10)
    compressed = [h for h in out if h.kind == "compressed"]
    assert compressed
    assert compressed[0].sentence_index == 2
    assert "kemacetan" in compressed[0].text.lower()
    assert "mengurangi" not in compressed[0].text.lower()  # bare verb: "Kurangi"


def test_quote_form_is_speaker_colon_quote():
    result = summarize(QUOTE, headlines=10)
    quotes = [h for h in result.headlines if h.kind == "quote"]
    assert [h.text for h in quotes] == ["Eggi Sudjana: Sumpah Demi Allah Saya Tak Tahu Menahu"]
    assert quotes[0].sentence_index == 2
    assert result.headlines[0].kind == "lead"  # a quote never outranks the lead


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
        ("Direktur Utama PT Pertamina (Persero) Nicke Widyawati", "Nicke Widyawati"),
        # ranks written out
        (
            "Kepala Divisi Hubungan Masyarakat Polri Inspektur Jenderal Setyo Wasisto",
            "Setyo Wasisto",
        ),
        (
            "Kepala Bidang Hubungan Masyarakat Polda Metro Jaya Komisaris Besar Raden Prabowo "
            "Argo Yuwono",
            "Prabowo Argo Yuwono",
        ),
        ("Komisaris PT Garuda Indonesia Chairal Tanjung", "Chairal Tanjung"),
    ],
)
def test_quote_speaker_is_named_without_the_title_and_its_place(speaker, name):
    text = (
        "Surabaya (ANTARA) - Pemerintah menyiapkan anggaran Rp1,5 triliun untuk perbaikan jalan. "
        f"{speaker} di Surabaya, Jumat, mengatakan perbaikan difokuskan pada jalan protokol. "
        '"Kami ingin warga merasa nyaman," katanya. Sebanyak 120 ruas jalan akan diperbaiki.'
    )
    quotes = [h.text for h in summarize(text, headlines=10).headlines if h.kind == "quote"]
    assert quotes == [f"{name}: Kami Ingin Warga Merasa Nyaman"]


def _quote_headlines(said: str) -> list[str]:
    """The quote candidates of a short article whose quote ends ``…," {said} kepada wartawan``."""
    text = (
        "Jakarta - Pemerintah menyiapkan anggaran Rp1,5 triliun untuk perbaikan jalan. "
        "Perbaikan difokuskan pada jalan protokol di pusat kota. "
        f'"Kami ingin warga merasa nyaman," {said} kepada wartawan.'
    )
    return [h.text for h in summarize(text, headlines=10).headlines if h.kind == "quote"]


@pytest.mark.parametrize(
    "said",
    [
        "ucap Kasat Reskrim Polres Jakarta Utara, AKBP Nasriadi",  # the name after a comma
        "kata Ketua Pengurus Pusat Ikatan Hakim Indonesia (Ikahi), Suhardi",
        "kata Kabid Dokkes Polda Papua Kombes drg. Aloysius Giyai",  # cut after the rank
        "kata Direktur Pemasaran",  # a title and common words, no name
        "kata Kepala Seksi Pengawasan Bank II",
    ],
)
def test_no_quote_headline_when_the_speaker_is_a_body_or_cut_off(said):
    assert _quote_headlines(said) == []


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("kata JK", "JK"),  # an acronym alone
        ("kata Agus", "Agus"),  # a name that is also a word, without a title
        ("sebut Milla", "Milla"),  # any reporting verb of speech.SAID
        ("lanjut Prof Dr Ellen J Kumaat", "Ellen J Kumaat"),  # academic titles go
    ],
)
def test_the_speaker_after_a_reporting_verb(said, speaker):
    assert _quote_headlines(said) == [f"{speaker}: Kami Ingin Warga Merasa Nyaman"]


def test_a_quote_ending_in_katanya_is_given_to_the_last_speaker_only():
    named = (
        "Jakarta - Polisi mengidentifikasi pelaku kerusuhan di Timika. Kepala Divisi Humas "
        "Polri Irjen Setyo Wasisto menyebut situasi sudah terkendali. Setyo juga mengatakan "
        'penyidikan segera dimulai. "Para pelaku sudah teridentifikasi," ujarnya.'
    )
    quotes = [h.text for h in summarize(named, headlines=10).headlines if h.kind == "quote"]
    assert quotes == ["Setyo Wasisto: Para Pelaku Sudah Teridentifikasi"]
    # no one named as speaking before: a name mentioned in passing is no speaker
    unnamed = (
        "Jakarta - Startup fintech lokal meraih pendanaan Series B senilai US$50 juta. "
        "CEO perusahaan itu mengatakan dana dipakai untuk ekspansi. "
        '"Kami sangat bersemangat," katanya. Perusahaan memiliki 5 juta pengguna.'
    )
    assert [h for h in summarize(unnamed, headlines=10).headlines if h.kind == "quote"] == []


def test_quote_form_needs_a_quote():
    result = summarize(LEAD, headlines=10)
    assert all(h.kind != "quote" for h in result.headlines)


def test_long_quotes_are_not_headlines():
    text = (
        "Pelatih Persib Mario Gomez puas dengan permainan timnya. "
        '"Kami bermain sangat baik sepanjang pertandingan dan para pemain menjalankan semua '
        'instruksi yang saya berikan sejak awal pekan lalu di lapangan latihan," kata Gomez.'
    )
    result = summarize(text, headlines=10)
    assert all(h.kind != "quote" for h in result.headlines)


def test_entity_form_starts_with_the_most_mentioned_name():
    text = (
        "Setelah rapat terbatas di Istana, pemerintah menaikkan target penerimaan pajak. "
        "Dalam rapat itu, Menteri Keuangan Sri Mulyani memaparkan rencana perluasan basis pajak "
        "untuk tahun depan. Sri Mulyani menyebut kenaikan itu sejalan dengan pertumbuhan ekonomi. "
        "Sri Mulyani juga meminta Direktorat Jenderal Pajak memperbaiki layanan."
    )
    result = summarize(text, headlines=10)
    entity = [h for h in result.headlines if h.kind == "entity"]
    assert entity, [h.text for h in result.headlines]
    assert entity[0].text.startswith("Sri Mulyani ")
    assert_headline_shape(entity[0].text)


@pytest.mark.parametrize(
    "text",
    [
        # the most mentioned name never has a verb after it: a list of nouns is no headline
        "Timnas Indonesia bertanding melawan Kamboja pada laga kedua SEA Games. "
        "Laga digelar di Stadion Shah Alam Selangor, Malaysia. "
        "Penonton memadati Stadion Shah Alam Selangor sejak sore. "
        "Pelatih Luis Milla menurunkan pemain terbaiknya di Stadion Shah Alam Selangor.",
        # the name only after a preposition: it is not who acted ("Karangasem Bali Terus
        # Bertambah" was offered)
        "Kementerian Pertanian menyiapkan kandang penampungan ternak. Pengungsi dari Gunung "
        "Agung di Karangasem Bali terus bertambah. Warga sekitar Gunung Agung di Karangasem "
        "Bali mengungsi sejak Jumat. Status Gunung Agung di Karangasem Bali masih Awas.",
    ],
)
def test_entity_form_needs_the_name_as_the_subject_of_a_verb(text):
    kinds = [h.kind for h in summarize(text, headlines=10).headlines]
    assert "entity" not in kinds


@pytest.mark.parametrize(
    ("word", "verb"),
    [
        ("menaikkan", True),
        ("dinaikkan", True),
        ("bertambah", True),
        ("tertangkap", True),
        ("tersebut", False),
        ("terhadap", False),
        ("berbagai", False),
        ("bersama", False),
        ("pasar", False),
    ],
)
def test_verbs_a_headline_keeps(word, verb):
    assert headline_module._is_verb(word) is verb


def test_a_verb_whose_object_was_cut_is_no_headline_end():
    # "Persib Bandung Berhasil Raih" asks "raih what?": the compressor asks for a longer cut
    tokens = compress.prepare("Persib Bandung berhasil meraih kemenangan beruntun di Liga 1")
    assert headline_module._cut_verb(tokens, [0, 1, 2, 3], "raih")
    assert not headline_module._cut_verb(tokens, [0, 1, 2, 3, 4], "kemenangan")
    # nothing after it in its clause: nothing was cut
    ends = compress.prepare("Ulama Jakfar Abdurrahman meninggal")
    assert not headline_module._cut_verb(ends, [1, 2, 3], "tinggal")


def test_a_name_starting_like_a_verb_keeps_its_form():
    # "PT Merial Esa" once became "Rial Esa …": "Merial" read as the verb "meN-rial"
    tokens = compress.prepare("Direktur PT Merial Esa Fahmi Darmawansyah dituntut 4 tahun")
    merial = tokens.words.index("Merial")
    assert headline_module._as_written(tokens, merial, None)
    words = [tokens.words[i] for i in range(merial, len(tokens))]
    kept = headline_module._finish(
        words,
        [0.9] * len(words),
        90,
        as_written=[
            headline_module._as_written(tokens, i, None) for i in range(merial, len(tokens))
        ],
    )
    assert kept[:2] == ["Merial", "Esa"]
    # a sentence's first word may still be a verb in its headline form
    opening = compress.prepare("Menjelang akhir musim Mainz tertahan di peringkat 15")
    assert not headline_module._as_written(opening, 0, None)


# -- limits and options ---------------------------------------------------------------------


def test_count_limits_and_zero_disables(articles):
    text = articles[0].text
    assert summarize(text, headlines=0).headlines == []
    assert len(summarize(text, headlines=1).headlines) == 1
    assert 1 <= len(summarize(text, headlines=10).headlines) <= 10
    doc = build_document(text)
    assert headlines(doc, list(range(len(doc))), 0) == []


@pytest.mark.parametrize("max_chars", [10, 20, 35])
def test_headline_max_chars_is_never_exceeded(articles, max_chars):
    for text in [*(a.text for a in articles), LEAD, QUOTE, CAPS, ONE]:
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


def test_apply_case_keeps_acronyms_names_and_minor_words():
    text = "presiden jokowi resmikan tol bekasi-cawang di depan KPK dan McGregor"
    assert apply_case(text, "title") == (
        "Presiden Jokowi Resmikan Tol Bekasi-Cawang di Depan KPK dan McGregor"
    )
    assert apply_case(text, "sentence") == (
        "Presiden jokowi resmikan tol bekasi-cawang di depan KPK dan McGregor"
    )
    assert apply_case("ketua KPK: saya siap diperiksa", "title") == "Ketua KPK: Saya Siap Diperiksa"


def test_all_caps_article_gets_newsroom_casing():
    for case in HEADLINE_CASES:
        result = summarize(CAPS, headlines=3, headline_case=case)
        assert result.headlines
        for h in result.headlines:
            assert_headline_shape(h.text)
            assert not h.text.isupper(), h.text
            assert "PEMBERANTASAN" not in h.text and "JAKARTA" not in h.text.split()


def test_one_sentence_article():
    result = summarize(ONE, headlines=3)
    assert result.headlines
    assert all(h.sentence_index == 0 for h in result.headlines)
    for h in result.headlines:
        assert_headline_shape(h.text)
        for gone in ("Selasa", "WIB", "pukul", "15/11"):
            assert gone not in h.text
    assert any(h.text.endswith("Guncang") or "Guncang " in h.text for h in result.headlines)


def test_names_are_not_cut_and_words_not_repeated():
    text = (
        "Grup musik Sheila On Seven akan menggelar konser di Kuala Lumpur, Malaysia, pada "
        "bulan depan. Konser Sheila On Seven di Kuala Lumpur itu menjadi yang pertama di luar "
        "negeri."
    )
    for h in summarize(text, headlines=5).headlines:
        words = h.text.split()
        if "Kuala" in words:
            assert words[words.index("Kuala") + 1 : words.index("Kuala") + 2] == ["Lumpur"]
        content = [w.lower() for w in words if w.lower() not in DANGLING]
        assert len(content) == len(set(content)), h.text


def test_a_currency_or_unit_stays_with_every_amount():
    text = (
        "Jakarta - Harga emas Antam turun Rp 5.000 menjadi Rp 1.450.000 per gram pada "
        "perdagangan Jumat (27/11/2026). Penurunan ini terjadi setelah harga emas dunia "
        "melemah. Harga pembelian kembali juga turun menjadi Rp 1.300.000 per gram."
    )
    amounts = {"5.000", "1.450.000", "1.300.000"}
    found = 0
    for h in summarize(text, headlines=5).headlines:
        words = h.text.split()
        for i, word in enumerate(words):
            if word in amounts:
                found += 1
                assert i > 0 and words[i - 1] == "Rp", h.text
    assert found >= 2  # the lead's two amounts at least


def test_mixed_case_brand_names_keep_their_casing():
    assert apply_case("apple luncurkan iPhone X", "title") == "Apple Luncurkan iPhone X"
    assert apply_case("apple luncurkan iPhone X", "sentence") == "Apple luncurkan iPhone X"


def test_near_duplicate():
    assert near_duplicate("Jokowi Resmikan Tol Bekasi", "Tol Bekasi Jokowi Resmikan")
    assert near_duplicate("Jokowi Resmikan Tol", "Jokowi Resmikan Tol Bekasi Cawang Hari Ini")
    assert not near_duplicate("Jokowi Resmikan Tol Bekasi", "Eggi Sudjana: Saya Tak Tahu")


def test_real_articles_give_distinct_well_formed_candidates(articles):
    for article in articles:
        result = summarize(article.text, headlines=5)
        hs = result.headlines
        assert hs, article.title
        assert hs[0].kind == "lead"
        assert [h.score for h in hs] == sorted((h.score for h in hs), reverse=True)
        for i, h in enumerate(hs):
            assert h.kind in KINDS
            assert 0 <= h.sentence_index < result.stats["sentences"]
            assert_headline_shape(h.text)
            assert not h.text.isupper()
            for other in hs[i + 1 :]:
                assert not near_duplicate(h.text, other.text), (h.text, other.text)


def test_candidates_are_deterministic(articles):
    for article in articles:
        first = summarize(article.text, headlines=5).headlines
        assert summarize(article.text, headlines=5).headlines == first
