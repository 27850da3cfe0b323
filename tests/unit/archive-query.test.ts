import { describe, expect, test } from "vitest";
import { archiveHref, parseArchiveQuery, searchParamsOf } from "@/lib/search/archive-query";

const messages = (result: ReturnType<typeof parseArchiveQuery>) => (result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));

describe("parseArchiveQuery", () => {
  test("no parameters: no filters", () => {
    const result = parseArchiveQuery({});
    expect(result.success && result.data).toEqual({
      q: undefined,
      provider: [],
      code: [],
      severity: undefined,
      standard: [],
      status: [],
      from: undefined,
      to: undefined,
      cursor: undefined,
      dir: undefined,
    });
  });

  test("repeated and comma-separated values are both lists", () => {
    const result = parseArchiveQuery({ provider: ["openai", "Open AI"], code: "M1,F10" });
    expect(result.success && result.data).toMatchObject({ provider: ["openai", "Open AI"], code: ["M1", "F10"] });
  });

  test("values are trimmed and empty ones dropped", () => {
    const result = parseArchiveQuery({ provider: [" openai , ,google", ""], code: ",," });
    expect(result.success && result.data).toMatchObject({ provider: ["openai", "google"], code: [] });
  });

  test("more than 20 values in a filter is refused", () => {
    const many = Array.from({ length: 21 }, (_, index) => `M${index + 1}`);
    expect(messages(parseArchiveQuery({ code: many.join(",") }))).toEqual(["code: at most 20 values per filter"]);
    expect(parseArchiveQuery({ code: many.slice(0, 20) }).success).toBe(true);
  });

  test("a value longer than 80 characters is refused", () => {
    expect(messages(parseArchiveQuery({ provider: "x".repeat(81) }))).toEqual(["provider.0: a filter value is at most 80 characters"]);
    expect(parseArchiveQuery({ provider: "x".repeat(80) }).success).toBe(true);
  });

  test("dir is older or newer, nothing else", () => {
    expect(parseArchiveQuery({ dir: "newer" }).data?.dir).toBe("newer");
    expect(messages(parseArchiveQuery({ dir: ["older", "newer"] }))[0]).toBe("dir: give dir once, not 2 times");
    expect(parseArchiveQuery({ dir: "sideways" }).success).toBe(false);
    expect(messages(parseArchiveQuery({ dir: "sideways" }))[0]).toMatch(/^dir: /);
  });

  test("an overlong cursor is refused", () => {
    expect(parseArchiveQuery({ cursor: "c".repeat(200) }).success).toBe(true);
    expect(parseArchiveQuery({ cursor: "c".repeat(201) }).success).toBe(false);
  });
});

describe("archiveHref", () => {
  test("filters in a stable order; older is the default direction", () => {
    expect(archiveHref({})).toBe("/archive");
    expect(archiveHref({ code: ["M1"], provider: ["openai", "google"], dir: "older" })).toBe("/archive?provider=openai&provider=google&code=M1");
    expect(archiveHref({ provider: ["Open AI"], cursor: "abc", dir: "newer" })).toBe("/archive?provider=Open+AI&cursor=abc&dir=newer");
  });

  test("a built URL parses back to the same state", () => {
    const state = {
      q: '"image api" -pricing',
      provider: ["openai"],
      code: ["M1", "F10"],
      severity: { min: 2, max: 4 },
      standard: ["standard" as const],
      status: ["published" as const, "withdrawn" as const],
      from: "2022-01-01",
      to: "2022-12-31",
      cursor: "abc",
      dir: "newer" as const,
    };
    const href = archiveHref(state);
    const result = parseArchiveQuery(searchParamsOf(new URLSearchParams(href.split("?")[1])));
    expect(result.data).toEqual(state);
  });
});
