import type { Database } from "@/lib/db/open-database";

/** The channel on which PostgreSQL announces each committed change to public content (migration 20261201000000). */
export const ARCHIVE_CHANGED_CHANNEL = "archive_changed";

/**
 * The archive's revision as the page cache sees it. One object per process, on globalThis, because
 * the server in front of Next.js (scripts/serve.ts) and the app's own modules are loaded apart.
 */
export type ArchiveRevision = {
  /** Set by a server that caches pages: only then does the app listen for changes. */
  wanted: boolean;
  /** Raised by every change notification, and by every start or loss of the listener. */
  value: number;
  /** Whether changes are being heard now: pages are served from the cache only while they are. */
  live: boolean;
  /** Whether the app has started listening. */
  watching: boolean;
};

const KEY = Symbol.for("ai-incident-wire.archive-revision");

export function archiveRevision(): ArchiveRevision {
  const slot = globalThis as typeof globalThis & { [KEY]?: ArchiveRevision };
  slot[KEY] ??= { wanted: false, value: 0, live: false, watching: false };
  return slot[KEY];
}

/**
 * Listens for changes to the archive's content when a page-caching server asked for it (once per
 * process). A change raises the revision, which retires every cached page; so does a lost
 * connection, and until it is back no page is served from the cache.
 */
export async function watchArchiveRevision(db: Database): Promise<void> {
  const state = archiveRevision();
  if (!state.wanted || state.watching) return;
  state.watching = true;
  await db.listen(ARCHIVE_CHANGED_CHANNEL, {
    notify() {
      state.value += 1;
    },
    ready() {
      state.value += 1;
      state.live = true;
    },
    lost(error) {
      state.live = false;
      state.value += 1;
      console.warn(`[page cache] stopped hearing the archive's changes, pages are rendered afresh until it hears them again: ${error instanceof Error ? error.message : String(error)}`);
    },
  });
}
