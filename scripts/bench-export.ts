// npm run bench:export: the archive's CSV and NDJSON exports at a million wires on PostgreSQL.
// Per export: wires per second, megabytes per second, and the process's memory (RSS and V8 heap)
// before, at every tenth of the way and at its peak, so that a flat line shows the export holds a
// batch at a time, not the archive. It prints figures measured in one run; it asserts nothing.
//
//   createdb -h 127.0.0.1 -U postgres wire_export_bench
//   export DATABASE_URL=postgresql://postgres@127.0.0.1:5432/wire_export_bench
//   npm run wires -- generate --count 1000000
//   npm run bench:export [-- --runs all-csv,all-ndjson,provider-csv,text-ndjson]
//
// The stream is the one /archive/export.csv sends, read as fast as this process can take it.
import { parseArgs } from "node:util";
import { getDb } from "@/lib/db/get-db";
import { env } from "@/lib/env";
import { parseExportQuery, type ExportFormat } from "@/lib/export/export-query";
import { exportStream } from "@/lib/export/export-stream";
import { selectExportWires } from "@/lib/export/select-export-wires";
import { loadSearchIndex } from "@/lib/search/load-search-index";
import type { SearchParams } from "@/lib/search/archive-query";
import { int, mib, textTable, type Table } from "./bench/stats";

const RUNS: Record<string, { format: ExportFormat; params: SearchParams; label: string }> = {
  "all-csv": { format: "csv", params: {}, label: "whole archive, CSV" },
  "all-ndjson": { format: "ndjson", params: {}, label: "whole archive, NDJSON" },
  "provider-csv": { format: "csv", params: { provider: "openai", severity: "1-3" }, label: "provider=openai&severity=1-3, CSV" },
  "text-ndjson": { format: "ndjson", params: { q: "model or policy" }, label: "q=model or policy, NDJSON" },
};

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: Object.keys(RUNS).join(",") },
    "sample-ms": { type: "string", default: "50" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(`npm run bench:export [-- --runs ${Object.keys(RUNS).join(",")}] [--sample-ms 50]\nUses DATABASE_URL (PostgreSQL, filled by npm run wires -- generate --count 1000000).`);
  process.exit(0);
}
const chosen = values.runs.split(",").map((name) => name.trim());
for (const name of chosen) {
  if (!Object.hasOwn(RUNS, name)) {
    console.error(`bench:export: unknown run "${name}" (runs: ${Object.keys(RUNS).join(", ")})`);
    process.exit(2);
  }
}
if (!env().DATABASE_URL) {
  console.error("bench:export: set DATABASE_URL to a PostgreSQL database filled by `npm run wires -- generate --count 1000000`");
  process.exit(2);
}

/** Process memory sampled on a timer: the highest RSS and heap seen while `peak` was armed. */
class MemoryWatch {
  rss = 0;
  heap = 0;
  private readonly timer: NodeJS.Timeout;
  constructor(everyMs: number) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }
  sample() {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > this.rss) this.rss = rss;
    if (heapUsed > this.heap) this.heap = heapUsed;
    return { rss, heapUsed };
  }
  reset() {
    this.rss = 0;
    this.heap = 0;
    this.sample();
  }
  stop() {
    clearInterval(this.timer);
  }
}

const watch = new MemoryWatch(Number(values["sample-ms"]));
const db = await getDb();
const [{ wires }] = await db.prisma.$queryRaw<[{ wires: number }]>`SELECT count(*)::int AS wires FROM wire WHERE status <> 'MERGED'`;
console.log(`bench:export on ${db.label}: ${int(wires)} listed wires; node ${process.version}`);
if (wires < 1_000_000) console.log(`note: fewer than 1,000,000 wires; fill the database with npm run wires -- generate --count ${1_000_000 - wires} --append`);

// The search index is the process's, built once and shared with /archive: timed on its own.
const before = process.memoryUsage();
let started = performance.now();
await loadSearchIndex();
const indexSeconds = (performance.now() - started) / 1000;
const afterIndex = process.memoryUsage();
console.log(
  `search index: built in ${indexSeconds.toFixed(1)} s; RSS ${mib(before.rss)} -> ${mib(afterIndex.rss)}, heap ${mib(before.heapUsed)} -> ${mib(afterIndex.heapUsed)}\n`,
);

const summary: Table = {
  headers: ["export", "wires", "MB", "seconds", "wires/s", "MB/s", "RSS before", "RSS peak", "heap before", "heap peak"],
  rows: [],
  left: [0],
};

for (const name of chosen) {
  const run = RUNS[name]!;
  const parsed = parseExportQuery(run.params, run.format);
  if (parsed.status !== "ok") throw new Error(`bench:export: ${name} has invalid parameters`);
  started = performance.now();
  const selection = await selectExportWires(parsed.query);
  if (selection.status !== "ok") throw new Error(`bench:export: ${name}: ${selection.problems.map((p) => `${p.param}: ${p.message}`).join("; ")}`);
  const selectMs = performance.now() - started;
  watch.reset();
  const start = watch.sample();
  const marks: string[] = [];
  let nextMark = 0.1;
  const stream = exportStream({
    selection,
    format: run.format,
    base: "https://wires.example.org",
    bom: parsed.bom,
    onProgress: (done) => {
      while (selection.total > 0 && done / selection.total >= nextMark - 1e-9) {
        marks.push(`${Math.round(nextMark * 100)}%: ${mib(watch.sample().rss)}`);
        nextMark += 0.1;
      }
    },
  });
  let bytes = 0;
  started = performance.now();
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  watch.sample();
  console.log(`${run.label}: ${int(selection.total)} wires (selected in ${selectMs.toFixed(0)} ms), ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
  console.log(`  RSS along the way: ${marks.join(", ")}`);
  summary.rows.push([
    run.label,
    int(selection.total),
    (bytes / 1e6).toFixed(1),
    seconds.toFixed(1),
    int(selection.total / seconds),
    (bytes / 1e6 / seconds).toFixed(1),
    mib(start.rss),
    mib(watch.rss),
    mib(start.heapUsed),
    mib(watch.heap),
  ]);
}
watch.stop();

console.log(`\n${textTable(summary)}`);
// The kernel's high-water mark for the whole process, index build included (resourceUsage reports KiB).
console.log(`\nprocess peak RSS (kernel high-water mark, index included): ${mib(process.resourceUsage().maxRSS * 1024)}`);
console.log(`memory sampled every ${values["sample-ms"]} ms; MB = 10^6 bytes, MiB = 2^20 bytes`);
await db.close();
