// The editors' page: calls the public /v1 API with fetch, the same calls a CMS would make.
// No inline code or styles anywhere (the page runs under a strict Content-Security-Policy).
//
// Modules: messages.js (every text, both languages), i18n.js (lookups), problems.js (refusals
// and warnings in the page's words), results.js (drawing an answer), text.js (finding the
// summary's sentences in the pasted article), dom.js. This one holds the form and the calls.

import { $, el } from "./dom.js";
import { formatNumber, own, setLanguage, t } from "./i18n.js";
import { FIELD_CONTROLS, renderProblem } from "./problems.js";
import { renderResult } from "./results.js";
import { htmlToText } from "./text.js";

const LANG_KEY = "summarizer.lang";
const API_KEY_KEY = "summarizer.apiKey";

// Each length mode's control. min/max are replaced by the server's limits from /openapi.json;
// the ratio is asked for in percent.
const LENGTH_MODES = {
  sentences: { min: 1, max: 50, value: 3 },
  ratio: { min: 1, max: 100, value: 30 },
  max_words: { min: 1, max: 100000, value: 100 },
};

const state = {
  result: null,
  source: "",
  roundTrip: null,
  problem: null,
  localError: null,
  algorithms: null, // name → the server's description, once loaded
};

function storage(kind) {
  try {
    return window[kind];
  } catch (_err) {
    return null; // storage blocked by the browser: the page still works, it just forgets
  }
}

// ---- language -----------------------------------------------------------------------------

function applyLanguage(lang) {
  document.documentElement.lang = setLanguage(lang);
  document.title = t("page_title");
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n);
  }
  const toggle = $("lang-toggle");
  toggle.textContent = t("lang_toggle");
  toggle.setAttribute("lang", t("lang_toggle_lang"));
  toggle.setAttribute("aria-label", t("lang_toggle_label"));
  updateLengthLabel();
  updateArticleCount();
  const defaultOption = $("algorithm").querySelector("option[data-default]");
  if (defaultOption) defaultOption.textContent = defaultOption.value + t("default_suffix");
  describeAlgorithm();
  if (state.localError) showLocalError(state.localError);
  if (state.result) renderResult(state.result, state.source, state.roundTrip);
  if (state.problem) $("error").replaceChildren(...renderProblem(state.problem));
}

// ---- options ------------------------------------------------------------------------------

function updateLengthLabel() {
  const mode = $("length-mode").value;
  const label = $("length-value-label");
  label.dataset.i18n = "value_" + mode;
  label.textContent = t("value_" + mode);
}

function applyLengthMode(resetValue) {
  const mode = LENGTH_MODES[$("length-mode").value];
  const input = $("length-value");
  input.min = mode.min;
  input.max = mode.max;
  if (resetValue) input.value = mode.value;
  updateLengthLabel();
}

function updateArticleCount() {
  const count = [...$("article").value].length;
  $("article-count").textContent = count ? t("chars", { n: formatNumber(count) }) : "";
}

/** The number controls' limits from the server's own request schema (one source of limits). */
async function loadLimits() {
  try {
    const response = await fetch("/openapi.json");
    if (!response.ok) return;
    const schema = (await response.json()).components.schemas.SummarizeRequest.properties;
    const range = (name) => {
      const prop = schema[name] || {};
      return (prop.anyOf || [prop]).find((s) => s.type && s.type !== "null") || {};
    };
    for (const name of ["sentences", "max_words"]) {
      const { minimum, maximum } = range(name);
      if (typeof minimum === "number") LENGTH_MODES[name].min = minimum;
      if (typeof maximum === "number") LENGTH_MODES[name].max = maximum;
    }
    const ratio = range("ratio");
    if (typeof ratio.maximum === "number") LENGTH_MODES.ratio.max = ratio.maximum * 100;
    const headlines = range("headlines");
    if (typeof headlines.minimum === "number") $("headlines").min = headlines.minimum;
    if (typeof headlines.maximum === "number") $("headlines").max = headlines.maximum;
    const title = range("title");
    if (typeof title.maxLength === "number") $("title").maxLength = title.maxLength;
    applyLengthMode(false);
  } catch (_err) {
    // the page's own limits stay; the server checks every value anyway
  }
}

