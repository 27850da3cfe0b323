import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { verifyPassword } from "@/lib/auth/verify-password";
import { signIn } from "@/lib/auth/sign-in";
import { createEditor } from "@/lib/editors/create-editor";
import { listEditors } from "@/lib/editors/list-editors";
import { resetEditorPassword } from "@/lib/editors/reset-editor-password";
import { setEditorDisabled } from "@/lib/editors/set-editor-disabled";
import { closeTestDb, resetDatabase, testDb } from "../helpers/database";

const CLI = { editorId: null, address: null, via: "command-line" } as const;
const ADMIN = { email: "admin@example.test", displayName: "Ada Min", role: "admin", password: "admin passphrase long enough" };
const EDITOR = { email: "editor@example.test", displayName: "Ed Itor", role: "editor", password: "correct horse battery staple" };

async function audit() {
  const { prisma } = await testDb();
  return prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true, editorId: true, address: true, detail: true } });
}

beforeAll(async () => {
  await testDb();
});
beforeEach(resetDatabase);
afterAll(closeTestDb);

describe("createEditor", () => {
  test("stores the email normalised, the role, and an Argon2id hash, never the password; writes an audit event", async () => {
    const result = await createEditor({ ...EDITOR, email: "  Ed.Itor@Example.TEST " }, CLI);
    expect(result).toMatchObject({ status: "ok", editor: { email: "ed.itor@example.test", displayName: "Ed Itor", role: "EDITOR", disabledAt: null } });
    const { prisma } = await testDb();
    const row = await prisma.editor.findUniqueOrThrow({ where: { email: "ed.itor@example.test" } });
    expect(row.passwordHash).not.toContain(EDITOR.password);
    expect((await verifyPassword(row.passwordHash, EDITOR.password)).ok).toBe(true);
    expect(await audit()).toEqual([
      { action: "editor.created", editorId: null, address: null, detail: { targetEditorId: row.id, email: "ed.itor@example.test", role: "EDITOR", via: "command-line" } },
    ]);
  });

  test("names every field that is wrong, the password's problem included", async () => {
    expect(await createEditor({ email: "not an email", displayName: "  ", role: "boss", password: "short" }, CLI)).toEqual({
      status: "invalid",
      fieldErrors: {
        email: "Enter a valid email address, like name@example.org.",
        displayName: "Enter a display name.",
        role: "Choose a role: editor or admin.",
        password: "The password must be at least 12 characters long.",
      },
    });
    expect(await createEditor({ ...EDITOR, password: "Editor@Example.test" }, CLI)).toEqual({
      status: "invalid",
      fieldErrors: { password: "The password must not be the email address." },
    });
    expect(await createEditor({ ...EDITOR, password: "QAZWSXEDCRFV" }, CLI)).toMatchObject({ status: "invalid", fieldErrors: { password: expect.stringMatching(/commonly used/) } });
    const { prisma } = await testDb();
    expect(await prisma.editor.count()).toBe(0);
    expect(await audit()).toEqual([]);
  });

  test("an email already in use, in any case, is refused with a message naming it", async () => {
    await createEditor(EDITOR, CLI);
    expect(await createEditor({ ...ADMIN, email: "EDITOR@example.test" }, CLI)).toEqual({
      status: "invalid",
      fieldErrors: { email: "An editor with the email editor@example.test already exists." },
    });
  });

  test("the database itself refuses an email that is not lower-cased and trimmed", async () => {
    const { prisma } = await testDb();
    await expect(prisma.editor.create({ data: { email: "Mixed@Example.test", displayName: "X", passwordHash: "x" } })).rejects.toThrow();
  });
});

describe("disabling, enabling and resetting", () => {
  test("disable and enable by email, audited; doing it twice changes nothing", async () => {
    await createEditor(ADMIN, CLI);
    await createEditor(EDITOR, CLI);
    expect(await setEditorDisabled({ email: "Editor@Example.test" }, true, CLI)).toEqual({ status: "ok", email: EDITOR.email, changed: true });
    expect(await setEditorDisabled({ email: EDITOR.email }, true, CLI)).toEqual({ status: "ok", email: EDITOR.email, changed: false });
    expect((await listEditors()).map((editor) => [editor.email, editor.disabledAt !== null])).toEqual([
      [ADMIN.email, false],
      [EDITOR.email, true],
    ]);
    expect(await setEditorDisabled({ email: EDITOR.email }, false, CLI)).toEqual({ status: "ok", email: EDITOR.email, changed: true });
    expect((await audit()).map((event) => event.action)).toEqual(["editor.created", "editor.created", "editor.disabled", "editor.enabled"]);
  });

  test("unknown accounts are reported as not found, by email or by any id", async () => {
    expect(await setEditorDisabled({ email: "nobody@example.test" }, true, CLI)).toEqual({ status: "not-found" });
    expect(await setEditorDisabled({ id: "not-a-uuid" }, true, CLI)).toEqual({ status: "not-found" });
    expect(await resetEditorPassword({ id: "00000000-0000-4000-8000-000000000000" }, "a brand new passphrase", CLI)).toEqual({ status: "not-found" });
  });

  test("the last enabled admin cannot be disabled, and an admin cannot disable themselves in the app", async () => {
    const admin = await createEditor(ADMIN, CLI);
    if (admin.status !== "ok") throw new Error("setup");
    expect(await setEditorDisabled({ email: ADMIN.email }, true, CLI)).toEqual({
      status: "refused",
      message: "admin@example.test is the last enabled administrator and cannot be disabled.",
    });
    const second = await createEditor({ ...ADMIN, email: "second@example.test" }, CLI);
    const asAdmin = { editorId: admin.editor.id, address: "203.0.113.5", via: "app" } as const;
    expect(await setEditorDisabled({ id: admin.editor.id }, true, asAdmin)).toEqual({
      status: "refused",
      message: "You cannot disable your own account; ask another administrator.",
    });
    expect(second.status === "ok" && (await setEditorDisabled({ id: second.editor.id }, true, asAdmin))).toEqual({ status: "ok", email: "second@example.test", changed: true });
    const events = await audit();
    expect(events.at(-1)).toMatchObject({ action: "editor.disabled", editorId: admin.editor.id, address: "203.0.113.5", detail: { email: "second@example.test", via: "app" } });
  });

  test("a password reset applies the policy, replaces the password and is audited", async () => {
    await createEditor(EDITOR, CLI);
    expect(await resetEditorPassword({ email: EDITOR.email }, "password1234", CLI)).toMatchObject({ status: "invalid" });
    expect(await resetEditorPassword({ email: EDITOR.email }, "a brand new passphrase", CLI)).toEqual({ status: "ok", email: EDITOR.email, sessionsEnded: 0 });
    expect(await signIn({ email: EDITOR.email, password: EDITOR.password, address: null, userAgent: null })).toEqual({ ok: false });
    expect(await signIn({ email: EDITOR.email, password: "a brand new passphrase", address: null, userAgent: null })).toMatchObject({ ok: true });
    expect((await audit()).map((event) => event.action)).toEqual(["editor.created", "editor.password-reset", "editor.sign-in-failed", "editor.signed-in"]);
  });

  test("the audit trail cannot be rewritten", async () => {
    await createEditor(EDITOR, CLI);
    const { prisma } = await testDb();
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
