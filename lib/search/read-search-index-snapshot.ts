import "server-only";
import pg from "pg";
import { getDb } from "@/lib/db/get-db";
import { env } from "@/lib/env";
import { FacetIndex, STANDARD_CODES, STATUS_CODES, type IndexRow } from "./facet-index";

type Snapshot = { wires: string | null; providers: string | null; codes: string | null; code_list: string | null; anchor: string | null };

const caseOf = (column: string, codes: Record<string, number>) =>
  `CASE ${column}::text ${Object.entries(codes).map(([name, code]) => `WHEN '${name}' THEN ${code}`).join(" ")} END`;
/** A timestamptz as whole milliseconds since 1970 (the columns hold milliseconds: timestamptz(3)). */
const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::int8`;

/**
 * Every wire's filterable fields as a few long texts of numbers: a record per wire, then the provider
 * and code links by wire ordinal. PostgreSQL scans each table once, and the rows cross as strings
 * instead of a million row objects: at a million wires this takes seconds, where reading wire by wire
 * with its links took half a minute. Three parts, each a statement of its own on PostgreSQL (read side
 * by side in one snapshot), or together in one statement.
 */
const SNAPSHOT_PARTS = [
  `(SELECT string_agg(concat_ws(',', ord, occurred_on - DATE '1970-01-01', severity, ${caseOf("sourcing_standard", STANDARD_CODES)},
     ${caseOf("status", STATUS_CODES)}, search_seq, text_seq, ${epochMs("published_at")}, ${epochMs("updated_at")}), ' ') FROM wire) AS wires,
   (SELECT concat_ws(',', ord, id) FROM wire ORDER BY ord LIMIT 1) AS anchor`,
  `(SELECT string_agg(concat_ws(',', w.ord, p.provider_id, p.position), ' ') FROM wire_provider p JOIN wire w ON w.id = p.wire_id) AS providers`,
  `(SELECT string_agg(concat_ws(',', w.ord, array_position(k.codes, c.code) - 1, c.position), ' ')
     FROM wire_code c JOIN wire w ON w.id = c.wire_id CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM code) k) AS codes,
   (SELECT string_agg(code, ' ' ORDER BY code) FROM code) AS code_list`,
].map((columns) => `SELECT ${columns}`);
const SNAPSHOT_SQL = `SELECT * FROM ${SNAPSHOT_PARTS.map((part, i) => `(${part}) AS part${i}`).join(", ")}`;

const STANDARD_NAMES = names(STANDARD_CODES);
const STATUS_NAMES = names(STATUS_CODES);

/** Reads the whole archive into a new index; its `seq` is the highest change sequence number it saw. */
export async function readSearchIndexSnapshot(): Promise<FacetIndex> {
  const snapshot = await readSnapshot();
  const index = new FacetIndex();
  if (!snapshot?.wires) return index;
  const codeNames = snapshot.code_list ? snapshot.code_list.split(" ") : [];
  const providers = new Links(snapshot.providers);
  const codes = new Links(snapshot.codes);
  // One row object and two lists, refilled for each wire: FacetIndex.apply keeps none of them.
  const row: IndexRow = { ord: 0, day: 0, severity: 0, standard: "STANDARD", status: "PUBLISHED", providers: [], codes: [] };
  const wires = new Fields(snapshot.wires);
  let maxSeq = 0;
  while (!wires.done()) {
    row.ord = wires.int();
    row.day = wires.int();
    row.severity = wires.int();
    row.standard = STANDARD_NAMES[wires.int()]!;
    row.status = STATUS_NAMES[wires.int()]!;
    maxSeq = Math.max(maxSeq, wires.int());
    row.textSeq = wires.int();
    row.filedAt = wires.int();
    row.changedAt = wires.int();
    providers.fill(row.ord, row.providers, (value) => value);
    codes.fill(row.ord, row.codes, (value) => codeNames[value]!);
    index.apply(row);
  }
  index.seq = BigInt(maxSeq);
  if (snapshot.anchor) {
    const comma = snapshot.anchor.indexOf(",");
    index.anchor = { ord: Number(snapshot.anchor.slice(0, comma)), id: snapshot.anchor.slice(comma + 1) };
  }
  return index;
}

/**
 * On PostgreSQL over connections of the index's own: Prisma's raw queries take many times longer than
 * the query itself to hand over texts this long. The parts are read side by side, one connection each,
 * in one snapshot of the archive (exported by the first, as pg_dump's parallel jobs share one): each
 * takes a few seconds at a million wires, and PostgreSQL works on them on as many cores. The embedded
 * database holds small archives: one statement through Prisma is fine.
 */
async function readSnapshot(): Promise<Snapshot | undefined> {
  const db = await getDb();
  const url = env().DATABASE_URL;
  if (db.kind !== "postgres" || !url) return (await db.prisma.$queryRawUnsafe<Snapshot[]>(SNAPSHOT_SQL))[0];
  const clients = SNAPSHOT_PARTS.map(() => new pg.Client({ connectionString: url, application_name: "search index" }));
  try {
    await Promise.all(clients.map((client) => client.connect()));
    const [lead, ...others] = clients;
    await lead!.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const [{ id } = { id: "" }] = (await lead!.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows;
    // PostgreSQL's own identifier (hex digits and dashes); SET TRANSACTION SNAPSHOT takes no parameter.
    if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`unexpected snapshot identifier ${JSON.stringify(id)}`);
    await Promise.all(
      others.map(async (client) => {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        await client.query(`SET TRANSACTION SNAPSHOT '${id}'`);
      }),
    );
    const parts = await Promise.all(clients.map(async (client, i) => (await client.query<Partial<Snapshot>>(SNAPSHOT_PARTS[i]!)).rows[0]));
    await Promise.all(clients.map((client) => client.query("COMMIT")));
    return Object.assign({}, ...parts) as Snapshot;
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}

/** Links (ordinal, value, position) grouped by ordinal in flat arrays, without an array per wire. */
class Links {
  private readonly start: Int32Array;
  private readonly values: Int32Array;
  private readonly positions: Int32Array;

  constructor(text: string | null) {
    const ords: number[] = [];
    const values: number[] = [];
    const positions: number[] = [];
    const fields = new Fields(text ?? "");
    let maxOrd = 0;
    while (!fields.done()) {
      const ord = fields.int();
      ords.push(ord);
      values.push(fields.int());
      positions.push(fields.int());
      if (ord > maxOrd) maxOrd = ord;
    }
    // Counting sort by ordinal.
    this.start = new Int32Array(maxOrd + 2);
    for (const ord of ords) this.start[ord + 1]! += 1;
    for (let i = 1; i < this.start.length; i += 1) this.start[i]! += this.start[i - 1]!;
    const next = this.start.slice();
    this.values = new Int32Array(ords.length);
    this.positions = new Int32Array(ords.length);
    for (let i = 0; i < ords.length; i += 1) {
      const at = next[ords[i]!]!++;
      this.values[at] = values[i]!;
      this.positions[at] = positions[i]!;
    }
  }

  /** Empties `out`, then adds the wire's values in the editor's order. */
  fill<T>(ord: number, out: T[], map: (value: number) => T): void {
    out.length = 0;
    if (ord + 1 >= this.start.length) return;
    const { values, positions } = this;
    const from = this.start[ord]!;
    const to = this.start[ord + 1]!;
    // Insertion sort by position, in place: a wire has a handful of links.
    for (let i = from + 1; i < to; i += 1) {
      const value = values[i]!;
      const position = positions[i]!;
      let j = i - 1;
      for (; j >= from && positions[j]! > position; j -= 1) {
        values[j + 1] = values[j]!;
        positions[j + 1] = positions[j]!;
      }
      values[j + 1] = value;
      positions[j + 1] = position;
    }
    for (let i = from; i < to; i += 1) out.push(map(values[i]!));
  }
}

/** Reads comma-separated integers of space-separated records, in order, without splitting the text. */
class Fields {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at >= this.source.length;
  }

  int(): number {
    const { source } = this;
    let i = this.at;
    let sign = 1;
    if (source.charCodeAt(i) === 45) {
      sign = -1;
      i += 1;
    }
    let n = 0;
    for (; i < source.length; i += 1) {
      const c = source.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
    }
    this.at = i + 1;
    return sign * n;
  }
}

function names<T extends string>(codes: Record<T, number>): T[] {
  const out: T[] = [];
  for (const [name, code] of Object.entries(codes) as [T, number][]) out[code] = name;
  return out;
}
