import type { SearchHit } from "@/lib/search/search-archive";
import { wireListItemHtml } from "./wire-list-html";

/**
 * One wire in a list: severity, providers, date, sourcing line, headline, summary, codes.
 * Search results also carry the matched words, marked in the headline and summary. Its inside is
 * written as HTML (components/wire-list-html.ts says why).
 */
export function WireListItem({ wire, headingLevel = 2 }: { wire: SearchHit; headingLevel?: 2 | 3 }) {
  return <article className="border-t border-rule py-5" aria-labelledby={`h-${wire.id}`} dangerouslySetInnerHTML={{ __html: wireListItemHtml(wire, headingLevel) }} />;
}
