// `npm run wires -- export`: the archive's CSV and NDJSON exports from the command line (see scripts/wires.ts).
import path from "node:path";
import { getDb } from "@/lib/db/get-db";
import { env } from "@/lib/env";
import { parseExportQuery, type ExportFormat } from "@/lib/export/export-query";
import { writeExport } from "@/lib/export/write-export";
import type { SearchParams } from "@/lib/search/archive-query";
import { createProgressReporter, type ProgressReporter } from "@/lib/synthetic/progress-reporter";

export const EXPORT_FLAGS = {
  format: { type: "string" },
  out: { type: "string" },
  "no-bom": { type: "boolean" },
  base: { type: "string" },
  q: { type: "string" },
  provider: { type: "string", multiple: true },
  code: { type: "string", multiple: true },
  severity: { type: "string" },
  standard: { type: "string", multiple: true },
  status: { type: "string", multiple: true },
  from: { type: "string" },
  to: { type: "string" },
} as const;

type Values = {
  format?: string;
  out?: string;
  "no-bom"?: boolean;
  base?: string;
  q?: string;
  provider?: string[];
  code?: string[];
  severity?: string;
  standard?: string[];
  status?: string[];
  from?: string;
  to?: string;
};

/** A mistake in the command's flags: scripts/wires.ts reports it with the usage hint, exit code 2. */
export class ExportUsageError extends Error {}

const DEFAULT_BASE = "http://localhost:3000";
const BASE = /^https?:\/\/[^/?#\s]+$/;

export async function exportCommand(values: Values): Promise<number> {
  const format = values.format ?? "csv";
  if (format !== "csv" && format !== "ndjson") throw new ExportUsageError(`--format must be csv or ndjson, got "${format}"`);
  if (values["no-bom"] && format !== "csv") throw new ExportUsageError("--no-bom is for CSV only (NDJSON never starts with a byte order mark)");
  const base = (values.base ?? env().ARCHIVE_PUBLIC_URL ?? DEFAULT_BASE).replace(/\/+$/, "");
  if (!BASE.test(base)) throw new ExportUsageError(`--base must be an address like https://wires.example.org, got "${values.base}"`);

  // The archive's parameters, parsed by the archive's own schema: a flag means what the parameter means on /archive.
  const params: SearchParams = {};
  for (const name of ["q", "provider", "code", "severity", "standard", "status", "from", "to"] as const) {
    if (values[name] !== undefined) params[name] = values[name];
  }
  if (values["no-bom"]) params.bom = "0";
  const parsed = parseExportQuery(params, format as ExportFormat);
  if (parsed.status === "invalid") throw new ExportUsageError(parsed.problems.map((problem) => `--${problem.param}: ${problem.message}`).join("; "));

  const out = values.out === undefined || values.out === "-" ? undefined : path.resolve(values.out);
  const db = await getDb();
  let progress: ProgressReporter | undefined;
  const stop = new AbortController();
  const interrupted = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
  };
  process.on("SIGINT", interrupted);
  try {
    const result = await writeExport({
      query: parsed.query,
      format: format as ExportFormat,
      bom: parsed.bom,
      base,
      out: out ?? process.stdout,
      signal: stop.signal,
      onStart: (total) => {
        console.error(`exporting ${total.toLocaleString("en-US")} wires as ${format.toUpperCase()} from ${db.label} to ${out ?? "standard output"}`);
        progress = createProgressReporter(process.stderr, Math.max(total, 1));
        progress.update(0);
      },
      onProgress: (done) => progress?.update(done),
    });
    progress?.finish();
    if (result.status === "invalid") {
      // Values the archive does not know (a provider, a code), found only once the database is open.
      console.error(`wires: ${result.problems.map((problem) => `--${problem.param}: ${problem.message}`).join("; ")}`);
      return 2;
    }
    const rate = result.seconds > 0 ? Math.round(result.wires / result.seconds) : result.wires;
    console.error(
      `wrote ${result.wires.toLocaleString("en-US")} wires, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, in ${result.seconds.toFixed(1)} s ` +
        `(${rate.toLocaleString("en-US")} wires/s)${out ? ` to ${out}` : ""}`,
    );
    return 0;
  } catch (error) {
    progress?.finish();
    if (stop.signal.aborted) {
      console.error(`export interrupted${out ? `; ${out} is incomplete` : ""}`);
      return 130;
    }
    const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
    console.error(`export failed: ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`);
    return 1;
  } finally {
    process.off("SIGINT", interrupted);
    await db.close();
  }
}
