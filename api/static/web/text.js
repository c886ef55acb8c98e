// Finding the summary's sentences in the article as the editor pasted it, and the readable text
// of pasted HTML. Pure functions of strings (DOMParser aside): no page state.

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
export function locate(source, sentences) {
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

// The readable text of pasted HTML, one paragraph per block element. DOMParser builds an inert
// document: no scripts run and nothing is fetched.
export function htmlToText(html) {
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
