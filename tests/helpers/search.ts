import { expect } from "vitest";
import { NextRequest } from "next/server";
import type { SourcingStandard, WireStatus } from "@/lib/db/generated/enums";
import { parseArchiveQuery, queryProblems, type ArchiveQuery, type SearchParams } from "@/lib/search/archive-query";
import { loadSearchIndex } from "@/lib/search/load-search-index";
import { searchArchive, type SearchResult } from "@/lib/search/search-archive";
import { loadTaxonomy, type Taxonomy } from "@/lib/search/taxonomy";
import { testDb } from "./database";
import { insertWire, type WireSeed } from "./fixtures";

/** A wire for search tests: insertWire, then the text and sourcing standard it cannot set itself. */
export type SearchSeed = WireSeed & {
  summary?: string;
  body?: string;
  standard?: SourcingStandard;
};

export async function insertSearchWire(seed: SearchSeed): Promise<void> {
  const { summary, body, standard, ...rest } = seed;
  await insertWire(rest);
  if (summary === undefined && body === undefined && standard === undefined) return;
  const { prisma } = await testDb();
  await prisma.wire.update({
    where: { id: seed.id },
    data: { ...(summary !== undefined && { summary }), ...(body !== undefined && { body }), ...(standard !== undefined && { sourcingStandard: standard }) },
  });
}

/** What the tests know about each listed-or-not wire: the oracle filters and orders these. */
export type KnownWire = {
  id: string;
  occurredOn: string;
  severity: number;
  standard: SourcingStandard;
  status: WireStatus;
  providers: string[];
  codes: string[];
};

/** The shipped content (content/wires), all OpenAI's. */
export const SHIPPED: KnownWire[] = [
  { id: "AIW-2022-0001", occurredOn: "2022-04-06", severity: 4, standard: "STANDARD", status: "PUBLISHED", providers: ["openai"], codes: ["C1", "M4", "F1"] },
  { id: "AIW-2022-0002", occurredOn: "2022-05-18", severity: 4, standard: "STANDARD", status: "PUBLISHED", providers: ["openai"], codes: ["M1", "F2"] },
  { id: "AIW-2022-0003", occurredOn: "2022-06-28", severity: 5, standard: "PROVISIONAL", status: "PUBLISHED", providers: ["openai"], codes: ["S2", "S1"] },
  { id: "AIW-2022-0004", occurredOn: "2022-07-14", severity: 5, standard: "PROVISIONAL", status: "PUBLISHED", providers: ["openai"], codes: ["F5", "M4"] },
  { id: "AIW-2022-0005", occurredOn: "2022-07-18", severity: 4, standard: "STANDARD", status: "PUBLISHED", providers: ["openai"], codes: ["S3"] },
  { id: "AIW-2022-0006", occurredOn: "2022-07-20", severity: 3, standard: "STANDARD", status: "PUBLISHED", providers: ["openai"], codes: ["M1", "M2", "M3", "F7", "S6"] },
  { id: "AIW-2022-0007", occurredOn: "2022-08-31", severity: 4, standard: "STANDARD", status: "PUBLISHED", providers: ["openai"], codes: ["C2", "F7"] },
  { id: "AIW-2022-0008", occurredOn: "2022-11-03", severity: 3, standard: "STANDARD", status: "PUBLISHED", providers: ["openai"], codes: ["M1", "F10"] },
  { id: "AIW-2023-0009", occurredOn: "2023-10-03", severity: 5, standard: "STANDARD", status: "PUBLISHED", providers: ["openai"], codes: ["S5", "C1"] },
  { id: "AIW-2023-0010", occurredOn: "2023-10-19", severity: 3, standard: "STANDARD", status: "PUBLISHED", providers: ["openai"], codes: ["C3", "M1", "F7", "F12", "S4"] },
];

/**
 * Wires added on top of the shipped ones: six providers, codes of all four families, every
 * severity, standard and status, dates from 2021 to 2025 (one on 29 February, two on one day).
 * Made-up words carry the text tests: "quokka" in a headline (AIW-2025-0002), a summary
 * (AIW-2024-0005) and a body (AIW-2021-0001); "purple wombat" as a phrase only in AIW-2024-0001.
 */
