import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getCode } from "@/lib/codes/get-code";
import { listCodeFamilies } from "@/lib/codes/list-code-families";
import { getProvider } from "@/lib/providers/get-provider";
import { resolveProviders } from "@/lib/providers/resolve-providers";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertWire } from "../helpers/fixtures";
import { currentTaxonomy, search } from "../helpers/search";

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
});
afterAll(closeTestDb);

describe("resolveProviders", () => {
  test("spellings of a provider's name, in any case, find it once", async () => {
    const result = resolveProviders(["Open AI", "OPENAI", "openai", "OpenAI LP"], await currentTaxonomy());
    expect(result.unknown).toEqual([]);
    expect(result.found).toEqual([{ id: expect.any(Number), slug: "openai", name: "OpenAI" }]);
  });

  test("several providers by slug, name or alias; unknown names are reported as given", async () => {
    const result = resolveProviders(["stability ai", "google", "Microsoft Corp.", "Nobody Labs", "StabilityAI", "  "], await currentTaxonomy());
    expect(result.found.map((provider) => provider.slug)).toEqual(["stability-ai", "google", "microsoft"]);
    expect(result.unknown).toEqual(["Nobody Labs", "  "]);
  });

  test("nothing asked, nothing found", async () => {
    expect(resolveProviders([], await currentTaxonomy())).toEqual({ found: [], unknown: [] });
  });

  test("an alias added to the archive is known to the next search", async () => {
    const { prisma } = await testDb();
    const before = await search({ provider: "Closed Intelligence Lab" });
    expect(before.unknown?.map((entry) => entry.value)).toEqual(["Closed Intelligence Lab"]);
    const openai = await prisma.provider.findUniqueOrThrow({ where: { slug: "openai" } });
    await prisma.providerAlias.create({ data: { providerId: openai.id, alias: "Closed Intelligence Lab", normalized: "closedintelligencelab" } });
    try {
      const after = await search({ provider: "Closed Intelligence Lab" });
      expect(after.unknown).toBeNull();
      expect(after.applied.provider).toEqual(["openai"]);
      expect(after.total).toBe((await search({ provider: "openai" })).total);
    } finally {
      await prisma.providerAlias.delete({ where: { normalized: "closedintelligencelab" } });
    }
  });
});

describe("getProvider", () => {
  test("by slug", async () => {
    expect(await getProvider("openai")).toEqual({
      id: expect.any(Number),
      slug: "openai",
      name: "OpenAI",
      description: expect.stringMatching(/^US artificial intelligence company/),
      url: "https://openai.com",
      aliases: ["Open AI", "OpenAI LP"],
      wireCount: 10,
    });
  });

  test("by name or alias, in any case, with the canonical slug to redirect to", async () => {
    for (const name of ["Open AI", "OPEN-AI", "OpenAI", "openai-lp"]) {
      expect((await getProvider(name))?.slug, name).toBe("openai");
    }
    expect((await getProvider("StabilityAI"))?.slug).toBe("stability-ai");
    expect((await getProvider("stability-ai"))).toMatchObject({ slug: "stability-ai", name: "Stability AI", wireCount: 0 });
  });

  test("an unknown provider", async () => {
    expect(await getProvider("nobody-labs")).toBeNull();
  });
});


describe("codes", () => {
  test("getCode finds a code in any case, with its family and wire count", async () => {
    const code = await getCode("m1");
    expect(code).toEqual({
      code: "M1",
      label: "Broadened access",
      definition: expect.stringMatching(/^The set of people or organisations allowed to use the system grows/),
      family: { letter: "M", name: "Market access", description: expect.any(String) },
      wireCount: 4,
    });
    expect((await getCode("F10"))?.wireCount).toBe(1);
    expect(await getCode("Z9")).toBeNull();
  });

  test("listCodeFamilies: the whole taxonomy, in order", async () => {
    const families = await listCodeFamilies();
    expect(families.map((family) => family.letter)).toEqual(["C", "F", "M", "S"]);
    const market = families.find((family) => family.letter === "M")!;
    expect(market.codes.map((code) => code.code)).toEqual(["M1", "M2", "M3", "M4"]);
    const f = families.find((family) => family.letter === "F")!;
    expect(f.codes.map((code) => code.code)).toEqual(["F1", "F2", "F5", "F7", "F10", "F12"]);
    for (const family of families) {
      expect(family.name.length).toBeGreaterThan(0);
      for (const code of family.codes) expect(code.definition.length, code.code).toBeGreaterThan(20);
    }
  });

  test("every code a wire carries is defined in the taxonomy, and counted", async () => {
    const { prisma } = await testDb();
    const used = await prisma.wireCode.findMany({ select: { code: true } });
    const families = await listCodeFamilies();
    const defined = new Map(families.flatMap((family) => family.codes.map((code) => [code.code, code.wireCount] as const)));
    const usage = new Map<string, number>();
    for (const { code } of used) usage.set(code, (usage.get(code) ?? 0) + 1);
    expect(usage.size).toBeGreaterThan(0);
    for (const [code, count] of usage) expect(defined.get(code), code).toBe(count);
    const total = [...defined.values()].reduce((sum, count) => sum + count, 0);
    expect(total).toBe(used.length);
  });
});

// Last: it adds wires.
describe("wire counts", () => {
  test("follow new wires and leave merged ones out, on the provider page, the code page and the taxonomy alike", async () => {
    const before = { openai: (await getProvider("openai"))!.wireCount, m1: (await getCode("M1"))!.wireCount };
    await insertWire({ id: "AIW-2024-0901", occurredOn: "2024-03-01", providers: ["openai", "google"], codes: ["M1", "F10"] });
    await insertWire({ id: "AIW-2024-0902", occurredOn: "2024-03-02", providers: ["openai"], codes: ["M1"], status: "MERGED", mergedIntoId: "AIW-2024-0901" });
    expect((await getProvider("openai"))!.wireCount).toBe(before.openai + 1);
    expect((await getCode("M1"))!.wireCount).toBe(before.m1 + 1);
    const families = await listCodeFamilies();
    const m1 = families.flatMap((family) => family.codes).find((code) => code.code === "M1");
    expect(m1?.wireCount).toBe(before.m1 + 1);
  });
});
