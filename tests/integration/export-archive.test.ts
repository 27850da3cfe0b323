import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getCsv } from "@/app/archive/export.csv/route";
import { GET as getNdjson } from "@/app/archive/export.ndjson/route";
import { exportRecordSchema, type ExportRecord } from "@/lib/export/export-record";
import type { SearchParams } from "@/lib/search/archive-query";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { idsOf, insertSearchWire, search, seedFixtures, walkPages } from "../helpers/search";

// The downloads of /archive: the same wires as the search, read back with a real CSV parser and
// a schema for every NDJSON line, and compared with what the database holds.

const HOST = "wires.test";

/** Headlines a spreadsheet or a careless writer gets wrong: separators, quotes, line breaks, formulas, other scripts. */
const AWKWARD = [
  { id: "AIW-2025-0101", headline: 'Model says "no", then "yes", then, finally, "maybe"', occurredOn: "2025-02-01" },
  { id: "AIW-2025-0102", headline: "A headline on\ntwo lines, with a comma", occurredOn: "2025-02-02" },
  { id: "AIW-2025-0103", headline: "=HYPERLINK(\"http://evil.example\",\"Click\")", occurredOn: "2025-02-03" },
  { id: "AIW-2025-0104", headline: "-2 points for DALL·E — “smart quotes”, ça, 日本語, 🙂", occurredOn: "2025-02-04" },
  { id: "AIW-2025-0105", headline: "@channel +1 for the \ttabbed reply", occurredOn: "2025-02-05" },
];