export const FIXTURES: (SearchSeed & KnownWire & { headline: string })[] = [
  {
    id: "AIW-2021-0001",
    occurredOn: "2021-06-15",
    severity: 2,
    standard: "STANDARD",
    status: "PUBLISHED",
    providers: ["google"],
    codes: ["M3"],
    headline: "Imagen research preview stays closed to the public",
    summary: "Google kept its Imagen text-to-image model to a research preview.",
    body: "Google said Imagen would stay closed; its demonstration showed a quokka in a hat [source](source:1).",
  },
  {
    id: "AIW-2024-0001",
    occurredOn: "2024-02-29",
    severity: 2,
    standard: "CONFIRMED",
    status: "PUBLISHED",
    providers: ["google"],
    codes: ["M1", "S1"],
    headline: "Gemini pauses images of people after purple wombat complaints",
    summary: "Google paused Gemini's images of people.",
    body: "Users had asked for pictures of people [source](source:1).",
  },
  {
    id: "AIW-2024-0002",
    occurredOn: "2024-03-05",
    severity: 1,
    standard: "STANDARD",
    status: "CORRECTED",
    providers: ["microsoft", "openai"],
    codes: ["C1", "F1"],
    headline: "Copilot Designer produces violent imagery",
    summary: "An engineer wrote to regulators about Copilot Designer.",
    body: "The letter described the outputs [source](source:1).",
  },
  {
    id: "AIW-2024-0003",
    occurredOn: "2024-03-20",
    severity: 3,
    standard: "PROVISIONAL",
    status: "WITHDRAWN",
    providers: ["stability-ai"],
    codes: ["M2"],
    headline: "Stable Diffusion 3 waitlist opens",
    summary: "Stability AI opened a waitlist.",
    body: "The waitlist opened [source](source:1).",
  },
  {
    id: "AIW-2024-0004",
    occurredOn: "2024-12-31",
    severity: 4,
    standard: "STANDARD",
    status: "MERGED",
    mergedIntoId: "AIW-2024-0003",
    providers: ["midjourney"],
    codes: ["C2"],
    headline: "Midjourney quokka and purple wombat duplicate report",
    summary: "A duplicate, merged into another wire.",
    body: "Merged [source](source:1).",
  },
  {
    id: "AIW-2025-0001",
    occurredOn: "2025-01-01",
    severity: 5,
    standard: "CONFIRMED",
    status: "PUBLISHED",
    providers: ["adobe"],
    codes: ["F7", "S3"],
    headline: "Firefly adds content credentials",
    summary: "Adobe attached content credentials to Firefly images.",
    body: "Credentials are attached [source](source:1).",
  },
  {
    id: "AIW-2025-0002",
    occurredOn: "2025-01-01",
    severity: 2,
    standard: "STANDARD",
    status: "PUBLISHED",
    providers: ["adobe"],
    codes: ["M1"],
    headline: "Firefly quokka generator opens to everyone",
    summary: "Adobe opened its generator to every user.",
    body: "Anyone can now use it [source](source:1).",
  },
  {
    id: "AIW-2024-0005",
    occurredOn: "2024-07-09",
    severity: 3,
    standard: "CONFIRMED",
    status: "PUBLISHED",
    providers: ["stability-ai", "google"],
    codes: ["S2", "M4"],
    headline: "Joint watermark pledge for image models",
    summary: "Signatories showed a quokka beside a wombat that was not purple.",
    body: "The pledge covers watermarks [source](source:1).",
  },
];

export async function seedFixtures(fixtures = FIXTURES): Promise<void> {
  for (const fixture of fixtures) await insertSearchWire(fixture);
}

export const ALL_KNOWN: KnownWire[] = [...SHIPPED, ...FIXTURES];

/** A query from URL-style parameters; throws with the problems when it does not parse. */
export function query(params: SearchParams): ArchiveQuery {
  const parsed = parseArchiveQuery(params);
  if (!parsed.success) throw new Error(`query did not parse: ${JSON.stringify(queryProblems(parsed.error))}`);
  return parsed.data;
}

/** The parameters a parse rejected (empty when it parsed). */
export function rejectedParams(params: SearchParams): string[] {
  const parsed = parseArchiveQuery(params);
  return parsed.success ? [] : [...new Set(queryProblems(parsed.error).map((problem) => problem.param))];
}

export async function search(params: SearchParams, limit?: number): Promise<SearchResult> {
  return searchArchive(query(params), limit === undefined ? {} : { limit });
}

export const idsOf = (result: SearchResult) => result.items.map((item) => item.id);

/** Follows one direction's cursors from `start` to the end; every page's ids. */
export async function walkPages(params: SearchParams, start: SearchResult, dir: "older" | "newer", limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let page = start;
  for (let guard = 0; guard < 200; guard += 1) {
    const cursor = dir === "older" ? page.older : page.newer;
    if (!cursor) return pages;
    page = await search({ ...params, cursor, dir }, limit);
    expect(page.badCursor).toBe(false);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    pages.push(idsOf(page));
  }
  throw new Error("pagination did not end");
}

/** Calls the JSON API's route handler as Next.js would. */
export async function apiGet(search: string | URLSearchParams): Promise<{ status: number; body: any; headers: Headers }> {
  const { GET } = await import("@/app/api/v1/wires/route");
  const text = typeof search === "string" ? search.replace(/^\?/, "") : search.toString();
  const url = text.startsWith("/") ? `http://localhost${text}` : `http://localhost/api/v1/wires${text ? `?${text}` : ""}`;
  const response = await GET(new NextRequest(url));
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** URLSearchParams from a params object (arrays become repeated keys). */
export function toSearch(params: Record<string, string | string[]>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const one of Array.isArray(value) ? value : [value]) out.append(key, one);
  return out;
}

/** The taxonomy as the search index's refresh sees it now, as a search would resolve filters against it. */
export async function currentTaxonomy(): Promise<Taxonomy> {
  return loadTaxonomy((await loadSearchIndex()).taxonomy);
}
