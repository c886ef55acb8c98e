"""What the editors' page tells an editor: refusals, warnings, the title field and the stats.

Against the real gunicorn server (and two more with a small body limit and a rate limit), in
Debian's Chromium. The page's own words are Indonesian by default; the server's English words
stay available under "Detail dari server".
"""

from __future__ import annotations

from collections.abc import Iterator

import browser_support
import pytest
import requests
from browser_support import extra_server, open_page, submit_and_wait, sync_api, watched_page
from conftest import Server

# The shared fixtures (a fixture is found by its name in the module)
browser = browser_support.browser
watched = browser_support.watched

# The page's title for a problem, by problem type first, then by HTTP status.
TITLES_BY_TYPE = {
    "validation-error": "Ada isian yang perlu diperbaiki",
    "invalid-option": "Ada isian yang perlu diperbaiki",
    "malformed-json": "Permintaan tidak terbaca",
    "bad-encoding": "Ada karakter yang tidak terbaca",
    "unauthorized": "Kunci API diperlukan",
    "rate-limited": "Terlalu banyak permintaan",
}
TITLES_BY_STATUS = {
    400: "Permintaan ditolak",
    413: "Artikel terlalu besar",
    422: "Ada isian yang perlu diperbaiki",
}


def indonesian_title(problem: dict) -> str:
    name = problem["type"].rsplit("/", 1)[-1]
    return TITLES_BY_TYPE.get(name) or TITLES_BY_STATUS[problem["status"]]


def server_problem(url: str, body: bytes | dict) -> dict:
    """The problem document the server gives for ``body``, asked directly."""
    if isinstance(body, dict):
        response = requests.post(url + "/v1/summarize", json=body, timeout=30)
    else:
        response = requests.post(
            url + "/v1/summarize",
            data=body,
            headers={"Content-Type": "application/json"},
            timeout=30,
        )
    assert response.status_code >= 400
    return response.json()


def assert_explained(page: sync_api.Page, problem: dict) -> None:
    """The page's own title and text for ``problem``, and the server's words behind a click."""
    error = page.locator("#error")
    sync_api.expect(error).to_be_visible()
    sync_api.expect(error.locator(".error-title")).to_have_text(
        f"{indonesian_title(problem)} ({problem['status']})"
    )
    assert problem["title"] not in error.locator(".error-title").inner_text()
    server = error.locator(".error-server")
    assert not server.locator(".error-detail").is_visible()  # collapsed until asked for
    server.locator("summary").click()
    sync_api.expect(server.locator(".error-detail")).to_have_text(problem["detail"])
    assert server.locator("[lang=en]").count() == 1
    assert problem["type"] in server.inner_text()
    assert server.locator(".error-request-id").inner_text().startswith("ID permintaan: ")


@pytest.mark.parametrize(
    ("fmt", "value", "message"),
    [
        ("text", "", "Tempel teks artikel dulu"),
        ("text", "   \n\t \n ", "Tempel teks artikel dulu"),
        ("html", "<p>  </p><script>track()</script>", "HTML ini tidak berisi teks artikel"),
    ],
)
def test_a_blank_article_is_refused_in_the_page_without_a_request(
    watched, server, fmt, value, message
):
    page = open_page(watched, server.url)
    if fmt == "html":
        page.get_by_label("HTML").check()
    page.get_by_label("Teks artikel").fill(value)
    page.get_by_role("button", name="Ringkas").click()
    note = page.locator("#article-error")
    sync_api.expect(note).to_be_visible()
    assert note.inner_text().startswith(message)
    article = page.locator("#article")  # by id: its label changes with the language below
    assert article.get_attribute("aria-invalid") == "true"
    assert article.evaluate("node => node === document.activeElement")
    assert "article-error" in article.get_attribute("aria-describedby").split()
    assert watched.api_calls == []  # nothing was sent
    assert page.locator("#error").is_hidden()

    page.locator("#lang-toggle").click()  # the note follows the interface language
    assert (
        page.locator("#article-error")
        .inner_text()
        .startswith("This HTML" if fmt == "html" else "Paste the article text first")
    )
    article.fill("Harga cabai naik di Jakarta. Pedagang mengeluh.")
    sync_api.expect(note).to_be_hidden()  # typing clears it
    assert article.get_attribute("aria-invalid") is None
    watched.assert_clean()


