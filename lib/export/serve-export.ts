import "server-only";
import { publicBaseUrl } from "@/lib/feeds/public-base-url";
import { searchParamsOf, type QueryProblem } from "@/lib/search/archive-query";
import { exportFileName } from "./export-file-name";
import { parseExportQuery, type ExportFormat } from "./export-query";
import { exportStream } from "./export-stream";
import { selectExportWires } from "./select-export-wires";

const MEDIA_TYPES: Record<ExportFormat, string> = {
  // RFC 4180's media type, with the header parameter it defines.
  csv: "text/csv; charset=utf-8; header=present",
  ndjson: "application/x-ndjson; charset=utf-8",
};

/**
 * GET /archive/export.csv and /archive/export.ndjson with the archive's parameters: every wire the
 * search matches, streamed as it is read. Bad parameters get a plain-text 400 naming each one;
 * errors never carry a stack trace.
 */
export async function serveExport(request: Request, format: ExportFormat): Promise<Response> {
  const parsed = parseExportQuery(searchParamsOf(new URL(request.url).searchParams), format);
  if (parsed.status === "invalid") return invalid(parsed.problems);
  try {
    const selection = await selectExportWires(parsed.query);
    if (selection.status === "invalid") return invalid(selection.problems);
    // The file is named after the search as the archive understood it: provider slugs, codes in capitals.
    const named = { ...parsed.query, provider: selection.providers.map((provider) => provider.slug), code: parsed.query.code.map((code) => code.toUpperCase()) };
    const body = exportStream({
      selection,
      format,
      base: publicBaseUrl(request),
      bom: parsed.bom,
      onError: (error) => console.error("[export] an export stopped part-way", error),
    });
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": MEDIA_TYPES[format],
        "Content-Disposition": `attachment; filename="${exportFileName(named, format)}"`,
        "X-Total-Count": String(selection.total),
        // A snapshot of a live archive: not to be kept by caches.
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    console.error("[export] could not start an export", error);
    return plain(500, "The export could not be started. Please try again.");
  }
}

function invalid(problems: QueryProblem[]): Response {
  const lines = problems.map((problem) => `${problem.param}: ${problem.message}`);
  return plain(400, `This export's address has parameters the archive cannot use:\n${lines.join("\n")}`);
}

function plain(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
