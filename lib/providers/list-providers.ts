import "server-only";
import { getPrisma } from "@/lib/db/get-db";

export type ProviderSummary = { slug: string; name: string; wireCount: number };

/** Providers with at least one wire, most wires first. */
export async function listProviders(): Promise<ProviderSummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.provider.findMany({
    where: { wires: { some: {} } },
    select: { slug: true, name: true, _count: { select: { wires: true } } },
  });
  return rows
    .map((row) => ({ slug: row.slug, name: row.name, wireCount: row._count.wires }))
    .sort((a, b) => b.wireCount - a.wireCount || a.name.localeCompare(b.name));
}
