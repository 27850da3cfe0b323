import type { Root } from "mdast";
import { remark } from "remark";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import { absoluteLinks } from "@/lib/feeds/absolute-links";

const SOURCE = /^source:(\d+)$/;

/**
 * A wire's Markdown made readable away from the archive: `[text](source:N)` points at the N-th
 * source's address (a citation of a source the wire lacks keeps its text and loses the link), and
 * relative links become absolute against the wire's page. Markdown with neither comes back as it was.
 */
export async function resolveSourceLinks(markdown: string, sources: { position: number; url: string }[], pageUrl: string): Promise<string> {
  let text = markdown;
  if (/source:\d/.test(markdown)) {
    const byPosition = new Map(sources.map((source) => [source.position, source.url]));
    const rewrite = () => (tree: Root) => {
      visit(tree, (node, index, parent) => {
        if (node.type !== "link" && node.type !== "definition") return;
        const position = SOURCE.exec(node.url)?.[1];
        if (position === undefined) return;
        const url = byPosition.get(Number(position));
        if (url !== undefined) {
          node.url = url;
          return;
        }
        if (node.type === "link" && parent && index !== undefined) {
          parent.children.splice(index, 1, ...node.children);
          return index;
        }
        node.url = pageUrl;
      });
    };
    text = String(await remark().use(remarkGfm).use(rewrite).process(markdown));
  }
  return absoluteLinks(text, pageUrl);
}
