import { describe, expect, test } from "vitest";
import { z } from "zod";
import { formatIssue } from "@/lib/content/content-error";
import { parseYaml, splitFrontMatter } from "@/lib/content/parse-yaml";

describe("splitFrontMatter", () => {
  test("splits the YAML from the body and says where the body starts", () => {
    const text = "---\nid: AIW-2022-0008\nseverity: 3\n---\nFirst line of the body.\n\nSecond paragraph.\n";
    const parts = splitFrontMatter("w.md", text);
    expect(parts).toEqual({ yaml: "id: AIW-2022-0008\nseverity: 3\n", body: "First line of the body.\n\nSecond paragraph.\n", bodyLine: 5 });
    if ("message" in parts) throw new Error("unreachable");
    expect(text.split("\n")[parts.bodyLine - 1]).toBe("First line of the body.");
  });

  test("Windows line endings and a byte-order mark are accepted", () => {
    const parts = splitFrontMatter("w.md", "\uFEFF---\r\nid: AIW-2022-0008\r\n---\r\nBody\r\n");
    expect(parts).toEqual({ yaml: "id: AIW-2022-0008\n", body: "Body\n", bodyLine: 4 });
  });

  test("a closing line at the very end of the file is accepted", () => {
    expect(splitFrontMatter("g.md", "---\ntitle: x\n---")).toEqual({ yaml: "title: x\n", body: "", bodyLine: 4 });
  });

  test("a file without front matter is refused at line 1", () => {
    expect(splitFrontMatter("content/wires/x.md", "id: AIW-2022-0008\n")).toEqual({
      file: "content/wires/x.md",
      line: 1,
      field: "front matter",
      message: "expected the file to start with a '---' line",
    });
  });

  test("front matter that is never closed is refused", () => {
    const issue = splitFrontMatter("content/wires/x.md", "---\nid: AIW-2022-0008\nheadline: x\n\nBody text.\n");
    expect("message" in issue && formatIssue(issue)).toBe("content/wires/x.md:1: front matter: no closing '---' line after the front matter");
  });

  test("a '---' inside a value does not close the front matter", () => {
    const parts = splitFrontMatter("w.md", "---\nheadline: a---b\n---\nBody\n");
    expect(parts).toMatchObject({ yaml: "headline: a---b\n", body: "Body\n" });
  });
});

describe("parseYaml", () => {
  const schema = z.strictObject({
    title: z.string({ error: "expected text" }),
    count: z.int({ error: "expected a whole number" }),
    items: z.array(z.strictObject({ url: z.url({ error: "expected a URL" }) })).default([]),
  });
  // In a Markdown file the YAML starts on line 2, after the opening '---'.
  const FIRST_LINE = 2;

  test("valid YAML gives the data and no issues", () => {
    const result = parseYaml("f.md", "title: Hello\ncount: 3\n", schema, FIRST_LINE);
    expect(result.issues).toEqual([]);
    expect(result.data).toEqual({ title: "Hello", count: 3, items: [] });
  });

  test("a wrong value is reported at its own line in the file", () => {
    const yaml = "title: Hello\ncount: many\nitems:\n  - url: https://example.org\n";
    const result = parseYaml("f.md", yaml, schema, FIRST_LINE);
    expect(result.data).toBeUndefined();
    expect(result.issues).toEqual([{ file: "f.md", line: 3, field: "count", message: "expected a whole number" }]);
  });

  test("a nested value is reported at its line, with its path", () => {
    const yaml = "title: Hello\ncount: 1\nitems:\n  - url: https://example.org\n  - url: not a url\n";
    const [issue] = parseYaml("f.md", yaml, schema, FIRST_LINE).issues;
    expect(issue).toEqual({ file: "f.md", line: 6, field: "items[1].url", message: "expected a URL" });
    expect(formatIssue(issue!)).toBe("f.md:6: items[1].url: expected a URL");
  });

  test("an unknown field is reported at the line of the typo", () => {
    const yaml = "title: Hello\ncount: 1\ncuont: 2\n";
    expect(parseYaml("f.md", yaml, schema, FIRST_LINE).issues).toEqual([{ file: "f.md", line: 4, message: "unknown field cuont" }]);
  });

  test("an unknown nested field is reported at its line, under its parent", () => {
    const yaml = "title: Hello\ncount: 1\nitems:\n  - url: https://example.org\n    titel: x\n";
    expect(parseYaml("f.md", yaml, schema, FIRST_LINE).issues).toEqual([{ file: "f.md", line: 6, field: "items[0]", message: "unknown field titel" }]);
  });

  test("a missing field is reported with its name", () => {
    const issues = parseYaml("f.md", "count: 1\n", schema, FIRST_LINE).issues;
    expect(issues).toEqual([{ file: "f.md", line: 2, field: "title", message: "is missing (expected text)" }]);
  });

  test("malformed YAML is reported at the line it breaks on", () => {
    const yaml = "title: Hello\ncount: 1\nsummary: a: b\n";
    const issues = parseYaml("f.md", yaml, schema, FIRST_LINE).issues;
    expect(issues).toEqual([{ file: "f.md", line: 4, message: "malformed YAML: Nested mappings are not allowed in compact mappings" }]);
  });

  test("a key given twice is refused at the second one", () => {
    const issues = parseYaml("f.yaml", "title: a\ncount: 1\ntitle: b\n", schema).issues;
    expect(issues).toEqual([{ file: "f.yaml", line: 3, message: "malformed YAML: Map keys must be unique" }]);
  });

  test("lineOf finds a field's line, or its closest parent's", () => {
    const { lineOf } = parseYaml("f.md", "title: Hello\ncount: 1\nitems:\n  - url: https://example.org\n", schema, FIRST_LINE);
    expect(lineOf(["count"])).toBe(3);
    expect(lineOf(["items", 0, "url"])).toBe(5);
    expect(lineOf(["items", 3])).toBe(5);
  });
});
