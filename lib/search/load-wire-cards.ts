import "server-only";
import { getDb } from "@/lib/db/get-db";
import { isoText } from "@/lib/db/iso-text";
import { cardKey, recordDependency } from "@/lib/http/render-dependencies";
import type { WireCard } from "@/lib/wires/wire-card";

type Row = Omit<WireCard, "providers" | "codes" | "rationaleAmended"> & {
  ord: number;
  providers: WireCard["providers"] | null;
  codes: WireCard["codes"] | null;
  amendedAt: string | null;
  amendedVersion: number | null;
};

/**
 * The cards of a page of results, by ordinal, in one statement: the same cards as wireCardSelect and
 * toWireCard give (a test compares them), where Prisma's nested reads take a query per relation and
 * several times as long. Read straight on the driver (Database.read), the times as ISO text from
 * PostgreSQL itself, so that both databases' drivers hand over the same strings.
 */
export async function loadWireCards(ords: number[]): Promise<Map<number, WireCard>> {
  if (ords.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.read<Row>(
    `SELECT w.ord, w.id, w.slug, w.headline, w.summary, w.occurred_on::text AS "occurredOn", ${isoText("w.published_at")} AS "publishedAt",
      w.severity::int AS severity, w.sourcing_standard::text AS "sourcingStandard", w.status::text AS status,
      (SELECT count(*)::int FROM source s WHERE s.wire_id = w.id) AS "sourceCount",
      (SELECT json_agg(json_build_object('slug', p.slug, 'name', p.name) ORDER BY wp.position)
         FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id) AS providers,
      (SELECT json_agg(json_build_object('code', c.code, 'label', c.label) ORDER BY wc.position)
         FROM wire_code wc JOIN code c ON c.code = wc.code WHERE wc.wire_id = w.id) AS codes,
      CASE WHEN r.basis = 'EDITOR_AMENDMENT' THEN ${isoText("r.updated_at")} END AS "amendedAt",
      CASE WHEN r.basis = 'EDITOR_AMENDMENT' THEN r.version END AS "amendedVersion"
    FROM wire w LEFT JOIN rationale r ON r.wire_id = w.id
    WHERE w.ord = ANY($1::int[])`,
    [ords],
  );
  recordDependency(...rows.map((row) => cardKey(row.id)));
  return new Map(
    rows.map((row): [number, WireCard] => [
      row.ord,
      {
        id: row.id,
        slug: row.slug,
        headline: row.headline,
        summary: row.summary,
        occurredOn: row.occurredOn,
        publishedAt: row.publishedAt,
        severity: row.severity,
        sourcingStandard: row.sourcingStandard,
        status: row.status,
        sourceCount: row.sourceCount,
        providers: row.providers ?? [],
        codes: row.codes ?? [],
        rationaleAmended: row.amendedAt && row.amendedVersion !== null ? { at: row.amendedAt, version: row.amendedVersion } : null,
      },
    ]),
  );
}
