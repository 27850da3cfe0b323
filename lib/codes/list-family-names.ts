import "server-only";
import { getPrisma } from "@/lib/db/get-db";

/** The code families' letters and names, for grouping codes: no counts, so no scan of the wires. */
export async function listFamilyNames(): Promise<{ letter: string; name: string }[]> {
  const prisma = await getPrisma();
  return prisma.codeFamily.findMany({ orderBy: { letter: "asc" }, select: { letter: true, name: true } });
}
