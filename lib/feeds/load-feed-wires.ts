import "server-only";
import { epochMs } from "@/lib/db/epoch-ms";
import { getDb } from "@/lib/db/get-db";
import type { RationaleBasis, SourceKind } from "@/lib/db/generated/enums";
import type { WireCore } from "@/lib/wires/wire-core";

export type FeedSource = {
  position: number;
  title: string;
  publisher: string;
  url: string;
  /** YYYY-MM-DD */
  publishedOn: string | null;
  kind: SourceKind;
  archivedUrl: string | null;
};

/** Everything one feed entry shows. */
export type FeedWire = WireCore & {
  publishedAt: Date;
  /** The latest of the wire's and its rationale's last change, never before filing. */
  updatedAt: Date;
  sources: FeedSource[];
  rationale: { text: string; basis: RationaleBasis; basisLabel: string; basisDate: string; test: string; version: number; updatedAt: Date } | null;
};

type Row = Omit<FeedWire, "publishedAt" | "updatedAt" | "sources" | "providers" | "codes" | "rationale"> & {
  ord: number;
  publishedAt: number;
  updatedAt: number;
  sources: FeedSource[] | null;
  providers: FeedWire["providers"] | null;
  codes: FeedWire["codes"] | null;
  rText: string | null;
  rBasis: RationaleBasis | null;
  rBasisLabel: string | null;
  rBasisDate: string | null;
  rTest: string | null;
  rVersion: number | null;
  rUpdatedAt: number | null;
};

// Relations aggregated in PostgreSQL, one row a wire.
const FEED_WIRES_SQL = `
  SELECT w.ord, w.id, w.slug, w.headline, w.summary, w.body, w.occurred_on::text AS "occurredOn",
    ${epochMs("w.published_at")} AS "publishedAt", ${epochMs("w.updated_at")} AS "updatedAt",
    w.severity::int AS severity, w.sourcing_standard::text AS "sourcingStandard", w.status::text AS status, w.status_note AS "statusNote",
    (SELECT json_agg(json_build_object('position', s.position, 'title', s.title, 'publisher', s.publisher, 'url', s.url,
         'publishedOn', s.published_on, 'kind', s.kind, 'archivedUrl', s.archived_url) ORDER BY s.position)
       FROM source s WHERE s.wire_id = w.id) AS sources,
    (SELECT json_agg(json_build_object('slug', p.slug, 'name', p.name) ORDER BY wp.position)
       FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id) AS providers,
    (SELECT json_agg(json_build_object('code', c.code, 'label', c.label) ORDER BY wc.position)
       FROM wire_code wc JOIN code c ON c.code = wc.code WHERE wc.wire_id = w.id) AS codes,
    r.text AS "rText", r.basis::text AS "rBasis", r.basis_label AS "rBasisLabel", r.basis_date::text AS "rBasisDate",
    r.test AS "rTest", r.version AS "rVersion", ${epochMs("r.updated_at")} AS "rUpdatedAt"
  FROM wire w LEFT JOIN rationale r ON r.wire_id = w.id
  WHERE w.ord = ANY($1::int[])`;

/**
 * Wires per statement. A feed's wires are scattered over a large archive, and reading them is mostly
 * waiting for the disk, one page at a time in each statement: a few statements side by side, each on
 * a connection of the driver's pool, wait together (at a million wires, 50 wires took about 10 ms
 * this way, 20 to 30 ms in one statement).
 */
const PER_STATEMENT = 17;

/**
 * Everything the entries of these wires show, in the given order (a wire that does not exist is left
 * out). Straight on the driver (Database.read): Prisma's nested reads took a query per relation and
 * several times as long.
 */
export async function loadFeedWires(ords: number[]): Promise<FeedWire[]> {
  if (ords.length === 0) return [];
  const db = await getDb();
  const groups: number[][] = [];
  for (let at = 0; at < ords.length; at += PER_STATEMENT) groups.push(ords.slice(at, at + PER_STATEMENT));
  const rows = (await Promise.all(groups.map((group) => db.read<Row>(FEED_WIRES_SQL, [group])))).flat();
  const byOrd = new Map(rows.map((row) => [row.ord, row]));
  return ords.flatMap((ord) => {
    const row = byOrd.get(ord);
    return row ? [feedWire(row)] : [];
  });
}

function feedWire(row: Row): FeedWire {
  const { ord: _ord, rText, rBasis, rBasisLabel, rBasisDate, rTest, rVersion, rUpdatedAt, publishedAt, updatedAt, sources, providers, codes, ...wire } = row;
  const filed = new Date(publishedAt);
  // An amended rationale updates the wire too; the later of the two is the entry's updated time either way.
  const changed = rUpdatedAt !== null && rUpdatedAt > updatedAt ? rUpdatedAt : updatedAt;
  return {
    ...wire,
    publishedAt: filed,
    updatedAt: changed < publishedAt ? filed : new Date(changed),
    sources: sources ?? [],
    providers: providers ?? [],
    codes: codes ?? [],
    rationale:
      rText === null
        ? null
        : { text: rText, basis: rBasis!, basisLabel: rBasisLabel!, basisDate: rBasisDate!, test: rTest!, version: Number(rVersion), updatedAt: new Date(rUpdatedAt!) },
  };
}
