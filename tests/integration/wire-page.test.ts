import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getGuide } from "@/lib/guides/get-guide";
import { listGuides } from "@/lib/guides/list-guides";
import { findWireRoute } from "@/lib/wires/find-wire-route";
import { getWire } from "@/lib/wires/get-wire";
import { listRelatedWires, RELATED_LIMIT } from "@/lib/wires/list-related-wires";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { insertCodeFamily, insertWire } from "../helpers/fixtures";

const DALLE_API = "AIW-2022-0008";

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  // A merge chain: 0902 was merged into 0901, which was later merged into the DALL·E API wire.
  await insertWire({ id: "AIW-2022-0901", occurredOn: "2022-11-03", providers: ["openai"], codes: ["M1"], status: "MERGED", mergedIntoId: DALLE_API });
  await insertWire({ id: "AIW-2022-0902", occurredOn: "2022-11-03", providers: ["openai"], codes: ["M1"], status: "MERGED", mergedIntoId: "AIW-2022-0901" });
});
afterAll(closeTestDb);

describe("getWire", () => {
  test("returns the wire's anatomy", async () => {
    const wire = await getWire(DALLE_API);
    expect(wire).not.toBeNull();
    expect(Object.keys(wire!).sort()).toEqual(
      [
        "body",
        "codes",
        "curated",
        "guides",
        "headline",
        "id",
        "mergedInto",
        "occurredOn",
        "ord",
        "providers",
        "publishedAt",
        "rationale",
        "severity",
        "slug",
        "sources",
        "sourcingStandard",
        "status",
        "statusNote",
        "summary",
        "updatedAt",
      ].sort(),
    );
    expect(wire!.codes).toEqual([
      { code: "M1", label: "Broadened access" },
      { code: "F10", label: "Developers and the users of their applications" },
    ]);
    expect(wire!.sources.map((source) => source.position)).toEqual([1, 2]);
    expect(wire!.rationale).toMatchObject({ basis: "CLASSIFICATION_RUN", basisLabel: "Launch-archive bulk classification", basisDate: "2026-05-10", version: 1 });
  });

  test("a merged wire names the wire it lives on in", async () => {
    expect((await getWire("AIW-2022-0901"))!.mergedInto).toEqual({ id: DALLE_API, slug: "dall-e-api-public-beta", headline: "DALL·E API enters public beta" });
  });

  test("no wire, no result", async () => {
    expect(await getWire("AIW-1999-0001")).toBeNull();
  });
});

describe("findWireRoute", () => {
  test("a wire's own address", async () => {
    expect(await findWireRoute(DALLE_API)).toEqual({ canonical: "/wires/AIW-2022-0008/dall-e-api-public-beta", merged: false });
  });

  test("an id typed in lower case finds the wire", async () => {
    expect(await findWireRoute("aiw-2022-0008")).toEqual({ canonical: "/wires/AIW-2022-0008/dall-e-api-public-beta", merged: false });
  });

  test("a merged wire leads to the surviving one, through every merge", async () => {
    expect(await findWireRoute("AIW-2022-0901")).toEqual({ canonical: "/wires/AIW-2022-0008/dall-e-api-public-beta", merged: true });
    expect(await findWireRoute("aiw-2022-0902")).toEqual({ canonical: "/wires/AIW-2022-0008/dall-e-api-public-beta", merged: true });
  });

  test("an unknown id leads nowhere", async () => {
    expect(await findWireRoute("AIW-1999-0001")).toBeNull();
    expect(await findWireRoute("not-an-id")).toBeNull();
  });
});

