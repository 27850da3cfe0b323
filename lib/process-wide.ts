/**
 * One value per process under `name`, made by `create` on first use. Next.js bundles pages, route handlers
 * and instrumentation apart, each with its own copy of a module, so module-level state is not shared
 * between them; state that must be (caches, the change listener's revision, readiness) lives here, on
 * globalThis under a registered symbol.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`ai-incident-wire.${name}`);
  const slot = globalThis as typeof globalThis & { [key: symbol]: T | undefined };
  if (slot[key] === undefined) slot[key] = create();
  return slot[key] as T;
}
