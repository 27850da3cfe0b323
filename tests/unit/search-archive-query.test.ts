import { describe, expect, test } from "vitest";
import { archiveHref, parseArchiveQuery, queryProblems, searchParamsOf, type SearchParams } from "@/lib/search/archive-query";

const ok = (params: SearchParams) => {
  const result = parseArchiveQuery(params);
  if (!result.success) throw new Error(`expected ${JSON.stringify(params)} to parse: ${JSON.stringify(queryProblems(result.error))}`);
  return result.data;
};

/** The problems of a rejected query as "param: message"; fails the test when it parsed. */
const problems = (params: SearchParams) => {
  const result = parseArchiveQuery(params);
  if (result.success) throw new Error(`expected ${JSON.stringify(params)} to be rejected`);
  return queryProblems(result.error);
};
const rejected = (params: SearchParams) => [...new Set(problems(params).map((p) => p.param))];

describe("q", () => {
  test("trimmed; blank means no text", () => {
    expect(ok({ q: "  dall-e  " }).q).toBe("dall-e");
    expect(ok({ q: "" }).q).toBeUndefined();
    expect(ok({ q: "   " }).q).toBeUndefined();
    expect(ok({}).q).toBeUndefined();
  });

  test("web-search syntax passes through untouched", () => {
    expect(ok({ q: '"public beta" or outpainting -plus' }).q).toBe('"public beta" or outpainting -plus');
  });

  test("at most 200 characters, counted after trimming", () => {
    expect(ok({ q: "x".repeat(200) }).q).toHaveLength(200);
    expect(ok({ q: ` ${"x".repeat(200)} ` }).q).toHaveLength(200);
    expect(problems({ q: "x".repeat(201) })).toEqual([{ param: "q", message: "the search text is at most 200 characters" }]);
  });

  test("given twice is refused, naming q", () => {
    expect(problems({ q: ["a", "b"] })).toEqual([{ param: "q", message: "give q once, not 2 times" }]);
  });
});

describe("provider", () => {
  test("one value, repeated values, comma-separated values, de-duplicated in order", () => {
    expect(ok({ provider: "openai" }).provider).toEqual(["openai"]);
    expect(ok({ provider: ["openai", "google"] }).provider).toEqual(["openai", "google"]);
    expect(ok({ provider: "openai,google, adobe" }).provider).toEqual(["openai", "google", "adobe"]);
    expect(ok({ provider: ["openai", "openai,google"] }).provider).toEqual(["openai", "google"]);
    expect(ok({}).provider).toEqual([]);
  });

  test("names are kept as written (resolved later, in any case)", () => {
    expect(ok({ provider: ["Open AI", "OPENAI"] }).provider).toEqual(["Open AI", "OPENAI"]);
  });

  test("at most 20 values of at most 80 characters", () => {
    expect(ok({ provider: Array.from({ length: 20 }, (_, i) => `p${i}`) }).provider).toHaveLength(20);
    expect(rejected({ provider: Array.from({ length: 21 }, (_, i) => `p${i}`) })).toEqual(["provider"]);
    // 21 repeats of one value are counted before de-duplication.
    expect(rejected({ provider: Array.from({ length: 21 }, () => "openai") })).toEqual(["provider"]);
    expect(rejected({ provider: "x".repeat(81) })).toEqual(["provider"]);
  });
});

describe("code", () => {
  test("codes and family letters, any case", () => {
    expect(ok({ code: "M1" }).code).toEqual(["M1"]);
    expect(ok({ code: "m1" }).code).toEqual(["m1"]);
    expect(ok({ code: ["M", "f10", "S123"] }).code).toEqual(["M", "f10", "S123"]);
    expect(ok({ code: "M1,M1,F10" }).code).toEqual(["M1", "F10"]);
  });

  test.each(["M1234", "1", "MM1", "M-1", "M1'--", "M 1", "%", "M_", "Ⅿ1"])("%j is not a code", (code) => {
    expect(rejected({ code })).toEqual(["code"]);
  });
});

