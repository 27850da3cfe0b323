import { AsyncLocalStorage } from "node:async_hooks";
import { processWide } from "@/lib/process-wide";

/**
 * What a rendering read, so that the page cache retires a kept page only when something it shows
 * changes. The data layer records keys as it reads; the server in front of Next.js
 * (scripts/serve.ts) runs each rendering inside `collectDependencies`. Outside a rendering (the
 * API, feeds, tests, scripts) recording does nothing.
 *
 * The keys, and what sends them (migration 20261207000000_archive_change_keys):
 * - `wire:<ID>`: the wire in full (its page, its history): any change to the wire, its sources,
 *   providers, codes, links, guides or rationale (with its revisions);
 * - `card:<ID>`: the wire as a list shows it (headline, summary, severity, date, status, sourcing
 *   line, providers, codes, the rationale's amended version): any change to those;
 * - `lists`: which wires a list holds, in which order, and every count: a wire added, removed, or
 *   changed in anything a search, filter or order reads;
 * - `tag:c:<CODE>`, `tag:p:<provider id>`: the wires that share a code or a provider, for related
 *   events: a wire gaining, losing or changing the status or date of a wire with that tag;
 * - `guides`: which guides a wire lists, and the wires guides list.
 * A change to providers, codes or guides themselves retires everything.
 */
function storage(): AsyncLocalStorage<Set<string>> {
  return processWide("render-dependencies", () => new AsyncLocalStorage<Set<string>>());
}

/** Runs `render` with `deps` collecting what it reads. */
export function collectDependencies<T>(deps: Set<string>, render: () => T): T {
  return storage().run(deps, render);
}

/** Records that the rendering under way shows what these keys name. */
export function recordDependency(...keys: string[]): void {
  const deps = storage().getStore();
  if (!deps) return;
  for (const key of keys) deps.add(key);
}

export const wireKey = (id: string) => `wire:${id}`;
export const cardKey = (id: string) => `card:${id}`;
export const LISTS_KEY = "lists";
export const GUIDES_KEY = "guides";
export const codeTagKey = (code: string) => `tag:c:${code}`;
export const providerTagKey = (providerId: number) => `tag:p:${providerId}`;
