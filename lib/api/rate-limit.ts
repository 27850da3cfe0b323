import { processWide } from "@/lib/process-wide";

/**
 * A token bucket per client address, kept in this process's memory: each address may burst up to
 * `perMinute` requests and then gets `perMinute` a minute, refilled smoothly.
 *
 * In memory rather than in PostgreSQL like the sign-in throttle: the sign-in throttle guards
 * passwords and must count every guess across every app process, while this limit only keeps one
 * client from crowding out the others on cheap reads. Writing a row per read would double the
 * database work of every API request. With several app processes a client may get up to that many
 * times the limit, which is acceptable for reads; a gateway in front can enforce a global one.
 */
export type RateDecision = {
  allowed: boolean;
  limit: number;
  /** Whole requests left right now. */
  remaining: number;
  /** Seconds until the next request is allowed (when refused) or the bucket is full again. */
  retryAfter: number;
  resetAfter: number;
};

type Bucket = { tokens: number; at: number };

/** Beyond this many addresses the least recently seen are forgotten (a forgotten one starts full). */
const MAX_ADDRESSES = 10_000;
const MINUTE_MS = 60_000;

// One table per process, shared by every route's bundle and kept across hot reloads in development.
function buckets(): Map<string, Bucket> {
  return processWide("api.rate-limit-buckets", () => new Map<string, Bucket>());
}

/** Takes one request from `key`'s bucket, if there is one to take. */
export function takeApiToken(key: string, perMinute: number, now = Date.now()): RateDecision {
  if (perMinute <= 0) return { allowed: true, limit: 0, remaining: 0, retryAfter: 0, resetAfter: 0 };
  const table = buckets();
  const perMs = perMinute / MINUTE_MS;
  const previous = table.get(key);
  const elapsed = previous ? Math.max(0, now - previous.at) : 0;
  const tokens = previous ? Math.min(perMinute, previous.tokens + elapsed * perMs) : perMinute;
  const allowed = tokens >= 1;
  const left = allowed ? tokens - 1 : tokens;
  // Re-inserting keeps the Map in least-recently-seen order, so the oldest entry is the first.
  table.delete(key);
  table.set(key, { tokens: left, at: now });
  if (table.size > MAX_ADDRESSES) table.delete(table.keys().next().value!);
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  return {
    allowed,
    limit: perMinute,
    remaining: Math.floor(left),
    retryAfter: allowed ? 0 : seconds((1 - left) / perMs),
    resetAfter: seconds((perMinute - left) / perMs),
  };
}

/** Forgets every bucket: for tests that start from a clean slate. */
export function resetApiTokens(): void {
  buckets().clear();
}
