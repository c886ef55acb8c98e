"""The editors' page in a real headless Chromium against the real gunicorn server."""

from __future__ import annotations

from collections.abc import Iterator

import browser_support
import pytest
import requests
from browser_support import Watched, extra_server, open_page, sync_api
from conftest import Server

# The shared fixtures (a fixture is found by its name in the module)
browser = browser_support.browser
watched = browser_support.watched

API_KEY = "editor-page-key-0123456789"


def test_summary_sentences_are_highlighted_and_headlines_shown(watched, server, article, tmp_path):
    page = open_page(watched, server.url)
    assert page.locator("html").get_attribute("lang") == "id"
    submit = page.get_by_role("button", name="Ringkas")
    assert submit.get_attribute("title") == "Summarize"

    page.get_by_label("Teks artikel").fill(article.text)
    page.get_by_label("Kalimat", exact=True).fill("3")
    page.get_by_label("Jumlah usulan judul").fill("3")
    submit.click()

    sync_api.expect(page.locator("#summary")).not_to_be_empty()
    expected = requests.post(
        server.url + "/v1/summarize",
        json={"text": article.text, "sentences": 3, "headlines": 3},
        timeout=30,
    ).json()
    marks = page.locator("#highlighted mark").all_inner_texts()
    assert marks == [s["text"] for s in expected["sentences"]]
    assert len(marks) == 3
    assert page.locator("#summary").inner_text() == expected["summary"]
    # The rest of the article is there too, around the marks.
    assert page.locator("#highlighted").inner_text().count("\n") >= article.text.count("\n") - 1

    headlines = page.locator("#headline-list .headline-text").all_inner_texts()
    assert headlines == [h["text"] for h in expected["headlines"]]
    lengths = page.locator("#headline-list .headline-length").all_inner_texts()
    assert lengths == [f"{len(h['text'])} karakter" for h in expected["headlines"]]
    # server time and round trip, in milliseconds: "ms" in Indonesian too (never "md")
    stats = page.locator("#stats")
    assert stats.locator("[data-stat=stat_elapsed_ms] dd").inner_text().endswith(" ms")
    assert stats.locator("[data-stat=stat_round_trip] dd").inner_text().endswith(" ms")
    assert " md" not in stats.inner_text()
    assert "Ringkasan siap" in page.locator("#status").inner_text()

    page.get_by_role("button", name="Salin judul 1").click()
    sync_api.expect(page.get_by_role("button", name="Salin judul 1")).to_have_text("Tersalin")
    assert page.evaluate("navigator.clipboard.readText()") == expected["headlines"][0]["text"]

    page.get_by_text("Permintaan API").click()
    curl = page.locator("#curl").inner_text()
    assert curl.startswith(f"curl -sS -X POST '{server.url}/v1/summarize'")
    assert '"sentences": 3' in curl

    page.screenshot(path=str(tmp_path / "result.png"), full_page=True)
    watched.assert_clean()


def test_html_toggle_sends_html_and_highlights_its_text(watched, server, article, tmp_path):
    page = open_page(watched, server.url)
    paragraphs = [" ".join(sentences) for sentences in article.paragraphs]
    html = "<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
    page.get_by_label("HTML").check()
    page.get_by_label("Teks artikel").fill(html)
    with page.expect_request("**/v1/summarize") as request_info:
        page.get_by_role("button", name="Ringkas").click()
    assert "html" in request_info.value.post_data_json
    assert "text" not in request_info.value.post_data_json

    page.wait_for_selector("#results:not([hidden]), #error:not([hidden])")
    if page.locator("#error").is_visible():
        pytest.skip("this server does not accept the html field yet")
    sync_api.expect(page.locator("#highlighted mark").first).to_be_visible()
    marks = page.locator("#highlighted mark").all_inner_texts()
    assert marks
    assert " ".join(marks) == page.locator("#summary").inner_text()
    assert "<p>" not in page.locator("#highlighted").inner_text()
    watched.assert_clean()


def test_language_switch_changes_labels_and_is_remembered(watched, server, tmp_path):
    page = open_page(watched, server.url)
    toggle = page.locator("#lang-toggle")
    assert toggle.inner_text() == "English"

    toggle.click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_label("Article text").is_visible()
    assert page.get_by_role("button", name="Summarize").is_visible()
    assert page.locator("#api-panel summary").inner_text() == "API request"
    assert page.title() == "Indonesian News Summarizer"
    assert toggle.inner_text() == "Bahasa Indonesia"

    page.reload()  # the choice is kept in localStorage
    sync_api.expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.get_by_label("Article text").is_visible()
    page.screenshot(path=str(tmp_path / "english.png"), full_page=True)

    page.locator("#lang-toggle").click()
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_label("Teks artikel").is_visible()
    assert page.locator("#api-panel summary").inner_text() == "Permintaan API"
    watched.assert_clean()