describe("listRelatedWires", () => {
  test("the DALL·E API wire: its curated links first, then by shared codes, then by nearness in time", async () => {
    const related = (await listRelatedWires(DALLE_API)).map((wire) => wire.id);
    expect(related).toHaveLength(RELATED_LIMIT);
    expect(related).not.toContain(DALLE_API);
    expect(related.slice(0, 3)).toEqual(["AIW-2022-0006", "AIW-2022-0007", "AIW-2023-0010"]);
    // AIW-2022-0002 shares M1 and the provider; the rest share only the provider, nearest first.
    expect(related.slice(3)).toEqual(["AIW-2022-0002", "AIW-2022-0005", "AIW-2022-0004", "AIW-2022-0003", "AIW-2022-0001"]);
    // Merged wires sharing its codes stay out.
    expect(related).not.toContain("AIW-2022-0901");
  });

  describe("ranking", () => {
    const T = "AIW-2030-0001";
    beforeAll(async () => {
      const [x1, x2, x3] = await insertCodeFamily("X", 3);
      await insertWire({ id: "AIW-2030-0002", occurredOn: "2030-01-01", providers: ["adobe"], codes: [x1!, x2!] }); // 2 codes: 4
      await insertWire({ id: "AIW-2030-0003", occurredOn: "2030-05-01", providers: ["google"], codes: [x1!] }); // code + provider: 3
      await insertWire({ id: "AIW-2030-0004", occurredOn: "2030-06-10", providers: ["adobe"], codes: [x2!] }); // 2, 9 days away
      await insertWire({ id: "AIW-2030-0005", occurredOn: "2029-06-01", providers: ["adobe"], codes: [x1!] }); // 2, a year away
      await insertWire({ id: "AIW-2030-0006", occurredOn: "2020-01-01", providers: ["midjourney"], codes: [x3!] }); // nothing shared
      await insertWire({ id: "AIW-2030-0007", occurredOn: "2030-06-02", providers: ["google"], codes: [x3!] }); // provider only: 1
      await insertWire({ id: "AIW-2030-0008", occurredOn: "2030-06-01", providers: ["google"], codes: [x1!, x2!], status: "WITHDRAWN" });
      await insertWire({ id: "AIW-2030-0009", occurredOn: "2030-06-01", providers: ["google"], codes: [x1!, x2!], status: "MERGED", mergedIntoId: "AIW-2030-0002" });
      await insertWire({
        id: T,
        occurredOn: "2030-06-01",
        providers: ["google"],
        codes: [x1!, x2!],
        // A curated link to a wire with nothing in common, and one to a withdrawn wire.
        related: ["AIW-2030-0006", "AIW-2030-0008"],
      });
    });

    test("curated first; then shared codes count double, providers once; nearest in time breaks ties", async () => {
      expect((await listRelatedWires(T)).map((wire) => wire.id)).toEqual([
        "AIW-2030-0006",
        "AIW-2030-0002",
        "AIW-2030-0003",
        "AIW-2030-0004",
        "AIW-2030-0005",
        "AIW-2030-0007",
      ]);
    });

    test("the limit cuts the ranked list, curated links kept", async () => {
      expect((await listRelatedWires(T, 3)).map((wire) => wire.id)).toEqual(["AIW-2030-0006", "AIW-2030-0002", "AIW-2030-0003"]);
    });

    test("withdrawn and merged wires are never related", async () => {
      const ids = (await listRelatedWires(T, 50)).map((wire) => wire.id);
      expect(ids).not.toContain("AIW-2030-0008");
      expect(ids).not.toContain("AIW-2030-0009");
      expect(ids).not.toContain(T);
    });

    test("related wires come as cards", async () => {
      const [first] = await listRelatedWires(T, 1);
      expect(first).toMatchObject({ id: "AIW-2030-0006", slug: "test-wire-aiw-2030-0006", providers: [{ slug: "midjourney", name: "Midjourney" }], codes: [{ code: "X3" }], sourceCount: 2 });
    });
  });

  test("an unknown wire has no related wires", async () => {
    expect(await listRelatedWires("AIW-1999-0001")).toEqual([]);
  });
});

describe("guides", () => {
  test("related guides: curated first, then by shared codes and providers", async () => {
    expect((await getWire(DALLE_API))!.guides.map((guide) => guide.slug)).toEqual([
      "access-and-api-launches",
      "generative-image-models",
      "safety-mitigations-and-system-cards",
    ]);
  });

  test("without curated guides, the guides sharing most come first and unrelated ones are left out", async () => {
    await insertWire({ id: "AIW-2031-0001", occurredOn: "2031-01-01", providers: ["midjourney"], codes: ["S4", "S6"] });
    const { guides } = (await getWire("AIW-2031-0001"))!;
    expect(guides.map((guide) => guide.slug)).toEqual(["provenance-and-synthetic-media", "generative-image-models", "safety-mitigations-and-system-cards"]);
    expect(guides[0]).toEqual({ slug: "provenance-and-synthetic-media", title: "Provenance and synthetic media", summary: expect.stringMatching(/^How the archive treats/) });
  });

  test("a wire sharing no code or provider with a guide, and linking none, has no related guides", async () => {
    await insertWire({ id: "AIW-2031-0002", occurredOn: "2031-01-02", providers: ["google"], codes: ["M3"] });
    const wire = await getWire("AIW-2031-0002");
    expect(wire!.providers.map((provider) => provider.slug)).toEqual(["google"]);
    expect(wire!.guides).toEqual([]);
  });

  test("guides are listed in their set order, and open by slug", async () => {
    expect((await listGuides()).map((guide) => guide.slug)).toEqual([
      "editors-guide",
      "generative-image-models",
      "access-and-api-launches",
      "safety-mitigations-and-system-cards",
      "provenance-and-synthetic-media",
    ]);
    const guide = await getGuide("access-and-api-launches");
    expect(guide).toMatchObject({ title: "Access expansions and API launches", providers: [{ slug: "openai", name: "OpenAI" }] });
    expect(guide!.codes.map((code) => code.code).sort()).toEqual(["F10", "M1", "M2"]);
    expect(guide!.body).toMatch(/^Many wires in the archive record no harm at all/);
    expect(await getGuide("no-such-guide")).toBeNull();
  });
});
