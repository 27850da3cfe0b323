import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import type { ExportNames } from "./load-export-wires";

/** Every provider's slug and name and every code's label: a few hundred rows at most, read once per export. */
export async function loadExportNames(): Promise<ExportNames> {
  const prisma = await getPrisma();
  const [providers, codes] = await Promise.all([
    prisma.provider.findMany({ select: { id: true, slug: true, name: true } }),
    prisma.code.findMany({ select: { code: true, label: true } }),
  ]);
  return {
    providers: new Map(providers.map(({ id, slug, name }) => [id, { slug, name }])),
    codes: new Map(codes.map(({ code, label }) => [code, label])),
  };
}
