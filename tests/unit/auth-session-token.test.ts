import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createSessionToken, hashSessionToken, isSessionTokenShaped } from "@/lib/auth/session-token";

describe("session tokens", () => {
  test("32 random bytes as base64url, different every time", () => {
    const tokens = new Set(Array.from({ length: 100 }, () => createSessionToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isSessionTokenShaped(token)).toBe(true);
    }
  });

  test("stored as the SHA-256 of the token, in hex", () => {
    const token = createSessionToken();
    expect(hashSessionToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toBe(hashSessionToken(createSessionToken()));
  });

  test("cookie values that cannot be tokens are recognised before any lookup", () => {
    for (const value of ["", "abc", "x".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`, hashSessionToken(createSessionToken())]) {
      expect(isSessionTokenShaped(value)).toBe(false);
    }
  });
});
