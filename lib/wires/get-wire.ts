import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db/get-db";

export type WireDetail = NonNullable<Awaited<ReturnType<typeof getWire>>>;

/**
 * One wire with everything its page shows, or null when no wire has this id.
 * Cached for the request, so that the page and its metadata read it once.
 */
export const getWire = cache(readWire);

async function readWire(id: string) {
  const prisma = await getPrisma();
  const row = await prisma.wire.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      headline: true,
      summary: true,
      body: true,
      occurredOn: true,
      publishedAt: true,
      updatedAt: true,
      severity: true,
      sourcingStandard: true,
      status: true,
      statusNote: true,
      mergedInto: { select: { id: true, slug: true, headline: true } },
      sources: {
        orderBy: { position: "asc" },
        select: { position: true, title: true, publisher: true, url: true, publishedOn: true, kind: true, archivedUrl: true },
      },
      providers: { select: { provider: { select: { slug: true, name: true } } }, orderBy: { position: "asc" } },
      codes: {
        select: { ref: { select: { code: true, label: true } } },
        orderBy: { position: "asc" },
      },
      rationale: { select: { text: true, basis: true, basisLabel: true, basisDate: true, test: true, version: true, updatedAt: true } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    occurredOn: row.occurredOn.toISOString().slice(0, 10),
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sources: row.sources.map((source) => ({ ...source, publishedOn: source.publishedOn?.toISOString().slice(0, 10) ?? null })),
    providers: row.providers.map(({ provider }) => provider),
    codes: row.codes.map(({ ref }) => ref),
    rationale: row.rationale
      ? { ...row.rationale, basisDate: row.rationale.basisDate.toISOString().slice(0, 10), updatedAt: row.rationale.updatedAt.toISOString() }
      : null,
  };
}
