// The interface language and the lookups every other module uses to show text.

import { MESSAGES } from "./messages.js";

let current = "id";

export function setLanguage(lang) {
  current = MESSAGES[lang] ? lang : "id";
  return current;
}

export function language() {
  return current;
}

/** Whether ``key`` has a text in the current language (or in Indonesian, the fallback). */
export function has(key) {
  return key in MESSAGES[current] || key in MESSAGES.id;
}

/** The text for ``key`` with ``{name}`` placeholders filled from ``params``. */
export function t(key, params) {
  const table = MESSAGES[current];
  let text = key in table ? table[key] : key in MESSAGES.id ? MESSAGES.id[key] : key;
  for (const [name, value] of Object.entries(params || {})) {
    text = text.split("{" + name + "}").join(String(value));
  }
  return text;
}

/** ``key``'s text when there is one, else ``fallback`` (data the server named). */
export function tOr(key, fallback, params) {
  return has(key) ? t(key, params) : fallback;
}

export function formatNumber(value, digits) {
  const locale = current === "id" ? "id-ID" : "en-US";
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits || 0 }).format(value);
}

/** A language code as a name in the interface language ("id" → "Indonesia"), else the code. */
export function languageName(code) {
  try {
    const name = new Intl.DisplayNames([current], { type: "language" }).of(code);
    return name && name !== code ? name : code;
  } catch (_err) {
    return code; // not a well-formed language code
  }
}

/** The current language's own text for ``key``, without the Indonesian fallback. */
export function own(key) {
  return MESSAGES[current][key];
}
