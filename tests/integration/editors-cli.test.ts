import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/lib/db/open-database";

// `npm run editor -- ...` as an operator runs it, against an embedded database of its own.

const root = path.resolve(import.meta.dirname, "../..");
let dataDir: string;

type Run = { code: number | null; stdout: string; stderr: string };

function editorCommand(args: string[], stdin = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/editor.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", ARCHIVE_DATA_DIR: dataDir, ARCHIVE_AUTO_IMPORT: "0", NODE_ENV: "production" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "wire-editor-cli-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.pid`, { force: true });
});

describe("npm run editor", () => {
  test("mistakes on the command line name the option, and touch nothing", { timeout: 120_000 }, async () => {
    const missing = await editorCommand(["create", "--email", "a@example.test", "--name", "A"]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toContain("editor: --role is required");

    const password = await editorCommand(["create", "--email", "a@example.test", "--name", "A", "--role", "editor", "--password", "hunter2hunter2"]);
    expect(password.code).toBe(2);
    expect(password.stderr).toContain("--password is not accepted");

    const role = await editorCommand(["create", "--email", "a@example.test", "--name", "A", "--role", "boss"]);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain("editor: --role: Choose a role: editor or admin.");
  });

  // Every run starts a process and opens the database: a few runs, each checking several things.
  test("create, list, disable and reset a password; each writes an audit event", { timeout: 180_000 }, async () => {
    const created = await editorCommand(["create", "--email", " Chief@Example.test", "--name", "Chief Admin", "--role", "admin"], "chief passphrase, long enough\n");
    expect(created.stderr).not.toContain("editor:");
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain("created admin chief@example.test (Chief Admin)");
    expect(await editorCommand(["create", "--email", "ed@example.test", "--name", "Ed", "--role", "editor"], "editor passphrase, long enough\n")).toMatchObject({ code: 0 });

    const again = await editorCommand(["create", "--email", "ED@example.test", "--name", "Again", "--role", "editor"], "another passphrase here\n");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("editor: --email: An editor with the email ed@example.test already exists.");

    expect((await editorCommand(["disable", "--email", "ED@example.test"])).stdout).toContain("ed@example.test is now disabled; its sessions have ended");

    const list = await editorCommand(["list"]);
    expect(list.stdout.split("\n")[0]).toMatch(/^EMAIL\s+NAME\s+ROLE\s+STATUS\s+CREATED$/);
    expect(list.stdout).toMatch(/chief@example\.test\s+Chief Admin\s+admin\s+enabled/);
    expect(list.stdout).toMatch(/ed@example\.test\s+Ed\s+editor\s+disabled \d{4}-\d{2}-\d{2}/);

    const reset = await editorCommand(["reset-password", "--email", "ed@example.test"], "a new editor passphrase\n");
    expect(reset.stdout).toContain("password reset for ed@example.test; 0 session(s) ended");
    const noPassword = await editorCommand(["reset-password", "--email", "ed@example.test"], "");
    expect(noPassword.stderr).toContain("no password on standard input");

    const db = await openDatabase({ dataDir });
    try {
      const events = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true, detail: true } });
      expect(events.map((event) => [event.action, (event.detail as { email: string; via: string }).email, (event.detail as { via: string }).via])).toEqual([
        ["editor.created", "chief@example.test", "command-line"],
        ["editor.created", "ed@example.test", "command-line"],
        ["editor.disabled", "ed@example.test", "command-line"],
        ["editor.password-reset", "ed@example.test", "command-line"],
      ]);
    } finally {
      await db.close();
    }
  });
});
