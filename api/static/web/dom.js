// The two DOM helpers the page's modules share.

export const $ = (id) => document.getElementById(id);

/** A new element: ``text`` and ``className`` set as properties, anything else as attributes. */
export function el(tag, props, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children || []) node.append(child);
  return node;
}
