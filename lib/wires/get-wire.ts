import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/get-db";
import { isoText } from "@/lib/db/iso-text";
import type { GuideCard } from "@/lib/guides/guide-card";
import { recordDependency, wireKey } from "@/lib/http/render-dependencies";
import type { WireCore } from "./wire-core";

/** One wire with everything its page shows. */
export type WireDetail = WireCore & {
  /** Its place in the search index. */
  ord: number;
  publishedAt: string;
  updatedAt: string;
  mergedInto: { id: string; slug: string; headline: string } | null;
  sources: { position: number; title: string; publisher: string; url: string; publishedOn: string | null; kind: "PRIMARY" | "REPORT" | "ANALYSIS"; archivedUrl: string | null }[];
  rationale: { text: string; basis: "CLASSIFICATION_RUN" | "EDITOR_AMENDMENT"; basisLabel: string; basisDate: string; test: string; version: number; updatedAt: string } | null;
  /** The ordinals of the wires an editor linked as related, in the editor's order. */
  curated: number[];
  /**
   * Related guides: those an editor linked first, then those sharing the wire's codes (two points each)
   * and providers (one each), most shared first, then in the guides' own order.
   */
  guides: GuideCard[];
};

/**
 * One wire with everything its page shows, or null when no wire has this id: one statement, straight
 * on the driver (Database.read), its lists gathered as JSON by PostgreSQL, where Prisma's nested read
 * takes a query per relation. Cached for the request, so that the page and its metadata read it once.
 */
export const getWire = cache(readWire);

type Row = Omit<WireDetail, "sources" | "providers" | "codes" | "curated" | "guides"> & {
  sources: WireDetail["sources"] | null;
  providers: WireDetail["providers"] | null;
  codes: WireDetail["codes"] | null;
  curated: number[] | null;
  guides: GuideCard[] | null;
};

const WIRE_SQL = `
  SELECT w.id, w.ord, w.slug, w.headline, w.summary, w.body, w.occurred_on::text AS "occurredOn",
    ${isoText("w.published_at")} AS "publishedAt", ${isoText("w.updated_at")} AS "updatedAt",
    w.severity::int AS severity, w.sourcing_standard::text AS "sourcingStandard", w.status::text AS status, w.status_note AS "statusNote",
    (SELECT json_build_object('id', m.id, 'slug', m.slug, 'headline', m.headline) FROM wire m WHERE m.id = w.merged_into_id) AS "mergedInto",
    (SELECT json_agg(json_build_object('position', s.position, 'title', s.title, 'publisher', s.publisher, 'url', s.url,
        'publishedOn', s.published_on::text, 'kind', s.kind, 'archivedUrl', s.archived_url) ORDER BY s.position)
      FROM source s WHERE s.wire_id = w.id) AS sources,
    (SELECT json_agg(json_build_object('slug', p.slug, 'name', p.name) ORDER BY wp.position)
      FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id) AS providers,
    (SELECT json_agg(json_build_object('code', c.code, 'label', c.label) ORDER BY wc.position)
      FROM wire_code wc JOIN code c ON c.code = wc.code WHERE wc.wire_id = w.id) AS codes,
    (SELECT json_build_object('text', r.text, 'basis', r.basis, 'basisLabel', r.basis_label, 'basisDate', r.basis_date::text,
        'test', r.test, 'version', r.version, 'updatedAt', ${isoText("r.updated_at")})
      FROM rationale r WHERE r.wire_id = w.id) AS rationale,
    (SELECT array_agg(t.ord ORDER BY l.position) FROM wire_link l JOIN wire t ON t.id = l.to_id WHERE l.from_id = w.id) AS curated,
    (SELECT json_agg(json_build_object('slug', g.slug, 'title', g.title, 'summary', g.summary) ORDER BY s.score DESC, g.position)
      FROM guide g,
        LATERAL (SELECT 100 * (SELECT count(*) FROM wire_guide wg WHERE wg.wire_id = w.id AND wg.guide_slug = g.slug)
          + 2 * (SELECT count(*) FROM guide_code gc JOIN wire_code wc ON wc.code = gc.code AND wc.wire_id = w.id WHERE gc.guide_slug = g.slug)
          + (SELECT count(*) FROM guide_provider gp JOIN wire_provider wp ON wp.provider_id = gp.provider_id AND wp.wire_id = w.id WHERE gp.guide_slug = g.slug)
          AS score) AS s
      WHERE s.score > 0) AS guides
  FROM wire w WHERE w.id = $1`;

async function readWire(id: string): Promise<WireDetail | null> {
  recordDependency(wireKey(id));
  const db = await getDb();
  const [row] = await db.read<Row>(WIRE_SQL, [id]);
  if (!row) return null;
  return { ...row, sources: row.sources ?? [], providers: row.providers ?? [], codes: row.codes ?? [], curated: row.curated ?? [], guides: row.guides ?? [] };
}
