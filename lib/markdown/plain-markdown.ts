import type { SourceLink } from "./render-markdown";

/**
 * The HTML that renderMarkdown (remark, GFM, rehype-sanitize, rehype-stringify) gives for the plainest
 * Markdown, written directly: paragraphs of prose citing sources as `[text](source:N)`, which is what
 * nearly every wire's body and rationale is. The full pipeline takes about 2 ms a body, so a feed of 50
 * entries that are in no cache spent most of its time there; this takes a few microseconds.
 *
 * Undefined for anything else, which renderMarkdown then renders: any character Markdown or GFM could
 * read as syntax (emphasis, code, HTML, entities, escapes, tables, strikethrough, autolinks, images,
 * references, footnotes), a block that could open a heading, list or quote, a line break inside a
 * paragraph, a citation of an unknown source, or a source address or title the pipeline would encode.
 * Both are compared on thousands of texts in tests/unit/feed-plain-markdown.test.ts.
 */
export function plainMarkdownHtml(markdown: string, sources: readonly SourceLink[]): string | undefined {
  if (!PLAIN_DOCUMENT.test(markdown)) return undefined;
  const paragraphs = markdown.replace(/^\n+|\n+$/g, "").split(/\n{2,}/);
  const html: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === "") continue;
    if (!PARAGRAPH_START.test(paragraph) || LIST_ITEM.test(paragraph) || /\s$/.test(paragraph) || paragraph.includes("\n")) return undefined;
    let out = "";
    let at = 0;
    for (const citation of paragraph.matchAll(CITATION)) {
      const text = paragraph.slice(at, citation.index);
      // "![...](...)" is an image.
      if (!plainText(text) || text.endsWith("!")) return undefined;
      const source = sources.find((candidate) => candidate.position === Number(citation[2]));
      if (!source || !SAFE_URL.test(source.url) || !SAFE_TITLE.test(source.title)) return undefined;
      out += `${text}<a href="${source.url}" title="${attribute(`Source ${source.position}: ${source.title}`)}">${citation[1]}</a>`;
      at = citation.index + citation[0].length;
    }
    const rest = paragraph.slice(at);
    if (!plainText(rest)) return undefined;
    html.push(`<p>${out}${rest}</p>`);
  }
  return html.join("\n");
}

// Letters, digits, spaces and a little punctuation, line feeds between paragraphs; the brackets only
// for citations (checked below). Beyond ASCII, any character of the Basic Multilingual Plane but the C1
// controls and the surrogates: Markdown gives none of them a meaning here.
const PLAIN_DOCUMENT = /^[A-Za-z0-9 \n.,;:?!'"()%/\-[\]\u00A0-\uD7FF\uE000-\uFFFD]*$/;
// A paragraph's first character: nothing that could open a heading, list, quote, code block or table.
const PARAGRAPH_START = /^[A-Za-z0-9"'(\u00C0-\u024F\u2018\u201C]/;
const LIST_ITEM = /^\d+[.)]/;
const CITATION = /\[([A-Za-z0-9](?:[A-Za-z0-9 ]*[A-Za-z0-9])?)\]\(source:(\d{1,6})\)/g;
// Text between citations: no bracket left over, and nothing GFM links by itself.
const plainText = (text: string) => !/[[\]]|(?:https?|mailto|xmpp|ftp):|www\./i.test(text);
// Addresses the pipeline passes through unchanged: http(s), characters it neither percent-encodes nor
// escapes in an attribute, and only well-formed percent escapes.
const SAFE_URL = /^https?:\/\/(?:[A-Za-z0-9\-._~:/?#@!$()*+,;=]|%[0-9A-Fa-f]{2})*$/;
// Source titles: no control characters, no lone surrogates.
const SAFE_TITLE = /^[^\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]*$/;

/** An attribute value as rehype-stringify writes it between double quotes. */
function attribute(value: string): string {
  return value.replace(/["&'`]/g, (char) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`);
}
