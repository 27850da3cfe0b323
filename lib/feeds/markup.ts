import { escapeHtml } from "@/lib/format/escape-html";

/**
 * A small builder for XML documents and HTML fragments: values only ever enter as text or
 * attribute values, which are escaped and stripped of characters XML 1.0 forbids, so that no wire,
 * provider name or search text can break a feed or inject markup into it.
 */

export type Node = Element | Raw | string;
export type Element = { name: string; attrs: Record<string, string | undefined>; children: Node[] };
/** Markup that is already safe: only the sanitizer's output (render-markdown.ts) is wrapped in it. */
export type Raw = { raw: string };
/** What a builder may pass as a child: nothing (false, null, undefined) is skipped. */
export type Child = Node | false | null | undefined;

// Names come from this code, never from data: a bad one is a programming error.
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
// Everything but tab, newline, carriage return and the printable ranges of XML 1.0; C1 controls
// (U+007F to U+009F) are allowed by XML 1.0 but are never meant as text, so they go too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// The same test without the astral planes, and so without the slow Unicode mode: text that passes it
// (nearly all) has nothing to remove; anything else, surrogates included, takes NOT_XML_CHAR.
const MAYBE_NOT_XML_CHAR = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD]/;

/** Text without the characters XML 1.0 cannot carry (control characters, lone surrogates). */
export function cleanText(value: string): string {
  return MAYBE_NOT_XML_CHAR.test(value) ? value.replace(NOT_XML_CHAR, "") : value;
}

/** Escapes text for element content and for attribute values in double or single quotes. */
export function escapeText(value: string): string {
  return escapeHtml(cleanText(value));
}

// Names already checked: a feed builds thousands of elements from a few dozen names.
const checkedNames = new Set<string>();

function checkName(name: string, what: string): void {
  if (checkedNames.has(name)) return;
  if (!NAME.test(name)) throw new Error(`not an ${what} name: ${name}`);
  checkedNames.add(name);
}

export function el(name: string, attrs: Record<string, string | undefined> = {}, ...children: (Child | Child[])[]): Element {
  checkName(name, "element");
  for (const key of Object.keys(attrs)) checkName(key, "attribute");
  const flat = children.flat().filter((child): child is Node => child !== null && child !== undefined && child !== false);
  return { name, attrs, children: flat };
}

export const raw = (html: string): Raw => ({ raw: html });

/**
 * Serializes nodes. In XML an element without children closes itself (<link ... />); an HTML
 * fragment writes <p></p> instead, since HTML reads <p/> as an opening tag.
 */
export function serialize(node: Child | Child[], mode: "xml" | "html" = "xml"): string {
  const out: string[] = [];
  write(node, mode, out);
  return out.join("");
}

// Into one list of parts, joined once: a feed is thousands of elements, and a string per element
// and level was most of its garbage.
function write(node: Child | Child[], mode: "xml" | "html", out: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) write(child, mode, out);
    return;
  }
  if (node === false || node === null || node === undefined) return;
  if (typeof node === "string") {
    out.push(escapeText(node));
    return;
  }
  if ("raw" in node) {
    out.push(cleanText(node.raw));
    return;
  }
  out.push("<", node.name);
  for (const key in node.attrs) {
    const value = node.attrs[key];
    if (value !== undefined) out.push(" ", key, '="', escapeText(value), '"');
  }
  if (node.children.length === 0 && mode === "xml") {
    out.push("/>");
    return;
  }
  out.push(">");
  write(node.children, mode, out);
  out.push("</", node.name, ">");
}

/** A whole XML document, UTF-8. */
export function xmlDocument(root: Element): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${serialize(root)}\n`;
}
