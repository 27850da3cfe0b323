import { randomBytes } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { ARGON2_PREFIX, hashPassword } from "./hash-password";

export type PasswordCheck = { ok: boolean; needsRehash: boolean };

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash (argon2's own comparison runs in constant time).
 * With no stored hash (no such account) it still spends the same hashing time against a dummy hash,
 * so that response times do not tell which email addresses have accounts.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<PasswordCheck> {
  if (storedHash === null) {
    dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
    await verify(await dummyHash, password).catch(() => false);
    return { ok: false, needsRehash: false };
  }
  const ok = await verify(storedHash, password).catch(() => false);
  return { ok, needsRehash: ok && !storedHash.startsWith(ARGON2_PREFIX) };
}
