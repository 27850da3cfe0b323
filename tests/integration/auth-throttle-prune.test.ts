import { afterAll, beforeAll, expect, test } from "vitest";
import { pruneSignInThrottle } from "@/lib/auth/prune-sign-in-throttle";
import { closeTestDb, resetDatabase, testDb } from "../helpers/database";

const NOW = new Date("2026-11-21T12:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

beforeAll(async () => {
  await testDb();
  await resetDatabase();
});
afterAll(closeTestDb);

test("stale throttle rows are forgotten, while running windows and locks are kept, at most once an hour", async () => {
  const { prisma } = await testDb();
  await prisma.signInThrottle.createMany({
    data: [
      { key: "account:old@example.test", failures: 3, windowStart: hoursAgo(30) },
      { key: "address:192.0.2.1", failures: 20, windowStart: hoursAgo(48), lockedUntil: hoursAgo(47) },
      { key: "account:recent@example.test", failures: 2, windowStart: hoursAgo(1) },
      { key: "account:locked@example.test", failures: 6, windowStart: hoursAgo(30), lockedUntil: new Date(NOW.getTime() + 600_000) },
    ],
  });
  expect(await pruneSignInThrottle(prisma, NOW)).toBe(2);
  const left = await prisma.signInThrottle.findMany({ select: { key: true }, orderBy: { key: "asc" } });
  expect(left.map((row) => row.key)).toEqual(["account:locked@example.test", "account:recent@example.test"]);

  await prisma.signInThrottle.create({ data: { key: "account:later@example.test", failures: 1, windowStart: hoursAgo(40) } });
  expect(await pruneSignInThrottle(prisma, new Date(NOW.getTime() + 60_000))).toBe(0);
  // An hour on: the new stale row goes, and so does the account whose lock has run out meanwhile.
  expect(await pruneSignInThrottle(prisma, new Date(NOW.getTime() + 3_600_000))).toBe(2);
  const after = await prisma.signInThrottle.findMany({ select: { key: true } });
  expect(after.map((row) => row.key)).toEqual(["account:recent@example.test"]);
});
