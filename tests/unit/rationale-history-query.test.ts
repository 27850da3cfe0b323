import { describe, expect, test } from "vitest";
import { parseHistoryQuery } from "@/lib/rationale/parse-history-query";

const VERSIONS = [4, 3, 2, 1];

describe("parseHistoryQuery", () => {
  test("no comparison asked for", () => {
    expect(parseHistoryQuery({}, VERSIONS)).toEqual({ compare: { status: "none" } });
    expect(parseHistoryQuery({ from: "", to: " " }, VERSIONS)).toEqual({ compare: { status: "none" } });
  });

  test("two existing versions, in either order", () => {
    expect(parseHistoryQuery({ from: "2", to: "4" }, VERSIONS).compare).toEqual({ status: "ok", from: 2, to: 4 });
    expect(parseHistoryQuery({ from: "4", to: "1" }, VERSIONS).compare).toEqual({ status: "ok", from: 4, to: 1 });
    // A repeated parameter: the first value counts.
    expect(parseHistoryQuery({ from: ["1", "3"], to: "2" }, VERSIONS).compare).toEqual({ status: "ok", from: 1, to: 2 });
  });

  test("each wrong value gets a message naming what to choose", () => {
    expect(parseHistoryQuery({ from: "abc", to: "9" }, VERSIONS).compare).toEqual({
      status: "invalid",
      from: "abc",
      to: "9",
      errors: {
        from: "“abc” is not a version number: choose the version to compare from.",
        to: "There is no version 9: this rationale has versions 1 to 4.",
      },
    });
    expect(parseHistoryQuery({ from: "2" }, VERSIONS).compare).toMatchObject({ status: "invalid", errors: { to: "Choose the version to compare with." } });
    expect(parseHistoryQuery({ from: "-1", to: "0" }, VERSIONS).compare).toMatchObject({
      status: "invalid",
      errors: { from: "“-1” is not a version number: choose the version to compare from.", to: "“0” is not a version number: choose the version to compare with." },
    });
    expect(parseHistoryQuery({ from: "99999999999999999999", to: "1" }, VERSIONS).compare).toMatchObject({ status: "invalid", errors: { from: expect.stringContaining("is not a version number") } });
  });

  test("the same version twice", () => {
    expect(parseHistoryQuery({ from: "3", to: "3" }, VERSIONS).compare).toEqual({
      status: "invalid",
      from: "3",
      to: "3",
      errors: { form: "Choose two different versions: both are version 3." },
    });
  });

  test("the list's page and the restore confirmation are read when they make sense, ignored otherwise", () => {
    expect(parseHistoryQuery({ before: "3", restored: "4" }, VERSIONS)).toEqual({ compare: { status: "none" }, before: 3, restored: 4 });
    expect(parseHistoryQuery({ before: "x", restored: "12" }, VERSIONS)).toEqual({ compare: { status: "none" } });
  });
});

describe("parseHistoryQuery on a rationale with one version", () => {
  test("says so", () => {
    expect(parseHistoryQuery({ from: "1", to: "2" }, [1]).compare).toMatchObject({ status: "invalid", errors: { to: "There is no version 2: this rationale has only version 1." } });
  });
});
