"""HTML input the way CMSs send it: fragments and whole pages, junk never reaches the summary."""

from __future__ import annotations

import html as htmllib
import socket

import pytest
from conftest import python_output

from summarizer import summarize
from summarizer.pipeline import HTML_WARNING
from summarizer.text.html import (
    MAX_ATTRIBUTES,
    MAX_ELEMENTS,
    MAX_EXTRACT_ELEMENTS,
    NOTE_DEEP,
    NOTE_ELEMENTS,
    NOTE_PAGE,
    html_to_text,
)
from summarizer.text.markup import is_full_page, looks_like_html

JUNK = [
    "document.write",  # script
    "color: red",  # style
    "youtube",  # iframe
    "Antrean kendaraan di SPBU",  # figcaption
    "ANTARA/Budi",  # photo credit
    "Antrean SPBU mengular",  # "Baca juga" list
    "Subsidi energi jebol",  # inline "Baca juga" link
    "Iklan sisipan",  # ad container
    "Tweet tentang BBM",  # embedded tweet
    "Simak video pilihan",  # link-only paragraph
    "Baca juga",
]


def cms_fragment(paragraphs: list[str]) -> str:
    """A CMS body: the article's paragraphs with the junk CMSs put between them."""
    p = [htmllib.escape(x, quote=False) for x in paragraphs]
    junk = [
        '<figure><img src="spbu.jpg" alt="SPBU"><figcaption>Antrean kendaraan di SPBU. '
        "(Foto: ANTARA/Budi)</figcaption></figure>",
        '<p><strong>Baca juga:</strong></p><ul><li><a href="/a">Antrean SPBU mengular</a></li>'
        '<li><a href="/b">Harga minyak dunia</a></li></ul>',
        '<script>document.write("<p>Iklan sisipan</p>")</script><style>p { color: red }</style>',
        '<div class="ads-inline"><ins class="adsbygoogle">Iklan sisipan</ins></div>',
        '<iframe src="https://www.youtube.com/embed/xyz">Video</iframe>',
        '<blockquote class="twitter-tweet"><p>Tweet tentang BBM</p></blockquote>',
        '<p><a href="/video">Simak video pilihan berikut ini</a></p>',
    ]
    out = []
    for i, para in enumerate(p):
        if i == 1:  # an inline "Baca juga" inside a paragraph
            para += ' <strong>Baca Juga: </strong><a href="/q">Subsidi energi jebol</a>'
        out.append(f"<p>\n    {para}\n</p>")
        if i < len(junk):
            out.append(junk[i])
    return "\n".join(out)


def full_page(body: str, title: str) -> str:
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>{title} | Berita Kita</title><script src='/app.js'></script></head><body>"
        "<header><a href='/'>Berita Kita</a><nav><a href='/ekonomi'>Ekonomi</a>"
        "<a href='/olahraga'>Olahraga</a><a href='/politik'>Politik</a></nav></header>"
        "<main><article>"
        f"<h1>{title}</h1><div class='detail__body'>{body}</div>"
        "<div class='tags'><a href='/t/bbm'>BBM</a></div>"
        "</article><aside class='sidebar'><h3>Terpopuler</h3><ol><li><a href='/x'>Berita "
        "terpopuler pekan ini tentang artis</a></li></ol></aside></main>"
        "<footer><p>Hak cipta 2024 Berita Kita. Seluruh hak dilindungi undang-undang.</p>"
        "<p>Pedoman Media Siber | Kontak | Karier</p></footer></body></html>"
    )


def assert_no_junk(text: str) -> None:
    for junk in JUNK:
        assert junk.lower() not in text.lower(), junk


def test_fragment_keeps_paragraphs_and_drops_the_junk(article):
    paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
    result = html_to_text(cms_fragment(paragraphs))
    assert not result.page
    assert result.text.split("\n\n") == paragraphs
    assert_no_junk(result.text)
    for kind in ("scripts", "captions", "read_also", "ads", "embeds", "related_links"):
        assert result.removed[kind] >= 1, kind


