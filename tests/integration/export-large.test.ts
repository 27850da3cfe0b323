import { parse } from "csv-parse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getCsv } from "@/app/archive/export.csv/route";
import { GET as getNdjson } from "@/app/archive/export.ndjson/route";
import { env } from "@/lib/env";
import { parseExportQuery } from "@/lib/export/export-query";
import { exportRecordSchema } from "@/lib/export/export-record";
import { exportStream } from "@/lib/export/export-stream";
import { selectExportWires } from "@/lib/export/select-export-wires";
import { generateWires } from "@/lib/synthetic/generate-wires";
import { SHIPPED_CONTENT } from "../helpers/content-copy";
import { closeTestDb, resetDatabase, testDb } from "../helpers/database";

// A generated archive of thousands of wires streams to the end, read as it arrives: every listed
// wire once, as many records as the database says. How flat memory stays is measured by
// `npm run bench:export` at a million wires, not asserted here.

const COUNT = 8_000;

function parseQuery(params: Record<string, string>) {
  const parsed = parseExportQuery(params, "ndjson");
  if (parsed.status !== "ok") throw new Error("valid parameters");
  return parsed.query;
}

async function sqlCount(where: string): Promise<number> {
  const { prisma } = await testDb();
  const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM wire w WHERE w.status <> 'MERGED' AND ${where}`);
  return row!.n;
}

async function sqlIds(): Promise<string[]> {
  const { prisma } = await testDb();
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM wire WHERE status <> 'MERGED' ORDER BY id`);
  return rows.map((row) => row.id);
}

function request(format: string, params = "") {
  return new Request(`http://127.0.0.1:3000/archive/export.${format}${params ? `?${params}` : ""}`, { headers: { host: "wires.test" } });
}

/** Reads an NDJSON body chunk by chunk, as a client would: the ids, each line checked against the schema. */
async function streamNdjson(response: Response): Promise<{ ids: string[]; chunks: number }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const ids: string[] = [];
  let rest = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks += 1;
    const lines = (rest + value).split("\n");
    rest = lines.pop()!;
    for (const line of lines) ids.push(exportRecordSchema.parse(JSON.parse(line)).id);
  }
  expect(rest).toBe("");
  return { ids, chunks };
}

/** Reads a CSV body through csv-parse's streaming parser: the ids of its records. */
async function streamCsv(response: Response): Promise<string[]> {
  const parser = parse({ bom: true, columns: true });
  const ids: string[] = [];
  parser.on("readable", () => {
    for (let record = parser.read() as Record<string, string> | null; record; record = parser.read() as Record<string, string> | null) ids.push(record.id!);
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.write(Buffer.from(value));
  }
  parser.end();
  await finished;
  return ids;
}

beforeAll(async () => {
  const db = await testDb();
  await resetDatabase();
  await generateWires(db, { count: COUNT, seed: 11, batchSize: 1_000, mode: "refuse", contentDir: SHIPPED_CONTENT, url: env().DATABASE_URL });
}, 600_000);
afterAll(closeTestDb);

describe(`an export of a generated archive of ${COUNT.toLocaleString("en-US")} wires`, () => {
  test("NDJSON streams completely, in batches: one valid line per listed wire", { timeout: 300_000 }, async () => {
    const response = await getNdjson(request("ndjson"));
    expect(response.status).toBe(200);
    const total = Number(response.headers.get("x-total-count"));
    expect(total).toBe(await sqlCount("true"));
    const { ids, chunks } = await streamNdjson(response);
    expect(ids.length).toBe(total);
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(total / 1_000));
    expect([...ids].sort()).toEqual(await sqlIds());
  });

  test("the CSV streams completely: as many records as listed wires, each once", { timeout: 300_000 }, async () => {
    const ids = await streamCsv(await getCsv(request("csv")));
    expect(ids.length).toBe(await sqlCount("true"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a filtered export holds as many wires as the database has matches", { timeout: 300_000 }, async () => {
    const ids = await streamCsv(await getCsv(request("csv", "severity=1-2&status=withdrawn&status=corrected")));
    const expected = await sqlCount("w.severity <= 2 AND w.status IN ('WITHDRAWN', 'CORRECTED')");
    expect(expected).toBeGreaterThan(0);
    expect(ids.length).toBe(expected);
  });

  test("the stream reads the database only as fast as it is read, and a download given up stops it", { timeout: 300_000 }, async () => {
    const selection = await selectExportWires(parseQuery({}));
    if (selection.status !== "ok") throw new Error("the whole archive is a valid selection");
    let loaded = 0;
    const stream = exportStream({ selection, format: "ndjson", base: "http://wires.test", bom: false, batchSize: 100, onProgress: (done) => (loaded = done) });
    const reader = stream.getReader();
    expect((await reader.read()).done).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // One batch handed over, one waiting in the stream's queue: nothing more until the reader asks.
    expect(selection.total).toBeGreaterThan(10 * 100);
    expect(loaded).toBeLessThanOrEqual(2 * 100);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(loaded).toBeLessThanOrEqual(2 * 100);
    // The archive still answers once the stream is cancelled.
    const again = await getNdjson(request("ndjson", "severity=1"));
    expect((await streamNdjson(again)).ids.length).toBe(await sqlCount("w.severity = 1"));
  });
});
