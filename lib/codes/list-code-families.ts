import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { countListedWires } from "@/lib/search/count-listed-wires";

export type CodeFamilyWithCodes = {
  letter: string;
  name: string;
  description: string;
  codes: { code: string; label: string; definition: string; wireCount: number }[];
};

/** The whole code taxonomy, as the Editor's Guide prints it. */
export async function listCodeFamilies(): Promise<CodeFamilyWithCodes[]> {
  const prisma = await getPrisma();
  const [families, counts] = await Promise.all([
    prisma.codeFamily.findMany({
      orderBy: { letter: "asc" },
      select: {
        letter: true,
        name: true,
        description: true,
        codes: { orderBy: { number: "asc" }, select: { code: true, label: true, definition: true } },
      },
    }),
    countListedWires(),
  ]);
  return families.map((family) => ({
    ...family,
    codes: family.codes.map((code) => ({ ...code, wireCount: counts.code.get(code.code) ?? 0 })),
  }));
}
