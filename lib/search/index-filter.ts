import type { ArchiveQuery, QueryProblem } from "./archive-query";
import type { Bitset } from "./bitset";
import { STANDARD_CODES, STATUS_CODES, dayOf, type IndexFilter } from "./facet-index";
import type { ResolvedFilters } from "./resolve-filters";

type Filters = Pick<ArchiveQuery, "severity" | "standard" | "status" | "from" | "to">;

/** The search index's filter for an archive query whose providers and codes are resolved; `text`, the wires its text matches. */
export function indexFilterOf(query: Filters, resolved: ResolvedFilters, text?: Bitset): IndexFilter {
  return {
    providerIds: resolved.providers.map((provider) => provider.id),
    codes: resolved.codes,
    severity: query.severity,
    standards: query.standard.map((s) => STANDARD_CODES[s.toUpperCase() as keyof typeof STANDARD_CODES]),
    statuses: query.status.map((s) => STATUS_CODES[s.toUpperCase() as keyof typeof STATUS_CODES]),
    fromDay: query.from ? dayOf(query.from) : undefined,
    toDay: query.to ? dayOf(query.to) : undefined,
    text,
  };
}

/**
 * What feeds and exports refuse by name, where /archive shows a notice instead: unknown providers (with
 * the nearest name) and codes, and text with nothing the archive can search.
 */
export function selectionProblems(resolved: ResolvedFilters, text?: { searchable: boolean }): QueryProblem[] {
  const problems: QueryProblem[] = [
    ...resolved.unknownProviders.map(({ value, suggestion }) => ({
      param: "provider",
      message: `no provider is called “${value}”${suggestion ? `; did you mean ${suggestion.slug}?` : ""}`,
    })),
    ...resolved.unknownCodes.map((value) => ({ param: "code", message: `no code ${value} in the archive's taxonomy` })),
  ];
  if (text && !text.searchable) problems.push({ param: "q", message: "has no words the archive indexes (only very common words or operators)" });
  return problems;
}
