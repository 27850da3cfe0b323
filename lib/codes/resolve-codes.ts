import "server-only";
import { getPrisma } from "@/lib/db/get-db";

export type CodeRef = { code: string; label: string };

/** Finds codes whatever their case ("m1" is M1); names what it cannot find. */
export async function resolveCodes(values: string[]): Promise<{ found: CodeRef[]; unknown: string[] }> {
  if (values.length === 0) return { found: [], unknown: [] };
  const prisma = await getPrisma();
  const wanted = values.map((value) => value.trim().toUpperCase());
  const rows = await prisma.code.findMany({ where: { code: { in: wanted } }, select: { code: true, label: true } });
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const found = new Map<string, CodeRef>();
  const unknown: string[] = [];
  values.forEach((value, index) => {
    const code = byCode.get(wanted[index]!);
    if (code) found.set(code.code, code);
    else unknown.push(value);
  });
  return { found: [...found.values()], unknown };
}
