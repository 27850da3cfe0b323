import { describe, expect, test } from "vitest";
import { feedTitle } from "@/lib/feeds/feed-title";
import { activeFilterChips } from "@/lib/search/archive-state";

const chips = (q: string) => activeFilterChips({ q, provider: ["openai"], code: [], standard: [], status: [] }, new Map([["openai", "OpenAI"]])).map((chip) => chip.label);

describe("the search as chips and titles show it", () => {
  test("a plain search in curly quotes", () => {
    expect(chips("image prices")).toEqual(["Search: “image prices”", "Provider: OpenAI"]);
    expect(feedTitle("archive", { q: "image prices" }, new Map(), 20).title).toBe("AI Incident Wire: “image prices”");
  });

  test("a search with quotes of its own (a phrase) as typed, not quoted twice", () => {
    expect(chips('"image generator"')).toEqual(['Search: "image generator"', "Provider: OpenAI"]);
    expect(chips('quokka -"purple wombat"')[0]).toBe('Search: quokka -"purple wombat"');
    expect(feedTitle("archive", { q: '"image generator" or dall' }, new Map(), 20).title).toBe('AI Incident Wire: "image generator" or dall');
  });
});
