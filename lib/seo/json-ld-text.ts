/**
 * Structured data as the text of a <script type="application/ld+json">. JSON.stringify leaves
 * "</script>" and "<!--" intact, which would end or change the element: every "<" becomes \u003c
 * (">" and "&" too, and the line separators JavaScript parsers once rejected), which JSON reads back
 * as the same characters.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}
