import { describe, expect, test } from "vitest";
import { wireFileSchema } from "@/lib/validation/content";

/** A valid wire file's front matter, as parsed from YAML. */
function wire(overrides: Record<string, unknown> = {}) {
  return {
    id: "AIW-2022-0008",
    slug: "dall-e-api-public-beta",
    headline: "DALL·E API enters public beta",
    summary: "OpenAI opened its DALL·E image API to all developers in public beta.",
    occurred_on: "2022-11-03",
    published_at: "2026-05-10T09:08:00Z",
    severity: 3,
    sourcing: "standard",
    providers: ["openai"],
    codes: ["M1", "F10"],
    sources: [
      { title: "DALL·E API now available in public beta", publisher: "OpenAI", url: "https://openai.com/blog/dall-e-api", kind: "primary" },
      { title: "Pricing", publisher: "OpenAI", url: "https://openai.com/pricing", kind: "primary" },
    ],
    rationale: {
      text: "The public beta made DALL·E a programmatic building block.",
      basis: "classification-run",
      basis_label: "Launch-archive bulk classification",
      basis_date: "2026-05-10",
      test: 'Counterfactual "but-for" test per the Editor\'s Guide',
    },
    ...overrides,
  };
}

/** The problems zod reports, as "path: message". */
function problems(input: unknown): string[] {
  const result = wireFileSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("wire file schema", () => {
  test("a valid wire passes, with defaults filled in", () => {
    const result = wireFileSchema.safeParse(wire());
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ status: "published", related: [], guides: [] });
  });

  test("a standard wire with one source is refused with the rule", () => {
    expect(problems(wire({ sources: [wire().sources[0]] }))).toEqual(["sources: a standard wire needs at least 2 sources, one of them primary"]);
  });

  test("a confirmed wire needs a primary source among its sources", () => {
    const reports = wire().sources.map((source) => ({ ...source, kind: "report" }));
    expect(problems(wire({ sourcing: "confirmed", sources: reports }))).toEqual(["sources: a confirmed wire needs at least 2 sources, one of them primary"]);
  });

  test("a provisional wire may rest on one source", () => {
    expect(problems(wire({ sourcing: "provisional", sources: [wire().sources[0]] }))).toEqual([]);
  });

  test.each([0, 6, 2.5, "3"])("severity %j is refused", (severity) => {
    expect(problems(wire({ severity }))).toHaveLength(1);
    expect(problems(wire({ severity }))[0]).toMatch(/^severity: expected (1 to 5|a whole number from 1 \(gravest\) to 5)$/);
  });

  test.each([
    ["2022-13-45", "occurred_on: expected a real calendar date as YYYY-MM-DD"],
    ["2022-02-30", "occurred_on: expected a real calendar date as YYYY-MM-DD"],
    ["yesterday", "occurred_on: expected a date as YYYY-MM-DD"],
    ["3 Nov 2022", "occurred_on: expected a date as YYYY-MM-DD"],
  ])("the date %s is refused with one message", (occurred_on, message) => {
    expect(problems(wire({ occurred_on }))).toEqual([message]);
  });

  test("a publication time needs its zone", () => {
    expect(problems(wire({ published_at: "2026-05-10 09:08" }))).toEqual(["published_at: expected a time as YYYY-MM-DDTHH:MM:SSZ"]);
  });

  test("a wire cannot be published before the event occurred", () => {
    expect(problems(wire({ published_at: "2022-11-02T23:00:00Z" }))).toEqual(["published_at: a wire cannot be published before the event occurred"]);
  });

  test("an unknown field is refused", () => {
    const { severity, ...rest } = wire();
    const result = wireFileSchema.safeParse({ ...rest, sevrity: severity });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.code).sort()).toEqual(["invalid_type", "unrecognized_keys"]);
    expect(result.error?.issues.find((issue) => issue.code === "unrecognized_keys")).toMatchObject({ keys: ["sevrity"] });
  });

  test("sources need an http(s) URL", () => {
    for (const url of ["not a url", "javascript:alert(1)", "ftp://example.org/file"]) {
      const sources = [{ ...wire().sources[0], url }, wire().sources[1]];
      expect(problems(wire({ sources }))).toEqual(["sources.0.url: expected an http(s) URL"]);
    }
  });

  test("codes and ids must have their shapes", () => {
    expect(problems(wire({ codes: ["m1"] }))).toEqual(["codes.0: expected a code like M1 or F10"]);
    expect(problems(wire({ id: "AIW-22-8" }))).toEqual(["id: expected a permanent id like AIW-2022-0008"]);
    expect(problems(wire({ slug: "DALL-E" }))).toEqual(["slug: expected a lower-case slug like dall-e-api-public-beta"]);
  });

  test("a slug may not take the address of a wire's own pages", () => {
    for (const slug of ["amend", "history"]) {
      expect(problems(wire({ slug }))).toEqual([`slug: expected a slug other than amend or history (those addresses belong to the wire's pages)`]);
    }
  });

  test("a code listed twice is refused at the repeat", () => {
    expect(problems(wire({ codes: ["M1", "F10", "M1"] }))).toEqual(["codes.2: M1 is listed twice"]);
  });

  test("statuses carry what they need", () => {
    expect(problems(wire({ status: "withdrawn" }))).toEqual(["status_note: a withdrawn wire needs the reason in status_note"]);
    expect(problems(wire({ status: "corrected" }))).toEqual(["status_note: a corrected wire needs the correction in status_note"]);
    expect(problems(wire({ status: "merged" }))).toEqual(["merged_into: merged_into is required for, and only for, a merged wire"]);
    expect(problems(wire({ merged_into: "AIW-2022-0006" }))).toEqual(["merged_into: merged_into is required for, and only for, a merged wire"]);
    expect(problems(wire({ status: "merged", merged_into: "AIW-2022-0006" }))).toEqual([]);
  });

  test("the rationale basis is one of the two kinds", () => {
    const rationale = { ...wire().rationale, basis: "gut-feeling" };
    expect(problems(wire({ rationale }))).toEqual(["rationale.basis: expected classification-run or editor-amendment"]);
  });
});
