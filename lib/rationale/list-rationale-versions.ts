import "server-only";
import { recordDependency, wireKey } from "@/lib/http/render-dependencies";
import { getPrisma } from "@/lib/db/get-db";

export type VersionChoice = { version: number; kind: "IMPORT" | "AMENDMENT" | "RESTORE"; createdAt: string; author: string };

/** Every version of a wire's rationale, newest first, without the texts: the choices of the compare form. */
export async function listRationaleVersions(wireId: string): Promise<VersionChoice[]> {
  recordDependency(wireKey(wireId));
  const prisma = await getPrisma();
  const rows = await prisma.rationaleRevision.findMany({
    where: { wireId },
    orderBy: { version: "desc" },
    select: { version: true, kind: true, createdAt: true, author: true },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