def test_a_refused_option_is_explained_in_indonesian_with_the_server_detail_at_hand(
    watched, server, tmp_path
):
    page = open_page(watched, server.url)
    page.get_by_label("Teks artikel").fill("Satu kalimat saja di sini. Dan satu lagi.")
    page.get_by_label("Kalimat", exact=True).fill("999")
    submit_and_wait(page)
    problem = server_problem(
        server.url, {"text": "Satu kalimat saja di sini. Dan satu lagi.", "sentences": 999}
    )
    error = page.locator("#error")
    assert error.evaluate("node => node === document.activeElement")
    assert_explained(page, problem)
    assert error.locator(".error-text").inner_text().startswith("Server tidak dapat memakai isian")
    # The field by its label on the page, what is wrong in Indonesian, with the page's limits.
    fields = error.locator(".error-fields li[data-field]")
    assert fields.all_inner_texts() == ["Kalimat: harus antara 1 dan 50"]
    assert page.get_by_label("Kalimat", exact=True).get_attribute("aria-invalid") == "true"
    # The server's own field messages are behind the same click.
    server_fields = error.locator(".error-server .error-fields li").all_inner_texts()
    assert server_fields == [f"{e['field']}: {e['message']}" for e in problem["errors"]]
    assert page.locator("#results").is_hidden()
    page.screenshot(path=str(tmp_path / "error.png"), full_page=True)

    page.locator("#lang-toggle").click()
    sync_api.expect(error.locator(".error-title")).to_have_text("Some fields need fixing (422)")
    assert error.locator(".error-fields li[data-field]").all_inner_texts() == [
        "Sentences: must be between 1 and 50"
    ]
    watched.ignore_console_status(422)
    watched.assert_clean()


def test_undecodable_text_is_explained_by_the_problem_type_the_server_gives(watched, server):
    """A lone surrogate (a broken copy and paste) cannot be UTF-8: the server refuses the JSON.
    Whether it types that ``malformed-json`` or ``bad-encoding``, the page has words for it."""
    page = open_page(watched, server.url)
    page.evaluate(
        "document.getElementById('article').value = 'Harga naik \\uD800 di pasar. Dua kalimat.'"
    )
    response = submit_and_wait(page)
    assert response.status == 400
    sent = response.request.post_data_buffer
    assert b"\\ud800" in sent  # JSON.stringify escapes the lone surrogate
    problem = server_problem(server.url, sent)  # the same bytes, asked directly
    assert_explained(page, problem)
    watched.ignore_console_status(400)
    watched.assert_clean()


PROBLEM_TEXTS = """async (cases) => {
  const { describeProblem } = await import("/static/web/problems.js");
  return cases.map(([type, status]) => describeProblem({ type, status }));
}"""


def test_problem_texts_are_chosen_by_type_then_status_then_a_generic_one(watched, server):
    """The server may reword its English or add types; the page keys on type and status."""
    page = open_page(watched, server.url)
    base = "https://github.com/indo-summarizer/problems/"
    cases = [
        [base + "bad-encoding", 400],  # a type the server is adding
        [base + "malformed-json", 400],
        [base + "content-too-large", 413],  # a new type for a known status: by status
        [base + "request-entity-too-large", 413],
        [base + "teapot", 418],  # nothing known: the generic text with the status
        ["", 503],
    ]
    described = page.evaluate(PROBLEM_TEXTS, cases)
    assert [d["title"] for d in described] == [
        "Ada karakter yang tidak terbaca",
        "Permintaan tidak terbaca",
        "Artikel terlalu besar",
        "Artikel terlalu besar",
        "Permintaan gagal",
        "Server tidak tersedia",
    ]
    assert described[4]["text"] == "Server menjawab dengan status 418."
    assert "(status 503)" in described[5]["text"]
    watched.assert_clean()


@pytest.fixture(scope="module")
def small_server(tmp_path_factory) -> Iterator[Server]:
    """A real gunicorn taking bodies of at most 4,000 bytes."""
    yield from extra_server(tmp_path_factory, "small", {"SUMMARIZER_MAX_BODY_BYTES": "4000"})


