import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { ThrottleRule } from "./throttle-policy";

type Db = Pick<PrismaClient, "$queryRaw">;

export type Reservation = { allowed: boolean; attempts: number; lockedUntil: Date | null };

/**
 * Counts one sign-in attempt against a throttle key, before the password is checked, and says whether
 * it may go ahead. One INSERT ... ON CONFLICT statement, so that app instances sharing the database
 * count together and a burst of parallel guesses cannot all slip through before the first failure is
 * written. A successful sign-in gives the attempt back (releaseSignInAttempts).
 */
export async function reserveSignInAttempt(db: Db, key: string, rule: ThrottleRule, now: Date): Promise<Reservation> {
  const windowFloor = new Date(now.getTime() - rule.windowMs);
  const lockUntil = new Date(now.getTime() + rule.lockMs);
  const [row] = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO sign_in_throttle AS t (key, failures, window_start, locked_until)
    VALUES (${key}, 1, ${now}::timestamptz, NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE
        WHEN t.locked_until > ${now}::timestamptz THEN t.failures
        WHEN t.window_start <= ${windowFloor}::timestamptz THEN 1
        ELSE t.failures + 1 END,
      window_start = CASE
        WHEN t.locked_until > ${now}::timestamptz THEN t.window_start
        WHEN t.window_start <= ${windowFloor}::timestamptz THEN ${now}::timestamptz
        ELSE t.window_start END,
      locked_until = CASE
        WHEN t.locked_until > ${now}::timestamptz THEN t.locked_until
        WHEN t.window_start > ${windowFloor}::timestamptz AND t.failures + 1 > ${rule.maxAttempts} THEN ${lockUntil}::timestamptz
        ELSE NULL END
    RETURNING failures, locked_until AS "lockedUntil"`;
  const lockedUntil = row?.lockedUntil ? new Date(row.lockedUntil) : null;
  const locked = lockedUntil !== null && lockedUntil > now;
  return { allowed: !locked, attempts: row?.failures ?? 1, lockedUntil: locked ? lockedUntil : null };
}
