import { describe, expect, test } from "vitest";
import {
  amendRationaleSchema,
  firstFieldErrors,
  RATIONALE_REASON_MAX,
  RATIONALE_TEST_MAX,
  RATIONALE_TEXT_MAX,
  restoreRationaleSchema,
} from "@/lib/validation/rationale";

const valid = { text: "The beta widened access.", test: 'Counterfactual "but-for" test', reason: "Clarified the harm.", baseVersion: "3" };

function errorsOf(input: unknown) {
  const result = amendRationaleSchema.safeParse(input);
  return result.success ? {} : firstFieldErrors(result.error);
}

describe("amendRationaleSchema", () => {
  test("a valid form parses, with the version as a number", () => {
    expect(amendRationaleSchema.parse(valid)).toEqual({ ...valid, baseVersion: 3 });
  });

  test("text is trimmed and line breaks become LF", () => {
    const parsed = amendRationaleSchema.parse({ ...valid, text: "  First.\r\n\r\nSecond.\r\n  " });
    expect(parsed.text).toBe("First.\n\nSecond.");
  });

  test("the test applied is one line", () => {
    expect(amendRationaleSchema.parse({ ...valid, test: "  But-for\n  test  " }).test).toBe("But-for test");
  });

  test("empty or blank fields are refused, each naming its field", () => {
    expect(errorsOf({ ...valid, text: "   \n ", test: " ", reason: "" })).toEqual({
      text: "Enter the rationale text.",
      test: "The test applied must be at least 3 characters.",
      reason: "The reason must be at least 5 characters.",
    });
  });

  test("missing fields are refused in plain words", () => {
    expect(errorsOf({})).toEqual({
      text: "Enter the rationale text.",
      test: "Enter the test applied.",
      reason: "Enter the reason for this change.",
      baseVersion: "The version you started from must be a whole number.",
    });
  });

  test("the limits are the stated ones, counted after trimming", () => {
    expect(errorsOf({ ...valid, text: ` ${"a".repeat(RATIONALE_TEXT_MAX)} ` })).toEqual({});
    expect(errorsOf({ ...valid, text: "a".repeat(RATIONALE_TEXT_MAX + 1) })).toEqual({ text: "The rationale text must be at most 20,000 characters." });
    expect(errorsOf({ ...valid, test: "a".repeat(RATIONALE_TEST_MAX + 1) })).toEqual({ test: "The test applied must be at most 300 characters." });
    expect(errorsOf({ ...valid, reason: "a".repeat(RATIONALE_REASON_MAX + 1) })).toEqual({ reason: "The reason must be at most 500 characters." });
    expect(errorsOf({ ...valid, reason: "Typo" })).toEqual({ reason: "The reason must be at least 5 characters." });
  });

  test("the base version must be a positive whole number", () => {
    expect(errorsOf({ ...valid, baseVersion: "0" })).toEqual({ baseVersion: "The version you started from must be 1 or more." });
    expect(errorsOf({ ...valid, baseVersion: "2.5" })).toEqual({ baseVersion: "The version you started from must be a whole number." });
    expect(errorsOf({ ...valid, baseVersion: "three" })).toEqual({ baseVersion: "The version you started from must be a whole number." });
    expect(errorsOf({ ...valid, baseVersion: "" })).toEqual({ baseVersion: "The version you started from must be 1 or more." });
  });
});

describe("restoreRationaleSchema", () => {
  test("names the version to restore and requires a reason", () => {
    expect(restoreRationaleSchema.parse({ restoreVersion: "1", baseVersion: "4", reason: "Back to the reviewed text." })).toEqual({
      restoreVersion: 1,
      baseVersion: 4,
      reason: "Back to the reviewed text.",
    });
    const result = restoreRationaleSchema.safeParse({ restoreVersion: "x", baseVersion: "4", reason: " " });
    expect(result.success ? {} : firstFieldErrors(result.error)).toEqual({
      restoreVersion: "The version to restore must be a whole number.",
      reason: "The reason must be at least 5 characters.",
    });
  });
});
