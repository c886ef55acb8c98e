"""The editors' page on laptop screens: the answer beside the form, the article shown whole.

Each test saves a screenshot of the first screen (``--basetemp`` keeps them) for a person to
look at; the assertions measure what the screenshot shows.
"""

from __future__ import annotations

import browser_support
import pytest
import requests
from browser_support import LAPTOP_SCREENS, open_page, submit_and_wait, watched_page

# The shared fixtures (a fixture is found by its name in the module)
browser = browser_support.browser

IN_VIEW = """(selector) => {
  const output = document.getElementById("output").getBoundingClientRect();
  return [...document.querySelectorAll(selector)].map((node) => {
    const r = node.getBoundingClientRect();
    const inWindow = r.top >= 0 && r.bottom <= window.innerHeight;
    const inPanel = r.top >= output.top - 1 && r.bottom <= output.bottom + 1;
    return inWindow && inPanel && r.height > 0;
  });
}"""


@pytest.fixture
def longest(articles):
    return max(articles, key=lambda a: len(a.text))


@pytest.mark.parametrize(("width", "height"), LAPTOP_SCREENS)
def test_headline_candidates_are_in_view_after_submitting(
    browser, server, longest, width, height, tmp_path
):
    with watched_page(browser, server.url, width, height) as watched:
        page = open_page(watched, server.url)
        page.get_by_label("Judul (opsional)").fill("Judul dari CMS")
        page.get_by_label("Teks artikel").fill(longest.text)
        page.get_by_label("Jumlah usulan judul").fill("5")
        submit_and_wait(page)  # Playwright scrolls to the button first, as an editor would
        assert page.evaluate("window.scrollY") > 0  # the form is taller than the window
        expected = requests.post(
            server.url + "/v1/summarize",
            json={"title": "Judul dari CMS", "text": longest.text, "sentences": 3, "headlines": 5},
            timeout=30,
        ).json()
        count = len(expected["headlines"])
        assert count >= 3
        page.screenshot(path=str(tmp_path / f"answer-{width}x{height}.png"))
        # Every candidate whole on the first screen, beside the form, without scrolling anything.
        assert page.evaluate(IN_VIEW, "#headline-list .headline") == [True] * count
        assert page.evaluate(IN_VIEW, "#summary-heading") == [True]
        output = page.locator("#output").bounding_box()
        form = page.locator("#summarize-form").bounding_box()
        assert output["x"] >= form["x"] + form["width"]  # beside, not below
        assert page.locator("#submit").is_visible()

        # Reading down the article, the candidates stay in view next to it.
        page.locator("#highlighted mark").last.scroll_into_view_if_needed()
        assert page.evaluate(IN_VIEW, "#headline-list .headline") == [True] * count
        page.screenshot(path=str(tmp_path / f"reading-{width}x{height}.png"))
        watched.assert_clean()


@pytest.mark.parametrize(("width", "height"), LAPTOP_SCREENS)
def test_the_highlighted_article_is_shown_whole(browser, server, longest, width, height, tmp_path):
    with watched_page(browser, server.url, width, height) as watched:
        page = open_page(watched, server.url)
        page.get_by_label("Teks artikel").fill(longest.text)
        submit_and_wait(page)
        view = page.locator("#highlighted")
        # No box of its own to scroll: all of it is on the page, which scrolls as usual.
        assert view.evaluate("n => getComputedStyle(n).maxHeight") == "none"
        assert view.evaluate("n => n.scrollHeight <= n.clientHeight + 1")
        last_paragraph = longest.text.rstrip().split("\n")[-1].strip()
        assert view.inner_text().rstrip().endswith(last_paragraph)
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        box = view.bounding_box()
        assert box["y"] + box["height"] <= page.evaluate(
            "window.innerHeight"
        )  # its end is reachable
        page.screenshot(path=str(tmp_path / f"article-end-{width}x{height}.png"))
        watched.assert_clean()


def test_a_long_answer_panel_scrolls_with_a_sign_of_more(browser, server, longest, tmp_path):
    width, height = LAPTOP_SCREENS[0]
    with watched_page(browser, server.url, width, height) as watched:
        page = open_page(watched, server.url)
        page.get_by_label("Teks artikel").fill(longest.text)
        page.get_by_label("Kalimat", exact=True).fill("8")
        page.get_by_label("Jumlah usulan judul").fill("10")
        submit_and_wait(page)
        output = page.locator("#output")
        assert output.evaluate("n => n.scrollHeight > n.clientHeight")  # more than fits
        assert output.evaluate("n => getComputedStyle(n).overflowY") == "auto"
        fade = output.evaluate("n => getComputedStyle(n, '::after').backgroundImage")
        assert fade.startswith("linear-gradient")  # the bottom edge fades: there is more below
        assert output.evaluate("n => n.scrollTop") == 0  # starts at the top: the candidates
        page.locator("#stats").scroll_into_view_if_needed()  # and the rest is reachable
        assert page.locator("#stats").is_visible()
        page.screenshot(path=str(tmp_path / "long-answer.png"))
        watched.assert_clean()


def test_narrow_screens_scroll_to_the_answer(browser, server, longest, tmp_path):
    with watched_page(browser, server.url, 800, 900) as watched:
        page = open_page(watched, server.url)
        page.get_by_label("Teks artikel").fill(longest.text)
        submit_and_wait(page)
        output = page.locator("#output").bounding_box()
        form = page.locator("#summarize-form").bounding_box()
        assert output["y"] >= form["y"] + form["height"]  # one column: the answer under the form
        assert page.evaluate(IN_VIEW, "#headline-list .headline")[0]  # brought into view
        article = page.locator("#article-result").bounding_box()
        assert article["y"] >= output["y"] + output["height"]  # the article after the answer
        page.screenshot(path=str(tmp_path / "narrow-answer.png"))
        watched.assert_clean()
