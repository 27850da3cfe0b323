import { describe, expect, test } from "vitest";
import { parseTsQuery, plainTerms, queryLexemes, rankedLexemes, TsQuerySyntaxError } from "@/lib/search/tsquery";
import { phraseChain } from "@/lib/search/evaluate-text-query";

// Texts as PostgreSQL 15 prints websearch_to_tsquery('english', ...)::text.
describe("parseTsQuery", () => {
  test("a lexeme; nothing at all", () => {
    expect(parseTsQuery("'oversight'")).toEqual({ kind: "term", lexeme: "oversight", prefix: false, weights: "" });
    expect(parseTsQuery("")).toBeNull();
  });

  test("! binds tightest, then <->, then &, then |", () => {
    expect(parseTsQuery("'a' | 'b' & !'c' <-> 'd'")).toEqual({
      kind: "or",
      left: { kind: "term", lexeme: "a", prefix: false, weights: "" },
      right: {
        kind: "and",
        left: { kind: "term", lexeme: "b", prefix: false, weights: "" },
        right: {
          kind: "phrase",
          distance: 1,
          left: { kind: "not", child: { kind: "term", lexeme: "c", prefix: false, weights: "" } },
          right: { kind: "term", lexeme: "d", prefix: false, weights: "" },
        },
      },
    });
  });

  test("phrases chain to the left and keep their distances", () => {
    const tree = parseTsQuery("'state' <3> 'art' <-> 'model'")!;
    expect(phraseChain(tree)).toEqual({ lexemes: ["state", "art", "model"], distances: [3, 1] });
    expect(queryLexemes(tree)).toEqual(["state", "art", "model"]);
  });

  test("parentheses, quotes and backslashes inside lexemes, prefixes and weights", () => {
    const tree = parseTsQuery("!( 'it''s' <-> 'a\\\\b' ) & 'pre':* | 'w':AB")!;
    expect(queryLexemes(tree)).toEqual(["it's", "a\\b", "pre", "w"]);
    expect(rankedLexemes(tree)).toEqual(["pre", "w"]);
    expect(plainTerms(tree)).toBe(false);
    expect(plainTerms(parseTsQuery("'a' & !'b'")!)).toBe(true);
  });

  test.each(["'a", "'a' &", "'a' <x> 'b'", "( 'a'", "'a' 'b'", "a"])("%j is refused", (text) => {
    expect(() => parseTsQuery(text)).toThrow(TsQuerySyntaxError);
  });
});
