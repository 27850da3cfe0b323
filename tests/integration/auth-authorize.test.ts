import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ADMIN_ONLY_MESSAGE, authorizeRequest, CROSS_ORIGIN_MESSAGE, SIGNED_OUT_MESSAGE, type RequestFacts } from "@/lib/auth/authorize-request";
import { readSession } from "@/lib/auth/read-session";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from "@/lib/auth/session-policy";
import { createSessionToken, hashSessionToken } from "@/lib/auth/session-token";
import { signIn } from "@/lib/auth/sign-in";
import { createEditor } from "@/lib/editors/create-editor";
import { resetEditorPassword } from "@/lib/editors/reset-editor-password";
import { setEditorDisabled } from "@/lib/editors/set-editor-disabled";
import { closeTestDb, resetDatabase, testDb } from "../helpers/database";

const CLI = { editorId: null, address: null, via: "command-line" } as const;
const EDITOR = { email: "editor@example.test", displayName: "Ed Itor", role: "editor", password: "correct horse battery staple" };
const ADMIN = { email: "admin@example.test", displayName: "Ada Min", role: "admin", password: "admin passphrase long enough" };
const MINUTE = 60_000;

/** A same-origin browser request carrying a cookie. */
function facts(cookie: string | undefined, overrides: Partial<RequestFacts> = {}): RequestFacts {
  return { cookie, origin: "http://archive.test", host: "archive.test", secFetchSite: "same-origin", address: "203.0.113.5", ...overrides };
}

async function signInAs(account: { email: string; password: string }, now = new Date()): Promise<string> {
  const result = await signIn({ email: account.email, password: account.password, address: "203.0.113.5", userAgent: "vitest", now });
  if (!result.ok) throw new Error(`sign-in as ${account.email} failed`);
  return result.session.token;
}

beforeAll(async () => {
  await testDb();
});
beforeEach(async () => {
  await resetDatabase();
  expect((await createEditor(EDITOR, CLI)).status).toBe("ok");
  expect((await createEditor(ADMIN, CLI)).status).toBe("ok");
});
afterAll(closeTestDb);

describe("authorizeRequest", () => {
  test("a same-origin request with a live session is allowed, and names the editor", async () => {
    const token = await signInAs(EDITOR);
    const result = await authorizeRequest(facts(token));
    expect(result).toMatchObject({ ok: true, address: "203.0.113.5", session: { editor: { email: EDITOR.email, displayName: "Ed Itor", role: "EDITOR" } } });
    if (result.ok) expect(result.session.tokenHash).toBe(hashSessionToken(token));
  });

  test("another site's request is refused with 403 even with a valid cookie", async () => {
    const token = await signInAs(EDITOR);
    expect(await authorizeRequest(facts(token, { origin: "https://evil.example" }))).toEqual({ ok: false, status: 403, message: CROSS_ORIGIN_MESSAGE });
    expect(await authorizeRequest(facts(token, { origin: "null" }))).toMatchObject({ ok: false, status: 403 });
    expect(await authorizeRequest(facts(token, { origin: null, secFetchSite: "cross-site" }))).toMatchObject({ ok: false, status: 403 });
    expect(await authorizeRequest(facts(token, { origin: null, secFetchSite: "same-site" }))).toMatchObject({ ok: false, status: 403 });
    // Tools without Origin or Sec-Fetch-Site still need the session.
    expect(await authorizeRequest(facts(token, { origin: null, secFetchSite: null }))).toMatchObject({ ok: true });
  });

  test("no cookie, a forged token or a malformed one gets 401", async () => {
    await signInAs(EDITOR);
    for (const cookie of [undefined, "", createSessionToken(), "not a token", "x".repeat(5000)]) {
      expect(await authorizeRequest(facts(cookie))).toEqual({ ok: false, status: 401, message: SIGNED_OUT_MESSAGE });
    }
  });

  test("the stored hash is not a cookie: presenting it opens nothing", async () => {
    const token = await signInAs(EDITOR);
    const { prisma } = await testDb();
    const rows = await prisma.editorSession.findMany({ select: { tokenHash: true } });
    expect(rows).toEqual([{ tokenHash: hashSessionToken(token) }]);
    expect(await authorizeRequest(facts(rows[0]!.tokenHash))).toMatchObject({ ok: false, status: 401 });
  });

  test("admin-only writes refuse editors with 403 and allow admins", async () => {
    const editorToken = await signInAs(EDITOR);
    const adminToken = await signInAs(ADMIN);
    expect(await authorizeRequest(facts(editorToken), { role: "ADMIN" })).toEqual({ ok: false, status: 403, message: ADMIN_ONLY_MESSAGE });
    expect(await authorizeRequest(facts(adminToken), { role: "ADMIN" })).toMatchObject({ ok: true, session: { editor: { role: "ADMIN" } } });
  });

  test("a disabled editor's session stops working at once, even if its row survives", async () => {
    const token = await signInAs(EDITOR);
    const { prisma } = await testDb();
    // Set disabledAt directly: every read checks it, not only the session rows' removal.
    await prisma.editor.update({ where: { email: EDITOR.email }, data: { disabledAt: new Date() } });
    expect(await prisma.editorSession.count()).toBe(1);
    expect(await authorizeRequest(facts(token))).toMatchObject({ ok: false, status: 401 });
  });

  test("disabling through the data layer ends the sessions; enabling again does not bring them back", async () => {
    const token = await signInAs(EDITOR);
    expect(await setEditorDisabled({ email: EDITOR.email }, true, CLI)).toMatchObject({ status: "ok", changed: true });
    expect(await authorizeRequest(facts(token))).toMatchObject({ ok: false, status: 401 });
    expect(await setEditorDisabled({ email: EDITOR.email }, false, CLI)).toMatchObject({ status: "ok", changed: true });
    expect(await authorizeRequest(facts(token))).toMatchObject({ ok: false, status: 401 });
    expect(await authorizeRequest(facts(await signInAs(EDITOR)))).toMatchObject({ ok: true });
  });

  test("a password reset ends every session of that editor, and no one else's", async () => {
    const first = await signInAs(EDITOR);
    const second = await signInAs(EDITOR);
    const admin = await signInAs(ADMIN);
    expect(await resetEditorPassword({ email: EDITOR.email }, "a brand new passphrase", CLI)).toEqual({ status: "ok", email: EDITOR.email, sessionsEnded: 2 });
    expect(await authorizeRequest(facts(first))).toMatchObject({ ok: false, status: 401 });
    expect(await authorizeRequest(facts(second))).toMatchObject({ ok: false, status: 401 });
    expect(await authorizeRequest(facts(admin))).toMatchObject({ ok: true });
  });
});

