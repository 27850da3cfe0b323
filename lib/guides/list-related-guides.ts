import "server-only";
import { getDb } from "@/lib/db/get-db";
import { recordDependency, wireKey } from "@/lib/http/render-dependencies";

export type GuideCard = { slug: string; title: string; summary: string };

/**
 * Related guides: curated links first, then guides sharing the wire's codes (two points each) and
 * providers (one each), most shared first, then in the guides' own order. One statement.
 */
export async function listRelatedGuides(wireId: string): Promise<GuideCard[]> {
  recordDependency(wireKey(wireId));
  const db = await getDb();
  return db.read<GuideCard>(
    `SELECT g.slug, g.title, g.summary FROM guide g,
       LATERAL (SELECT 100 * (SELECT count(*) FROM wire_guide wg WHERE wg.wire_id = $1 AND wg.guide_slug = g.slug)
         + 2 * (SELECT count(*) FROM guide_code gc JOIN wire_code wc ON wc.code = gc.code AND wc.wire_id = $1 WHERE gc.guide_slug = g.slug)
         + (SELECT count(*) FROM guide_provider gp JOIN wire_provider wp ON wp.provider_id = gp.provider_id AND wp.wire_id = $1 WHERE gp.guide_slug = g.slug)
         AS score) AS s
     WHERE s.score > 0
     ORDER BY s.score DESC, g.position`,
    [wireId],
  );
}
