import { env } from "@/lib/env";

/** A session cookie in either of its names (lib/auth/session-cookie.ts): the request is an editor's. */
export const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?wire-session=/;

/** Whether a request carries an editor's session cookie. */
export function hasSessionCookie(cookie: string | string[] | null | undefined): boolean {
  if (cookie === null || cookie === undefined) return false;
  return SESSION_COOKIE.test(Array.isArray(cookie) ? cookie.join("; ") : cookie);
}

/**
 * Cache-Control for what readers read (pages, feeds, API answers): any cache, a CDN included, may keep
 * it, and must ask again after ARCHIVE_CACHE_MAX_AGE seconds (by default at once: "no-cache"), when
 * the ETag gets a 304 if nothing changed. An editor's request is never kept by a shared cache.
 */
export function readerCacheControl(cookie?: string | string[] | null): string {
  if (hasSessionCookie(cookie)) return "private, no-store";
  return cacheControlForMaxAge(env().ARCHIVE_CACHE_MAX_AGE);
}

export function cacheControlForMaxAge(maxAge: number): string {
  return maxAge > 0 ? `public, max-age=${maxAge}, must-revalidate` : "public, no-cache";
}