describe("severity", () => {
  test.each([
    ["1", { min: 1, max: 1 }],
    ["5", { min: 5, max: 5 }],
    ["2-4", { min: 2, max: 4 }],
    ["3-3", { min: 3, max: 3 }],
    ["1-5", { min: 1, max: 5 }],
    [" 2-4 ", { min: 2, max: 4 }],
  ])("%j is %o", (severity, expected) => {
    expect(ok({ severity }).severity).toEqual(expected);
  });

  test("absent or blank: no filter", () => {
    expect(ok({}).severity).toBeUndefined();
    expect(ok({ severity: "" }).severity).toBeUndefined();
  });

  test.each(["0", "6", "2-", "-2", "4-2", "abc", "1-6", "0-3", "2 - 4", "2–4", "1.5", "02", "3,4"])("%j is refused, naming severity", (severity) => {
    expect(rejected({ severity })).toEqual(["severity"]);
  });

  test("a reversed range says which way it runs", () => {
    expect(problems({ severity: "4-2" })[0]!.message).toMatch(/lower number to the higher/);
  });

  test("twice is refused", () => {
    expect(rejected({ severity: ["2", "3"] })).toEqual(["severity"]);
  });
});

describe("standard and status", () => {
  test("known values in any case, as lower case lists", () => {
    expect(ok({ standard: "CONFIRMED" }).standard).toEqual(["confirmed"]);
    expect(ok({ standard: ["provisional", "Standard"] }).standard).toEqual(["provisional", "standard"]);
    expect(ok({ status: "withdrawn,Corrected" }).status).toEqual(["withdrawn", "corrected"]);
    expect(ok({}).status).toEqual([]);
    expect(ok({}).standard).toEqual([]);
  });

  test("merged wires cannot be asked for", () => {
    expect(rejected({ status: "merged" })).toEqual(["status"]);
  });

  test.each([["standard", "gold"], ["standard", "provisional,gold"], ["status", "deleted"], ["status", "published;"]])("%s=%j is refused", (param, value) => {
    expect(rejected({ [param]: value })).toEqual([param]);
  });
});