function describeAlgorithm() {
  const name = $("algorithm").value;
  const server = state.algorithms ? state.algorithms[name] : "";
  $("algorithm-help").textContent = name ? own("algo_" + name) || server || "" : "";
}

async function loadAlgorithms() {
  const select = $("algorithm");
  if (state.algorithms) return;
  // With API keys configured, /v1/algorithms needs one too: wait until the editor enters it.
  if (document.body.dataset.keysRequired === "true" && !$("api-key").value.trim()) return;
  try {
    const response = await fetch("/v1/algorithms", { headers: authHeaders() });
    if (!response.ok) throw new Error("status " + response.status);
    const body = await response.json();
    const descriptions = {};
    select.replaceChildren();
    for (const algo of body.algorithms) {
      const option = el("option", { value: algo.name, text: algo.name });
      if (algo.name === body.default) {
        option.dataset.default = "true";
        option.textContent = algo.name + t("default_suffix");
        option.selected = true;
      }
      descriptions[algo.name] = algo.description;
      select.append(option);
    }
    state.algorithms = descriptions;
    describeAlgorithm();
  } catch (_err) {
    $("algorithm-help").textContent = t("algorithms_failed");
  }
}

function authHeaders() {
  const key = $("api-key").value.trim();
  return key ? { "X-API-Key": key } : {};
}

function buildRequest() {
  const format = document.querySelector("input[name=format]:checked").value;
  const body = {};
  body[format] = $("article").value;
  const title = $("title").value.trim();
  if (title) body.title = title;
  const mode = $("length-mode").value;
  const raw = $("length-value").value.trim();
  if (raw !== "") {
    const number = Number(raw);
    body[mode] = mode === "ratio" ? Math.round(number * 100) / 10000 : number;
  }
  if ($("algorithm").value) body.algorithm = $("algorithm").value;
  const headlines = $("headlines").value.trim();
  if (headlines !== "") body.headlines = Number(headlines);
  return body;
}

function shellQuote(text) {
  return "'" + text.split("'").join("'\\''") + "'";
}

function curlFor(body) {
  const lines = [
    "curl -sS -X POST " + shellQuote(window.location.origin + "/v1/summarize") + " \\",
    "  -H 'Content-Type: application/json' \\",
  ];
  if ($("api-key").value.trim()) lines.push('  -H "X-API-Key: $SUMMARIZER_API_KEY" \\');
  lines.push("  --data-binary @- <<'JSON'", JSON.stringify(body, null, 2), "JSON");
  return lines.join("\n");
}

function updateCurl() {
  $("curl").firstElementChild.textContent = curlFor(buildRequest());
}

// ---- checks in the page -------------------------------------------------------------------

/** The message key when the article cannot be summarised as it is, else null. */
function articleProblem(body) {
  if (body.text !== undefined) return body.text.trim() ? null : "article_empty";
  if (!body.html.trim()) return "article_empty";
  return htmlToText(body.html).trim() ? null : "html_empty";
}

function showLocalError(key) {
  state.localError = key;
  const message = $("article-error");
  message.textContent = t(key);
  message.hidden = false;
  $("article").setAttribute("aria-invalid", "true");
}

function clearLocalError() {
  state.localError = null;
  $("article-error").hidden = true;
  $("article-error").textContent = "";
  if (!state.problem) $("article").removeAttribute("aria-invalid");
}

// ---- the call -----------------------------------------------------------------------------

async function onSubmit(event) {
  event.preventDefault();
  const body = buildRequest();
  updateCurl();
  const local = articleProblem(body);
  if (local) {
    hideError();
    showLocalError(local);
    $("article").focus();
    return;
  }
  clearLocalError();
  const button = $("submit");
  button.disabled = true;
  $("results").setAttribute("aria-busy", "true");
  $("status").textContent = t("working");
  hideError();
  const started = performance.now();
  try {
    const response = await fetch("/v1/summarize", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...authHeaders() },
      body: JSON.stringify(body),
    });
    const payload = await readBody(response);
    const roundTrip = performance.now() - started;
    showResponseJson(payload);
    if (!response.ok) {
      showProblem(problemFrom(response, payload));
      return;
    }
    const raw = body.html !== undefined ? body.html : body.text;
    // HTML (sent as such, or found in the text by the server) is highlighted as its text.
    const asHtml = body.html !== undefined || Boolean(payload.stats && payload.stats.html);
    state.source = asHtml ? htmlToText(raw) : raw;
    state.roundTrip = roundTrip;
    state.result = payload;
    renderResult(payload, state.source, roundTrip);
    $("placeholder").hidden = true;
    $("results").hidden = false;
    $("article-result").hidden = false;
    $("status").textContent = t("done", {
      n: payload.sentences.length,
      h: payload.headlines.length,
    });
    revealResults();
    loadAlgorithms();
  } catch (_err) {
    showProblem({
      local: true,
      title: t("error_heading"),
      text: t("error_network"),
      errors: [],
    });
  } finally {
    button.disabled = false;
    $("results").removeAttribute("aria-busy");
  }
}

