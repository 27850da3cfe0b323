import { processWide } from "@/lib/process-wide";

/**
 * Whether this instance is ready for readers: migrations applied, the shipped content imported into
 * an empty archive, the change listener started and the search index built (lib/start/start-archive.ts).
 * One object per process, on globalThis, because the server in front of Next.js (scripts/serve.ts)
 * and the app's own modules are loaded apart.
 */
export type Readiness = {
  /** What the start is doing now, or "ready". */
  phase: "starting" | "database" | "listener" | "search index" | "ready";
  ready: boolean;
  /** The last failure of a start that is being retried (a short reason, never shown to readers). */
  lastError?: string;
  /** Milliseconds since the process started, when it became ready. */
  readyAfterMs?: number;
};

export function readiness(): Readiness {
  return processWide<Readiness>("readiness", () => ({ phase: "starting", ready: false }));
}

/** Resolves once the instance is ready, or with false after `timeoutMs`. */
export async function whenReady(timeoutMs: number): Promise<boolean> {
  const state = readiness();
  const deadline = Date.now() + timeoutMs;
  while (!state.ready) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}
