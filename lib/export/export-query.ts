import { parseArchiveQuery, queryProblems, type ArchiveQuery, type QueryProblem, type SearchParams } from "@/lib/search/archive-query";

export type ExportFormat = "csv" | "ndjson";
/** An archive search as an export takes it: the archive's filters, without a page cursor. */
export type ExportQuery = Omit<ArchiveQuery, "cursor" | "dir">;
export type ExportRequest = { query: ExportQuery; bom: boolean };
export type ExportQueryResult = ({ status: "ok" } & ExportRequest) | { status: "invalid"; problems: QueryProblem[] };

/**
 * Parses an export's parameters with the archive's own schema (lib/search/archive-query.ts), plus
 * `bom` for CSV. An export always holds every match, so `cursor` and `dir` (which page through
 * /archive) are refused by name rather than ignored: an export address means one thing.
 *
 * The CSV starts with a UTF-8 byte order mark unless `bom=0`: Excel reads a CSV without one in the
 * machine's legacy code page and garbles every accent; other spreadsheets and CSV parsers skip it.
 * NDJSON never has one (JSON text must not start with a BOM, RFC 8259), so `bom` is refused there.
 */
export function parseExportQuery(params: SearchParams, format: ExportFormat): ExportQueryResult {
  const { bom: bomParam, ...archiveParams } = params;
  const problems: QueryProblem[] = [];
  let bom = format === "csv";
  if (bomParam !== undefined) {
    if (format !== "csv") problems.push({ param: "bom", message: "only a CSV export takes bom (NDJSON never starts with a byte order mark)" });
    else if (bomParam === "1" || bomParam === "0") bom = bomParam === "1";
    else problems.push({ param: "bom", message: Array.isArray(bomParam) ? `give bom once, not ${bomParam.length} times` : "expected 1 (start with a UTF-8 byte order mark, the default) or 0" });
  }
  const paging = (["cursor", "dir"] as const)
    .filter((param) => archiveParams[param] !== undefined)
    .map((param) => ({ param, message: "an export holds every match of the search, so it takes no page cursor" }));
  const parsed = parseArchiveQuery(archiveParams);
  if (!parsed.success) {
    const named = queryProblems(parsed.error).filter((problem) => problem.param !== "cursor" && problem.param !== "dir");
    return { status: "invalid", problems: [...named, ...problems, ...paging] };
  }
  if (problems.length > 0 || paging.length > 0) return { status: "invalid", problems: [...problems, ...paging] };
  const { cursor: _cursor, dir: _dir, ...query } = parsed.data;
  return { status: "ok", query, bom };
}
