import { normalizeProviderName } from "@/lib/providers/normalize-provider-name";
import type { RankedProvider } from "./generation-plan";
import type { SqlSession } from "./sql-session";
import { PROVIDER_RANKS, SYNTHETIC_PROVIDERS } from "./synthetic-providers";

/**
 * Adds the fictional providers and their aliases where missing (the name and slug count as aliases,
 * as the importer does), then returns every provider synthetic wires may carry, most tagged first.
 */
export async function ensureSyntheticProviders(session: SqlSession): Promise<RankedProvider[]> {
  await session.execute(
    `INSERT INTO provider (slug, name, description) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (slug) DO NOTHING`,
    [SYNTHETIC_PROVIDERS.map((p) => p.slug), SYNTHETIC_PROVIDERS.map((p) => p.name), SYNTHETIC_PROVIDERS.map((p) => p.description)],
  );
  const slugs: string[] = [];
  const aliases: string[] = [];
  const normalized: string[] = [];
  for (const provider of SYNTHETIC_PROVIDERS) {
    const seen = new Set<string>();
    for (const alias of [provider.name, provider.slug, ...provider.aliases]) {
      const key = normalizeProviderName(alias);
      if (seen.has(key)) continue;
      seen.add(key);
      slugs.push(provider.slug);
      aliases.push(alias);
      normalized.push(key);
    }
  }
  await session.execute(
    `INSERT INTO provider_alias (provider_id, alias, normalized)
     SELECT p.id, a.alias, a.normalized FROM unnest($1::text[], $2::text[], $3::text[]) AS a(slug, alias, normalized)
     JOIN provider p ON p.slug = a.slug
     ON CONFLICT (normalized) DO NOTHING`,
    [slugs, aliases, normalized],
  );
  const rows = await session.query<{ id: number; slug: string; name: string }>(
    `SELECT id, slug, name FROM provider WHERE slug = ANY($1::text[])`,
    [[...SYNTHETIC_PROVIDERS.map((p) => p.slug), ...Object.keys(PROVIDER_RANKS)]],
  );
  const bySlug = new Map(rows.map((row) => [row.slug, { id: Number(row.id), slug: row.slug, name: row.name }]));
  const ranked: RankedProvider[] = SYNTHETIC_PROVIDERS.map((p) => bySlug.get(p.slug)!);
  // The shipped providers slot in at their ranks, when the archive has them.
  for (const [slug, rank] of Object.entries(PROVIDER_RANKS).sort((a, b) => a[1] - b[1])) {
    const provider = bySlug.get(slug);
    if (provider) ranked.splice(rank - 1, 0, provider);
  }
  return ranked;
}
