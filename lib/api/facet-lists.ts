import type { SearchResult } from "@/lib/search/search-archive";
import type { WireListBody } from "./schemas/wire-list";

const FACETS = ["provider", "code", "severity", "standard", "status", "year"] as const;

/** The search's facets as the API documents them, field by field. */
export function facetLists(facets: SearchResult["facets"]): WireListBody["facets"] {
  const list = (name: (typeof FACETS)[number]) => facets[name].map(({ value, label, count, selected }) => ({ value, label, count, selected }));
  return { provider: list("provider"), code: list("code"), severity: list("severity"), standard: list("standard"), status: list("status"), year: list("year") };
}
