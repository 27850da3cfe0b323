import type { Taxonomy } from "@/lib/search/taxonomy";
import { normalizeProviderName } from "./normalize-provider-name";

export type ProviderRef = { id: number; slug: string; name: string };

/** Finds providers by slug, name or alias, whatever the case or spacing; names what it cannot find. */
export function resolveProviders(values: string[], taxonomy: Taxonomy): { found: ProviderRef[]; unknown: string[] } {
  const found = new Map<number, ProviderRef>();
  const unknown: string[] = [];
  for (const value of values) {
    const id = taxonomy.aliases.get(normalizeProviderName(value));
    const provider = id === undefined ? undefined : taxonomy.providers.get(id);
    if (provider) found.set(provider.id, provider);
    else unknown.push(value);
  }
  return { found: [...found.values()], unknown };
}