async function download(format: "csv" | "ndjson", params: string) {
  const url = `http://127.0.0.1:3000/archive/export.${format}${params ? `?${params}` : ""}`;
  const request = new Request(url, { headers: { host: HOST } });
  const response = await (format === "csv" ? getCsv(request) : getNdjson(request));
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

async function csvRows(params: string): Promise<Record<string, string>[]> {
  const { status, text } = await download("csv", params);
  expect(status).toBe(200);
  return parse(text, { bom: true, columns: true, relax_quotes: false, skip_empty_lines: false }) as Record<string, string>[];
}

async function ndjsonRecords(params: string): Promise<ExportRecord[]> {
  const { status, text } = await download("ndjson", params);
  expect(status).toBe(200);
  expect(text === "" || text.endsWith("\n")).toBe(true);
  return text.split("\n").filter((line, index, lines) => index < lines.length - 1 || line !== "").map((line) => exportRecordSchema.parse(JSON.parse(line)));
}

/** Every id the archive's own search lists for these parameters, page after page, in its order. */
async function archiveIds(params: SearchParams): Promise<string[]> {
  const first = await search(params, 7);
  return [idsOf(first), ...(await walkPages(params, first, "older", 7))].flat();
}

/** A spreadsheet cell back to the stored text: the formula guard adds one apostrophe before = + - @ tab CR. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

type DbWire = { id: string; slug: string; headline: string; occurred_on: string; published_at: Date; updated_at: Date; status: string; providers: string[] | null; slugs: string[] | null; codes: string[] | null; urls: string[] | null };

async function dbWires(): Promise<Map<string, DbWire>> {
  const { prisma } = await testDb();
  const rows = await prisma.$queryRaw<DbWire[]>`
    SELECT w.id, w.slug, w.headline, w.occurred_on::text, w.published_at, greatest(w.updated_at, r.updated_at) AS updated_at, w.status::text AS status,
      (SELECT array_agg(p.name ORDER BY wp.position) FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id) AS providers,
      (SELECT array_agg(p.slug ORDER BY wp.position) FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id) AS slugs,
      (SELECT array_agg(wc.code ORDER BY wc.position) FROM wire_code wc WHERE wc.wire_id = w.id) AS codes,
      (SELECT array_agg(s.url ORDER BY s.position) FROM source s WHERE s.wire_id = w.id) AS urls
    FROM wire w LEFT JOIN rationale r ON r.wire_id = w.id`;
  return new Map(rows.map((row) => [row.id, row]));
}

let wires: Map<string, DbWire>;

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
  for (const wire of AWKWARD) await insertSearchWire({ ...wire, providers: ["openai", "google"], codes: ["M1"], summary: `Summary, with "quotes", of ${wire.id}` });
  wires = await dbWires();
});
afterAll(closeTestDb);

describe("the CSV", () => {
  test("starts with a UTF-8 byte order mark and a header row, unless bom=0; names the file; counts the wires", async () => {
    const csv = await download("csv", "provider=openai");
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text.slice(1, csv.text.indexOf("\r\n"))).toBe(
      "id,permalink,headline,summary,occurred_on,published_at,updated_at,severity,severity_label,sourcing_standard,status,status_note,providers,provider_slugs,codes,source_count,source_urls,rationale,rationale_test,rationale_version,body",
    );
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="ai-incident-wires-openai-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers.get("cache-control")).toBe("no-store");
    expect(csv.headers.get("x-total-count")).toBe(String((await archiveIds({ provider: "openai" })).length));

    const plain = await download("csv", "provider=openai&bom=0");
    expect(plain.text.startsWith("id,permalink,")).toBe(true);
    expect(plain.bytes.length).toBe(csv.bytes.length - 3);
  });

  test("round-trips through a CSV parser to the archive's wires: ids in its order, text, dates, lists and links", async () => {
    const rows = await csvRows("");
    expect(rows.map((row) => row.id)).toEqual(await archiveIds({}));
    for (const row of rows) {
      const wire = wires.get(row.id!)!;
      expect(unguard(row.headline!)).toBe(wire.headline);
      expect(row.permalink).toBe(`http://${HOST}/wires/${wire.id}`);
      expect(row.occurred_on).toBe(wire.occurred_on);
      expect(row.published_at).toBe(wire.published_at.toISOString());
      expect(row.updated_at).toBe(wire.updated_at.toISOString());
      expect(row.providers).toBe((wire.providers ?? []).join("; "));
      expect(row.provider_slugs).toBe((wire.slugs ?? []).join("; "));
      expect(row.codes).toBe((wire.codes ?? []).join("; "));
      expect(row.status).toBe(wire.status.toLowerCase());
      // A withdrawn wire's text and sources are no longer published, here as on its page.
      expect(row.source_urls).toBe(wire.status === "WITHDRAWN" ? "" : (wire.urls ?? []).join("; "));
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get("AIW-2025-0101")!.headline).toBe('Model says "no", then "yes", then, finally, "maybe"');
    expect(byId.get("AIW-2025-0102")!.headline).toBe("A headline on\ntwo lines, with a comma");
    expect(byId.get("AIW-2025-0104")!.summary).toBe('Summary, with "quotes", of AIW-2025-0104');
    expect(byId.get("AIW-2024-0003")).toMatchObject({ status: "withdrawn", status_note: "Test note.", summary: "", body: "", rationale: "" });
    expect(byId.has("AIW-2024-0004")).toBe(false); // merged
  });

  test("cells that would run as formulas begin with an apostrophe; unicode arrives intact", async () => {
    const byId = new Map((await csvRows("q=hyperlink or points or channel")).map((row) => [row.id, row]));
    expect(byId.get("AIW-2025-0103")!.headline).toBe("'=HYPERLINK(\"http://evil.example\",\"Click\")");
    expect(byId.get("AIW-2025-0104")!.headline).toBe("'-2 points for DALL·E — “smart quotes”, ça, 日本語, 🙂");
    expect(byId.get("AIW-2025-0105")!.headline).toBe("'@channel +1 for the \ttabbed reply");
  });
});

describe("the NDJSON", () => {
  test("one JSON object per wire and line, each valid against the record's schema, with the wire's facts", async () => {
    const { headers } = await download("ndjson", "");
    expect(headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(headers.get("content-disposition")).toMatch(/^attachment; filename="ai-incident-wires-\d{4}-\d{2}-\d{2}\.ndjson"$/);
    const records = await ndjsonRecords("");
    expect(records.map((record) => record.id)).toEqual(await archiveIds({}));
    for (const record of records) {
      const wire = wires.get(record.id)!;
      expect(record.headline).toBe(wire.headline);
      expect(record.url).toBe(`http://${HOST}/wires/${wire.id}/${wire.slug}`);
      expect(record.published_at).toBe(wire.published_at.toISOString());
      expect(record.providers.map((provider) => provider.slug)).toEqual(wire.slugs ?? []);
      expect(record.codes.map((code) => code.code)).toEqual(wire.codes ?? []);
    }
    const shipped = records.find((record) => record.id === "AIW-2022-0008")!;
    expect(shipped.sources.length).toBeGreaterThan(0);
    expect(shipped.rationale).toMatchObject({ basis: "classification-run", version: 1 });
    expect(shipped.body).toContain("(source:1)");
    expect(records.find((record) => record.id === "AIW-2024-0003")).toMatchObject({ status: "withdrawn", body: null, summary: null, sources: [], rationale: null });
  });
});

describe("filters and text select exactly the archive's matches", () => {
  test.each<[string, SearchParams]>([
    ["provider=google", { provider: "google" }],
    ["provider=Open%20AI&code=M", { provider: "Open AI", code: "M" }],
    ["severity=1-2&status=published&status=corrected", { severity: "1-2", status: ["published", "corrected"] }],
    ["status=withdrawn", { status: "withdrawn" }],
    ["standard=confirmed&from=2024&to=2025-01", { standard: "confirmed", from: "2024", to: "2025-01" }],
    ["code=M1&from=2025-02-02", { code: "M1", from: "2025-02-02" }],
  ])("%s, in the archive's order", async (params, archive) => {
    const expected = await archiveIds(archive);
    expect(expected.length).toBeGreaterThan(0);
    expect((await csvRows(params)).map((row) => row.id)).toEqual(expected);
    expect((await ndjsonRecords(params)).map((record) => record.id)).toEqual(expected);
  });

  test.each<[string, SearchParams]>([
    ["q=quokka", { q: "quokka" }],
    ['q="purple wombat"', { q: '"purple wombat"' }],
    ["q=quokka%20-firefly&provider=google", { q: "quokka -firefly", provider: "google" }],
  ])("%s: the same wires, newest first (the archive ranks them by relevance)", async (params, archive) => {
    const expected = (await archiveIds(archive)).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect((await csvRows(params)).map((row) => row.id).sort()).toEqual(expected);
    const records = await ndjsonRecords(params);
    expect(records.map((record) => record.id).sort()).toEqual(expected);
    const dates = records.map((record) => record.occurred_on);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test("a search with no matches is a header alone, or an empty NDJSON file", async () => {
    const csv = await download("csv", "q=zzyzxnothing");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("x-total-count")).toBe("0");
    expect(parse(csv.text, { bom: true, columns: true })).toEqual([]);
    expect((await download("ndjson", "q=zzyzxnothing")).text).toBe("");
  });
});

describe("bad parameters", () => {
  test.each<[string, "csv" | "ndjson", string[]]>([
    ["severity=9", "csv", ["severity"]],
    ["cursor=d19000_12&dir=older", "csv", ["cursor", "dir"]],
    ["bom=yes", "csv", ["bom"]],
    ["bom=1", "ndjson", ["bom"]],
    ["sort=oldest", "ndjson", ["sort"]],
    ["provider=nosuchvendor", "csv", ["provider"]],
    ["code=Z9", "ndjson", ["code"]],
    ["q=the", "csv", ["q"]],
  ])("%s (%s): 400, plain text naming %o", async (params, format, names) => {
    const response = await download(format, params);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBeNull();
    const lines = response.text.trim().split("\n");
    expect(lines[0]).toBe("This export's address has parameters the archive cannot use:");
    expect(lines.slice(1).map((line) => line.split(":")[0])).toEqual(names);
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