describe("from and to", () => {
  test.each([
    ["2022", "2022-01-01", "2022-12-31"],
    ["2022-02", "2022-02-01", "2022-02-28"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2000-02", "2000-02-01", "2000-02-29"],
    ["2100-02", "2100-02-01", "2100-02-28"],
    ["2022-04", "2022-04-01", "2022-04-30"],
    ["2022-12", "2022-12-01", "2022-12-31"],
    ["2022-11-03", "2022-11-03", "2022-11-03"],
    ["2024-02-29", "2024-02-29", "2024-02-29"],
  ])("%j: from %s, to %s", (value, from, to) => {
    expect(ok({ from: value }).from).toBe(from);
    expect(ok({ to: value }).to).toBe(to);
  });

  test.each(["2022-02-30", "2023-02-29", "2022-13-01", "2022-00", "2022-04-31", "2022-01-00", "2022-13", "99999", "22", "2022-1-5", "2022/01/05", "05-01-2022", "2022-01-05T00:00", "yesterday", "2022-01-05 ", "２０２２"])(
    "%j is refused",
    (value) => {
      // A trailing space is trimmed away, so it is the only one of these that parses.
      if (value === "2022-01-05 ") {
        expect(ok({ from: value }).from).toBe("2022-01-05");
        return;
      }
      expect(rejected({ from: value })).toEqual(["from"]);
      expect(rejected({ to: value })).toEqual(["to"]);
    },
  );

  test("a range may be open at either end, or one day", () => {
    expect(ok({ from: "2022" })).toMatchObject({ from: "2022-01-01", to: undefined });
    expect(ok({ to: "2022" })).toMatchObject({ from: undefined, to: "2022-12-31" });
    expect(ok({ from: "2022-11-03", to: "2022-11-03" })).toMatchObject({ from: "2022-11-03", to: "2022-11-03" });
    expect(ok({ from: "2022", to: "2022" })).toMatchObject({ from: "2022-01-01", to: "2022-12-31" });
    expect(ok({ from: "2022-02", to: "2022-02" })).toMatchObject({ from: "2022-02-01", to: "2022-02-28" });
  });

  test("from after to is refused, naming to", () => {
    expect(problems({ from: "2023", to: "2022" })).toEqual([{ param: "to", message: "the end of the date range comes before its start" }]);
    expect(rejected({ from: "2022-11-04", to: "2022-11-03" })).toEqual(["to"]);
    expect(rejected({ from: "2022-03", to: "2022-02-28" })).toEqual(["to"]);
  });

  test("twice is refused", () => {
    expect(rejected({ from: ["2022", "2023"] })).toEqual(["from"]);
    expect(rejected({ to: ["2022", "2023"] })).toEqual(["to"]);
  });
});

describe("cursor and dir", () => {
  test("a cursor is kept as given (checked when it is used), up to 200 characters", () => {
    expect(ok({ cursor: "d19000_5" }).cursor).toBe("d19000_5");
    expect(ok({ cursor: "anything" }).cursor).toBe("anything");
    expect(rejected({ cursor: "d".repeat(201) })).toEqual(["cursor"]);
    expect(rejected({ cursor: ["a", "b"] })).toEqual(["cursor"]);
  });

  test("dir is older or newer", () => {
    expect(ok({ dir: "older" }).dir).toBe("older");
    expect(ok({ dir: "newer" }).dir).toBe("newer");
    expect(ok({}).dir).toBeUndefined();
    for (const dir of ["sideways", "OLDER", "up", "1"]) expect(rejected({ dir })).toEqual(["dir"]);
  });
});

describe("the query as a whole", () => {
  test("every parameter at once", () => {
    expect(
      ok({
        q: "beta",
        provider: ["Open AI", "google"],
        code: "M,f10",
        severity: "2-4",
        standard: "confirmed",
        status: ["published", "corrected"],
        from: "2022",
        to: "2023-02",
        cursor: "d19000_5",
        dir: "newer",
      }),
    ).toEqual({
      q: "beta",
      provider: ["Open AI", "google"],
      code: ["M", "f10"],
      severity: { min: 2, max: 4 },
      standard: ["confirmed"],
      status: ["published", "corrected"],
      from: "2022-01-01",
      to: "2023-02-28",
      cursor: "d19000_5",
      dir: "newer",
    });
  });

  test("unknown keys are refused, each named", () => {
    expect(rejected({ query: "x" })).toEqual(["query"]);
    expect(rejected({ foo: "1", bar: ["2", "3"], q: "ok" })).toEqual(["foo", "bar"]);
    expect(problems({ Q: "x" })[0]!.message).toMatch(/unknown parameter/);
  });

  test("every problem is reported, not only the first", () => {
    expect(rejected({ q: "x".repeat(201), severity: "9", dir: "up", code: "??" }).sort()).toEqual(["code", "dir", "q", "severity"]);
    // Unknown keys are named beside failing known parameters, not only once those are fixed.
    expect(rejected({ severity: "9", foo: "1" }).sort()).toEqual(["foo", "severity"]);
  });

  test("searchParamsOf turns repeated keys into lists", () => {
    const params = searchParamsOf(new URLSearchParams("q=a&provider=openai&provider=google&severity=2&severity=3"));
    expect(params).toEqual({ q: "a", provider: ["openai", "google"], severity: ["2", "3"] });
    expect(rejected(params)).toEqual(["severity"]);
  });

  test("archiveHref writes every parameter and parses back to the same query", () => {
    const state = ok({ q: "a b", provider: ["Open AI"], code: ["M", "F10"], severity: "2-4", standard: "confirmed", status: "withdrawn", from: "2022", to: "2023-02", cursor: "d1_2", dir: "newer" });
    const href = archiveHref(state);
    expect(href).toBe("/archive?q=a+b&provider=Open+AI&code=M&code=F10&severity=2-4&standard=confirmed&status=withdrawn&from=2022-01-01&to=2023-02-28&cursor=d1_2&dir=newer");
    expect(ok(searchParamsOf(new URLSearchParams(href.split("?")[1])))).toEqual(state);
    expect(archiveHref({ severity: { min: 3, max: 3 } }, "/api/v1/wires")).toBe("/api/v1/wires?severity=3");
  });
});
