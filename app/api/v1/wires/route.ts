import type { NextRequest } from "next/server";
import { apiSearchPath } from "@/lib/api/api-paths";
import { apiJson, invalidParameters } from "@/lib/api/api-response";
import { preflight } from "@/lib/api/cors";
import { WireList } from "@/lib/api/schemas/wire-list";
import { serveApi } from "@/lib/api/serve-api";
import { archiveHref, parseArchiveQuery, queryProblems, searchParamsOf } from "@/lib/search/archive-query";
import { searchArchive } from "@/lib/search/search-archive";
import { facetLists } from "@/lib/api/facet-lists";
import { providerRef, wireSummary } from "@/lib/api/wire-summary";

/**
 * GET /api/v1/wires: the archive's search as JSON, with exactly the parameters of /archive and its
 * cursors. Bad parameters get a 400 naming each one.
 */
export async function GET(request: NextRequest) {
  return serveApi(request, async () => {
    const parsed = parseArchiveQuery(searchParamsOf(request.nextUrl.searchParams));
    if (!parsed.success) return invalidParameters(queryProblems(parsed.error));
    const query = parsed.data;
    const result = await searchArchive(query);
    if (result.badCursor) return invalidParameters([{ param: "cursor", message: "not a cursor this archive made" }]);
    const state = { ...query, cursor: undefined, dir: undefined };
    const link = (cursor: string | undefined, dir: "older" | "newer") => (cursor ? apiSearchPath({ ...state, cursor, dir }) : null);
    return apiJson(request, WireList, {
      total: result.total,
      ordering: result.ordering,
      applied: { provider: result.applied.provider, code: result.applied.code },
      unknown: {
        providers: (result.unknown ?? []).map(({ value, suggestion }) => ({ value, ...(suggestion ? { suggestion: providerRef(suggestion) } : {}) })),
        codes: result.unknownCodes,
      },
      notices: result.notices,
      suggestion: result.suggestion ?? null,
      wires: result.items.map(wireSummary),
      facets: facetLists(result.facets),
      links: { self: apiSearchPath(query), older: link(result.older, "older"), newer: link(result.newer, "newer"), html: archiveHref(query) },
    });
  });
}

export function OPTIONS() {
  return preflight();
}
