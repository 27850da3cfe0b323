import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { resolveProviders, type ProviderRef } from "@/lib/providers/resolve-providers";
import type { FacetIndex } from "./facet-index";
import { loadTaxonomy } from "./taxonomy";

export type ResolvedFilters = {
  providers: ProviderRef[];
  codes: string[];
  unknownProviders: { value: string; suggestion?: { slug: string; name: string } }[];
  unknownCodes: string[];
};

/**
 * Turns the provider and code values of a query into what the index knows: provider names and
 * aliases in any case, codes in any case, a family letter ("M") for all of its codes. Values that
 * match nothing are named, with the closest provider name when one is near (pg_trgm). Known values
 * are resolved in memory, from the taxonomy as of the search index's last refresh (loadTaxonomy).
 */
export async function resolveFilters(index: Pick<FacetIndex, "taxonomy">, providerValues: string[], codeValues: string[]): Promise<ResolvedFilters> {
  const taxonomy = await loadTaxonomy(index.taxonomy);
  const providers = resolveProviders(providerValues, taxonomy);
  const codes = new Set<string>();
  const unknownCodes: string[] = [];
  for (const value of codeValues) {
    const upper = value.toUpperCase();
    const matches = /^[A-Z]$/.test(upper) ? taxonomy.codes.filter((row) => row.family === upper) : taxonomy.codes.filter((row) => row.code === upper);
    if (matches.length === 0) unknownCodes.push(value);
    for (const row of matches) codes.add(row.code);
  }
  const unknownProviders = await Promise.all(
    providers.unknown.map(async (value) => {
      const prisma = await getPrisma();
      const [near] = await prisma.$queryRaw<{ slug: string; name: string }[]>`
        SELECT p.slug, p.name FROM provider_alias a JOIN provider p ON p.id = a.provider_id
        WHERE similarity(lower(a.alias), lower(${value})) > 0.3
        ORDER BY similarity(lower(a.alias), lower(${value})) DESC, p.name LIMIT 1`;
      return { value, suggestion: near };
    }),
  );
  return { providers: providers.found, codes: [...codes].sort(), unknownProviders, unknownCodes };
}
