import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { countListedWires } from "@/lib/search/count-listed-wires";

export type ProviderInFull = { slug: string; name: string; description: string; url: string | null; aliases: string[]; wireCount: number };

/**
 * Every provider with its description, other names and number of listed wires, by name. The
 * archive names dozens of providers, not thousands, so one answer holds them all.
 */
export async function listProvidersInFull(): Promise<ProviderInFull[]> {
  const prisma = await getPrisma();
  const [rows, counts] = await Promise.all([
    prisma.provider.findMany({
      orderBy: [{ name: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, name: true, description: true, url: true, aliases: { select: { alias: true }, orderBy: { alias: "asc" } } },
    }),
    countListedWires(),
  ]);
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    description: row.description,
    url: row.url,
    aliases: row.aliases.map(({ alias }) => alias).filter((alias) => alias !== row.name && alias !== row.slug),
    wireCount: counts.provider.get(row.id) ?? 0,
  }));
}
