import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { StopListening } from "@/lib/db/listen";
import { env } from "@/lib/env";
import { ARCHIVE_CHANGED_CHANNEL } from "@/lib/http/archive-revision";
import { generateWires } from "@/lib/synthetic/generate-wires";
import { SHIPPED_CONTENT } from "../helpers/content-copy";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";

// The page cache serves a page until PostgreSQL announces a change to what it shows (migrations
// 20261201000000_archive_change_notify, 20261207000000_archive_change_keys). What it must hear, when,
// and the keys each change names (lib/http/render-dependencies.ts).
const heard = { notifications: 0, ready: 0, lost: 0, payloads: [] as string[] };
let stop: StopListening | undefined;

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited 5 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs `write`, then a marker change to public content, and gives the payloads of the notifications that came before the marker's. */
async function payloadsFrom(write: () => Promise<unknown>): Promise<string[]> {
  const { prisma } = await testDb();
  const before = heard.notifications;
  await write();
  await prisma.$executeRaw`UPDATE guide SET position = position WHERE slug = (SELECT slug FROM guide ORDER BY slug LIMIT 1)`;
  // Notifications arrive in commit order: the marker's is the last.
  await until(() => heard.notifications > before, "the marker's notification");
  await new Promise((resolve) => setTimeout(resolve, 50));
  return heard.payloads.slice(before, heard.notifications - 1);
}

async function notificationsFrom(write: () => Promise<unknown>): Promise<number> {
  return (await payloadsFrom(write)).length;
}

/** Every key the payloads name, sorted. */
const keysOf = (payloads: string[]) => [...new Set(payloads.flatMap((payload) => payload.split(",")))].sort();

beforeAll(async () => {
  const db = await testDb();
  await resetDatabase();
  await importShipped();
  stop = await db.listen(ARCHIVE_CHANGED_CHANNEL, {
    notify: (payload) => {
      heard.notifications += 1;
      heard.payloads.push(payload);
    },
    ready: () => (heard.ready += 1),
    lost: () => (heard.lost += 1),
  });
});
afterAll(async () => {
  await stop?.();
  await closeTestDb();
});

