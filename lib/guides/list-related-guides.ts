import "server-only";
import { getPrisma } from "@/lib/db/get-db";

export type GuideCard = { slug: string; title: string; summary: string };

/** Related guides: curated links first, then guides sharing the wire's codes and providers, most shared first. */
export async function listRelatedGuides(wireId: string): Promise<GuideCard[]> {
  const prisma = await getPrisma();
  const wire = await prisma.wire.findUnique({
    where: { id: wireId },
    select: { guides: { select: { guideSlug: true } }, codes: { select: { code: true } }, providers: { select: { providerId: true } } },
  });
  if (!wire) return [];
  const codes = wire.codes.map((row) => row.code);
  const providerIds = wire.providers.map((row) => row.providerId);
  const guides = await prisma.guide.findMany({
    select: { slug: true, title: true, summary: true, position: true, codes: { select: { code: true } }, providers: { select: { providerId: true } } },
    orderBy: { position: "asc" },
  });
  const curated = new Set(wire.guides.map((row) => row.guideSlug));
  const score = (guide: (typeof guides)[number]) =>
    (curated.has(guide.slug) ? 100 : 0) +
    guide.codes.filter((row) => codes.includes(row.code)).length * 2 +
    guide.providers.filter((row) => providerIds.includes(row.providerId)).length;
  return guides
    .map((guide) => ({ guide, score: score(guide) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.guide.position - b.guide.position)
    .map(({ guide }) => ({ slug: guide.slug, title: guide.title, summary: guide.summary }));
}
