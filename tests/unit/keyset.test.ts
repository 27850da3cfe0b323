import { describe, expect, test } from "vitest";
import { decodeCursor, encodeCursor, keysetQuery, toPage, type Cursor } from "@/lib/wires/keyset";

const cursor: Cursor = { at: new Date("2026-05-10T09:08:00.000Z"), id: "AIW-2022-0008" };
const encodeRaw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("cursors", () => {
  test("a cursor decodes to the time and id it was made from", () => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  test("cursors keep millisecond precision", () => {
    const precise = { at: new Date("2022-11-03T00:00:00.123Z"), id: "AIW-2022-0001" };
    expect(decodeCursor(encodeCursor(precise))?.at.toISOString()).toBe("2022-11-03T00:00:00.123Z");
  });

  test.each([
    ["empty", ""],
    ["not base64", "%%%not-a-cursor%%%"],
    ["base64 of plain text", Buffer.from("hello world").toString("base64url")],
    ["an object instead of a pair", encodeRaw({ at: "2026-05-10T09:08:00.000Z", id: "AIW-2022-0008" })],
    ["a pair in the wrong order", encodeRaw(["AIW-2022-0008", "2026-05-10T09:08:00.000Z"])],
    ["a time that is not a time", encodeRaw(["yesterday", "AIW-2022-0008"])],
    ["an impossible date", encodeRaw(["2022-13-45T00:00:00.000Z", "AIW-2022-0008"])],
    ["an empty id", encodeRaw(["2026-05-10T09:08:00.000Z", ""])],
    ["an id too long to be a wire id", encodeRaw(["2026-05-10T09:08:00.000Z", "A".repeat(41)])],
    ["a number as id", encodeRaw(["2026-05-10T09:08:00.000Z", 8])],
    ["an extra element", encodeRaw(["2026-05-10T09:08:00.000Z", "AIW-2022-0008", "x"])],
  ])("garbage gives no cursor: %s", (_, value) => {
    expect(decodeCursor(value)).toBeUndefined();
  });

  test("a cut-off or tampered cursor gives no cursor", () => {
    const encoded = encodeCursor(cursor);
    expect(decodeCursor(encoded.slice(0, -6))).toBeUndefined();
    const json = Buffer.from(encoded, "base64url").toString("utf8");
    expect(decodeCursor(Buffer.from(json.replace("2026-05-10T", "2026-05-10 ")).toString("base64url"))).toBeUndefined();
    expect(decodeCursor(Buffer.from(json.replace("]", "")).toString("base64url"))).toBeUndefined();
  });
});

describe("keysetQuery", () => {
  test("without a cursor: no condition, newest first with the id breaking ties", () => {
    expect(keysetQuery("publishedAt", undefined, "older")).toEqual({
      where: {},
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    });
  });

  test("older: rows strictly before the cursor, newest first", () => {
    expect(keysetQuery("publishedAt", cursor, "older")).toEqual({
      where: { OR: [{ publishedAt: { lt: cursor.at } }, { publishedAt: cursor.at, id: { lt: cursor.id } }] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    });
  });

  test("newer: rows strictly after the cursor, oldest first (the page is reversed afterwards)", () => {
    expect(keysetQuery("occurredOn", cursor, "newer")).toEqual({
      where: { OR: [{ occurredOn: { gt: cursor.at } }, { occurredOn: cursor.at, id: { gt: cursor.id } }] },
      orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
    });
  });
});

describe("toPage", () => {
  type Row = { id: string; at: string };
  const row = (n: number): Row => ({ id: `W${n}`, at: `2026-01-${String(n).padStart(2, "0")}T00:00:00.000Z` });
  const keyOf = (r: Row): Cursor => ({ at: new Date(r.at), id: r.id });

  test("first page with more rows: an older cursor after the last item, no newer one", () => {
    const page = toPage([row(9), row(8), row(7), row(6)], 3, false, "older", keyOf);
    expect(page.items.map((r) => r.id)).toEqual(["W9", "W8", "W7"]);
    expect(decodeCursor(page.older!)).toEqual(keyOf(row(7)));
    expect(page.newer).toBeUndefined();
  });

  test("last page reached going older: a newer cursor only", () => {
    const page = toPage([row(2), row(1)], 3, true, "older", keyOf);
    expect(page.items.map((r) => r.id)).toEqual(["W2", "W1"]);
    expect(page.older).toBeUndefined();
    expect(decodeCursor(page.newer!)).toEqual(keyOf(row(2)));
  });

  test("going newer: rows come oldest first and are shown newest first", () => {
    const page = toPage([row(4), row(5), row(6), row(7)], 3, true, "newer", keyOf);
    expect(page.items.map((r) => r.id)).toEqual(["W6", "W5", "W4"]);
    expect(decodeCursor(page.newer!)).toEqual(keyOf(row(6)));
    expect(decodeCursor(page.older!)).toEqual(keyOf(row(4)));
  });

  test("an empty page has no cursors", () => {
    expect(toPage<Row>([], 3, true, "older", keyOf)).toEqual({ items: [], older: undefined, newer: undefined });
  });
});
