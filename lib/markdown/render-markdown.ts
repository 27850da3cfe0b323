import { LRUCache } from "lru-cache";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { Root } from "mdast";
import type { VFile } from "vfile";

export type SourceLink = { position: number; url: string; title: string };

const schema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, a: [...(defaultSchema.attributes?.a ?? []), "title", "rel"] },
};

// Guides are the archive's own documents: their headings get plain ids so that pages can link to
// a section (#severity-rubric). Text from editors keeps the "user-content-" prefix on any id.
const anchoredSchema = { ...schema, clobberPrefix: "" };

/** Points `[source](source:N)` links at the file's N-th source (file.data.sources); unknown ones lose their link. */
function citeSources() {
  return (tree: Root, file: VFile) => {
    const sources = (file.data.sources ?? []) as SourceLink[];
    visit(tree, "link", (node) => {
      const match = /^source:(\d+)$/.exec(node.url);
      if (!match) return;
      const source = sources.find((candidate) => candidate.position === Number(match[1]));
      node.url = source ? source.url : "";
      node.title = source ? `Source ${source.position}: ${source.title}` : null;
    });
  };
}

// Built once: a processor's plugins (GFM's syntax extensions above all) cost more to set up than a
// wire's few paragraphs cost to render.
const processors = {
  plain: unified().use(remarkParse).use(remarkGfm).use(citeSources).use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify).freeze(),
  anchored: unified().use(remarkParse).use(remarkGfm).use(citeSources).use(remarkRehype).use(rehypeSlug).use(rehypeSanitize, anchoredSchema).use(rehypeStringify).freeze(),
};

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
  const kind = options.anchors ? "anchored" : "plain";
  const key = `${kind}\u0000${JSON.stringify(sources)}\u0000${markdown}`;
  const kept = rendered.get(key);
  if (kept !== undefined) return kept;
  const html = String(await processors[kind].process({ value: markdown, data: { sources } }));
  rendered.set(key, html);
  return html;
}
