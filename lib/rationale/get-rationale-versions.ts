import "server-only";
import { recordDependency, wireKey } from "@/lib/http/render-dependencies";
import { getPrisma } from "@/lib/db/get-db";

export type VersionText = { version: number; text: string; test: string; createdAt: string; author: string };

/** The texts of some versions of a wire's rationale, by version number; versions the wire never had are absent. */
export async function getRationaleVersions(wireId: string, versions: number[]): Promise<Map<number, VersionText>> {
  recordDependency(wireKey(wireId));
  const prisma = await getPrisma();
  const rows = await prisma.rationaleRevision.findMany({
    where: { wireId, version: { in: versions } },
    select: { version: true, text: true, test: true, createdAt: true, author: true },
  });
  return new Map(rows.map((row) => [row.version, { ...row, createdAt: row.createdAt.toISOString() }]));
}
