import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import type { GuideCard } from "./guide-card";

export async function listGuides(): Promise<GuideCard[]> {
  const prisma = await getPrisma();
  return prisma.guide.findMany({ orderBy: { position: "asc" }, select: { slug: true, title: true, summary: true } });
}
