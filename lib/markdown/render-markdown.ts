import { LRUCache } from "lru-cache";
import { runMarkdownPipeline } from "./markdown-pipeline";
import { plainMarkdownHtml } from "./plain-markdown";

export type SourceLink = { position: number; url: string; title: string };

/**
 * Rendered texts, by their Markdown, sources and kind: guides and popular wires are rendered once
 * while they stay the same (the text is the key, so an edit is a new entry, never a stale one).
 */
const rendered = new LRUCache<string, string>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (html, key) => html.length + key.length });

/**
 * Markdown to HTML that is safe to insert: raw HTML is dropped by remark-rehype and
 * rehype-sanitize runs last, so neither content files nor editors can inject markup or script.
 */
export async function renderMarkdown(markdown: string, sources: SourceLink[] = [], options: { anchors?: boolean } = {}): Promise<string> {
  // Plain prose citing sources (nearly every wire's body and rationale) is written directly, in microseconds.
  if (!options.anchors) {
    const plain = plainMarkdownHtml(markdown, sources);
    if (plain !== undefined) return plain;
  }
  const anchors = options.anchors === true;
  const key = `${anchors}\u0000${JSON.stringify(sources)}\u0000${markdown}`;
  const kept = rendered.get(key);
  if (kept !== undefined) return kept;
  const html = await runMarkdownPipeline(markdown, sources, anchors);
  rendered.set(key, html);
  return html;
}
