"""A title line before the story is taken out and becomes the title; a lead never does."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.text.clean import clean
from summarizer.text.document import build_document
from summarizer.text.title import is_title_line

KIM = (
    "Kim Jong Un Janji Hentikan Uji Coba Nuklir\n\n"
    "Jakarta, Deras.id – Pemimpin Korea Utara Kim Jong Un berjanji menghentikan uji coba "
    "nuklir dan rudal balistik antarbenua. Janji itu disampaikan dalam pidato Tahun Baru di "
    "Pyongyang, Senin (1/1).\n\n"
    '"Kami tidak akan lagi menguji senjata nuklir," kata Kim seperti dikutip kantor berita KCNA.'
)


def test_the_issue_example_loses_its_title_line_and_dateline():
    result = summarize(KIM, sentences=1)
    assert result.title == "Kim Jong Un Janji Hentikan Uji Coba Nuklir"
    assert result.summary.startswith("Pemimpin Korea Utara Kim Jong Un berjanji")
    assert "Deras.id" not in result.summary
    assert result.stats["removed"] == {"title_line": 1, "datelines": 1}
    assert all(h.text != result.title for h in result.headlines)


def test_the_title_line_is_the_documents_title_for_the_ranker_and_headlines():
    doc = build_document(KIM)
    assert doc.title == "Kim Jong Un Janji Hentikan Uji Coba Nuklir"
    assert doc.title_terms == build_document("x", title=doc.title).title_terms
    assert doc.sentences[0].text.startswith("Pemimpin Korea Utara")


def test_a_given_title_wins_and_its_copy_on_the_first_line_goes():
    result = summarize(KIM, title="Kim Berjanji")
    assert result.title == "Kim Berjanji"
    assert "Janji Hentikan Uji Coba" not in result.summary
    # the given title, written as a sentence and with no dateline after it: still the title
    text = "harga bbm naik lagi mulai besok\n\nPemerintah menaikkan harga BBM mulai besok pagi."
    assert clean(text, title="Harga BBM Naik Lagi Mulai Besok").title is not None


@pytest.mark.parametrize(
    "line",
    [
        "Kereta Cepat Jakarta-Bandung Tiba di Jakarta pada Maret",  # Title Case
        "Apa Kata Jokowi Soal Harga BBM?",
        "Harga BBM naik lagi mulai besok",  # sentence case, before a dateline
    ],
)
def test_titles_before_a_dateline_are_recognised(line):
    cleaned = clean(f"{line}\n\nJAKARTA, KOMPAS.com - Pemerintah menaikkan harga BBM.")
    assert cleaned.title == line
    assert cleaned.paragraphs == ["Pemerintah menaikkan harga BBM."]


@pytest.mark.parametrize(
    "line",
    [
        "Pemerintah menaikkan harga BBM mulai besok.",  # a lead: ends as a sentence
        "Siapa yang tak suka dengan donat?",  # a question opening the story
        "Harga naik. Warga kesal",  # two sentences
        "Tim Cook, CEO Apple (Foto: Reuters)",  # a photo caption
        "Jakarta, CNN Indonesia --",  # a dateline on its own line
        "Harga cabai naik lagi. Namun pedagang di Pasar Minggu tetap berjualan",
    ],
)
def test_leads_captions_and_datelines_are_no_titles(line):
    cleaned = clean(f"{line}\n\nJAKARTA, KOMPAS.com - Pemerintah menaikkan harga BBM.")
    assert cleaned.title is None
    assert "title_line" not in cleaned.removed


def test_sentence_case_lines_without_a_dateline_after_them_stay():
    text = "Harga BBM naik lagi mulai besok\n\nPemerintah menaikkan harga BBM mulai besok pagi."
    assert clean(text).title is None
    assert not is_title_line("Harga BBM naik lagi mulai besok", next_opens_with_dateline=False)


def test_a_text_of_one_line_has_no_title_line():
    assert clean("Harga BBM Naik Lagi").title is None
    assert summarize("Harga BBM Naik Lagi Mulai Besok").summary == "Harga BBM Naik Lagi Mulai Besok"


def test_real_articles_have_no_title_line_until_one_is_put_before_them(articles):
    for article in articles:
        assert clean(article.text).title is None
        title = " ".join(w.capitalize() for w in article.title.split())
        titled = f"{title}\n\n{article.text}"
        assert clean(titled).title == title
        with_line, given = summarize(titled), summarize(article.text, title=title)
        assert with_line.summary == given.summary
        assert [h.text for h in with_line.headlines] == [h.text for h in given.headlines]
