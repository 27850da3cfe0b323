import { describe, expect, test } from "vitest";
import { hashPassword } from "@/lib/auth/hash-password";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";
import { checkPasswordPolicy } from "@/lib/auth/password-policy";
import { verifyPassword } from "@/lib/auth/verify-password";

const EMAIL = "editor@example.test";

describe("checkPasswordPolicy", () => {
  test("at least 12 characters, counted as characters rather than UTF-16 units", () => {
    expect(checkPasswordPolicy("eleven chrs", EMAIL)).toBe("The password must be at least 12 characters long.");
    expect(checkPasswordPolicy("twelve chars", EMAIL)).toBeNull();
    // Eleven emoji are 22 UTF-16 units but still eleven characters.
    expect(checkPasswordPolicy("🔑".repeat(PASSWORD_MIN_LENGTH - 1), EMAIL)).toMatch(/at least 12/);
    expect(checkPasswordPolicy("🔑".repeat(PASSWORD_MIN_LENGTH), EMAIL)).toBeNull();
  });

  test("at most the stated maximum", () => {
    expect(checkPasswordPolicy("a long passphrase ".repeat(20).slice(0, PASSWORD_MAX_LENGTH), EMAIL)).toBeNull();
    expect(checkPasswordPolicy("x".repeat(PASSWORD_MAX_LENGTH + 1), EMAIL)).toBe(`The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`);
  });

  test("no composition rules: lower-case words and spaces are fine", () => {
    expect(checkPasswordPolicy("correct horse battery staple", EMAIL)).toBeNull();
  });

  test("refused when it is the email address, in any case", () => {
    expect(checkPasswordPolicy("Editor@Example.test", EMAIL)).toBe("The password must not be the email address.");
  });

  test("refused when it is a commonly used password, in any case", () => {
    for (const common of ["qwerty123456", "QWERTY123456", "1q2w3e4r5t6y", "leavemealone"]) {
      expect(checkPasswordPolicy(common, EMAIL)).toBe("This password is on a list of commonly used passwords; choose another.");
    }
  });
});

describe("Argon2id hashing", () => {
  test("uses OWASP's parameters, salts every hash, and verifies only the right password", async () => {
    const first = await hashPassword("correct horse battery staple");
    const second = await hashPassword("correct horse battery staple");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, "correct horse battery staple")).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword(first, "Correct horse battery staple")).toEqual({ ok: false, needsRehash: false });
    expect(await verifyPassword(null, "correct horse battery staple")).toEqual({ ok: false, needsRehash: false });
    expect(await verifyPassword("not a hash", "correct horse battery staple")).toEqual({ ok: false, needsRehash: false });
  });

  test("a hash made with weaker settings still verifies and asks to be redone", async () => {
    const { hash } = await import("@node-rs/argon2");
    const old = await hash("correct horse battery staple", { algorithm: 2, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(await verifyPassword(old, "correct horse battery staple")).toEqual({ ok: true, needsRehash: true });
  });
});
