import { createHash, randomBytes } from "node:crypto";

/** A new session token: 32 random bytes, base64url (43 characters). Only the browser ever holds it. */
export function createSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The session row's key: SHA-256 (hex) of the token. A leaked database row cannot be replayed as a
 * cookie, and a plain hash is enough because the token is 256 random bits, not a guessable secret.
 */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a cookie value has the shape of a token, so that junk never reaches the database. */
export function isSessionTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
