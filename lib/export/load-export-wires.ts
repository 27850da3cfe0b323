import "server-only";
import { epochMs } from "@/lib/db/epoch-ms";
import { getDb } from "@/lib/db/get-db";
import type { WireCore } from "@/lib/wires/wire-core";

export type ExportSource = {
  position: number;
  title: string;
  publisher: string;
  url: string;
  published_on: string | null;
  kind: "PRIMARY" | "REPORT" | "ANALYSIS";
  archived_url: string | null;
};

/** One wire as the exports write it, straight from the database. */
export type ExportWire = WireCore & {
  ord: number;
  publishedAt: Date;
  /** The later of the wire's and its rationale's last change: an amended rationale updates the wire. */
  updatedAt: Date;
  sources: ExportSource[];
  rationale: {
    text: string;
    basis: string;
    basisLabel: string;
    basisDate: string;
    test: string;
    version: number;
    updatedAt: Date;
  } | null;
};

/** Provider and code names, read once per export: a batch carries only their ids. */
export type ExportNames = { providers: Map<number, { slug: string; name: string }>; codes: Map<string, string> };

type Row = Omit<ExportWire, "publishedAt" | "updatedAt" | "rationale" | "providers" | "codes" | "sources"> & {
  publishedAt: number;
  updatedAt: number;
  providerIds: number[] | null;
  codes: string[] | null;
  sources: ExportSource[] | null;
  rText: string | null;
  rBasis: string | null;
  rBasisLabel: string | null;
  rBasisDate: string | null;
  rTest: string | null;
  rVersion: number | null;
  rUpdatedAt: number | null;
};

const EXPORT_WIRES_SQL = `
  SELECT w.ord, w.id, w.slug, w.headline, w.summary, w.body, w.occurred_on::text AS "occurredOn",
    ${epochMs("w.published_at")} AS "publishedAt", ${epochMs("greatest(w.updated_at, w.published_at, r.updated_at)")} AS "updatedAt",
    w.severity::int AS severity, w.sourcing_standard::text AS "sourcingStandard", w.status::text AS status,
    w.status_note AS "statusNote",
    (SELECT json_agg(wp.provider_id ORDER BY wp.position) FROM wire_provider wp WHERE wp.wire_id = w.id) AS "providerIds",
    (SELECT json_agg(wc.code ORDER BY wc.position) FROM wire_code wc WHERE wc.wire_id = w.id) AS codes,
    (SELECT json_agg(json_build_object('position', s.position, 'title', s.title, 'publisher', s.publisher, 'url', s.url,
         'published_on', s.published_on, 'kind', s.kind, 'archived_url', s.archived_url) ORDER BY s.position)
       FROM source s WHERE s.wire_id = w.id) AS sources,
    r.text AS "rText", r.basis::text AS "rBasis", r.basis_label AS "rBasisLabel", r.basis_date::text AS "rBasisDate",
    r.test AS "rTest", r.version AS "rVersion", ${epochMs("r.updated_at")} AS "rUpdatedAt"
  FROM wire w LEFT JOIN rationale r ON r.wire_id = w.id
  WHERE w.ord = ANY($1::int[])`;

/**
 * The wires with these ordinals, in the given order: one statement per batch, with providers,
 * codes and sources aggregated in PostgreSQL, so a batch of a thousand wires is one round trip.
 * Each aggregate reads one index range by wire id; names come from `names`. Read straight on the
 * driver (Database.read): Prisma's handing over of rows this wide cost as much as the query.
 */
export async function loadExportWires(ords: number[], names: ExportNames): Promise<ExportWire[]> {
  if (ords.length === 0) return [];
  const db = await getDb();
  const rows = await db.read<Row>(EXPORT_WIRES_SQL, [ords]);
  const byOrd = new Map(rows.map((row) => [row.ord, row]));
  return ords.flatMap((ord) => {
    const row = byOrd.get(ord);
    if (!row) return [];
    const { rText, rBasis, rBasisLabel, rBasisDate, rTest, rVersion, rUpdatedAt, providerIds, codes, sources, ...wire } = row;
    return [
      {
        ...wire,
        publishedAt: new Date(wire.publishedAt),
        updatedAt: new Date(wire.updatedAt),
        providers: (providerIds ?? []).flatMap((id) => names.providers.get(id) ?? []),
        codes: (codes ?? []).map((code) => ({ code, label: names.codes.get(code) ?? "" })),
        sources: sources ?? [],
        rationale:
          rText === null
            ? null
            : { text: rText, basis: rBasis!, basisLabel: rBasisLabel!, basisDate: rBasisDate!, test: rTest!, version: Number(rVersion), updatedAt: new Date(rUpdatedAt!) },
      },
    ];
  });
}
