import "server-only";
import { getPrisma } from "@/lib/db/get-db";

export type SitemapPage = { path: string; lastmod?: Date };

/**
 * Every page but the wires': Latest, the Archive, the guides (dated by their last change), and
 * each provider's and code's page. List pages change with every wire, so they carry no date.
 */
export async function listSitemapPages(): Promise<SitemapPage[]> {
  const prisma = await getPrisma();
  const [guides, providers, codes] = await Promise.all([
    prisma.guide.findMany({ select: { slug: true, updatedAt: true }, orderBy: { position: "asc" } }),
    prisma.provider.findMany({ select: { slug: true }, orderBy: { slug: "asc" } }),
    prisma.code.findMany({ select: { code: true }, orderBy: [{ familyLetter: "asc" }, { number: "asc" }] }),
  ]);
  return [
    { path: "/" },
    { path: "/archive" },
    { path: "/guides" },
    ...guides.map((guide) => ({ path: `/guides/${guide.slug}`, lastmod: guide.updatedAt })),
    ...providers.map((provider) => ({ path: `/providers/${provider.slug}` })),
    ...codes.map((code) => ({ path: `/codes/${code.code}` })),
  ];
}
