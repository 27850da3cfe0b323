import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { normalizeProviderName } from "@/lib/providers/normalize-provider-name";

export type ResourceKind = "wires" | "providers" | "codes" | "guides";

/** Whether the thing a detail address names exists at all (in any spelling the pages accept). */
export async function resourceExists(kind: ResourceKind, key: string): Promise<boolean> {
  const prisma = await getPrisma();
  switch (kind) {
    case "wires":
      return (await prisma.wire.count({ where: { id: key.toUpperCase() } })) > 0;
    case "providers":
      return (
        (await prisma.provider.count({ where: { slug: key } })) > 0 ||
        (await prisma.providerAlias.count({ where: { normalized: normalizeProviderName(key) } })) > 0
      );
    case "codes":
      return (await prisma.code.count({ where: { code: key.toUpperCase() } })) > 0;
    case "guides":
      return (await prisma.guide.count({ where: { slug: key } })) > 0;
  }
}
