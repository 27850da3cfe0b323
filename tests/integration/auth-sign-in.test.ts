import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ARGON2_PREFIX } from "@/lib/auth/hash-password";
import { reserveSignInAttempt } from "@/lib/auth/reserve-sign-in-attempt";
import { hashSessionToken } from "@/lib/auth/session-token";
import { signIn, type SignInInput } from "@/lib/auth/sign-in";
import { ACCOUNT_RULE, ADDRESS_RULE } from "@/lib/auth/throttle-policy";
import { openDatabase } from "@/lib/db/open-database";
import { createEditor } from "@/lib/editors/create-editor";
import { setEditorDisabled } from "@/lib/editors/set-editor-disabled";
import { closeTestDb, resetDatabase, testDb } from "../helpers/database";

const CLI = { editorId: null, address: null, via: "command-line" } as const;
const EDITOR = { email: "editor@example.test", displayName: "Ed Itor", role: "editor", password: "correct horse battery staple" };
const MINUTE = 60_000;
const START = new Date("2030-03-01T12:00:00Z");

function attempt(overrides: Partial<SignInInput> = {}): Promise<Awaited<ReturnType<typeof signIn>>> {
  return signIn({ email: EDITOR.email, password: EDITOR.password, address: "198.51.100.7", userAgent: "vitest", now: START, ...overrides });
}

async function auditActions(): Promise<{ action: string; reason: unknown }[]> {
  const { prisma } = await testDb();
  const events = await prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true, detail: true } });
  return events.map((event) => ({ action: event.action, reason: (event.detail as { reason?: string }).reason }));
}

beforeAll(async () => {
  await testDb();
});
beforeEach(async () => {
  await resetDatabase();
  expect((await createEditor(EDITOR, CLI)).status).toBe("ok");
});
afterAll(closeTestDb);

