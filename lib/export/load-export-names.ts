import "server-only";
import { loadTaxonomy } from "@/lib/search/taxonomy";
import type { ExportNames } from "./load-export-wires";

let cached: { digest: string; names: ExportNames } | undefined;

/**
 * Every provider's slug and name and every code's label, for the rows: from the taxonomy the search
 * reads (lib/search/taxonomy.ts), as of `digest`, the search index's last refresh. Read again only
 * after providers or codes change, so an export waits for no query of its own.
 */
export async function loadExportNames(digest: string): Promise<ExportNames> {
  if (cached?.digest === digest) return cached.names;
  const taxonomy = await loadTaxonomy(digest);
  const names: ExportNames = {
    providers: new Map([...taxonomy.providers].map(([id, { slug, name }]) => [id, { slug, name }])),
    codes: new Map(taxonomy.codes.map(({ code, label }) => [code, label])),
  };
  cached = { digest, names };
  return names;
}
