import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db/get-db";

async function readGuide(slug: string) {
  const prisma = await getPrisma();
  const guide = await prisma.guide.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      summary: true,
      body: true,
      updatedAt: true,
      codes: { select: { ref: { select: { code: true, label: true } } }, orderBy: { code: "asc" } },
      providers: { select: { provider: { select: { slug: true, name: true } } } },
    },
  });
  if (!guide) return null;
  return {
    ...guide,
    updatedAt: guide.updatedAt.toISOString(),
    codes: guide.codes.map((row) => row.ref),
    providers: guide.providers.map((row) => row.provider),
  };
}

/** Cached for the request: the page and its metadata read it once. */
export const getGuide = cache(readGuide);
