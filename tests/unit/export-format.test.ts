import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { csvCell, csvLine } from "@/lib/export/csv-cell";
import { exportFileName } from "@/lib/export/export-file-name";
import { parseExportQuery } from "@/lib/export/export-query";
import type { SearchParams } from "@/lib/search/archive-query";

const problemsOf = (params: SearchParams, format: "csv" | "ndjson" = "csv") => {
  const result = parseExportQuery(params, format);
  return result.status === "invalid" ? result.problems.map((problem) => problem.param) : [];
};

describe("CSV fields (RFC 4180)", () => {
  test("plain text stays bare; commas, quotes and line breaks are quoted, quotes doubled", () => {
    expect(csvCell("DALL·E API")).toBe("DALL·E API");
    expect(csvCell("Seoul, Korea")).toBe('"Seoul, Korea"');
    expect(csvCell('The "but-for" test')).toBe('"The ""but-for"" test"');
    expect(csvCell("one\ntwo")).toBe('"one\ntwo"');
    expect(csvCell("one\r\ntwo")).toBe('"one\r\ntwo"');
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
    expect(csvLine(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });

  test("cells a spreadsheet would run as a formula get a leading apostrophe (OWASP)", () => {
    expect(csvCell("=HYPERLINK(\"http://evil.example\",\"x\")")).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell("+1 555 0100")).toBe("'+1 555 0100");
    expect(csvCell("-pricing")).toBe("'-pricing");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\r=1+1")).toBe("\"'\r=1+1\"");
    // Only the first character counts: text with these characters inside is left alone.
    expect(csvCell("a=b-c+d@e")).toBe("a=b-c+d@e");
  });

  test("a real CSV parser reads back what was written, guard and all", () => {
    const values = ["id, with comma", 'say "hi"', "line one\nline two", "日本語 — ça 🙂", "=1+1", ""];
    const [row] = parse(csvLine(values)) as string[][];
    expect(row).toEqual(["id, with comma", 'say "hi"', "line one\nline two", "日本語 — ça 🙂", "'=1+1", ""]);
  });
});

describe("export parameters", () => {
  test("the archive's parameters, parsed by its schema; a CSV has a BOM unless bom=0", () => {
    expect(parseExportQuery({ provider: "Open AI,google", code: "m1", severity: "2-4", from: "2022" }, "csv")).toEqual({
      status: "ok",
      bom: true,
      query: { q: undefined, provider: ["Open AI", "google"], code: ["m1"], severity: { min: 2, max: 4 }, standard: [], status: [], from: "2022-01-01", to: undefined },
    });
    expect(parseExportQuery({ bom: "0" }, "csv")).toMatchObject({ status: "ok", bom: false });
    expect(parseExportQuery({ bom: "1" }, "csv")).toMatchObject({ status: "ok", bom: true });
    expect(parseExportQuery({}, "ndjson")).toMatchObject({ status: "ok", bom: false });
  });

  test.each<[SearchParams, "csv" | "ndjson", string[]]>([
    [{ cursor: "d19000_12" }, "csv", ["cursor"]],
    [{ dir: "older" }, "ndjson", ["dir"]],
    [{ severity: "9" }, "csv", ["severity"]],
    [{ from: "2024-02-30" }, "csv", ["from"]],
    [{ bom: "yes" }, "csv", ["bom"]],
    [{ bom: ["1", "0"] }, "csv", ["bom"]],
    [{ bom: "1" }, "ndjson", ["bom"]],
    [{ format: "xlsx" }, "csv", ["format"]],
    [{ severity: "0", bom: "2", cursor: "x" }, "csv", ["severity", "bom", "cursor"]],
  ])("%o as %s is refused, naming %o", (params, format, names) => {
    expect(problemsOf(params, format)).toEqual(names);
  });
});

describe("file names", () => {
  const at = new Date("2026-11-21T10:00:00Z");
  const query = { q: undefined, provider: [], code: [], severity: undefined, standard: [], status: [], from: undefined, to: undefined };

  test("name the search and the day, in letters, digits and hyphens", () => {
    expect(exportFileName(query, "csv", at)).toBe("ai-incident-wires-2026-11-21.csv");
    expect(exportFileName({ ...query, provider: ["openai"], code: ["M1"], severity: { min: 2, max: 4 }, status: ["withdrawn"] }, "ndjson", at)).toBe(
      "ai-incident-wires-openai-m1-sev2-4-withdrawn-2026-11-21.ndjson",
    );
    expect(exportFileName({ ...query, q: '"; rm -rf / <script>', from: "2022-01-01" }, "csv", at)).toBe("ai-incident-wires-from-2022-01-01-search-2026-11-21.csv");
  });

  test("a long search is cut short", () => {
    const name = exportFileName({ ...query, provider: Array.from({ length: 20 }, (_, i) => `provider-with-a-long-name-${i}`) }, "csv", at);
    expect(name.length).toBeLessThanOrEqual(140);
    expect(name).toMatch(/^ai-incident-wires-[a-z0-9-]+-2026-11-21\.csv$/);
  });
});
