"""Phrases and the main clause of hand-written sentences."""

from __future__ import annotations

import pytest

from summarizer.text.clause import main_clause
from summarizer.text.syntax import names, parse, quotes


def phrases(sentence: str) -> list[tuple[str, str]]:
    p = parse(sentence)
    return [(ph.kind, p.span_text(ph.start, ph.end)) for ph in p.phrases]


def clause_parts(sentence: str) -> tuple[str, str, list[str]]:
    p = parse(sentence)
    c = main_clause(p)
    assert c is not None, sentence
    ph = c.phrases
    subject = " ".join(p.span_text(ph[j].start, ph[j].end) for j in c.subject)
    predicate = p.span_text(ph[c.predicate].start, ph[c.predicate].end)
    return subject, predicate, [ph[j].kind for j in c.rest]


def test_phrases_cover_every_token_once():
    p = parse(
        "Komisi Pemberantasan Korupsi (KPK) menahan dua tersangka di Jakarta, Senin (18/9), "
        'kata juru bicara KPK. "Kami sudah siap," ujarnya.'
    )
    covered = [i for ph in p.phrases for i in range(ph.start, ph.end)]
    assert covered == list(range(len(p)))


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Polisi tidak akan menahan tersangka itu.", ("VP", "tidak akan menahan")),
        ("Harga gula belum bisa dipastikan.", ("VP", "belum bisa dipastikan")),
        ("Bangladesh menangkap dan memulangkan 90 pengungsi.", ("VP", "menangkap dan memulangkan")),
        ("Pemerintah menyiapkan anggaran Rp 1,5 triliun.", ("NP", "anggaran Rp 1,5 triliun")),
        ("Gempa terjadi pada Senin (18/9) pagi.", ("TIME", "pada Senin")),
        ("Kasus yang menimpa dokter itu ramai dibicarakan.", ("REL", "yang menimpa dokter itu")),
        (
            "Kementerian Riset, Teknologi, dan Pendidikan Tinggi menggelar upacara.",
            ("NP", "Kementerian Riset, Teknologi, dan Pendidikan Tinggi"),
        ),
        # after a verb, "mulai" and "sampai" open a time adjunct; before one, "mulai" is aspect
        ("Harga BBM naik mulai Sabtu.", ("TIME", "mulai Sabtu")),
        ("Mereka bekerja sampai malam di kantor.", ("TIME", "sampai malam")),
        ("Pemerintah akan mulai membangun jalan tol.", ("VP", "akan mulai membangun")),
        ("Persib menang jelang laga final.", ("PP", "jelang laga final")),
        ("Setiap tahun harga cabai naik.", ("TIME", "Setiap tahun")),
        (
            "Ia maju dalam pemilihan bupati Halmahera Timur mendatang.",
            ("NP", "Halmahera Timur mendatang"),
        ),
        # a fronted place, then the subject; a place and its province stay together
        ("Di Jakarta, Jokowi meresmikan jalan tol.", ("NP", "Jokowi")),
        (
            "Gempa terjadi di Lombok, Nusa Tenggara Barat pada Minggu.",
            ("PP", "di Lombok, Nusa Tenggara Barat"),
        ),
        # a time noun and its placer end the noun phrase before them
        ("Jokowi meresmikan jalan tol tahun lalu.", ("TIME", "tahun lalu")),
    ],
)
def test_phrases(sentence, phrase):
    assert phrase in phrases(sentence)


@pytest.mark.parametrize(
    ("sentence", "subject", "predicate"),
    [
        ("Bank Indonesia menahan suku bunga acuan di level 6 persen.", "Bank Indonesia", "menahan"),
        (
            "Di penghujung tahun ini, penggemar drama Korea akan digemparkan kedatangan aktor itu.",
            "penggemar drama Korea",
            "akan digemparkan",
        ),
        (
            "Mantan auditor BPK, Sigit Yugoharto, didakwa menerima suap.",
            "Mantan auditor BPK Sigit Yugoharto",
            "didakwa menerima",
        ),
        ("Karena hujan deras, pertandingan itu ditunda.", "pertandingan itu", "ditunda"),
        # a comma the writer put between the whole subject and its predicate
        (
            "Majelis Hakim Pengadilan Negeri (PN) Medan, menjatuhi FNWR dengan hukuman penjara.",
            "Majelis Hakim Pengadilan Negeri (PN) Medan",
            "menjatuhi",
        ),
        ("Di Jakarta, polisi menangkap dua pencuri.", "polisi", "menangkap"),
        # a name's alias belongs to the subject
        (
            "Penyanyi Shakira Isabel Mebarak Ripoll atau yang lebih dikenal sebagai Shakira "
            "memilih lokasi di Bali.",
            "Penyanyi Shakira Isabel Mebarak Ripoll atau yang lebih dikenal sebagai Shakira",
            "memilih",
        ),
        # prepositional phrases in a row after the subject's noun
        (
            "Kabar mengenai hengkangnya Djadjang Nurdjaman dari kursi pelatih Persib semakin kencang.",
            "Kabar mengenai hengkangnya Djadjang Nurdjaman dari kursi pelatih Persib",
            "semakin kencang",
        ),
        # an apposition after a relative clause
        (
            "Aktor senior yang sempat memenangkan Oscar, Michael Douglas, dituduh melakukan "
            "pelecehan.",
            "Aktor senior yang sempat memenangkan Oscar Michael Douglas",
            "dituduh melakukan",
        ),
        # times on both sides of a comma before the predicate
        (
            "Direktorat Jenderal Pajak hari ini, Senin (17/4) dijadwalkan bertemu perwakilan Google.",
            "Direktorat Jenderal Pajak",
            "dijadwalkan bertemu",
        ),
    ],
)
def test_main_clause_subject_and_predicate(sentence, subject, predicate):
    got_subject, got_predicate, _ = clause_parts(sentence)
    assert (got_subject.replace(",", ""), got_predicate) == (subject, predicate)


def test_a_reported_clause_is_the_content():
    p = parse("Menteri Keuangan Sri Mulyani mengatakan ekonomi Indonesia tumbuh 5 persen.")
    c = main_clause(p)
    assert c.content is not None
    ph = c.content.phrases
    assert p.span_text(ph[c.content.subject[0]].start, ph[c.content.subject[0]].end) == (
        "ekonomi Indonesia"
    )


def test_names_are_runs_of_proper_nouns():
    p = parse("Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Kuala Lumpur.")
    found = [p.span_text(a, b) for a, b in names(p)]
    assert "Kuala Lumpur" in found
    assert any("Joko Widodo" in n for n in found)


def test_quotes_and_their_speakers():
    p = parse('"Kami ingin warga merasa nyaman," kata Wali Kota Surabaya Eri Cahyadi.')
    (q,) = quotes(p)
    assert p.span_text(q.phrase.start, q.phrase.end).startswith('"Kami')
    assert p.span_text(q.speaker.start, q.speaker.end) == "Wali Kota Surabaya Eri Cahyadi"
    (q,) = quotes(parse('"Kami siap," ujarnya.'))
    assert q.pronoun and q.speaker is None
