import { describe, expect, test } from "vitest";
import { diffWords, MAX_WORD_EDITS, type DiffSegment } from "@/lib/rationale/diff-words";

const side = (segments: DiffSegment[], kind: "removed" | "added") =>
  segments.filter((segment) => segment.kind === "same" || segment.kind === kind).map((segment) => segment.text).join("");

/** Both texts come back out of the segments, whatever the diff chose. */
function expectFaithful(before: string, after: string): DiffSegment[] {
  const segments = diffWords(before, after);
  expect(side(segments, "removed")).toBe(before);
  expect(side(segments, "added")).toBe(after);
  for (const segment of segments) expect(segment.text).not.toBe("");
  return segments;
}

describe("diffWords", () => {
  test("identical texts are one unchanged segment, and two empty texts none", () => {
    expect(diffWords("The same words.", "The same words.")).toEqual([{ kind: "same", text: "The same words." }]);
    expect(diffWords("", "")).toEqual([]);
  });

  test("a replaced word shows the removal, then the addition", () => {
    expect(expectFaithful("The model was released.", "The model was withdrawn.")).toEqual([
      { kind: "same", text: "The model was " },
      { kind: "removed", text: "released" },
      { kind: "added", text: "withdrawn" },
      { kind: "same", text: "." },
    ]);
  });

  test("an inserted and a deleted word", () => {
    expect(expectFaithful("The API opened.", "The public API opened.")).toEqual([
      { kind: "same", text: "The " },
      { kind: "added", text: "public " },
      { kind: "same", text: "API opened." },
    ]);
    expect(expectFaithful("The public API opened.", "The API opened.")).toEqual([
      { kind: "same", text: "The " },
      { kind: "removed", text: "public " },
      { kind: "same", text: "API opened." },
    ]);
  });

  test("several replaced words in a row read as one change", () => {
    expect(expectFaithful("It was a small beta test.", "It was a general public release.")).toEqual([
      { kind: "same", text: "It was a " },
      { kind: "removed", text: "small beta test" },
      { kind: "added", text: "general public release" },
      { kind: "same", text: "." },
    ]);
  });

  test("Markdown emphasis and link punctuation are their own tokens", () => {
    const segments = expectFaithful("The **beta** cites [source](source:1).", "The beta cites [the source](source:2).");
    expect(segments.filter((s) => s.kind === "removed").map((s) => s.text)).toEqual(["**", "**", "1"]);
    expect(segments.filter((s) => s.kind === "added").map((s) => s.text)).toEqual(["the ", "2"]);
  });

  test("a new paragraph break is a change, not invisible", () => {
    const segments = expectFaithful("First point. Second point.", "First point.\n\nSecond point.");
    expect(segments).toContainEqual({ kind: "added", text: "\n\n" });
    expect(segments.some((segment) => segment.kind === "removed" && segment.text === " ")).toBe(true);
  });

  test("a changed run of spaces shows up", () => {
    const segments = expectFaithful("two  spaces", "two spaces");
    expect(segments.map((segment) => segment.kind)).toEqual(["same", "removed", "added", "same"]);
  });

  test("from and to nothing", () => {
    expect(expectFaithful("", "A new rationale.")).toEqual([{ kind: "added", text: "A new rationale." }]);
    expect(expectFaithful("An old rationale.", "")).toEqual([{ kind: "removed", text: "An old rationale." }]);
  });

  test("texts too different to compare word by word are shown as replaced whole", () => {
    const words = (prefix: string) => Array.from({ length: MAX_WORD_EDITS }, (_, index) => `${prefix}${index}`).join(" ");
    const before = words("old");
    const after = words("new");
    expect(diffWords(before, after)).toEqual([
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ]);
  });

  test("any pair of texts comes back out of its segments", () => {
    // A fixed pseudo-random sequence, so a failure always reproduces.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const vocabulary = ["the", "model", "**bold**", "[link](source:1)", " ", "  ", "\n", "\n\n", ".", ",", "AI", "—", "café", "\t"];
    const text = () => Array.from({ length: Math.floor(next() * 30) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(" ");
    for (let round = 0; round < 200; round += 1) expectFaithful(text(), text());
  });
});
