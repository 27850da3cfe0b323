import { describe, expect, test } from "vitest";
import { parseFeedQuery } from "@/lib/feeds/feed-query";
import { feedAlternates, feedPath } from "@/lib/feeds/feed-links";
import type { SearchParams } from "@/lib/search/archive-query";

const problemsOf = (params: SearchParams, kind: "latest" | "archive" = "archive") => {
  const result = parseFeedQuery(params, kind);
  return result.status === "invalid" ? result.problems.map((problem) => problem.param) : [];
};

describe("feed parameters", () => {
  test("an archive feed takes the archive's parameters, parsed by its schema", () => {
    const result = parseFeedQuery({ q: " kangaroo ", provider: ["Open AI", "adobe,google"], code: "m1", severity: "2-4", standard: "Confirmed", status: "withdrawn", from: "2022", to: "2023-06" }, "archive");
    expect(result).toEqual({
      status: "ok",
      query: {
        q: "kangaroo",
        provider: ["Open AI", "adobe", "google"],
        code: ["m1"],
        severity: { min: 2, max: 4 },
        standard: ["confirmed"],
        status: ["withdrawn"],
        from: "2022-01-01",
        to: "2023-06-30",
      },
    });
  });

  test("cursor and dir are refused by name: a feed always starts at the newest wires", () => {
    expect(problemsOf({ cursor: "d19000_12" })).toEqual(["cursor"]);
    expect(problemsOf({ dir: "newer" })).toEqual(["dir"]);
    expect(problemsOf({ cursor: "x", dir: "sideways", severity: "9" })).toEqual(["severity", "cursor", "dir"]);
  });

  test.each<[SearchParams, string[]]>([
    [{ severity: "0" }, ["severity"]],
    [{ severity: "4-2" }, ["severity"]],
    [{ from: "2024-13" }, ["from"]],
    [{ from: "2024-02-30" }, ["from"]],
    [{ from: "2024", to: "2023" }, ["to"]],
    [{ code: "M1; DROP TABLE wire" }, ["code"]],
    [{ q: "a\u0000b" }, ["q"]],
    [{ q: "x".repeat(201) }, ["q"]],
    [{ q: ["a", "b"] }, ["q"]],
    [{ provider: Array.from({ length: 21 }, (_, i) => `p${i}`) }, ["provider"]],
    [{ standard: "rumour" }, ["standard"]],
    [{ status: "merged" }, ["status"]],
    [{ "<script>": "1" }, ["<script>"]],
    [{ utm_source: "reader" }, ["utm_source"]],
  ])("%o is refused, naming %o", (params, names) => {
    expect(problemsOf(params)).toEqual(names);
  });

  test("the Latest feed takes no parameters", () => {
    expect(parseFeedQuery({}, "latest")).toEqual({ status: "ok", query: { q: undefined, provider: [], code: [], severity: undefined, standard: [], status: [], from: undefined, to: undefined } });
    expect(problemsOf({ provider: "openai", q: "x" }, "latest")).toEqual(["provider", "q"]);
  });
});

describe("feed addresses", () => {
  test("follow the archive's parameter order, without a page cursor", () => {
    expect(feedPath("latest", "rss")).toBe("/feeds/latest.rss");
    expect(feedPath("archive", "atom", { code: ["M1"], provider: ["openai"], q: "image api", cursor: "d1_2", dir: "newer" })).toBe(
      "/feeds/archive.atom?q=image+api&provider=openai&code=M1",
    );
    expect(feedPath("archive", "json", { severity: { min: 2, max: 2 }, status: ["withdrawn"] })).toBe("/feeds/archive.json?severity=2&status=withdrawn");
  });

  test("page metadata names one alternate per format, titled like the feed", () => {
    expect(feedAlternates("archive", { provider: ["openai"] }, new Map([["openai", "OpenAI"]]))).toEqual({
      types: {
        "application/rss+xml": [{ url: "/feeds/archive.rss?provider=openai", title: "AI Incident Wire: OpenAI (RSS)" }],
        "application/atom+xml": [{ url: "/feeds/archive.atom?provider=openai", title: "AI Incident Wire: OpenAI (Atom)" }],
        "application/feed+json": [{ url: "/feeds/archive.json?provider=openai", title: "AI Incident Wire: OpenAI (JSON Feed)" }],
      },
    });
  });
});
