import "server-only";
import { listedWireCount } from "@/lib/wires/listed-wire";
import { getPrisma } from "@/lib/db/get-db";

export type CodeFamilyWithCodes = {
  letter: string;
  name: string;
  description: string;
  codes: { code: string; label: string; definition: string; wireCount: number }[];
};

/** The whole code taxonomy, as the Editor's Guide prints it. */
export async function listCodeFamilies(): Promise<CodeFamilyWithCodes[]> {
  const prisma = await getPrisma();
  const families = await prisma.codeFamily.findMany({
    orderBy: { letter: "asc" },
    select: {
      letter: true,
      name: true,
      description: true,
      codes: { orderBy: { number: "asc" }, select: { code: true, label: true, definition: true, ...listedWireCount } },
    },
  });
  return families.map((family) => ({
    ...family,
    codes: family.codes.map(({ _count, ...code }) => ({ ...code, wireCount: _count.wires })),
  }));
}
