import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-db";

/** The providers and codes the archive's facets name, read once per change to them. */
export type Taxonomy = {
  digest: string;
  providers: Map<number, { id: number; slug: string; name: string }>;
  /** In the taxonomy's order: by family, then number. */
  codes: { code: string; label: string }[];
};

/**
 * The digest of what the facets show of the providers and codes: the search index's refresh reads it
 * on every search (load-search-index.ts), so the taxonomy is read again only after it changed.
 */
export const TAXONOMY_DIGEST_SQL = Prisma.sql`(SELECT md5(
  coalesce((SELECT string_agg(id || ' ' || slug || ' ' || name, E'\\n' ORDER BY id) FROM provider), '') || E'\\n\\n' ||
  coalesce((SELECT string_agg(code || ' ' || label, E'\\n' ORDER BY code) FROM code), '')))`;

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
  const [providers, codes] = await Promise.all([
    prisma.provider.findMany({ select: { id: true, slug: true, name: true } }),
    prisma.code.findMany({ select: { code: true, label: true }, orderBy: [{ familyLetter: "asc" }, { number: "asc" }] }),
  ]);
  return { digest, providers: new Map(providers.map((provider) => [provider.id, provider])), codes };
}