describe("announcements of changes to the archive's content", () => {
  test("the listener is ready at once", () => {
    expect(heard.ready).toBe(1);
  });

  test("a change to a wire, its rationale, its sources or the taxonomy is announced once it commits, naming what it changed", async () => {
    const { prisma } = await testDb();
    const [wire] = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM wire WHERE id = 'AIW-2022-0008'`;
    const id = wire!.id;
    // A status note shows in lists and on the wire's page; the rationale and sources on the page and the card.
    expect(await payloadsFrom(() => prisma.$executeRaw`UPDATE wire SET status_note = 'Checked again.' WHERE id = ${id}`)).toEqual([`card:${id},lists,wire:${id}`]);
    expect(await payloadsFrom(() => prisma.$executeRaw`UPDATE rationale SET test = test || '.' WHERE wire_id = ${id}`)).toEqual([`card:${id},wire:${id}`]);
    expect(await payloadsFrom(() => prisma.$executeRaw`UPDATE source SET title = title || '.' WHERE wire_id = ${id}`)).toEqual([`card:${id},wire:${id}`]);
    // Only its update time: the wire's own page.
    expect(await payloadsFrom(() => prisma.$executeRaw`UPDATE wire SET updated_at = updated_at + interval '1 second' WHERE id = ${id}`)).toEqual([`wire:${id}`]);
    // Its status: also the related events of every wire sharing its codes (M1, F10) and provider.
    const [provider] = await prisma.$queryRaw<{ provider_id: number }[]>`SELECT provider_id FROM wire_provider WHERE wire_id = ${id}`;
    expect(keysOf(await payloadsFrom(() => prisma.$executeRaw`UPDATE wire SET status = 'CORRECTED' WHERE id = ${id}`))).toEqual(
      [`card:${id}`, "lists", "tag:c:F10", "tag:c:M1", `tag:p:${provider!.provider_id}`, `wire:${id}`].sort(),
    );
    expect(keysOf(await payloadsFrom(() => prisma.$executeRaw`UPDATE wire SET status = 'PUBLISHED' WHERE id = ${id}`))).toContain("tag:c:M1");
    // A code gained: that code's related events.
    expect(keysOf(await payloadsFrom(() => prisma.$executeRaw`INSERT INTO wire_code (wire_id, code, position) VALUES (${id}, 'M2', 9)`))).toEqual(
      [`card:${id}`, "lists", "tag:c:M2", `wire:${id}`].sort(),
    );
    expect(keysOf(await payloadsFrom(() => prisma.$executeRaw`DELETE FROM wire_code WHERE wire_id = ${id} AND code = 'M2'`))).toEqual(
      [`card:${id}`, "lists", "tag:c:M2", `wire:${id}`].sort(),
    );
    // The taxonomy: everything.
    expect(await payloadsFrom(() => prisma.$executeRaw`UPDATE provider_alias SET alias = alias WHERE id = (SELECT min(id) FROM provider_alias)`)).toEqual([""]);
    expect(await payloadsFrom(() => prisma.$executeRaw`UPDATE code SET label = label || '.' WHERE code = 'M1'`)).toEqual([""]);
  });

  test("a statement touching more than 50 wires names everything at once; fewer, each wire", { timeout: 60_000 }, async () => {
    const db = await testDb();
    const { prisma } = db;
    await generateWires(db, { count: 60, seed: 5, batchSize: 60, mode: "append", contentDir: SHIPPED_CONTENT, url: env().DATABASE_URL });
    expect(await payloadsFrom(() => prisma.$executeRaw`UPDATE wire SET status_note = 'Bulk.'`)).toEqual(["*"]);
    const two = await payloadsFrom(() => prisma.$executeRaw`UPDATE wire SET status_note = 'Two.' WHERE id IN ('AIW-2022-0001', 'AIW-2022-0002')`);
    expect(keysOf(two)).toEqual(["card:AIW-2022-0001", "card:AIW-2022-0002", "lists", "wire:AIW-2022-0001", "wire:AIW-2022-0002"]);
  });

  test("a transaction of many statements is announced when it commits, with the keys of everything it changed, and one rolled back not at all", async () => {
    const { prisma } = await testDb();
    const [wire] = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM wire ORDER BY id DESC LIMIT 1`;
    const id = wire!.id;
    const many = () =>
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE wire SET status_note = 'One.' WHERE id = ${id}`;
        await tx.$executeRaw`UPDATE rationale SET test = test || '!' WHERE wire_id = ${id}`;
        await tx.$executeRaw`UPDATE source SET title = title || '!' WHERE wire_id = ${id}`;
      });
    // The rationale's and the sources' statements name the same keys: PostgreSQL sends that payload once.
    expect(await payloadsFrom(many)).toEqual([`card:${id},lists,wire:${id}`, `card:${id},wire:${id}`]);
    const rolledBack = () =>
      prisma
        .$transaction(async (tx) => {
          await tx.$executeRaw`UPDATE wire SET status_note = 'Never.' WHERE id = ${id}`;
          throw new Error("changed my mind");
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error) || error.message !== "changed my mind") throw error;
        });
    expect(await notificationsFrom(rolledBack)).toBe(0);
    const [note] = await prisma.$queryRaw<{ status_note: string }[]>`SELECT status_note FROM wire WHERE id = ${id}`;
    expect(note!.status_note).toBe("One.");
  });

  test("generated wires are announced batch by batch, though the generator writes without per-row triggers", { timeout: 60_000 }, async () => {
    const db = await testDb();
    const generate = () =>
      generateWires(db, { count: 30, seed: 3, batchSize: 10, mode: "append", contentDir: SHIPPED_CONTENT, url: env().DATABASE_URL });
    // Three batches, each a transaction of its own: at least three announcements, whatever else the run writes.
    expect(await notificationsFrom(generate)).toBeGreaterThanOrEqual(3);
  });

  test("what readers never see is not announced: accounts, sessions, the audit trail, the search postings", async () => {
    const { prisma } = await testDb();
    const quiet = () =>
      prisma.$transaction([
        prisma.$executeRaw`INSERT INTO sign_in_throttle (key, failures) VALUES ('address:192.0.2.1', 1) ON CONFLICT (key) DO UPDATE SET failures = sign_in_throttle.failures + 1`,
        prisma.$executeRaw`INSERT INTO audit_event (action, detail) VALUES ('test.quiet', '{}')`,
        prisma.$executeRaw`UPDATE search_block SET built_at = built_at`,
      ]);
    expect(await notificationsFrom(quiet)).toBe(0);
  });
});

describe("the listener", () => {
  // On PostgreSQL only (TEST_DATABASE_URL, as in CI): the embedded database runs in this process and
  // has no connection to lose.
  if (process.env.TEST_DATABASE_URL) {
    test("on a PostgreSQL server, says when its connection is lost and listens again by itself", async () => {
      const db = await testDb();
      const lost = heard.lost;
      const ready = heard.ready;
      await db.prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'archive change listener' AND datname = current_database()`;
      await until(() => heard.lost > lost, "the loss to be noticed");
      await until(() => heard.ready > ready, "the listener to be back");
      expect(await notificationsFrom(async () => undefined)).toBe(0);
    });
  }

  test("once stopped, hears nothing more", async () => {
    const db = await testDb();
    let second = 0;
    const stopSecond = await db.listen(ARCHIVE_CHANGED_CHANNEL, { notify: () => (second += 1), ready: () => undefined, lost: () => undefined });
    await notificationsFrom(async () => undefined);
    await until(() => second === 1, "the second listener to hear the marker");
    await stopSecond();
    await notificationsFrom(async () => undefined);
    expect(second).toBe(1);
  });
});
