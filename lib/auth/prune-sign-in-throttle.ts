import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";

type Db = Pick<PrismaClient, "$executeRaw">;

const HOUR = 3_600_000;
const KEEP_MS = 24 * HOUR;
let lastPrunedAt = 0;

/**
 * Forgets throttle rows that no longer limit anyone (window over a day ago, no lock running), so that
 * guesses at random emails do not grow the table for ever. At most once an hour per process; any
 * instance may do it, and deleting a stale row twice is harmless.
 */
export async function pruneSignInThrottle(db: Db, now: Date): Promise<number> {
  if (now.getTime() - lastPrunedAt < HOUR) return 0;
  lastPrunedAt = now.getTime();
  const before = new Date(now.getTime() - KEEP_MS);
  return db.$executeRaw`
    DELETE FROM sign_in_throttle
    WHERE window_start < ${before}::timestamptz AND (locked_until IS NULL OR locked_until < ${now}::timestamptz)`;
}
