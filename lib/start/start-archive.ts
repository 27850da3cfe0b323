import "server-only";
import { getDb } from "@/lib/db/get-db";
import { watchArchiveRevision } from "@/lib/http/archive-revision";
import { readiness } from "@/lib/http/readiness";
import { processWide } from "@/lib/process-wide";
import { loadSearchIndex } from "@/lib/search/load-search-index";

const RETRY_MS = [500, 1_000, 2_000, 5_000] as const;

/**
 * Everything an instance does before it serves readers, in order, from this one place (called by
 * instrumentation.ts when the server starts): open the database, apply migrations and import the
 * shipped content into an empty archive (getDb); listen for the archive's changes (for the page
 * cache); build the search index, so that no reader's request is the one that waits for it. Until
 * it is done, /readyz answers 503 (scripts/serve.ts). A failure (the database unreachable) is
 * logged and the start tried again, sooner at first.
 */
export function startArchive(): Promise<void> {
  return processWide("start", run);
}

async function run(): Promise<void> {
  const state = readiness();
  for (let attempt = 0; ; attempt += 1) {
    try {
      state.phase = "database";
      const db = await getDb();
      state.phase = "listener";
      await watchArchiveRevision(db);
      state.phase = "search index";
      const started = performance.now();
      const index = await loadSearchIndex();
      console.info(`[start] search index built: ${index.listed.count().toLocaleString("en-US")} wires in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      state.phase = "ready";
      state.lastError = undefined;
      state.readyAfterMs = Math.round(performance.now());
      state.ready = true;
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      state.lastError = `${state.phase}: ${reason.split("\n")[0]}`;
      const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
      console.error(`[start] ${state.lastError} (trying again in ${delay / 1000} s)`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
