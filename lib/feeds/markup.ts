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

/** Text without the characters XML 1.0 cannot carry (control characters, lone surrogates). */
export function cleanText(value: string): string {
  return value.replace(NOT_XML_CHAR, "");
}

/** Escapes text for element content and for attribute values in double or single quotes. */
export function escapeText(value: string): string {
  return cleanText(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function el(name: string, attrs: Record<string, string | undefined> = {}, ...children: (Child | Child[])[]): Element {
  if (!NAME.test(name)) throw new Error(`not an element name: ${name}`);
  for (const key of Object.keys(attrs)) if (!NAME.test(key)) throw new Error(`not an attribute name: ${key}`);
  const flat = children.flat().filter((child): child is Node => child !== null && child !== undefined && child !== false);
  return { name, attrs, children: flat };
}

export const raw = (html: string): Raw => ({ raw: html });

/**
 * Serializes nodes. In XML an element without children closes itself (<link ... />); an HTML
 * fragment writes <p></p> instead, since HTML reads <p/> as an opening tag.
 */
export function serialize(node: Child | Child[], mode: "xml" | "html" = "xml"): string {
  if (Array.isArray(node)) return node.map((child) => serialize(child, mode)).join("");
  if (node === false || node === null || node === undefined) return "";
  if (typeof node === "string") return escapeText(node);
  if ("raw" in node) return cleanText(node.raw);
  const attrs = Object.entries(node.attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeText(value)}"`)
    .join("");
  if (node.children.length === 0 && mode === "xml") return `<${node.name}${attrs}/>`;
  return `<${node.name}${attrs}>${serialize(node.children, mode)}</${node.name}>`;
}

/** A whole XML document, UTF-8. */
export function xmlDocument(root: Element): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${serialize(root)}\n`;
}
