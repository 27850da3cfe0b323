import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getCode } from "@/lib/codes/get-code";
import { listCodeFamilies } from "@/lib/codes/list-code-families";
import { getProvider } from "@/lib/providers/get-provider";
import { resolveProviders } from "@/lib/providers/resolve-providers";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
});
afterAll(closeTestDb);

describe("resolveProviders", () => {
  test("spellings of a provider's name, in any case, find it once", async () => {
    const result = await resolveProviders(["Open AI", "OPENAI", "openai", "OpenAI LP"]);
    expect(result.unknown).toEqual([]);
    expect(result.found).toEqual([{ id: expect.any(Number), slug: "openai", name: "OpenAI" }]);
  });

  test("several providers by slug, name or alias; unknown names are reported as given", async () => {
    const result = await resolveProviders(["stability ai", "google", "Microsoft Corp.", "Nobody Labs", "StabilityAI", "  "]);
    expect(result.found.map((provider) => provider.slug)).toEqual(["stability-ai", "google", "microsoft"]);
    expect(result.unknown).toEqual(["Nobody Labs", "  "]);
  });

  test("nothing asked, nothing found", async () => {
    expect(await resolveProviders([])).toEqual({ found: [], unknown: [] });
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

