import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { fieldPath, type ContentIssue } from "./content-error";

export type LineOf = (path: readonly (string | number)[]) => number | undefined;

/**
 * Parses YAML and validates it with a zod schema, reporting every problem with
 * its file, line and field. `firstLine` is where the YAML starts in the file.
 */
export function parseYaml<T extends z.ZodType>(
  file: string,
  source: string,
  schema: T,
  firstLine = 1,
): { data?: z.infer<T>; issues: ContentIssue[]; lineOf: LineOf } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf: LineOf = (path) => {
    for (let length = path.length; length >= 0; length -= 1) {
      const node = doc.getIn(path.slice(0, length) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  if (doc.errors.length > 0) {
    return {
      lineOf,
      issues: doc.errors.map((error) => ({ file, line: lineAt(error.pos[0]), message: `malformed YAML: ${error.message.split("\n")[0]}` })),
    };
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { data: result.data, issues: [], lineOf };
  return {
    lineOf,
    issues: result.error.issues.flatMap((issue) => {
      const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
      const field = issue.path.length > 0 ? fieldPath(issue.path) : undefined;
      // An unknown field (a typo like `sevrity`) is located at its own line, not at its parent's.
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => ({ file, line: lineOf([...path, key]), field, message: `unknown field ${key}` }));
      }
      const missing = path.length > 0 && !doc.hasIn(path);
      return [{ file, line: lineOf(path), field, message: missing ? `is missing (${issue.message})` : issue.message }];
    }),
  };
}

/** Splits a Markdown file into its YAML front matter and its body. */
export function splitFrontMatter(file: string, text: string): { yaml: string; body: string; bodyLine: number } | ContentIssue {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  if (!normalized.startsWith("---\n")) {
    return { file, line: 1, field: "front matter", message: "expected the file to start with a '---' line" };
  }
  const end = normalized.indexOf("\n---\n", 3);
  const endAtEof = normalized.endsWith("\n---") ? normalized.length - 4 : -1;
  const close = end >= 0 ? end : endAtEof;
  if (close < 0) {
    return { file, line: 1, field: "front matter", message: "no closing '---' line after the front matter" };
  }
  const yaml = normalized.slice(4, close + 1);
  const body = normalized.slice(close + 5);
  const bodyLine = yaml.split("\n").length + 2;
  return { yaml, body, bodyLine };
}