@pytest.mark.parametrize("algorithm", ["textrank", "lead", "lexrank"])
def test_html_fragment_summarises_like_the_plain_text(client, article, algorithm):
    paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
    options = {"sentences": 3, "headlines": 3, "algorithm": algorithm}
    from_html = client.post("/v1/summarize", json={"html": cms_fragment(paragraphs), **options})
    from_text = client.post("/v1/summarize", json={"text": article.text, **options})
    assert from_html.status_code == from_text.status_code == 200
    html_body, text_body = from_html.get_json(), from_text.get_json()
    assert html_body["sentences"] == text_body["sentences"]
    assert html_body["headlines"] == text_body["headlines"]
    assert_no_junk(html_body["summary"] + " ".join(h["text"] for h in html_body["headlines"]))
    assert html_body["stats"]["html"]["removed"]["scripts"] >= 1


def test_full_page_goes_through_main_content_extraction(articles):
    for article in articles:
        paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
        title = article.title.capitalize()
        page = full_page(cms_fragment(paragraphs), title)
        assert is_full_page(page)
        result = html_to_text(page)
        assert result.page
        assert result.title == title
        assert_no_junk(result.text)
        for chrome in ("Ekonomi", "Olahraga", "Hak cipta", "Pedoman Media Siber", "Terpopuler"):
            assert chrome not in result.text
        # Every story paragraph survives (spaces collapsed as a browser shows them); the
        # article's own "Baca juga:" lines are dropped like the injected ones.
        story = [" ".join(p.split()) for p in paragraphs if not p.startswith("Baca juga")]
        assert [p for p in result.text.split("\n\n") if p in story] == story


def test_full_page_extraction_never_touches_the_network(article, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("HTML extraction tried to open a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    page = full_page(cms_fragment(article.text.split("\n\n")), "Judul")
    assert html_to_text(page).text


def test_full_page_through_the_api_uses_its_h1_as_title(client, article):
    page = full_page(cms_fragment(article.text.split("\n\n")), "Ronaldo Bisa Main Sampai 41")
    response = client.post(
        "/v1/summarize?sentences=2", data=page.encode(), content_type="text/html"
    )
    assert response.status_code == 200
    body = response.get_json()
    assert len(body["sentences"]) == 2
    assert_no_junk(body["summary"])
    direct = summarize(article.text, sentences=2, title="Ronaldo Bisa Main Sampai 41")
    assert [s["text"] for s in body["sentences"]] == [s.text for s in direct.sentences]


def test_line_breaks_and_source_wrapping():
    result = html_to_text(
        "<p>Harga BBM naik\n   mulai besok pagi.<br>Pemerintah mengumumkannya di Istana.</p>"
        "<p>Buruh menolak.</p><ul><li>Satu hal.</li><li>Hal lain.</li></ul>"
        "<h2>Subjudul</h2><p>Penutup &amp; akhir.</p>"
    )
    assert result.text.split("\n\n") == [
        "Harga BBM naik mulai besok pagi.\nPemerintah mengumumkannya di Istana.",
        "Buruh menolak.",
        "Satu hal.",
        "Hal lain.",
        "Penutup & akhir.",
    ]
    assert result.removed["headings"] == 1


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   ",
        "<p></p>",
        "<script>alert(1)</script>",
        "<figure><figcaption>Foto: ANTARA</figcaption></figure>",
        "<html><body><nav>Menu</nav></body></html>",
        "<!-- hanya komentar -->",
        "<?xml version='1.0' encoding='utf-8'?><p></p>",
        "\x00\x01",
    ],
)
def test_markup_without_article_text_gives_empty_text(markup):
    assert html_to_text(markup).text == ""


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Tanpa penutup <b>tebal <i>miring</p> lanjut",
        "<div>" * 200 + "Sangat dalam." + "</div>" * 200,
        "<p>Kalimat dengan karakter\x00 nol.</p>",
        "<?xml version='1.0' encoding='utf-8'?><p>Kalimat setelah deklarasi XML.</p>",
        "<table><tr><td>Sel satu.</td><td>Sel dua.</td></tr></table>",
    ],
)
def test_broken_or_odd_markup_still_gives_text(markup):
    text = html_to_text(markup).text
    assert text and "<" not in text


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "Harga naik.", "html": "<p>Harga naik.</p>"}, "html"),
        ({}, "text"),
        ({"html": "<script>x()</script><p> </p>"}, "html"),
        ({"html": "   "}, "html"),
        ({"html": None}, "html"),
    ],
)
def test_text_xor_html_with_article_text(client, body, field):
    response = client.post("/v1/summarize", json=body)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == 422
    assert field in {e["field"] for e in problem["errors"]}