describe("session expiry", () => {
  test("the idle expiry slides forward, but at most once per touch interval", async () => {
    const start = new Date("2030-01-01T09:00:00Z");
    const token = await signInAs(EDITOR, start);
    const { prisma } = await testDb();
    const row = () => prisma.editorSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } });
    expect((await row()).expiresAt).toEqual(new Date(start.getTime() + SESSION_IDLE_MS));

    const soon = new Date(start.getTime() + SESSION_TOUCH_INTERVAL_MS - MINUTE);
    expect(await readSession(token, soon)).not.toBeNull();
    expect((await row()).expiresAt).toEqual(new Date(start.getTime() + SESSION_IDLE_MS));

    const later = new Date(start.getTime() + SESSION_TOUCH_INTERVAL_MS + MINUTE);
    expect((await readSession(token, later))!.expiresAt).toEqual(new Date(later.getTime() + SESSION_IDLE_MS));
    expect(await row()).toMatchObject({ lastSeenAt: later, expiresAt: new Date(later.getTime() + SESSION_IDLE_MS) });
  });

  test("a session idle for longer than the idle limit ends, and its row goes", async () => {
    const start = new Date("2030-01-01T09:00:00Z");
    const token = await signInAs(EDITOR, start);
    expect(await authorizeRequest(facts(token), {}, new Date(start.getTime() + SESSION_IDLE_MS - MINUTE))).toMatchObject({ ok: true });
    // That use moved the idle expiry on; the next 12 idle hours end it.
    const idle = new Date(start.getTime() + 2 * SESSION_IDLE_MS);
    expect(await authorizeRequest(facts(token), {}, idle)).toMatchObject({ ok: false, status: 401 });
    const { prisma } = await testDb();
    expect(await prisma.editorSession.count()).toBe(0);
  });

  test("a session used all the time still ends at its absolute expiry", async () => {
    const start = new Date("2030-01-01T09:00:00Z");
    const token = await signInAs(EDITOR, start);
    let now = start.getTime();
    // Used every 6 hours for the whole week: never idle, always slid forward.
    while (now + 6 * 60 * MINUTE < start.getTime() + SESSION_ABSOLUTE_MS) {
      now += 6 * 60 * MINUTE;
      expect(await readSession(token, new Date(now))).not.toBeNull();
    }
    const session = await readSession(token, new Date(now));
    expect(session!.expiresAt.getTime()).toBeLessThanOrEqual(start.getTime() + SESSION_ABSOLUTE_MS);
    expect(await readSession(token, new Date(start.getTime() + SESSION_ABSOLUTE_MS))).toBeNull();
  });

  test("expiry set in the database is honoured: past expiresAt or absoluteExpiresAt means signed out", async () => {
    const { prisma } = await testDb();
    const idleToken = await signInAs(EDITOR);
    const absoluteToken = await signInAs(EDITOR);
    const past = new Date(Date.now() - MINUTE);
    await prisma.editorSession.update({ where: { tokenHash: hashSessionToken(idleToken) }, data: { expiresAt: past } });
    await prisma.editorSession.update({ where: { tokenHash: hashSessionToken(absoluteToken) }, data: { absoluteExpiresAt: past } });
    expect(await authorizeRequest(facts(idleToken))).toMatchObject({ ok: false, status: 401 });
    expect(await authorizeRequest(facts(absoluteToken))).toMatchObject({ ok: false, status: 401 });
  });
});
