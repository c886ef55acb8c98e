// The editors' page: calls the public /v1 API with fetch, the same calls a CMS would make.
// No inline code or styles anywhere (the page runs under a strict Content-Security-Policy).
"use strict";

(function () {
  const LANG_KEY = "summarizer.lang";
  const API_KEY_KEY = "summarizer.apiKey";

  const MESSAGES = {
    id: {
      page_title: "Peringkas Berita Indonesia",
      skip_link: "Langsung ke teks artikel",
      heading: "Peringkas Berita",
      tagline: "Ringkasan ekstraktif dan usulan judul untuk berita berbahasa Indonesia",
      lang_toggle: "English",
      lang_toggle_label: "Switch the interface to English",
      lang_toggle_lang: "en",
      input_heading: "Artikel",
      article_label: "Teks artikel",
      article_help:
        'Tempel teks berita (atau HTML halaman berita). Baris tanggal, "Baca juga" dan kode penulis dibersihkan otomatis.',
      format_legend: "Format masukan",
      format_text: "Teks biasa",
      length_mode_label: "Panjang ringkasan",
      mode_sentences: "Jumlah kalimat",
      mode_ratio: "Persentase kalimat (%)",
      mode_max_words: "Jumlah kata maksimum",
      value_sentences: "Kalimat",
      value_ratio: "Persen",
      value_max_words: "Kata",
      algorithm_label: "Algoritma",
      algorithm_default: "Bawaan server",
      default_suffix: " (bawaan)",
      headlines_label: "Jumlah usulan judul",
      api_key_label: "Kunci API",
      api_key_help:
        "Dikirim sebagai header X-API-Key dan hanya disimpan selama tab ini terbuka (sessionStorage).",
      submit: "Ringkas",
      submit_hint: "(Summarize)",
      clear: "Kosongkan",
      results_heading: "Hasil",
      summary_heading: "Ringkasan",
      headlines_heading: "Usulan judul",
      no_headlines: "Tidak ada usulan judul.",
      keywords_heading: "Kata kunci",
      no_keywords: "Tidak ada kata kunci.",
      stats_heading: "Statistik",
      article_heading: "Artikel dengan kalimat terpilih",
      article_highlight_help: "Kalimat yang masuk ringkasan ditandai.",
      api_panel: "Permintaan API",
      api_panel_help: "Panggilan yang sama dari CMS Anda (lihat docs/integration.md):",
      api_response: "Respons terakhir (JSON):",
      footer: "API publik:",
      chars: "{n} karakter",
      copy: "Salin",
      copied: "Tersalin",
      copy_label: "Salin judul {n}",
      copy_done: "Judul {n} disalin ke papan klip.",
      copy_failed: "Gagal menyalin; pilih teksnya lalu tekan Ctrl+C.",
      working: "Meringkas…",
      done: "Ringkasan siap: {n} kalimat, {h} usulan judul.",
      not_located: "{n} kalimat ringkasan tidak ditemukan persis di teks yang ditempel.",
      error_heading: "Permintaan gagal",
      error_network: "Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.",
      error_status: "Server menjawab dengan status {s}.",
      error_fields: "Isian yang bermasalah:",
      error_key: "Masukkan kunci API yang valid di kolom Kunci API.",
      error_retry: "Terlalu banyak permintaan; coba lagi dalam {s} detik.",
      algorithms_failed: "Daftar algoritma tidak dapat dimuat; server memakai algoritma bawaan.",
      stat_algorithm: "Algoritma",
      stat_language: "Bahasa terdeteksi",
      stat_characters: "Karakter",
      stat_words: "Kata",
      stat_paragraphs: "Paragraf",
      stat_sentences: "Kalimat",
      stat_selected: "Kalimat terpilih",
      stat_removed: "Dibuang saat pembersihan",
      stat_elapsed_ms: "Waktu proses server",
      stat_round_trip: "Waktu pulang-pergi",
      none: "tidak ada",
      ms: "{n} md",
    },
    en: {
      page_title: "Indonesian News Summarizer",
      skip_link: "Skip to the article text",
      heading: "News Summarizer",
      tagline: "Extractive summaries and headline candidates for Indonesian news",
      lang_toggle: "Bahasa Indonesia",
      lang_toggle_label: "Ganti bahasa antarmuka ke Bahasa Indonesia",
      lang_toggle_lang: "id",
      input_heading: "Article",
      article_label: "Article text",
      article_help:
        'Paste the news text (or the article page\'s HTML). Datelines, "Baca juga" lines and credit tags are removed automatically.',
      format_legend: "Input format",
      format_text: "Plain text",
      length_mode_label: "Summary length",
      mode_sentences: "Number of sentences",
      mode_ratio: "Share of sentences (%)",
      mode_max_words: "Maximum words",
      value_sentences: "Sentences",
      value_ratio: "Percent",
      value_max_words: "Words",
      algorithm_label: "Algorithm",
      algorithm_default: "Server default",
      default_suffix: " (default)",
      headlines_label: "Headline candidates",
      api_key_label: "API key",
      api_key_help:
        "Sent as the X-API-Key header and kept only while this tab is open (sessionStorage).",
      submit: "Summarize",
      submit_hint: "(Ringkas)",
      clear: "Clear",
      results_heading: "Results",
      summary_heading: "Summary",
      headlines_heading: "Headline candidates",
      no_headlines: "No headline candidates.",
      keywords_heading: "Keywords",
      no_keywords: "No keywords.",
      stats_heading: "Statistics",
      article_heading: "Article with the selected sentences",
      article_highlight_help: "Sentences that made the summary are highlighted.",
      api_panel: "API request",
      api_panel_help: "The same call from your CMS (see docs/integration.md):",
      api_response: "Last response (JSON):",
      footer: "Public API:",
      chars: "{n} characters",
      copy: "Copy",
      copied: "Copied",
      copy_label: "Copy headline {n}",
      copy_done: "Headline {n} copied to the clipboard.",
      copy_failed: "Could not copy; select the text and press Ctrl+C.",
      working: "Summarizing…",
      done: "Summary ready: {n} sentences, {h} headline candidates.",
      not_located: "{n} summary sentences were not found verbatim in the pasted text.",
      error_heading: "The request failed",
      error_network: "The server could not be reached. Check the connection and try again.",
      error_status: "The server answered with status {s}.",
      error_fields: "Fields with problems:",
      error_key: "Enter a valid API key in the API key field.",
      error_retry: "Too many requests; try again in {s} seconds.",
      algorithms_failed: "The algorithm list could not be loaded; the server uses its default.",
      stat_algorithm: "Algorithm",
      stat_language: "Detected language",
      stat_characters: "Characters",
      stat_words: "Words",
      stat_paragraphs: "Paragraphs",
      stat_sentences: "Sentences",
      stat_selected: "Selected sentences",
      stat_removed: "Removed while cleaning",
      stat_elapsed_ms: "Server processing time",
      stat_round_trip: "Round-trip time",
      none: "none",
      ms: "{n} ms",
    },
  };

  const LENGTH_MODES = {
    sentences: { min: 1, max: 50, step: 1, value: 3 },
    ratio: { min: 1, max: 100, step: 1, value: 30 },
    max_words: { min: 1, max: 100000, step: 1, value: 100 },
  };

  const $ = (id) => document.getElementById(id);
  const state = {
    lang: "id",
    result: null,
    source: "",
    roundTrip: null,
    problem: null,
    algorithmsLoaded: false,
  };

  function t(key, params) {
    const table = MESSAGES[state.lang] || MESSAGES.id;
    let text = key in table ? table[key] : MESSAGES.id[key] || key;
    for (const [name, value] of Object.entries(params || {})) {
      text = text.split("{" + name + "}").join(String(value));
    }
    return text;
  }

  function formatNumber(value, digits) {
    const locale = state.lang === "id" ? "id-ID" : "en-US";
    return new Intl.NumberFormat(locale, { maximumFractionDigits: digits || 0 }).format(value);
  }

  function storage(kind) {
    try {
      return window[kind];
    } catch (_err) {
      return null; // storage blocked by the browser: the page still works, it just forgets
    }
  }

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  // ---- language -------------------------------------------------------------------------

  function applyLanguage(lang) {
    state.lang = MESSAGES[lang] ? lang : "id";
    document.documentElement.lang = state.lang;
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
    if (state.result) renderResult(state.result);
    if (state.problem) renderProblem(state.problem);
  }

  // ---- options --------------------------------------------------------------------------

  function updateLengthLabel() {
    const mode = $("length-mode").value;
    const label = $("length-value-label");
    label.dataset.i18n = "value_" + mode;
    label.textContent = t("value_" + mode);
  }

  function onLengthModeChange() {
    const mode = LENGTH_MODES[$("length-mode").value];
    const input = $("length-value");
    input.min = mode.min;
    input.max = mode.max;
    input.step = mode.step;
    input.value = mode.value;
    updateLengthLabel();
  }

  function updateArticleCount() {
    const count = [...$("article").value].length;
    $("article-count").textContent = count ? t("chars", { n: formatNumber(count) }) : "";
  }

  async function loadAlgorithms() {
    const select = $("algorithm");
    if (state.algorithmsLoaded) return;
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
      const describe = () => {
        $("algorithm-help").textContent = descriptions[select.value] || "";
      };
      select.addEventListener("change", describe);
      describe();
      state.algorithmsLoaded = true;
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

  // ---- the call -------------------------------------------------------------------------

  async function onSubmit(event) {
    event.preventDefault();
    const body = buildRequest();
    updateCurl();
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
      state.source = body.html !== undefined ? htmlToText(body.html) : body.text;
      state.roundTrip = roundTrip;
      state.result = payload;
      renderResult(payload);
      $("results").hidden = false;
      $("status").textContent = t("done", {
        n: payload.sentences.length,
        h: payload.headlines.length,
      });
      $("results-heading").focus();
      loadAlgorithms();
    } catch (_err) {
      showProblem({ title: t("error_heading"), detail: t("error_network"), local: true });
    } finally {
      button.disabled = false;
      $("results").removeAttribute("aria-busy");
    }
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
    const problem = {
      status: response.status,
      title: payload.title || response.statusText || t("error_heading"),
      detail: payload.detail || t("error_status", { s: response.status }),
      errors: Array.isArray(payload.errors) ? payload.errors : [],
      retryAfter: response.headers.get("Retry-After"),
    };
    return problem;
  }

  function showProblem(problem) {
    state.problem = problem;
    state.result = null;
    $("results").hidden = true;
    $("status").textContent = "";
    if (problem.status === 401 || problem.status === 403) {
      $("api-key-field").hidden = false;
    }
    renderProblem(problem);
    markInvalid(problem.errors);
    $("error").hidden = false;
    $("error").focus();
  }

  function renderProblem(problem) {
    const box = $("error");
    const heading = problem.status ? problem.title + " (" + problem.status + ")" : problem.title;
    const children = [
      el("p", { className: "error-kicker", text: t("error_heading") }),
      el("h2", { className: "error-title", text: heading }),
      el("p", { className: "error-detail", text: problem.detail }),
    ];
    if (problem.errors && problem.errors.length) {
      const list = el("ul", { className: "error-fields" });
      for (const item of problem.errors) {
        list.append(
          el("li", {}, [el("code", { text: item.field || "body" }), ": " + (item.message || "")]),
        );
      }
      children.push(el("p", { text: t("error_fields") }), list);
    }
    if (problem.status === 401 || problem.status === 403) {
      children.push(el("p", { text: t("error_key") }));
    }
    if (problem.status === 429 && problem.retryAfter) {
      children.push(el("p", { text: t("error_retry", { s: problem.retryAfter }) }));
    }
    box.replaceChildren(...children);
  }

  // Which control an API field error belongs to, so it can be marked aria-invalid.
  const FIELD_CONTROLS = {
    text: "article",
    html: "article",
    body: "article",
    sentences: "length-value",
    ratio: "length-value",
    max_words: "length-value",
    algorithm: "algorithm",
    headlines: "headlines",
  };

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

  // ---- results --------------------------------------------------------------------------

  function renderResult(result) {
    $("summary").textContent = result.summary;
    const warnings = $("warnings");
    warnings.replaceChildren(...(result.warnings || []).map((w) => el("li", { text: w })));
    warnings.hidden = !(result.warnings || []).length;
    renderHeadlines(result.headlines || []);
    renderKeywords(result.keywords || []);
    renderStats(result);
    renderArticle(state.source, result.sentences || []);
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

  function renderStats(result) {
    const stats = result.stats || {};
    const rows = [
      ["stat_algorithm", result.algorithm],
      ["stat_language", result.language],
    ];
    for (const key of ["characters", "words", "paragraphs", "sentences", "selected"]) {
      if (typeof stats[key] === "number") rows.push(["stat_" + key, formatNumber(stats[key])]);
    }
    if (stats.removed && typeof stats.removed === "object") {
      const parts = Object.entries(stats.removed).map(([k, v]) => k + ": " + v);
      rows.push(["stat_removed", parts.length ? parts.join(", ") : t("none")]);
    }
    if (typeof stats.elapsed_ms === "number") {
      rows.push(["stat_elapsed_ms", t("ms", { n: formatNumber(stats.elapsed_ms, 1) })]);
    }
    if (state.roundTrip !== null) {
      rows.push(["stat_round_trip", t("ms", { n: formatNumber(state.roundTrip, 1) })]);
    }
    $("stats").replaceChildren(
      ...rows.map(([label, value]) =>
        el("div", { className: "stat" }, [el("dt", { text: t(label) }), el("dd", { text: value })]),
      ),
    );
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

  // ---- highlighting the selected sentences in the pasted article ---------------------------

  const SKIPPED = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/;

  // The text with whitespace runs collapsed to one space, and for every kept character the
  // position it came from, so a match in the collapsed text maps back to the original.
  function collapse(text, keep) {
    let out = "";
    const map = [];
    let space = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (SKIPPED.test(ch)) continue;
      if (/\s/.test(ch)) {
        if (!space && out.length && keep === undefined) {
          out += " ";
          map.push(i);
        }
        space = true;
      } else if (keep === undefined || keep.test(ch)) {
        out += keep === undefined ? ch : ch.toLowerCase();
        map.push(i);
        space = false;
      }
    }
    return { text: keep === undefined ? out.trimEnd() : out, map };
  }

  // Each sentence's [start, end) in ``source``, searched in order; null when not found.
  function locate(source, sentences) {
    const exact = collapse(source);
    const loose = collapse(source, /[\p{L}\p{N}]/u);
    const ranges = [];
    let fromExact = 0;
    let fromOriginal = 0;
    for (const sentence of sentences) {
      let range = null;
      const needle = collapse(sentence.text.normalize("NFC")).text;
      let at = needle ? exact.text.indexOf(needle, fromExact) : -1;
      if (at >= 0) {
        range = [exact.map[at], exact.map[at + needle.length - 1] + 1];
        fromExact = at + needle.length;
      } else {
        const key = collapse(sentence.text.normalize("NFC"), /[\p{L}\p{N}]/u).text;
        const start = loose.map.findIndex((pos) => pos >= fromOriginal);
        at = key && start >= 0 ? loose.text.indexOf(key, start) : -1;
        if (at >= 0) range = [loose.map[at], loose.map[at + key.length - 1] + 1];
      }
      if (range) {
        fromOriginal = range[1];
        while (fromExact < exact.map.length && exact.map[fromExact] < fromOriginal) fromExact++;
      }
      ranges.push(range);
    }
    return ranges;
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

  // The readable text of pasted HTML, one paragraph per block element. DOMParser builds an inert
  // document: no scripts run and nothing is fetched.
  function htmlToText(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    for (const node of doc.querySelectorAll("script, style, noscript, template, iframe, svg")) {
      node.remove();
    }
    const blocks =
      /^(P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|ARTICLE|SECTION|HEADER|FOOTER|ASIDE|FIGURE|FIGCAPTION|TABLE|TR|PRE|MAIN|NAV)$/;
    let out = "";
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          out += child.nodeValue.replace(/\s+/g, " ");
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          if (child.tagName === "BR") {
            out += "\n";
          } else if (blocks.test(child.tagName)) {
            out += "\n\n";
            walk(child);
            out += "\n\n";
          } else {
            walk(child);
          }
        }
      }
    };
    walk(doc.body || doc.documentElement);
    return out
      .replace(/[ \t]*\n[ \t]*/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }

  // ---- wiring ---------------------------------------------------------------------------

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
      const next = state.lang === "id" ? "en" : "id";
      if (local) local.setItem(LANG_KEY, next);
      applyLanguage(next);
    });
    $("length-mode").addEventListener("change", () => {
      onLengthModeChange();
      updateCurl();
    });
    $("api-key").addEventListener("input", () => {
      const key = $("api-key").value.trim();
      if (session) {
        if (key) session.setItem(API_KEY_KEY, key);
        else session.removeItem(API_KEY_KEY);
      }
      updateCurl();
    });
    $("api-key").addEventListener("change", () => loadAlgorithms().then(updateCurl));
    $("article").addEventListener("input", updateArticleCount);
    $("summarize-form").addEventListener("input", updateCurl);
    $("summarize-form").addEventListener("change", updateCurl);
    $("summarize-form").addEventListener("submit", onSubmit);
    $("clear").addEventListener("click", () => {
      $("article").value = "";
      updateArticleCount();
      updateCurl();
      $("article").focus();
    });
    loadAlgorithms().then(updateCurl);
    updateCurl();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
