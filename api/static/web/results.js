// Drawing a successful answer: warnings, headline candidates, summary, keywords, statistics and
// the article with the summary's sentences marked.

import { $, el } from "./dom.js";
import { formatNumber, languageName, t, tOr } from "./i18n.js";
import { describeWarning } from "./problems.js";
import { locate } from "./text.js";

/** ``answer``: the API's JSON; ``source``: the article text as pasted (HTML as its text). */
export function renderResult(answer, source, roundTrip) {
  renderWarnings(answer);
  renderHeadlines(answer.headlines || []);
  $("summary").textContent = answer.summary;
  renderKeywords(answer.keywords || []);
  renderStats(answer, roundTrip);
  renderArticle(source, answer.sentences || []);
}

function renderWarnings(answer) {
  const items = (Array.isArray(answer.warnings) ? answer.warnings : []).map((warning) => {
    const { text, server } = describeWarning(warning, answer);
    const children = [el("span", { className: "warning-text", text })];
    if (server) {
      children.push(
        el("span", { className: "warning-server" }, [
          t("warning_server") + " ",
          el("span", { lang: "en", text: server }),
        ]),
      );
    }
    return el("li", {}, children);
  });
  $("warnings").replaceChildren(...items);
  $("warnings-card").hidden = items.length === 0;
}

function renderHeadlines(headlines) {
  const list = $("headline-list");
  list.replaceChildren();
  headlines.forEach((headline, i) => {
    const length = [...headline.text].length;
    const button = el("button", {
      type: "button",
      className: "btn btn-small copy-btn",
      "aria-label": t("copy_label", { n: i + 1 }),
      text: t("copy"),
    });
    button.addEventListener("click", () => onCopy(button, headline.text, i + 1));
    list.append(
      el("li", { className: "headline" }, [
        el("p", { className: "headline-text", lang: "id", text: headline.text }),
        el("div", { className: "headline-meta" }, [
          el("span", { className: "muted headline-length", text: t("chars", { n: length }) }),
          button,
        ]),
      ]),
    );
  });
  $("no-headlines").hidden = headlines.length > 0;
}

function renderKeywords(keywords) {
  $("keyword-list").replaceChildren(
    ...keywords.map((k) =>
      el("li", { className: "chip", lang: "id", title: "score " + k.score, text: k.text }),
    ),
  );
  $("no-keywords").hidden = keywords.length > 0;
}

/** ``{"site_chrome": 2, ...}`` as a list of labelled counts (an unknown kind keeps its key). */
function removedList(counts) {
  const entries = Object.entries(counts || {});
  if (!entries.length) return t("none");
  return el(
    "ul",
    { className: "removed-list" },
    entries.map(([kind, n]) =>
      el("li", { "data-kind": kind }, [
        tOr("removed_" + kind, kind.replaceAll("_", " ")) + ": ",
        el("span", { className: "removed-count", text: formatNumber(n) }),
      ]),
    ),
  );
}

function renderStats(answer, roundTrip) {
  const stats = answer.stats || {};
  const rows = [["stat_algorithm", answer.algorithm]];
  if (answer.language) {
    const name = languageName(answer.language);
    rows.push(["stat_language", name === answer.language ? name : `${name} (${answer.language})`]);
  }
  for (const key of ["characters", "words", "paragraphs", "sentences", "selected"]) {
    if (typeof stats[key] === "number") rows.push(["stat_" + key, formatNumber(stats[key])]);
  }
  if (stats.removed && typeof stats.removed === "object") {
    rows.push(["stat_removed", removedList(stats.removed), "wide"]);
  }
  if (stats.html && stats.html.removed && typeof stats.html.removed === "object") {
    rows.push(["stat_html_removed", removedList(stats.html.removed), "wide"]);
  }
  if (typeof stats.elapsed_ms === "number") {
    rows.push(["stat_elapsed_ms", t("ms", { n: formatNumber(stats.elapsed_ms, 1) })]);
  }
  if (roundTrip !== null) {
    rows.push(["stat_round_trip", t("ms", { n: formatNumber(roundTrip, 1) })]);
  }
  $("stats").replaceChildren(
    ...rows.map(([label, value, wide]) =>
      el("div", { className: wide ? "stat stat-wide" : "stat", "data-stat": label }, [
        el("dt", { text: t(label) }),
        el("dd", {}, [value]),
      ]),
    ),
  );
}

function renderArticle(source, sentences) {
  const view = $("highlighted");
  const ranges = locate(source, sentences);
  const nodes = [];
  let cursor = 0;
  let missing = 0;
  ranges.forEach((range, i) => {
    if (!range) {
      missing++;
      return;
    }
    if (range[0] > cursor) nodes.push(document.createTextNode(source.slice(cursor, range[0])));
    nodes.push(
      el("mark", { "data-index": String(sentences[i].index) }, [source.slice(range[0], range[1])]),
    );
    cursor = range[1];
  });
  nodes.push(document.createTextNode(source.slice(cursor)));
  view.replaceChildren(...nodes);
  if (missing) view.prepend(el("p", { className: "note", text: t("not_located", { n: missing }) }));
}

async function onCopy(button, text, n) {
  const ok = await copyText(text);
  $("status").textContent = ok ? t("copy_done", { n }) : t("copy_failed");
  if (ok) {
    button.textContent = t("copied");
    button.classList.add("is-copied");
    window.setTimeout(() => {
      button.textContent = t("copy");
      button.classList.remove("is-copied");
    }, 2000);
  }
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_err) {
      // permission refused: fall back to the selection-based copy below
    }
  }
  const helper = el("textarea", { readonly: "", className: "clipboard-helper" });
  helper.value = text;
  document.body.append(helper);
  helper.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch (_err) {
    ok = false;
  }
  helper.remove();
  return ok;
}
