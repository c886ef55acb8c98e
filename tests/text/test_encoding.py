"""Charsets: JSON is UTF-8; text/plain and text/html honour ``charset`` (HTML: ``<meta>``)."""

from __future__ import annotations

import orjson
import pytest

from summarizer.text.charset import CharsetError, decode_html, decode_text

PROBLEM = "application/problem+json"
# Curly quotes, an en dash and a non-ASCII name: what Word-edited CMS text carries.
ARTICLE = (
    "Jakarta – Gubernur BI Perry Warjiyo mengatakan suku bunga tetap 6 persen. "
    "“Kebijakan ini menjaga stabilitas rupiah,” katanya pada Kamis.\n\n"
    "Keputusan itu diambil dalam rapat dewan gubernur. Pasar menyambut baik keputusan itu."
)


def summary_of(client, data: bytes, content_type: str, query: str = "?sentences=10&algorithm=lead"):
    response = client.post("/v1/summarize" + query, data=data, content_type=content_type)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == status and body["detail"]
    return body


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", "windows-1252", "utf-16", "utf-16-le"])
def test_plain_text_in_its_declared_charset_gives_the_same_summary(client, charset):
    reference = summary_of(client, ARTICLE.encode(), "text/plain; charset=utf-8")
    body = summary_of(client, ARTICLE.encode(charset), f"text/plain; charset={charset}")
    assert body["sentences"] == reference["sentences"]
    assert "“Kebijakan" in body["summary"]


def test_latin1_label_means_windows_1252_as_on_the_web(client):
    data = ARTICLE.encode("cp1252")  # curly quotes are 0x93/0x94 here, C1 controls in latin-1
    body = summary_of(client, data, "text/plain; charset=ISO-8859-1")
    assert "“Kebijakan" in body["summary"]


def test_plain_text_without_charset_is_utf8(client):
    body = summary_of(client, ARTICLE.encode(), "text/plain")
    assert "“Kebijakan" in body["summary"]


def test_byte_order_mark_wins(client):
    body = summary_of(client, ARTICLE.encode("utf-16"), "text/plain")
    assert "“Kebijakan" in body["summary"]
    body = summary_of(client, b"\xef\xbb\xbf" + ARTICLE.encode(), "text/plain; charset=utf-8")
    assert not body["summary"].startswith("\ufeff")


@pytest.mark.parametrize("charset", ["klingon", "rot13", "hex", "undefined", "unicode_escape", ""])
def test_unknown_charset_is_415(client, charset):
    response = client.post(
        "/v1/summarize", data=b"Harga naik.", content_type=f"text/plain; charset={charset}"
    )
    if charset == "":  # an empty parameter is no parameter: UTF-8
        assert response.status_code == 200
        return
    body = assert_problem(response, 415)
    assert "charset" in body["detail"]


@pytest.mark.parametrize(
    ("data", "charset"),
    [(b"Harga \xff\xfe naik.", "utf-8"), (b"\x81\x20", "shift_jis"), (b"abc\xd8", "utf-16-le")],
)
def test_bytes_invalid_in_the_charset_are_400(client, data, charset):
    for media_type in ("text/plain", "text/html"):
        response = client.post(
            "/v1/summarize", data=data, content_type=f"{media_type}; charset={charset}"
        )
        assert_problem(response, 400)


def test_html_meta_charset_is_honoured_without_a_transport_charset(client):
    page = (
        "<html><head><meta charset='windows-1252'><title>BI</title></head><body>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
        + "</body></html>"
    )
    body = summary_of(client, page.encode("cp1252"), "text/html")
    assert "“Kebijakan" in body["summary"]
    http_equiv = page.replace(
        "<meta charset='windows-1252'>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    )
    body = summary_of(client, http_equiv.encode("cp1252"), "text/html")
    assert "“Kebijakan" in body["summary"]


def test_transport_charset_beats_meta_charset(client):
    fragment = "<meta charset='windows-1252'>" + "".join(
        f"<p>{p}</p>" for p in ARTICLE.split("\n\n")
    )
    body = summary_of(client, fragment.encode(), "text/html; charset=utf-8")
    assert "“Kebijakan" in body["summary"]


def test_html_without_any_charset_is_utf8_and_a_bogus_meta_is_ignored(client):
    fragment = "<meta charset='no-such-charset'>" + "".join(
        f"<p>{p}</p>" for p in ARTICLE.split("\n\n")
    )
    body = summary_of(client, fragment.encode(), "text/html")
    assert "“Kebijakan" in body["summary"]


def test_json_is_utf8_only(client):
    ok = client.post(
        "/v1/summarize",
        data=orjson.dumps({"text": ARTICLE, "sentences": 10}),
        content_type="application/json; charset=utf-8",
    )
    assert ok.status_code == 200
    assert "“Kebijakan" in ok.get_json()["summary"]
    bom = client.post(
        "/v1/summarize",
        data=b'\xef\xbb\xbf{"text": "Harga naik. Rakyat protes."}',
        content_type="application/json",
    )
    assert bom.status_code == 200
    latin = client.post(
        "/v1/summarize",
        data='{"text": "Harga naik."}'.encode("latin-1"),
        content_type="application/json; charset=latin-1",
    )
    assert_problem(latin, 415)
    broken = client.post(
        "/v1/summarize", data=b'{"text": "Harga \xff naik."}', content_type="application/json"
    )
    assert_problem(broken, 400)


def test_library_decoders():
    assert decode_text("Rp1,5 triliun “naik”".encode("cp1252"), "cp1252") == (
        "Rp1,5 triliun “naik”"
    )
    assert decode_html(b'<meta charset="utf-8"><p>\xc3\xa9</p>', None).endswith("<p>é</p>")
    with pytest.raises(CharsetError) as unknown:
        decode_text(b"x", "x-nothing")
    assert unknown.value.unknown
    with pytest.raises(CharsetError) as invalid:
        decode_text(b"\xff", "utf-8")
    assert not invalid.value.unknown
