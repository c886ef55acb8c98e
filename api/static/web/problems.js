// What the page says when the server refuses a request or warns about one.
//
// The server's words are English and may be reworded at any time, so the page's own text is
// chosen by what is stable: a problem document's `type` (its last path segment), then its
// HTTP `status`, then a generic text; a field error's `field` and pydantic `type`. The server's
// own title, detail and messages stay available next to the page's text.

import { $, el } from "./dom.js";
import { has, languageName, t, tOr } from "./i18n.js";

/** ``https://…/problems/validation-error`` → ``validation-error``. */
export function problemName(type) {
  const text = String(type || "");
  return text.slice(text.lastIndexOf("/") + 1);
}

/** The page's title and explanation for a problem document. */
export function describeProblem(problem) {
  const name = problemName(problem.type);
  const keys = [name && "problem_" + name, "status_" + problem.status, "problem_generic"];
  const key = keys.find((k) => k && has(k + "_title"));
  const params = { s: problem.status };
  return { title: t(key + "_title", params), text: t(key + "_text", params) };
}

const RANGE_ERRORS = new Set(["less_than_equal", "less_than", "greater_than_equal", "greater_than"]);

/** Which control an API field belongs to, so it can be marked and its limits read. */
export const FIELD_CONTROLS = {
  text: "article",
  html: "article",
  body: "article",
  title: "title",
  sentences: "length-value",
  ratio: "length-value",
  max_words: "length-value",
  max_chars: "length-value",
  budget: "length-value",
  algorithm: "algorithm",
  headlines: "headlines",
};

function controlLimits(field) {
  const control = FIELD_CONTROLS[field] && $(FIELD_CONTROLS[field]);
  if (!control || control.type !== "number") return null;
  const { min, max } = control;
  return min !== "" && max !== "" ? { min, max } : null;
}

/** One entry of a problem's ``errors``: the field's label and what is wrong, in the page's words. */
export function describeFieldError(item) {
  const field = String(item.field || "body");
  const name = field.split(".")[0];
  const type = String(item.type || "");
  const limits = RANGE_ERRORS.has(type) ? controlLimits(name) : null;
  const message = limits
    ? t("fielderr_range", limits)
    : tOr("fielderr_" + type, t("fielderr_generic"));
  return { field, label: tOr("field_" + name, field), message };
}

/** The box shown for a failed request: the page's text first, the server's words on demand. */
export function renderProblem(problem) {
  const children = [el("p", { className: "error-kicker", text: t("error_heading") })];
  if (problem.local) {
    children.push(
      el("h2", { className: "error-title", text: problem.title }),
      el("p", { className: "error-text", text: problem.text }),
    );
    return children;
  }
  const { title, text } = describeProblem(problem);
  children.push(
    el("h2", { className: "error-title", text: `${title} (${problem.status})` }),
    el("p", { className: "error-text", text }),
  );
  if (problem.errors.length) {
    const list = el("ul", { className: "error-fields" });
    for (const item of problem.errors) {
      const { field, label, message } = describeFieldError(item);
      list.append(el("li", { "data-field": field }, [el("strong", { text: label }), ": " + message]));
    }
    children.push(el("p", { text: t("error_fields") }), list);
  }
  if (problem.status === 429 && problem.retryAfter) {
    children.push(el("p", { text: t("error_retry", { s: problem.retryAfter }) }));
  }
  children.push(serverDetails(problem));
  return children;
}

function serverDetails(problem) {
  const details = el("details", { className: "error-server" }, [
    el("summary", { text: t("error_server") }),
  ]);
  const said = el("div", { lang: "en" }, [
    el("p", { className: "error-server-title", text: `${problem.title} (${problem.status})` }),
    el("p", { className: "error-detail", text: problem.detail }),
  ]);
  if (problem.type) said.append(el("p", {}, [el("code", { text: problem.type })]));
  if (problem.errors.length) {
    const list = el("ul", { className: "error-fields" });
    for (const item of problem.errors) {
      list.append(
        el("li", {}, [el("code", { text: item.field || "body" }), ": " + (item.message || "")]),
      );
    }
    said.append(list);
  }
  details.append(said);
  if (problem.requestId) {
    details.append(
      el("p", { className: "error-request-id", text: t("error_request_id", { id: problem.requestId }) }),
    );
  }
  return details;
}

/** A response warning in the page's words when it is a known kind, and the server's text. */
export function describeWarning(warning, result) {
  const isObject = warning !== null && typeof warning === "object";
  const said = isObject ? String(warning.message || warning.detail || "") : String(warning);
  const code = isObject ? String(warning.code || warning.type || "") : "";
  const words = code + " " + said;
  let text = null;
  if (/\bnot indonesian\b|\blanguage\b/i.test(words) && result.language) {
    text = t("warning_language", { lang: languageName(result.language) });
  } else if (/\bhtml\b|\bmarkup\b/i.test(words)) {
    text = t("warning_html");
  }
  return text ? { text, server: said } : { text: said, server: "" };
}
