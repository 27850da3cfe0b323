import "server-only";
import type { ProviderRef } from "@/lib/providers/resolve-providers";
import type { QueryProblem } from "@/lib/search/archive-query";
import { indexFilterOf, selectionProblems } from "@/lib/search/index-filter";
import { loadSearchIndex } from "@/lib/search/load-search-index";
import { matchText } from "@/lib/search/match-text";
import { resolveFilters } from "@/lib/search/resolve-filters";
import type { ExportQuery } from "./export-query";
import { loadExportNames } from "./load-export-names";
import type { ExportNames } from "./load-export-wires";

/** Up to this many matches are sorted by themselves. */
const FEW_MATCHES = 4_096;

export type ExportSelection =
  | {
      status: "ok";
      /** How many wires the export holds. */
      total: number;
      /** The matching wires' ordinals, newest first by event date, `size` at a time (the first batch `first`). */
      batches(size: number, first?: number): Generator<number[]>;
      providers: ProviderRef[];
      codes: string[];
      /** Provider and code names, for the rows. */
      names: ExportNames;
    }
  | { status: "invalid"; problems: QueryProblem[] };

/**
 * Every wire an archive search matches: the same filters and text matching as /archive, through
 * the same search index, so an export holds exactly the archive's matches (merged wires stay out,
 * withdrawn ones stay in). Only ordinals are held, one bit per wire in the archive; the wires
 * themselves are read a batch at a time as the file is written.
 *
 * Unknown providers or codes, and text the archive cannot search, are refused by name: /archive
 * shows a notice and ignores such text, but a file cannot carry a notice.
 */
export async function selectExportWires(query: ExportQuery): Promise<ExportSelection> {
  const index = await loadSearchIndex();
  const [names, resolved] = await Promise.all([loadExportNames(index.taxonomy), resolveFilters(index, query.provider, query.code)]);
  const text = query.q ? await matchText(query.q, index) : undefined;
  const problems = selectionProblems(resolved, text);
  if (problems.length > 0) return { status: "invalid", problems };
  const filter = indexFilterOf(query, resolved, text?.bits);
  const mask = index.mask(filter);
  index.release(filter);
  const total = mask.count();
  // A snapshot taken now: the index replaces (never rewrites) its order when wires arrive, so a
  // long export walks one consistent list while the archive goes on changing. A few matches are
  // put in that order by themselves, not found by walking the whole archive's.
  const order = total <= FEW_MATCHES ? index.newestFirstOf(mask, total) : index.newestFirst();
  return {
    status: "ok",
    total,
    *batches(size: number, first = size) {
      let batch: number[] = [];
      let wanted = first;
      for (const ord of order) {
        if (!mask.has(ord)) continue;
        batch.push(ord);
        if (batch.length === wanted) {
          yield batch;
          batch = [];
          wanted = size;
        }
      }
      if (batch.length > 0) yield batch;
    },
    providers: resolved.providers,
    codes: resolved.codes,
    names,
  };
}
