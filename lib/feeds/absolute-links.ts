import type { Root } from "mdast";
import { remark } from "remark";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// A link or definition whose destination has no scheme, roughly: a cheap test before a full parse.
const MAYBE_RELATIVE = /\]\(\s*<?(?![a-z][a-z0-9+.-]*:)|\]:\s*<?(?![a-z][a-z0-9+.-]*:)/i;

/**
 * The same Markdown with every relative link and image made absolute against `pageUrl`: a feed
 * entry is read far from the archive, where "/guides/editors-guide" would lead nowhere. Links with
 * a scheme (https:, mailto:, and the wires' own source:N) are left alone, and Markdown without a
 * relative link comes back untouched, byte for byte.
 */
export async function absoluteLinks(markdown: string, pageUrl: string): Promise<string> {
  if (!MAYBE_RELATIVE.test(markdown)) return markdown;
  let changed = false;
  const rewrite = () => (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== "link" && node.type !== "image" && node.type !== "definition") return;
      if (node.url === "" || HAS_SCHEME.test(node.url)) return;
      try {
        node.url = new URL(node.url, pageUrl).href;
        changed = true;
      } catch {
        // Not a URL at all: the sanitizer deals with it as it would on the page.
      }
    });
  };
  const file = await remark().use(remarkGfm).use(rewrite).process(markdown);
  return changed ? String(file) : markdown;
}
