import "server-only";
import { getPrisma } from "@/lib/db/get-db";

/** Every provider's slug and name, alphabetically, for filter menus: no counts, no scan of the wires. */
export async function listProviderOptions(): Promise<{ slug: string; name: string }[]> {
  const prisma = await getPrisma();
  return prisma.provider.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