def test_html_body_with_no_article_text_is_422(client):
    response = client.post(
        "/v1/summarize", data=b"<script>x()</script>", content_type="text/html; charset=utf-8"
    )
    assert response.status_code == 422
    assert response.get_json()["status"] == 422


def test_query_options_apply_to_html_bodies_and_are_validated(client, article):
    fragment = cms_fragment(article.text.split("\n\n"))
    ok = client.post(
        "/v1/summarize?algorithm=lead&sentences=1&headlines=0&exclude=quotes",
        data=fragment.encode(),
        content_type="text/html",
    )
    assert ok.status_code == 200
    assert [s["index"] for s in ok.get_json()["sentences"]] == [0]
    assert ok.get_json()["headlines"] == []
    bad = client.post("/v1/summarize?sentences=many", data=b"<p>x.</p>", content_type="text/html")
    assert bad.status_code == 422
    assert "sentences" in {e["field"] for e in bad.get_json()["errors"]}
    sneaky = client.post("/v1/summarize?html=<p>x</p>", data=b"Harga.", content_type="text/plain")
    assert sneaky.status_code == 422


def test_pathologically_deep_markup_is_a_clear_4xx(client):
    markup = "<div>" * 5000 + "Sangat dalam sekali." + "</div>" * 5000
    response = client.post("/v1/summarize", json={"html": markup})
    # The HTML parser stops descending past ~250 levels; what lies deeper is not read.
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert [e["field"] for e in response.get_json()["errors"]] == ["html"]


def test_query_options_under_a_json_body_are_overridden_by_the_body(client, article):
    response = client.post(
        "/v1/summarize?algorithm=lead&sentences=3&headlines=0",
        json={"text": article.text, "ratio": 0.1},
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["algorithm"] == "lead" and body["headlines"] == []
    same = client.post(
        "/v1/summarize",
        json={"text": article.text, "ratio": 0.1, "algorithm": "lead", "headlines": 0},
    ).get_json()
    assert body["sentences"] == same["sentences"]  # the body's ratio replaced sentences=3
    assert len(body["sentences"]) < 3


# --- bounds (issue 14, finding 2) and markup sent as text (finding 8) -------------------


def test_a_tag_keeps_its_first_attributes_and_the_rest_are_not_parsed():
    attributes = " ".join(f"a{i}=1" for i in range(64_000))
    result = html_to_text(f'<p class="iklan" {attributes}>Harga naik.</p><p>Warga kesal.</p>')
    assert result.text == "Warga kesal."  # the class, among the first, still counts
    assert result.removed["ads"] == 1
    late = " ".join(f"a{i}=1" for i in range(MAX_ATTRIBUTES)) + ' class="iklan"'
    assert html_to_text(f"<p {late}>Harga naik.</p>").text == "Harga naik."
    # attributes glued together, split by slashes or holding ">" are counted alike
    for sep, value in (("", '"1"'), ("/", "1"), (" ", '">"')):
        glued = sep.join(f"a{i}={value}" for i in range(20_000))
        assert html_to_text(f"<p {glued}>Harga naik.</p>").text == "Harga naik."


def test_only_the_first_elements_are_read_and_a_note_says_so():
    markup = "<p>Harga naik.</p>" + "<br>" * MAX_ELEMENTS + "<p>Tidak terbaca.</p>"
    result = html_to_text(markup)
    assert result.text == "Harga naik."
    assert result.notes == [NOTE_ELEMENTS]
    assert html_to_text("<p>Harga naik.</p>" + "<br>" * 100).notes == []


def test_what_libxml2_does_not_read_below_255_levels_is_noted():
    result = html_to_text("<div>" * 300 + "Terlalu dalam." + "</div>" * 300 + "<p>Harga naik.</p>")
    assert result.notes == [NOTE_DEEP]
    assert "Terlalu dalam" not in result.text


def test_a_page_too_large_for_extraction_is_read_whole_without_its_junk(article):
    story = "".join(f"<p>{p}</p>" for p in article.text.split("\n\n"))
    filler = "<span>x</span>" * MAX_EXTRACT_ELEMENTS
    page = full_page(story + f"<div>{filler}</div>", "Judul")
    result = html_to_text(page)
    assert result.page and NOTE_PAGE in result.notes
    assert article.text.split("\n\n")[0] in result.text
    for chrome in ("Ekonomi", "Olahraga", "Terpopuler"):  # nav and aside: dropped by tag
        assert chrome not in result.text


def test_junk_elements_go_with_their_content_and_the_text_after_each_stays():
    ads = '<span class="iklan">IKLAN</span>harga ' * 5_000
    result = html_to_text(f"<p>{ads}naik.</p>")
    assert result.text == "harga " * 5_000 + "naik."
    assert result.removed["ads"] == 5_000
    nested = html_to_text("<figure><img src=x><figcaption>Foto</figcaption></figure><p>Isi.</p>")
    assert dict(nested.removed) == {"captions": 2, "images": 1}  # junk in junk is counted


def test_read_also_rules_read_the_start_of_long_texts():
    link_list = "<ul>" + "<li><a href=/x>Berita lain hari ini</a></li>" * 50 + "</ul>"
    deep = "<div>" * 200 + "<p>Baca juga: <a>Harga minyak</a></p>" + "</div>" * 200
    result = html_to_text(f"<p>Harga naik.</p>{link_list}{deep}<p>Warga kesal.</p>")
    assert result.text == "Harga naik.\n\nWarga kesal."
    assert result.removed["related_links"] >= 1 and result.removed["read_also"] >= 1


@pytest.mark.parametrize(
    "text",
    [
        "<p>Jakarta - Harga BBM naik.</p><p>Warga kesal.</p>",
        "<!DOCTYPE html><html><body><p>Harga naik.</p></body></html>",
        "Harga BBM <b>naik</b> lagi, kata <i>Menteri</i> di <a href='/x'>Istana</a>.",
        "Harga BBM naik.<br>Warga kesal.<br>Pemerintah diam.<br>",
        "<p>Harga BBM naik",  # a fragment cut short: it opens with a tag
        "<div class='detail'>Harga naik.</div>",
    ],
)
def test_markup_is_recognised(text):
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jika a < b dan b > c, maka harga naik.",
        "Aku <3 Jakarta. Harga naik 5%<10%.",
        "Gunakan tag <p> dan </p> untuk paragraf, kata pengajar itu.",
        "Nilai tukar <1,5 persen> menurut BI. Harga naik.",
        "Harga naik.",
        "<<< BREAKING >>> Harga BBM naik.",
    ],
)
def test_prose_with_angle_brackets_is_not_markup(text):
    assert not looks_like_html(text)