def test_an_article_over_the_body_limit_is_explained(browser, small_server, article):
    with watched_page(browser, small_server.url) as watched:
        page = open_page(watched, small_server.url)
        big = (article.text + "\n\n") * 3
        page.get_by_label("Teks artikel").fill(big)
        response = submit_and_wait(page)
        assert response.status == 413
        assert_explained(page, server_problem(small_server.url, {"text": big}))
        watched.ignore_console_status(413)
        watched.assert_clean()


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory) -> Iterator[Server]:
    """A real gunicorn allowing two /v1 requests a minute per client."""
    yield from extra_server(tmp_path_factory, "limited", {"SUMMARIZER_RATE_LIMIT": "2 per minute"})


def test_a_rate_limit_is_explained_with_the_wait(browser, limited_server):
    with watched_page(browser, limited_server.url) as watched:
        page = open_page(watched, limited_server.url)  # GET /v1/algorithms: the first request
        page.get_by_label("Teks artikel").fill("Harga cabai naik di Jakarta. Pedagang mengeluh.")
        assert submit_and_wait(page).status == 200  # the second
        response = submit_and_wait(page)  # the third: over the limit
        assert response.status == 429
        error = page.locator("#error")
        sync_api.expect(error.locator(".error-title")).to_have_text(
            "Terlalu banyak permintaan (429)"
        )
        wait = response.headers["retry-after"]
        assert f"Coba lagi dalam {wait} detik." in error.inner_text()
        watched.ignore_console_status(429)
        watched.assert_clean()


ENGLISH = (
    "Markets rallied on Thursday after the central bank held interest rates steady. "
    "Investors welcomed the decision, and the currency gained against the dollar.\n\n"
    "Analysts said the bank was likely to keep rates on hold for the rest of the year."
)


def test_the_servers_warnings_are_shown_in_the_editors_language(watched, server):
    page = open_page(watched, server.url)
    page.get_by_label("Teks artikel").fill(ENGLISH)
    submit_and_wait(page)
    answer = requests.post(server.url + "/v1/summarize", json={"text": ENGLISH}, timeout=30).json()
    assert answer["warnings"], "the server no longer warns about English text"
    card = page.locator("#warnings-card")
    sync_api.expect(card).to_be_visible()
    assert card.locator(".card-title").inner_text() == "Perhatian"
    items = card.locator("#warnings li")
    assert items.count() == len(answer["warnings"])
    at = next(
        i for i, text in enumerate(items.all_inner_texts()) if "bukan bahasa Indonesia" in text
    )
    language = items.nth(at)
    assert (
        language.locator(".warning-text")
        .inner_text()
        .startswith("Teks ini tampaknya berbahasa Inggris, bukan bahasa Indonesia")
    )
    shown = " ".join(items.all_inner_texts())
    for warning in answer["warnings"]:
        said = warning if isinstance(warning, str) else warning["message"]
        assert said in shown  # the server's own words stay next to the page's
    # The warnings come first in the answer, above the headline candidates.
    assert card.bounding_box()["y"] < page.locator("#headline-list").bounding_box()["y"]
    page.locator("#lang-toggle").click()
    assert (
        language.locator(".warning-text")
        .inner_text()
        .startswith("This text looks like English, not Indonesian")
    )
    assert page.locator("[data-stat=stat_language] dd").inner_text() == "English (en)"
    watched.assert_clean()


def test_html_pasted_as_text_shows_every_warning_the_server_gives(watched, server, article):
    html = "".join(f"<p>{' '.join(sentences)}</p>" for sentences in article.paragraphs)
    page = open_page(watched, server.url)
    page.get_by_label("Teks artikel").fill(html)  # text mode, as a careless editor would
    submit_and_wait(page)
    answer = requests.post(server.url + "/v1/summarize", json={"text": html}, timeout=30).json()
    items = page.locator("#warnings li")
    assert items.count() == len(answer["warnings"])
    assert page.locator("#warnings-card").is_visible() == bool(answer["warnings"])
    shown = " ".join(items.all_inner_texts())
    for warning in answer["warnings"]:
        assert (warning if isinstance(warning, str) else warning["message"]) in shown
    assert page.locator("#summary").inner_text() == answer["summary"]
    watched.assert_clean()