describe("signIn", () => {
  test("the right email and password start a session; only the token's hash is stored", async () => {
    const result = await attempt();
    expect(result).toMatchObject({ ok: true, editor: { email: EDITOR.email, displayName: "Ed Itor", role: "EDITOR" } });
    if (!result.ok) return;
    expect(result.session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { prisma } = await testDb();
    const rows = await prisma.editorSession.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: hashSessionToken(result.session.token), userAgent: "vitest" });
    expect(JSON.stringify(rows)).not.toContain(result.session.token);
    const stored = await prisma.editor.findUniqueOrThrow({ where: { email: EDITOR.email }, select: { passwordHash: true } });
    expect(stored.passwordHash.startsWith(ARGON2_PREFIX)).toBe(true);
  });

  test("a password hashed with older, weaker settings is rehashed with the current ones on sign-in", async () => {
    const { hash } = await import("@node-rs/argon2");
    const { prisma } = await testDb();
    const weak = await hash(EDITOR.password, { algorithm: 2, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await prisma.editor.update({ where: { email: EDITOR.email }, data: { passwordHash: weak } });
    expect(await attempt()).toMatchObject({ ok: true });
    const stored = await prisma.editor.findUniqueOrThrow({ where: { email: EDITOR.email }, select: { passwordHash: true } });
    expect(stored.passwordHash.startsWith(ARGON2_PREFIX)).toBe(true);
    expect(await attempt({ now: new Date(START.getTime() + 1000) })).toMatchObject({ ok: true });
  });

  test("every sign-in gets a new token", async () => {
    const first = await attempt();
    const second = await attempt();
    expect(first.ok && second.ok && first.session.token !== second.session.token).toBe(true);
  });

  test("the email is matched whatever its case and surrounding spaces", async () => {
    expect(await attempt({ email: "  Editor@Example.TEST " })).toMatchObject({ ok: true });
  });

  test("a wrong password, an unknown email and a disabled account all fail the same way, and are audited", async () => {
    expect(await attempt({ password: "not the password at all" })).toEqual({ ok: false });
    expect(await attempt({ email: "nobody@example.test" })).toEqual({ ok: false });
    expect(await attempt({ password: "x".repeat(5000) })).toEqual({ ok: false });
    await setEditorDisabled({ email: EDITOR.email }, true, CLI);
    expect(await attempt()).toEqual({ ok: false });
    expect((await auditActions()).slice(1)).toEqual([
      { action: "editor.sign-in-failed", reason: "wrong-password" },
      { action: "editor.sign-in-failed", reason: "unknown-account" },
      { action: "editor.sign-in-failed", reason: "wrong-password" },
      { action: "editor.disabled", reason: undefined },
      { action: "editor.sign-in-failed", reason: "disabled" },
    ]);
  });

  test("an unknown email costs about as much time as a wrong password", async () => {
    // The fastest of a few runs: a busy machine only ever makes a run slower.
    const fastest = async (input: Partial<SignInInput>) => {
      let best = Infinity;
      for (let n = 0; n < 3; n += 1) {
        const started = performance.now();
        await attempt({ address: `192.0.2.${n}`, ...input });
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    await fastest({ email: "warm-up@example.test" });
    const known = await fastest({ password: "not the password at all" });
    const unknown = await fastest({ email: "nobody@example.test" });
    // Both run one Argon2id verification (tens of milliseconds); without the dummy hash, unknown would take ~1 ms.
    expect(unknown).toBeGreaterThan(known / 3);
  });
});

describe("throttling", () => {
  test("after 5 failures for one account, even the right password is refused for 15 minutes", async () => {
    for (let n = 1; n <= ACCOUNT_RULE.maxAttempts; n += 1) {
      expect(await attempt({ password: `wrong password ${n}`, now: new Date(START.getTime() + n * 1000) })).toEqual({ ok: false });
    }
    expect(await attempt({ now: new Date(START.getTime() + MINUTE) })).toEqual({ ok: false });
    // Another address does not help: the account itself is paused.
    expect(await attempt({ address: "192.0.2.99", now: new Date(START.getTime() + 2 * MINUTE) })).toEqual({ ok: false });
    expect((await auditActions()).at(-1)).toEqual({ action: "editor.sign-in-failed", reason: "throttled-account" });
    expect(await attempt({ now: new Date(START.getTime() + 17 * MINUTE) })).toMatchObject({ ok: true });
  });

  test("failures spread over more than the window do not lock the account", async () => {
    for (let n = 1; n <= 8; n += 1) {
      expect(await attempt({ password: `wrong password ${n}`, now: new Date(START.getTime() + n * 4 * MINUTE) })).toEqual({ ok: false });
    }
    // 4 minutes apart: a window (15 minutes from its first failure) never holds more than 4 of them.
    expect(await attempt({ now: new Date(START.getTime() + 40 * MINUTE) })).toMatchObject({ ok: true });
  });

  test("a successful sign-in clears the account's count", async () => {
    const at = (n: number) => new Date(START.getTime() + n * 1000);
    for (let n = 1; n < ACCOUNT_RULE.maxAttempts; n += 1) expect(await attempt({ password: "wrong password here", now: at(n) })).toEqual({ ok: false });
    expect(await attempt({ now: at(10) })).toMatchObject({ ok: true });
    for (let n = 11; n < 11 + ACCOUNT_RULE.maxAttempts - 1; n += 1) expect(await attempt({ password: "wrong password here", now: at(n) })).toEqual({ ok: false });
    expect(await attempt({ now: at(30) })).toMatchObject({ ok: true });
  });

  test("after 20 failures from one address, every account is refused from there, but not from elsewhere", async () => {
    for (let n = 1; n <= ADDRESS_RULE.maxAttempts; n += 1) {
      // Different accounts each time, so no account reaches its own limit.
      expect(await attempt({ email: `guess${n}@example.test`, password: "wrong password here", now: new Date(START.getTime() + n * 1000) })).toEqual({ ok: false });
    }
    expect(await attempt({ now: new Date(START.getTime() + MINUTE) })).toEqual({ ok: false });
    expect((await auditActions()).at(-1)).toEqual({ action: "editor.sign-in-failed", reason: "throttled-address" });
    expect(await attempt({ address: "192.0.2.99", now: new Date(START.getTime() + MINUTE) })).toMatchObject({ ok: true });
    expect(await attempt({ now: new Date(START.getTime() + 17 * MINUTE) })).toMatchObject({ ok: true });
  });

  test("parallel attempts cannot get past the limit: each one is counted before the password is checked", async () => {
    // All wrong: a right password among them would clear the count when it is checked, and which of the
    // parallel attempts get counted first is up to the database.
    const results = await Promise.all(Array.from({ length: 12 }, (_, n) => attempt({ password: `wrong password ${n}` })));
    expect(results.every((result) => !result.ok)).toBe(true);
    const { prisma } = await testDb();
    const failures = await prisma.auditEvent.findMany({ where: { action: "editor.sign-in-failed" }, select: { detail: true } });
    const reasons = failures.map((event) => (event.detail as { reason: string }).reason);
    expect(reasons.filter((reason) => reason !== "throttled-account")).toHaveLength(ACCOUNT_RULE.maxAttempts);
    expect(reasons.filter((reason) => reason === "throttled-account")).toHaveLength(12 - ACCOUNT_RULE.maxAttempts);
  });

  test("the count lives in the database: a new process sees the lock", async () => {
    // A database of its own that is closed and opened again, as after a restart of the app.
    const url = process.env.TEST_DATABASE_URL;
    const dir = url ? null : await mkdtemp(path.join(os.tmpdir(), "wire-throttle-"));
    const open = () => openDatabase(url ? { url } : { dataDir: dir! });
    const key = "account:restart@example.test";
    try {
      let db = await open();
      await db.migrate();
      await db.prisma.$executeRaw`DELETE FROM sign_in_throttle WHERE key = ${key}`;
      for (let n = 0; n < ACCOUNT_RULE.maxAttempts; n += 1) {
        expect((await reserveSignInAttempt(db.prisma, key, ACCOUNT_RULE, START)).allowed).toBe(true);
      }
      await db.close();
      db = await open();
      try {
        expect(await reserveSignInAttempt(db.prisma, key, ACCOUNT_RULE, new Date(START.getTime() + MINUTE))).toMatchObject({ allowed: false });
        expect(await reserveSignInAttempt(db.prisma, key, ACCOUNT_RULE, new Date(START.getTime() + 31 * MINUTE))).toMatchObject({ allowed: true, attempts: 1 });
      } finally {
        await db.prisma.$executeRaw`DELETE FROM sign_in_throttle WHERE key = ${key}`;
        await db.close();
      }
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });
});
