import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-db";

export type NeedsReviewSort = "newest" | "oldest" | "severity";

export type NeedsReviewFilter = {
  /** A provider's slug: wires naming it. */
  provider?: string;
  /** A code such as M1: wires carrying it. */
  code?: string;
  /** 1 (gravest) to 5. */
  severity?: number;
  sort?: NeedsReviewSort;
  cursor?: string;
  limit?: number;
};

export type NeedsReviewWire = {
  id: string;
  slug: string;
  headline: string;
  severity: number;
  /** ISO time */
  publishedAt: string;
  providers: { slug: string; name: string }[];
  codes: string[];
  rationaleVersion: number;
  basisLabel: string;
};

export type NeedsReviewPage = { items: NeedsReviewWire[]; /** Pass as `cursor` for the next page. */ next?: string };

export const NEEDS_REVIEW_PAGE_SIZE = 25;

// The cursor names the last wire seen in the page's order: severity, publication time and id.
const cursorShape = z.tuple([z.int().min(1).max(5), z.iso.datetime(), z.string().min(1).max(40)]);
type Cursor = { severity: number; at: Date; id: string };

/**
 * Wires whose rationale still stands as the classification run wrote it, so an editor has not yet
 * reviewed it; merged and withdrawn wires are left out. Keyset-paged: no page repeats or skips a wire.
 */
export async function listNeedsReview(filter: NeedsReviewFilter = {}): Promise<NeedsReviewPage> {
  const prisma = await getPrisma();
  const sort = filter.sort ?? "newest";
  const limit = filter.limit ?? NEEDS_REVIEW_PAGE_SIZE;
  const cursor = filter.cursor ? decode(filter.cursor) : undefined;
  const conditions: Prisma.WireWhereInput[] = [
    { status: { notIn: ["MERGED", "WITHDRAWN"] } },
    { rationale: { basis: "CLASSIFICATION_RUN" } },
  ];
  if (filter.provider) conditions.push({ providers: { some: { provider: { slug: filter.provider } } } });
  if (filter.code) conditions.push({ codes: { some: { code: filter.code } } });
  if (filter.severity !== undefined) conditions.push({ severity: filter.severity });
  const find = (where: Prisma.WireWhereInput[], orderBy: Prisma.WireOrderByWithRelationInput[], take: number) =>
    prisma.wire.findMany({ where: { AND: where }, orderBy, take, select: needsReviewSelect });

  let rows: Awaited<ReturnType<typeof find>> = [];
  if (sort === "severity") {
    // Gravest first, then newest: one query per severity level, each walking the publication-time
    // index, so no query sorts every wire of a level (there is no index on severity and time).
    for (const level of filter.severity === undefined ? [1, 2, 3, 4, 5] : [filter.severity]) {
      if (cursor && level < cursor.severity) continue;
      const seek = cursor && level === cursor.severity ? [olderThan(cursor)] : [];
      rows = rows.concat(await find([...conditions, { severity: level }, ...seek], NEWEST, limit + 1 - rows.length));
      if (rows.length > limit) break;
    }
  } else {
    rows = await find(cursor ? [...conditions, sort === "oldest" ? newerThan(cursor) : olderThan(cursor)] : conditions, sort === "oldest" ? OLDEST : NEWEST, limit + 1);
  }
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    severity: row.severity,
    publishedAt: row.publishedAt.toISOString(),
    providers: row.providers.map(({ provider }) => provider),
    codes: row.codes.map(({ code }) => code),
    rationaleVersion: row.rationale?.version ?? 1,
    basisLabel: row.rationale?.basisLabel ?? "",
  }));
  const last = items.at(-1);
  return {
    items,
    ...(rows.length > limit && last ? { next: encode({ severity: last.severity, at: new Date(last.publishedAt), id: last.id }) } : {}),
  };
}

const NEWEST: Prisma.WireOrderByWithRelationInput[] = [{ publishedAt: "desc" }, { id: "desc" }];
const OLDEST: Prisma.WireOrderByWithRelationInput[] = [{ publishedAt: "asc" }, { id: "asc" }];

const olderThan = (cursor: Cursor): Prisma.WireWhereInput => ({ OR: [{ publishedAt: { lt: cursor.at } }, { publishedAt: cursor.at, id: { lt: cursor.id } }] });
const newerThan = (cursor: Cursor): Prisma.WireWhereInput => ({ OR: [{ publishedAt: { gt: cursor.at } }, { publishedAt: cursor.at, id: { gt: cursor.id } }] });

const needsReviewSelect = {
  id: true,
  slug: true,
  headline: true,
  severity: true,
  publishedAt: true,
  providers: { select: { provider: { select: { slug: true, name: true } } }, orderBy: { position: "asc" } },
  codes: { select: { code: true }, orderBy: { position: "asc" } },
  rationale: { select: { version: true, basisLabel: true } },
} satisfies Prisma.WireSelect;

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.severity, cursor.at.toISOString(), cursor.id])).toString("base64url");
}

/** Anything that is not a cursor this list made counts as no cursor. */
function decode(value: string): Cursor | undefined {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { severity: parsed.data[0], at: new Date(parsed.data[1]), id: parsed.data[2] } : undefined;
  } catch {
    return undefined;
  }
}