def test_the_title_field_is_sent_and_shapes_the_answer(watched, server, article):
    title = "Ronaldo Yakin Bisa Bermain hingga Usia 41 Tahun"
    page = open_page(watched, server.url)
    page.get_by_label("Judul (opsional)").fill(f"  {title}  ")
    page.get_by_label("Teks artikel").fill(article.text)
    with page.expect_request("**/v1/summarize") as request_info:
        page.get_by_role("button", name="Ringkas").click()
    sent = request_info.value.post_data_json
    assert sent["title"] == title
    assert f'"title": "{title}"' in page.locator("#curl").text_content()
    sync_api.expect(page.locator("#summary")).not_to_be_empty()
    answer = requests.post(server.url + "/v1/summarize", json=sent, timeout=30).json()
    assert page.locator("#headline-list .headline-text").all_inner_texts() == [
        h["text"] for h in answer["headlines"]
    ]
    assert page.locator("#summary").inner_text() == answer["summary"]

    page.get_by_label("Judul (opsional)").fill("   ")  # blank: not sent at all
    with page.expect_request("**/v1/summarize") as request_info:
        page.get_by_role("button", name="Ringkas").click()
    assert "title" not in request_info.value.post_data_json
    page.get_by_role("button", name="Kosongkan").click()
    assert page.get_by_label("Judul (opsional)").input_value() == ""
    watched.assert_clean()


BOILERPLATE = (
    "Jakarta, CNN Indonesia -- Harga cabai rawit di Jakarta naik dua kali lipat pekan ini. "
    "Pedagang di Pasar Induk Kramat Jati mengeluhkan pasokan yang turun.\n\n"
    "Baca juga: Harga Bawang Merah Ikut Naik\n\n"
    "ADVERTISEMENT\n\n"
    "Kementerian Perdagangan berjanji menambah pasokan dari Jawa Tengah. (rsa)"
)
LABELS_ID = {
    "datelines": "Baris dateline",
    "read_also": 'Tautan "Baca juga"',
    "site_chrome": "Elemen situs (iklan, ajakan, hak cipta)",
    "credit_tags": "Kode penulis",
}


def test_removed_boilerplate_is_labelled_in_words_not_keys(watched, server):
    page = open_page(watched, server.url)
    page.get_by_label("Teks artikel").fill(BOILERPLATE)
    submit_and_wait(page)
    removed = requests.post(
        server.url + "/v1/summarize", json={"text": BOILERPLATE}, timeout=30
    ).json()["stats"]["removed"]
    assert set(removed) == set(LABELS_ID)  # every kind this article has is counted
    rows = page.locator("[data-stat=stat_removed] li")
    assert rows.all_inner_texts() == [f"{LABELS_ID[k]}: {n}" for k, n in removed.items()]
    stats = page.locator("#stats").inner_text()
    for key in removed:
        assert key not in stats  # no raw key such as site_chrome
    page.locator("#lang-toggle").click()
    assert "Site chrome (ads, calls to follow, copyright): 1" in page.locator("#stats").inner_text()
    assert "Removed while cleaning" in page.locator("#stats").inner_text()
    watched.assert_clean()


def test_html_boilerplate_is_labelled_too(watched, server):
    html = (
        "<p>Harga cabai rawit di Jakarta naik dua kali lipat pekan ini.</p>"
        "<figure><img src='c.jpg'><figcaption>Foto: ANTARA</figcaption></figure>"
        "<script>track()</script><div class='iklan'>Promo</div>"
        "<p>Pedagang di Pasar Induk Kramat Jati mengeluhkan pasokan yang turun.</p>"
    )
    page = open_page(watched, server.url)
    page.get_by_label("HTML").check()
    page.get_by_label("Teks artikel").fill(html)
    submit_and_wait(page)
    removed = requests.post(server.url + "/v1/summarize", json={"html": html}, timeout=30).json()[
        "stats"
    ]["html"]["removed"]
    assert removed  # captions, scripts, ads
    rows = page.locator("[data-stat=stat_html_removed] li").all_inner_texts()
    assert len(rows) == len(removed)
    assert f"Keterangan dan kredit foto: {removed['captions']}" in rows
    assert not any("_" in row for row in rows)
    watched.assert_clean()
