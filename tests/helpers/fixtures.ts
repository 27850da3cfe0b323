import type { WireStatus } from "@/lib/db/generated/enums";
import { testDb } from "./database";

export type WireSeed = {
  id: string;
  occurredOn: string;
  /** Defaults to noon UTC on the day it occurred. */
  publishedAt?: string;
  slug?: string;
  headline?: string;
  severity?: number;
  status?: WireStatus;
  mergedIntoId?: string;
  /** Provider slugs, which must exist. */
  providers?: string[];
  /** Codes, which must exist. */
  codes?: string[];
  /** Curated related wires, which must exist. */
  related?: string[];
  sources?: number;
};

/** Adds a wire the way an editor's amendment or a later import would leave it, straight through Prisma. */
export async function insertWire(seed: WireSeed): Promise<void> {
  const { prisma } = await testDb();
  const publishedAt = new Date(seed.publishedAt ?? `${seed.occurredOn}T12:00:00Z`);
  const providers = await prisma.provider.findMany({ where: { slug: { in: seed.providers ?? [] } }, select: { id: true, slug: true } });
  const providerId = (slug: string) => {
    const found = providers.find((provider) => provider.slug === slug);
    if (!found) throw new Error(`insertWire: no provider ${slug}`);
    return found.id;
  };
  await prisma.wire.create({
    data: {
      id: seed.id,
      slug: seed.slug ?? `test-wire-${seed.id.toLowerCase()}`,
      headline: seed.headline ?? `Test wire ${seed.id}`,
      summary: `Summary of ${seed.id}.`,
      body: `Body of ${seed.id} [source](source:1).`,
      occurredOn: new Date(`${seed.occurredOn}T00:00:00Z`),
      publishedAt,
      updatedAt: publishedAt,
      severity: seed.severity ?? 4,
      sourcingStandard: "STANDARD",
      status: seed.status ?? "PUBLISHED",
      statusNote: seed.status === "WITHDRAWN" || seed.status === "CORRECTED" ? "Test note." : null,
      mergedIntoId: seed.mergedIntoId ?? null,
      sources: {
        create: Array.from({ length: seed.sources ?? 2 }, (_, index) => ({
          position: index + 1,
          title: `Source ${index + 1} of ${seed.id}`,
          publisher: "Test Publisher",
          url: `https://example.org/${seed.id.toLowerCase()}/${index + 1}`,
          kind: index === 0 ? ("PRIMARY" as const) : ("REPORT" as const),
        })),
      },
      providers: { create: (seed.providers ?? []).map((slug, index) => ({ providerId: providerId(slug), position: index + 1 })) },
      codes: { create: (seed.codes ?? []).map((code, index) => ({ code, position: index + 1 })) },
      linksFrom: { create: (seed.related ?? []).map((toId, index) => ({ toId, position: index + 1 })) },
    },
  });
}

/** Adds a code family with codes `${letter}1`..`${letter}${count}` that no shipped wire carries. */
export async function insertCodeFamily(letter: string, count: number): Promise<string[]> {
  const { prisma } = await testDb();
  await prisma.codeFamily.create({ data: { letter, name: `Test family ${letter}`, description: "Codes made up for a test." } });
  const codes = Array.from({ length: count }, (_, index) => `${letter}${index + 1}`);
  await prisma.code.createMany({
    data: codes.map((code, index) => ({ code, familyLetter: letter, number: index + 1, label: `Test code ${code}`, definition: "Made up for a test." })),
  });
  return codes;
}
