import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db/get-db";
import { countListedWires } from "@/lib/search/count-listed-wires";
import { normalizeProviderName } from "./normalize-provider-name";

/**
 * A provider by slug. When `slug` is not a slug but one of the provider's names or aliases,
 * the result says so, so that the page can redirect to the canonical address.
 */
async function readProvider(slug: string) {
  const prisma = await getPrisma();
  const select = {
    id: true,
    slug: true,
    name: true,
    description: true,
    url: true,
    aliases: { select: { alias: true }, orderBy: { alias: "asc" as const } },
  };
  const provider =
    (await prisma.provider.findUnique({ where: { slug }, select })) ??
    (await prisma.providerAlias.findUnique({ where: { normalized: normalizeProviderName(slug) }, select: { provider: { select } } }))?.provider;
  if (!provider) return null;
  const counts = await countListedWires();
  return {
    id: provider.id,
    slug: provider.slug,
    name: provider.name,
    description: provider.description,
    url: provider.url,
    aliases: provider.aliases.map((row) => row.alias).filter((alias) => alias !== provider.name && alias !== provider.slug),
    wireCount: counts.provider.get(provider.id) ?? 0,
  };
}

/** Cached for the request: the page and its metadata read it once. */
export const getProvider = cache(readProvider);
