import type { Database } from "@/lib/db/open-database";
import { processWide } from "@/lib/process-wide";

/** The channel on which PostgreSQL announces each committed change to public content (migrations 20261201000000, 20261207000000). */
export const ARCHIVE_CHANGED_CHANNEL = "archive_changed";

/** A notification's payload that names no keys: everything may have changed. */
export const EVERYTHING = "*";
/** Past this many keys changed since the last wholesale change, the cache starts over (bounded memory). */
const MAX_TRACKED_KEYS = 100_000;

/**
 * The archive's changes as the page cache sees them. Each notification names what changed as
 * dependency keys (lib/http/render-dependencies.ts), or "*" for everything; a kept page is fresh while
 * no key it read has changed since it was rendered, and no wholesale change (a new epoch) came. One
 * object per process, on globalThis, because the server in front of Next.js (scripts/serve.ts) and the
 * app's own modules are loaded apart.
 */
export type ArchiveRevision = {
  /** Set by a server that caches pages: only then does the app listen for changes. */
  wanted: boolean;
  /** Raised by a wholesale change, and when listening starts again after a loss (changes may have been missed). */
  epoch: number;
  /** Raised by every notification. */
  seq: number;
  /** The `seq` of each key's last change in this epoch. */
  changed: Map<string, number>;
  /** Whether changes are being heard now. */
  live: boolean;
  /** Whether the app has started listening. */
  watching: boolean;
};

/** When a page was rendered, and what it read. */
export type RenderStamp = { epoch: number; seq: number; deps: readonly string[] };

export function archiveRevision(): ArchiveRevision {
  return processWide<ArchiveRevision>("archive-revision", () => ({ wanted: false, epoch: 0, seq: 0, changed: new Map(), live: false, watching: false }));
}

/** Takes one notification's payload: comma-separated dependency keys, or "*" (or nothing) for everything. */
export function noteChange(state: ArchiveRevision, payload: string): void {
  state.seq += 1;
  if (payload === "" || payload === EVERYTHING || state.changed.size > MAX_TRACKED_KEYS) {
    startOver(state);
    return;
  }
  for (const key of payload.split(",")) if (key) state.changed.set(key, state.seq);
}

/** Everything kept so far is retired. */
export function startOver(state: ArchiveRevision): void {
  state.seq += 1;
  state.epoch += 1;
  state.changed.clear();
}

/** The stamp of a rendering that starts now; its `deps` are filled as it reads. */
export function stampNow(state: ArchiveRevision, deps: readonly string[] = []): RenderStamp {
  return { epoch: state.epoch, seq: state.seq, deps };
}

/** Whether nothing a rendering read has changed since it started. */
export function isFresh(state: ArchiveRevision, stamp: RenderStamp): boolean {
  if (stamp.epoch !== state.epoch) return false;
  if (stamp.seq === state.seq) return true;
  for (const key of stamp.deps) if ((state.changed.get(key) ?? 0) > stamp.seq) return false;
  return true;
}

/**
 * Listens for changes to the archive's content when a page-caching server asked for it (once per
 * process). A lost connection stops pages being served from the cache (scripts/serve.ts serves them
 * again only while the database is known to be down, when nothing can change); when listening starts
 * again, everything kept before is retired, as changes may have been missed meanwhile.
 */
export async function watchArchiveRevision(db: Database): Promise<void> {
  const state = archiveRevision();
  if (!state.wanted || state.watching) return;
  state.watching = true;
  await db.listen(ARCHIVE_CHANGED_CHANNEL, {
    notify(payload) {
      noteChange(state, payload);
    },
    ready() {
      startOver(state);
      state.live = true;
    },
    lost(error) {
      state.live = false;
      console.warn(`[page cache] stopped hearing the archive's changes, pages are rendered afresh until it hears them again: ${error instanceof Error ? error.message : String(error)}`);
    },
  });
}
