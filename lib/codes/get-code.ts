import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db/get-db";
import { countListedWires } from "@/lib/search/count-listed-wires";

/** A code with its family and the number of wires that carry it; `code` may be in any case. */
async function readCode(code: string) {
  const prisma = await getPrisma();
  const row = await prisma.code.findUnique({
    where: { code: code.toUpperCase() },
    select: {
      code: true,
      label: true,
      definition: true,
      family: { select: { letter: true, name: true, description: true } },
    },
  });
  if (!row) return null;
  const counts = await countListedWires();
  return { code: row.code, label: row.label, definition: row.definition, family: row.family, wireCount: counts.code.get(row.code) ?? 0 };
}

/** Cached for the request: the page and its metadata read it once. */
export const getCode = cache(readCode);
