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
import type { SourceLink } from "./render-markdown";

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
 * Markdown to HTML through the whole pipeline, every time: raw HTML is dropped by remark-rehype and
 * rehype-sanitize runs last, so neither content files nor editors can inject markup or script.
 * renderMarkdown is the door the app uses; this is the pipeline behind it.
 */
export async function runMarkdownPipeline(markdown: string, sources: readonly SourceLink[], anchors: boolean): Promise<string> {
  return String(await processors[anchors ? "anchored" : "plain"].process({ value: markdown, data: { sources } }));
}
