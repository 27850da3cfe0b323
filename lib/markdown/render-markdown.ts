import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { Root } from "mdast";

export type SourceLink = { position: number; url: string; title: string };

const schema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, a: [...(defaultSchema.attributes?.a ?? []), "title", "rel"] },
};

// Guides are the archive's own documents: their headings get plain ids so that pages can link to
// a section (#severity-rubric). Text from editors keeps the "user-content-" prefix on any id.
const anchoredSchema = { ...schema, clobberPrefix: "" };

/** Points `[source](source:N)` links at the wire's N-th source; unknown ones lose their link. */
function citeSources(sources: SourceLink[]) {
  return () => (tree: Root) => {
    visit(tree, "link", (node) => {
      const match = /^source:(\d+)$/.exec(node.url);
      if (!match) return;
      const source = sources.find((candidate) => candidate.position === Number(match[1]));
      node.url = source ? source.url : "";
      node.title = source ? `Source ${source.position}: ${source.title}` : null;
    });
  };
}

/**
 * Markdown to HTML that is safe to insert: raw HTML is dropped by remark-rehype and
 * rehype-sanitize runs last, so neither content files nor editors can inject markup or script.
 */
export async function renderMarkdown(markdown: string, sources: SourceLink[] = [], options: { anchors?: boolean } = {}): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(citeSources(sources))
    .use(remarkRehype)
    .use(options.anchors ? [rehypeSlug] : [])
    .use(rehypeSanitize, options.anchors ? anchoredSchema : schema)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}
