import "server-only";
import { getDb } from "@/lib/db/get-db";
import { normalizeProviderName } from "@/lib/providers/normalize-provider-name";

export type ResourceKind = "wires" | "providers" | "codes" | "guides";

const EXISTS_SQL: Record<ResourceKind, string> = {
  wires: "SELECT EXISTS (SELECT 1 FROM wire WHERE id = $1) AS found",
  providers: "SELECT EXISTS (SELECT 1 FROM provider WHERE slug = $1) OR EXISTS (SELECT 1 FROM provider_alias WHERE normalized = $2) AS found",
  codes: "SELECT EXISTS (SELECT 1 FROM code WHERE code = $1) AS found",
  guides: "SELECT EXISTS (SELECT 1 FROM guide WHERE slug = $1) AS found",
};

/** Whether the thing a detail address names exists at all (in any spelling the pages accept): one indexed read. */
export async function resourceExists(kind: ResourceKind, key: string): Promise<boolean> {
  const db = await getDb();
  const params = kind === "providers" ? [key, normalizeProviderName(key)] : [kind === "wires" || kind === "codes" ? key.toUpperCase() : key];
  const [row] = await db.read<{ found: boolean }>(EXISTS_SQL[kind], params);
  return row?.found === true;
}