def test_html_sent_as_text_is_read_as_html_with_a_warning(client):
    markup = (
        "<p>Jakarta - Harga BBM naik mulai Senin.</p><script>alert('Istana')</script>"
        "<p>Pemerintah menaikkan harga Pertalite dan Solar.</p>"
    )
    result = summarize(markup)
    assert "<" not in result.summary and "alert" not in result.summary
    # the HTML warning, and (two short sentences) that fewer headlines came back
    assert result.warnings[0] == HTML_WARNING
    assert all("headline candidates asked for" in w for w in result.warnings[1:])
    assert result.stats["html"]["removed"] == {"scripts": 1}
    assert all("Script" not in h.text and "<" not in h.text for h in result.headlines)
    assert "<p>" in summarize(markup, html=False).summary  # asked for as text: left as it is
    for response in (
        client.post("/v1/summarize", json={"text": markup}),
        client.post("/v1/summarize", data=markup.encode(), content_type="text/plain"),
    ):
        assert response.status_code == 200
        assert response.get_json()["warnings"] == result.warnings
        assert response.get_json()["summary"] == result.summary


def test_text_that_is_markup_without_article_text_is_refused_naming_text(client):
    for field in ("text", "html"):
        response = client.post("/v1/summarize", json={field: "<p></p><script>x()</script></p>"})
        assert response.status_code == 422
        problem = response.get_json()
        assert problem["type"].endswith("/validation-error")
        assert [e["field"] for e in problem["errors"]] == [field]


def test_plain_text_never_loads_lxml():
    code = (
        "import sys, summarizer; summarizer.summarize('Harga naik. Warga kesal.');"
        "print('lxml' in sys.modules)"
    )
    assert python_output(code, "") == "False\n"