/** Bring the answer's top into view when the layout has not put it there already. */
function revealResults() {
  const output = $("output");
  output.scrollTop = 0; // beside the form it scrolls on its own; start at the candidates
  const top = $("results").getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight / 2) $("results").scrollIntoView({ block: "start" });
  $("results-heading").focus({ preventScroll: true });
}

async function readBody(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (_err) {
    return { detail: text.slice(0, 500) };
  }
}

function problemFrom(response, payload) {
  return {
    status: response.status,
    type: typeof payload.type === "string" ? payload.type : "",
    title: payload.title || response.statusText || "",
    detail: payload.detail || "",
    errors: Array.isArray(payload.errors) ? payload.errors : [],
    retryAfter: response.headers.get("Retry-After"),
    requestId: response.headers.get("X-Request-ID"),
  };
}

function showProblem(problem) {
  state.problem = problem;
  state.result = null;
  $("results").hidden = true;
  $("article-result").hidden = true;
  $("placeholder").hidden = true;
  $("status").textContent = "";
  if (problem.status === 401 || problem.status === 403) {
    $("api-key-field").hidden = false;
  }
  $("error").replaceChildren(...renderProblem(problem));
  markInvalid(problem.errors);
  $("error").hidden = false;
  $("error").focus();
}

function markInvalid(errors) {
  for (const node of document.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
  }
  for (const item of errors || []) {
    const id = FIELD_CONTROLS[String(item.field || "").split(".")[0]];
    if (id) $(id).setAttribute("aria-invalid", "true");
  }
}

function hideError() {
  markInvalid([]);
  state.problem = null;
  $("error").hidden = true;
  $("error").replaceChildren();
}

function showResponseJson(payload) {
  $("response-block").hidden = false;
  $("response-json").firstElementChild.textContent = JSON.stringify(payload, null, 2);
}

// ---- wiring -------------------------------------------------------------------------------

function init() {
  const local = storage("localStorage");
  const session = storage("sessionStorage");
  const saved = local && local.getItem(LANG_KEY);
  applyLanguage(saved === "en" ? "en" : "id");

  const savedKey = session && session.getItem(API_KEY_KEY);
  if (savedKey) {
    $("api-key").value = savedKey;
    $("api-key-field").hidden = false;
  }

  $("lang-toggle").addEventListener("click", () => {
    const next = document.documentElement.lang === "id" ? "en" : "id";
    if (local) local.setItem(LANG_KEY, next);
    applyLanguage(next);
  });
  $("length-mode").addEventListener("change", () => {
    applyLengthMode(true);
    updateCurl();
  });
  $("algorithm").addEventListener("change", describeAlgorithm);
  $("api-key").addEventListener("input", () => {
    const key = $("api-key").value.trim();
    if (session) {
      if (key) session.setItem(API_KEY_KEY, key);
      else session.removeItem(API_KEY_KEY);
    }
    updateCurl();
  });
  $("api-key").addEventListener("change", () => loadAlgorithms().then(updateCurl));
  $("article").addEventListener("input", () => {
    updateArticleCount();
    if (state.localError) clearLocalError();
  });
  $("summarize-form").addEventListener("input", updateCurl);
  $("summarize-form").addEventListener("change", updateCurl);
  $("summarize-form").addEventListener("submit", onSubmit);
  $("clear").addEventListener("click", () => {
    $("article").value = "";
    $("title").value = "";
    clearLocalError();
    updateArticleCount();
    updateCurl();
    $("article").focus();
  });
  loadLimits();
  loadAlgorithms().then(updateCurl);
  updateCurl();
}

// Module scripts run after the document is parsed.
init();
