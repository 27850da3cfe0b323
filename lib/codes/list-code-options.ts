import "server-only";
import { getPrisma } from "@/lib/db/get-db";

/** Every code with its label, in taxonomy order, for filter menus: no counts, no scan of the wires. */
export async function listCodeOptions(): Promise<{ code: string; label: string }[]> {
  const prisma = await getPrisma();
  return prisma.code.findMany({ orderBy: [{ familyLetter: "asc" }, { number: "asc" }], select: { code: true, label: true } });
}
