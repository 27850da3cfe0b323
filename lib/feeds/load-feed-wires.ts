import "server-only";
import { getPrisma } from "@/lib/db/get-db";

export type FeedWire = NonNullable<Awaited<ReturnType<typeof loadFeedWires>>>[number];

/** Everything one feed entry shows, for the given wires, in the given order. */
export async function loadFeedWires(ids: string[]) {
  if (ids.length === 0) return [];
  const prisma = await getPrisma();
  const rows = await prisma.wire.findMany({
    where: { id: { in: ids } },
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
      sources: {
        orderBy: { position: "asc" },
        select: { position: true, title: true, publisher: true, url: true, publishedOn: true, kind: true, archivedUrl: true },
      },
      providers: { select: { provider: { select: { slug: true, name: true } } }, orderBy: { position: "asc" } },
      codes: { select: { ref: { select: { code: true, label: true } } }, orderBy: { position: "asc" } },
      rationale: { select: { text: true, basis: true, basisLabel: true, basisDate: true, test: true, version: true, updatedAt: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    // An amended rationale updates the wire too; the later of the two is the entry's updated time either way.
    const updatedAt = row.rationale && row.rationale.updatedAt > row.updatedAt ? row.rationale.updatedAt : row.updatedAt;
    return [
      {
        ...row,
        occurredOn: row.occurredOn.toISOString().slice(0, 10),
        updatedAt: updatedAt < row.publishedAt ? row.publishedAt : updatedAt,
        sources: row.sources.map((source) => ({ ...source, publishedOn: source.publishedOn?.toISOString().slice(0, 10) ?? null })),
        providers: row.providers.map(({ provider }) => provider),
        codes: row.codes.map(({ ref }) => ref),
        rationale: row.rationale && { ...row.rationale, basisDate: row.rationale.basisDate.toISOString().slice(0, 10) },
      },
    ];
  });
}
