import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-db";

/** The providers and codes that searches resolve and facets name, read once per change to them. */
export type Taxonomy = {
  digest: string;
  providers: Map<number, { id: number; slug: string; name: string }>;
  /** Every provider alias in its normalized form (normalizeProviderName), to its provider's id. */
  aliases: Map<string, number>;
  /** In the taxonomy's order: by family, then number. */
  codes: { code: string; family: string; label: string }[];
};

/**
 * The digest of what searches read of the providers, their aliases and the codes: the search index's
 * refresh reads it on every search (load-search-index.ts), so the taxonomy is read again only after it changed.
 */
export const TAXONOMY_DIGEST_SQL = Prisma.sql`(SELECT md5(
  coalesce((SELECT string_agg(id || ' ' || slug || ' ' || name, E'\\n' ORDER BY id) FROM provider), '') || E'\\n\\n' ||
  coalesce((SELECT string_agg(normalized || ' ' || provider_id, E'\\n' ORDER BY normalized) FROM provider_alias), '') || E'\\n\\n' ||
  coalesce((SELECT string_agg(code || ' ' || family_letter || ' ' || label, E'\\n' ORDER BY code) FROM code), '')))`;

let current: Promise<Taxonomy> | undefined;
let currentDigest: string | undefined;

/** The taxonomy as of `digest` (from the index's last refresh). */
export function loadTaxonomy(digest: string): Promise<Taxonomy> {
  if (current && currentDigest === digest) return current;
  currentDigest = digest;
  current = readTaxonomy(digest);
  current.catch(() => {
    if (currentDigest === digest) current = currentDigest = undefined;
  });
  return current;
}

async function readTaxonomy(digest: string): Promise<Taxonomy> {
  const prisma = await getPrisma();
  const [providers, aliases, codes] = await Promise.all([
    prisma.provider.findMany({ select: { id: true, slug: true, name: true } }),
    prisma.providerAlias.findMany({ select: { normalized: true, providerId: true } }),
    prisma.code.findMany({ select: { code: true, familyLetter: true, label: true }, orderBy: [{ familyLetter: "asc" }, { number: "asc" }] }),
  ]);
  return {
    digest,
    providers: new Map(providers.map((provider) => [provider.id, provider])),
    aliases: new Map(aliases.map((alias) => [alias.normalized, alias.providerId])),
    codes: codes.map(({ code, familyLetter, label }) => ({ code, family: familyLetter, label })),
  };
}
