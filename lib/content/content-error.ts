/** One problem in a content file, located as precisely as the file allows. */
export type ContentIssue = { file: string; line?: number; field?: string; message: string };

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** Thrown by the importer when any file is invalid; nothing has been written. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`Content not imported (${count}; nothing was written):\n${issues.map((issue) => `  ${formatIssue(issue)}`).join("\n")}`);
    this.name = "ContentError";
    this.issues = issues;
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}
