import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { normalizeProviderName } from "./normalize-provider-name";

export type ProviderRef = { id: number; slug: string; name: string };

/** Finds providers by slug, name or alias, whatever the case or spacing; names what it cannot find. */
export async function resolveProviders(values: string[]): Promise<{ found: ProviderRef[]; unknown: string[] }> {
  if (values.length === 0) return { found: [], unknown: [] };
  const prisma = await getPrisma();
  const keys = values.map(normalizeProviderName);
  const rows = await prisma.providerAlias.findMany({
    where: { normalized: { in: keys } },
    select: { normalized: true, provider: { select: { id: true, slug: true, name: true } } },
  });
  const byKey = new Map(rows.map((row) => [row.normalized, row.provider]));
  const found = new Map<number, ProviderRef>();
  const unknown: string[] = [];
  values.forEach((value, index) => {
    const provider = byKey.get(keys[index]!);
    if (provider) found.set(provider.id, provider);
    else unknown.push(value);
  });
  return { found: [...found.values()], unknown };
}
