import "server-only";
import { LISTED_WIRE, listedWireCount } from "@/lib/wires/listed-wire";
import { getPrisma } from "@/lib/db/get-db";

export type ProviderSummary = { slug: string; name: string; wireCount: number };

/** Providers with at least one wire, most wires first. */
export async function listProviders(): Promise<ProviderSummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.provider.findMany({
    where: { wires: { some: LISTED_WIRE } },
    select: { slug: true, name: true, ...listedWireCount },
  });
  return rows
    .map((row) => ({ slug: row.slug, name: row.name, wireCount: row._count.wires }))
    .sort((a, b) => b.wireCount - a.wireCount || a.name.localeCompare(b.name));
}