def test_page_is_keyboard_usable_at_360_px(watched, server, article, tmp_path):
    page = watched.page
    page.set_viewport_size({"width": 360, "height": 740})
    open_page(watched, server.url)
    # No horizontal scrolling on a small phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.locator("#article").fill(article.text)
    page.locator("#article").focus()
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id"))
    # Form controls in reading order: format, length, algorithm, headline count, the button.
    assert order == [
        "format-text",
        "length-mode",
        "length-value",
        "algorithm",
        "headlines",
        "submit",
    ]
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus

    page.keyboard.press("Enter")
    sync_api.expect(page.locator("#highlighted mark").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(tmp_path / "narrow.png"), full_page=True)
    watched.assert_clean()


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory) -> Iterator[Server]:
    """A second real gunicorn with API keys configured."""
    yield from extra_server(tmp_path_factory, "keyed", {"SUMMARIZER_API_KEYS": API_KEY})


def test_api_key_field_is_hidden_when_no_keys_are_configured(watched, server):
    page = open_page(watched, server.url)
    assert page.locator("#api-key-field").is_hidden()
    watched.assert_clean()


def test_api_key_is_asked_for_sent_and_kept_in_session_storage_only(browser, keyed_server):
    context = browser.new_context()
    watched = Watched(context.new_page(), keyed_server.url)
    page = watched.page
    page.set_default_timeout(15_000)
    page.goto(keyed_server.url + "/")
    key_field = page.get_by_label("Kunci API")
    sync_api.expect(key_field).to_be_visible()

    page.get_by_label("Teks artikel").fill("Satu kalimat di sini. Dan satu lagi di sana.")
    page.get_by_role("button", name="Ringkas").click()
    sync_api.expect(page.locator("#error .error-title")).to_have_text("Kunci API diperlukan (401)")

    key_field.fill(API_KEY)
    key_field.press("Tab")  # change event: the algorithm list can now be loaded with the key
    sync_api.expect(page.locator("#algorithm option[data-default]")).to_have_count(1)
    with page.expect_request("**/v1/summarize") as request_info:
        page.get_by_role("button", name="Ringkas").click()
    assert request_info.value.headers["x-api-key"] == API_KEY
    sync_api.expect(page.locator("#highlighted mark").first).to_be_visible()
    assert page.locator("#error").is_hidden()
    assert '"X-API-Key: $SUMMARIZER_API_KEY"' in page.locator("#curl").text_content()
    assert API_KEY not in page.locator("#curl").text_content()

    assert page.evaluate("sessionStorage.getItem('summarizer.apiKey')") == API_KEY
    assert page.evaluate("Object.values({...localStorage}).join()").find(API_KEY) == -1
    page.reload()  # same tab: the key is still there
    sync_api.expect(page.get_by_label("Kunci API")).to_have_value(API_KEY)
    # The 401 answer is logged by the browser as a failed resource load; nothing else may be.
    watched.console_errors[:] = [e for e in watched.console_errors if "401" not in e]
    watched.assert_clean()
    context.close()


# WCAG relative luminance and contrast of every visible text against its painted background.
CONTRAST_CHECK = """
() => {
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const parse = (c) => c.match(/[\\d.]+/g).map(Number);
  const background = (node) => {
    for (; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const node of document.querySelectorAll("body *")) {
    const own = [...node.childNodes].some((n) => n.nodeType === 3 && n.nodeValue.trim());
    if (!own || !node.checkVisibility() || node.closest(".sr-only")) continue;
    const fg = parse(getComputedStyle(node).color).slice(0, 3);
    const [a, b] = [lum(fg), lum(background(node))].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 4.5) low.push(`${node.tagName}.${node.className}: ${ratio.toFixed(2)}`);
  }
  return low;
}
"""


def test_text_contrast_is_at_least_4_5_to_1(watched, server, article):
    page = open_page(watched, server.url)
    page.get_by_label("Teks artikel").fill(article.text)
    page.get_by_role("button", name="Ringkas").click()
    sync_api.expect(page.locator("#highlighted mark").first).to_be_visible()
    page.get_by_text("Permintaan API").click()
    assert page.evaluate(CONTRAST_CHECK) == []
    page.get_by_label("Kalimat", exact=True).fill("0")
    page.get_by_role("button", name="Ringkas").click()
    sync_api.expect(page.locator("#error")).to_be_visible()
    page.locator("#error summary").click()  # the server's own words
    assert page.evaluate(CONTRAST_CHECK) == []
    page.get_by_label("Teks artikel").fill("  ")
    page.get_by_role("button", name="Ringkas").click()
    sync_api.expect(page.locator("#article-error")).to_be_visible()
    assert page.evaluate(CONTRAST_CHECK) == []
