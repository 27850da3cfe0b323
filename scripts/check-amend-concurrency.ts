/**
 * Two app processes on one PostgreSQL, many editors saving the same rationale at once: every
 * accepted save must become exactly one revision, every refused one must get a conflict, and no text
 * may be lost or written twice. Needs DATABASE_URL (a PostgreSQL server) and a production build.
 *
 *   npm run check:amend-concurrency -- [--rounds 8] [--clients 12] [--wire AIW-2022-0004]
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { startSession } from "@/lib/auth/start-session";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { getDb } from "@/lib/db/get-db";
import { createEditor } from "@/lib/editors/create-editor";
import { env } from "@/lib/env";
import { freePort, startNextServer, waitForServer, type NextServer } from "./bench/next-server";

type Attempt = { text: string; server: string; status: number; version?: number };

const { values } = parseArgs({ options: { rounds: { type: "string", default: "8" }, clients: { type: "string", default: "12" }, wire: { type: "string", default: "AIW-2022-0004" } } });
const rounds = positive("--rounds", values.rounds);
const clients = positive("--clients", values.clients);
const wireId = values.wire;

function positive(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 200) throw new Error(`${name} must be a whole number from 1 to 200, not "${value}"`);
  return number;
}

async function main(): Promise<number> {
  if (!env().DATABASE_URL) {
    console.error("check:amend-concurrency needs DATABASE_URL: two app processes cannot share an embedded PGlite database.");
    return 2;
  }
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build in .next: run `npx next build` first.");
    return 2;
  }
  const db = await getDb();
  const prisma = db.prisma;
  const stamp = Date.now().toString(36);
  const editors = [];
  for (const name of ["Concurrency One", "Concurrency Two"]) {
    const created = await createEditor(
      { email: `${name.toLowerCase().replace(" ", "-")}-${stamp}@example.test`, displayName: name, role: "EDITOR", password: `a long passphrase for ${stamp} ${name}` },
      { editorId: null, address: null, via: "command-line" },
    );
    if (created.status !== "ok") throw new Error(`could not create an editor: ${JSON.stringify(created.fieldErrors)}`);
    editors.push(created.editor);
  }
  const cookies = await Promise.all(editors.map(async (editor) => `${sessionCookieName()}=${(await startSession(prisma, editor.id, "check-amend-concurrency")).token}`));

  const appEnv = { ...process.env, NODE_ENV: "production" as const, ARCHIVE_AUTO_IMPORT: "0" };
  const servers: NextServer[] = [startNextServer(await freePort(), appEnv), startNextServer(await freePort(), appEnv)];
  try {
    await Promise.all(servers.map((server) => waitForServer(server.base, "/", 60_000, server)));
    console.info(`two app processes: ${servers.map((server) => server.base).join(" and ")}`);
    const before = await snapshot();
    const attempts: Attempt[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const { version } = await prisma.rationale.findUniqueOrThrow({ where: { wireId }, select: { version: true } });
      const results = await Promise.all(
        Array.from({ length: clients }, (_, client) => amend(servers[client % 2]!, cookies[client % 2]!, version, `Round ${round}, client ${client}: ${stamp}.`)),
      );
      attempts.push(...results);
      const accepted = results.filter((result) => result.status === 200).length;
      process.stdout.write(`round ${round}/${rounds}: ${clients} saves from version ${version}: ${accepted} accepted, ${results.filter((r) => r.status === 409).length} conflicts\n`);
    }
    return verify(before, attempts);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await db.close();
  }

  async function snapshot() {
    const [rationale, revisions, audits] = await Promise.all([
      prisma.rationale.findUniqueOrThrow({ where: { wireId }, select: { version: true } }),
      prisma.rationaleRevision.count({ where: { wireId } }),
      prisma.auditEvent.count({ where: { wireId, action: "rationale.amended" } }),
    ]);
    return { version: rationale.version, revisions, audits };
  }

  async function verify(before: Awaited<ReturnType<typeof snapshot>>, attempts: Attempt[]): Promise<number> {
    const after = await snapshot();
    const accepted = attempts.filter((attempt) => attempt.status === 200);
    const refused = attempts.filter((attempt) => attempt.status === 409);
    const other = attempts.filter((attempt) => attempt.status !== 200 && attempt.status !== 409);
    const stored = await prisma.rationaleRevision.findMany({ where: { wireId, version: { gt: before.version } }, select: { version: true, text: true }, orderBy: { version: "asc" } });
    const storedTexts = new Map(stored.map((revision) => [revision.text, revision.version]));
    const problems: string[] = [];
    if (other.length > 0) problems.push(`${other.length} saves got neither 200 nor 409 (${[...new Set(other.map((a) => a.status))].join(", ")})`);
    if (after.revisions - before.revisions !== accepted.length) problems.push(`${accepted.length} saves accepted but ${after.revisions - before.revisions} revisions written`);
    if (after.audits - before.audits !== accepted.length) problems.push(`${accepted.length} saves accepted but ${after.audits - before.audits} audit events written`);
    if (after.version - before.version !== accepted.length) problems.push(`the version moved by ${after.version - before.version} for ${accepted.length} accepted saves`);
    for (const attempt of accepted) if (storedTexts.get(attempt.text) !== attempt.version) problems.push(`accepted save "${attempt.text}" is not revision ${attempt.version}`);
    for (const attempt of refused) if (storedTexts.has(attempt.text)) problems.push(`refused save "${attempt.text}" was written anyway`);
    if (accepted.length !== rounds) problems.push(`expected exactly one accepted save per round (${rounds}), got ${accepted.length}`);
    const perServer = servers.map((server) => accepted.filter((attempt) => attempt.server === server.base).length);
    console.info(`${attempts.length} saves over ${rounds} rounds: ${accepted.length} accepted (per process: ${perServer.join(" / ")}), ${refused.length} conflicts, ${other.length} other`);
    console.info(`revisions ${before.revisions} -> ${after.revisions}, version ${before.version} -> ${after.version}, audit events +${after.audits - before.audits}`);
    for (const problem of problems) console.error(`FAIL: ${problem}`);
    if (problems.length === 0) console.info("OK: every accepted save is one revision; every refused one got a conflict and wrote nothing.");
    return problems.length === 0 ? 0 : 1;
  }
}

async function amend(server: NextServer, cookie: string, baseVersion: number, text: string): Promise<Attempt> {
  const response = await fetch(`${server.base}/api/v1/wires/${wireId}/rationale`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.base, cookie },
    body: JSON.stringify({ baseVersion, text, test: "Counterfactual but-for test", reason: "Concurrency check of simultaneous amendments" }),
  });
  const body = (await response.json().catch(() => ({}))) as { version?: number };
  return { text, server: server.base, status: response.status, version: body.version };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
