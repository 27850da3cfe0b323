import { NextResponse, type NextRequest } from "next/server";
import { archiveHref, parseArchiveQuery, queryProblems, searchParamsOf } from "@/lib/search/archive-query";
import { searchArchive } from "@/lib/search/search-archive";
import { wirePath } from "@/lib/wires/wire-card";

/**
 * GET /api/v1/wires: the archive's search as JSON, with exactly the parameters of /archive.
 * Bad parameters get a 400 naming each one; errors never carry a stack trace.
 */
export async function GET(request: NextRequest) {
  const parsed = parseArchiveQuery(searchParamsOf(request.nextUrl.searchParams));
  if (!parsed.success) {
    return NextResponse.json({ error: "invalid_parameters", problems: queryProblems(parsed.error) }, { status: 400 });
  }
  try {
    const query = parsed.data;
    const result = await searchArchive(query);
    if (result.badCursor) {
      return NextResponse.json({ error: "invalid_parameters", problems: [{ param: "cursor", message: "not a cursor this archive made" }] }, { status: 400 });
    }
    const state = { ...query, cursor: undefined, dir: undefined };
    const link = (cursor: string | undefined, dir: "older" | "newer") => (cursor ? archiveHref({ ...state, cursor, dir }, "/api/v1/wires") : null);
    return NextResponse.json(
      {
        total: result.total,
        ordering: result.ordering,
        applied: result.applied,
        unknown: { providers: result.unknown ?? [], codes: result.unknownCodes },
        notices: result.notices,
        suggestion: result.suggestion ?? null,
        wires: result.items.map(({ highlight, ...wire }) => ({ ...wire, url: wirePath(wire), highlight: highlight ?? null })),
        facets: result.facets,
        links: { self: archiveHref(query, "/api/v1/wires"), older: link(result.older, "older"), newer: link(result.newer, "newer"), html: archiveHref(query) },
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error("[api] search failed", error);
    return NextResponse.json({ error: "internal_error", message: "The search could not be run. Please try again." }, { status: 500 });
  }
}
