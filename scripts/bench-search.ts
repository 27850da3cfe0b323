// npm run bench:search: the archive's search at 100,000 and 1,000,000 synthetic wires on PostgreSQL.
// Per representative query: the database call (searchArchive in-process, text cache cold and warm),
// the same search done the best plain-PostgreSQL way as a ratio, and the HTTP request to /archive (and
// /api/v1/wires) under 8 concurrent clients; then the index build time, the database size per 1,000
// wires and the app's peak memory. It prints figures measured in one run; it asserts nothing, but says
// loudly where the plain SQL's answer (count, first page, facet counts) differs from the app's.
//
// The baseline ("plain PostgreSQL", scripts/bench/search-queries.ts): one statement per search, the text
// matched through a GIN index on wire.search_vector (websearch_to_tsquery, phrases included) and ranked by
// the app's points, filters as semi-joins on B-tree indexes of the link tables, the count and one GROUP BY
// per facet over a CTE of the matching wires, the page by keyset along (occurred_on DESC, ord DESC) with
// its 25 cards. Its indexes are not the app's: the benchmark creates them (bench_baseline_*) in the
// benchmark database before timing, drops them while it generates wires, and leaves them out of the size.
//
//   createdb -h 127.0.0.1 -U postgres wire_bench
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/wire_bench npm run bench:search [-- --sizes 100000]
//
// The database is kept and reused: a second run skips the generation of wires it already holds.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadTest, timedGet, type LoadResult } from "./bench/http-load";
import { measureSearchDb, type DbPhaseResult, type QueryDbResult } from "./bench/measure-search-db";
import { BASELINE_INDEX_PREFIX, BASELINE_INDEXES, DEEP_PAGES } from "./bench/search-queries";
import { freePort, processGroupMemory, startNextServer, waitForServer, type GroupProcess, type NextServer } from "./bench/next-server";
import { int, markdownTable, mib, ms, ratio, textTable, throttled, type Table } from "./bench/stats";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100000,1000000" },
    "cold-runs": { type: "string", default: "30" },
    "warm-runs": { type: "string", default: "100" },
    "plain-runs": { type: "string", default: "30" },
    "plain-timeout": { type: "string", default: "300" },
    // The names of the earlier, naive baseline's options, still understood.
    "naive-runs": { type: "string" },
    "naive-timeout": { type: "string" },
    budget: { type: "string", default: "60" },
    requests: { type: "string", default: "200" },
    concurrency: { type: "string", default: "8" },
    "max-seconds": { type: "string", default: "20" },
    seed: { type: "string", default: "1" },
    "batch-size": { type: "string", default: "2000" },
    port: { type: "string" },
    "skip-http": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
    // Internal: the in-process measurements of one size run in a child process of their own.
    phase: { type: "string" },
    size: { type: "string" },
    out: { type: "string" },
  },
});

const USAGE = `npm run bench:search [-- options]
  --sizes 100000,1000000   synthetic wire counts to measure at (the archive grows to each in turn)
  --cold-runs 30 --warm-runs 100 --plain-runs 30 --plain-timeout 300 (seconds per plain-PostgreSQL statement)
  --budget 60              seconds per series of runs (cold, warm, plain) of a query: fewer runs when slow
                           (at least 5 each); the tables give the runs made
  --requests 200 --concurrency 8 --max-seconds 20   HTTP load per query and path
  --seed 1 --batch-size 2000   wire generation
  --port N                 port for the server (default: a free one)
  --skip-http              only the in-process measurements
  --build                  run npm run build first, even when a build exists (it is otherwise reused, with a note when sources are newer)`;

const positiveInt = (name: string, value: string | undefined): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`--${name} must be a positive integer, got ${value}`);
    process.exit(2);
  }
  return n;
};

const url = process.env.BENCH_DATABASE_URL?.trim();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!url) {
  console.error(`BENCH_DATABASE_URL is not set: the search benchmark needs a PostgreSQL database of its own, which it fills
with synthetic wires (and keeps, so later runs skip the generation). For example:

  createdb -h 127.0.0.1 -U postgres wire_bench && BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/wire_bench npm run bench:search
`);
  process.exit(2);
}
if (!/^postgres(ql)?:\/\//.test(url)) {
  console.error(`BENCH_DATABASE_URL must be a postgres:// or postgresql:// URL, got ${url}`);
  process.exit(2);
}
process.env.DATABASE_URL = url;

const runs = {
  cold: positiveInt("cold-runs", values["cold-runs"]),
  warm: positiveInt("warm-runs", values["warm-runs"]),
  plain: positiveInt("plain-runs", values["plain-runs"] ?? values["naive-runs"]),
  plainTimeout: positiveInt("plain-timeout", values["plain-timeout"] ?? values["naive-timeout"]),
  budget: positiveInt("budget", values.budget),
  requests: positiveInt("requests", values.requests),
  concurrency: positiveInt("concurrency", values.concurrency),
  maxSeconds: positiveInt("max-seconds", values["max-seconds"]),
};

if (values.phase === "db") {
  const result = await measureSearchDb({
    url,
    size: positiveInt("size", values.size),
    coldRuns: runs.cold,
    warmRuns: runs.warm,
    plainRuns: runs.plain,
    plainTimeoutSeconds: runs.plainTimeout,
    budgetSeconds: runs.budget,
  });
  const { writeFile } = await import("node:fs/promises");
  await writeFile(values.out!, JSON.stringify(result));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// The orchestrating process.

const sizes = [...new Set(values.sizes!.split(",").map((s) => positiveInt("sizes", s.trim().replaceAll("_", ""))))].sort((a, b) => a - b);
const seed = positiveInt("seed", values.seed);
const batchSize = positiveInt("batch-size", values["batch-size"]);

let server: NextServer | undefined;
let child: ChildProcess | undefined;
const cleanUp = () => {
  server?.stopNow();
  child?.kill("SIGTERM");
};
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and the measurements`);
    cleanUp();
    process.exit(130);
  });
}

type HttpFigures = {
  firstArchiveMs: number;
  firstApiMs: number;
  archive: Record<string, LoadResult>;
  api: Record<string, LoadResult>;
  /** /robots.txt and /guides under the same load: what any request costs on this machine. */
  floor: Record<string, LoadResult>;
  warnings: string[];
  processes: GroupProcess[];
  /** /archive again, served by a server with the page cache on (the figures above render every request). */
  cached: Record<string, LoadResult>;
  cacheStats?: string;
};
type SizeResult = {
  size: number;
  wires: number;
  /** The wire tables' size, without the baseline's indexes. */
  bytes: number;
  kbPer1000Wires: number;
  generated: number;
  baseline: BaselineIndexReport[];
  db: DbPhaseResult;
  http?: HttpFigures;
  /** 1-minute load averages sampled every 5 s while this size was measured: other work on the machine skews every figure. */
  load: { mean: number; max: number };
};

await main().catch((error: unknown) => {
  server?.stopNow();
  console.error(`\nbench:search failed: ${describeError(error)}`);
  process.exit(1);
});

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`bench:search on ${redact(url!)}, sizes ${sizes.map(int).join(", ")}; ${os.cpus().length} CPUs, Node ${process.version}`);
  if (!values["skip-http"]) await ensureBuild();
  const results: SizeResult[] = [];
  for (const size of sizes) {
    console.log(`\n=== ${int(size)} synthetic wires ===`);
    const grown = await growArchive(size);
    if (!grown) continue;
    console.log(
      `in-process measurements (a fresh process: index build; per query up to ${runs.cold} cold, ${runs.warm} warm and ${runs.plain} plain-PostgreSQL runs, fewer past ${runs.budget} s a series)…`,
    );
    const samples: number[] = [os.loadavg()[0]!];
    const sampler = setInterval(() => samples.push(os.loadavg()[0]!), 5_000);
    let db: DbPhaseResult;
    let http: HttpFigures | undefined;
    try {
      db = await runDbPhase(size);
      http = values["skip-http"] ? undefined : await runHttp(db.queries);
    } finally {
      clearInterval(sampler);
    }
    const load = { mean: samples.reduce((a, b) => a + b, 0) / samples.length, max: Math.max(...samples) };
    const result: SizeResult = { size, ...grown, db, http, load };
    results.push(result);
    console.log(`\n${sizeReport(result, "text")}`);
  }
  if (results.length === 0) {
    console.error("\nnothing was measured");
    process.exitCode = 1;
    return;
  }
  console.log(`\n=== Markdown (for the README's performance section) ===\n`);
  console.log(results.map((result) => sizeReport(result, "markdown")).join("\n\n"));
  const differing = results.flatMap((result) => result.db.queries.filter((q) => q.plain.mismatches.length > 0).map((q) => `${q.key} at ${int(result.size)}`));
  if (differing.length > 0) console.error(`\nMISMATCH: plain PostgreSQL and the app answer differently (${differing.join(", ")}; see the warnings): a bug in one of the two.`);
  else console.log(`\nplain PostgreSQL and the app gave the same answers on every query (counts, first pages, facet counts).`);
  console.log(`\nbench:search took ${((performance.now() - started) / 60_000).toFixed(1)} min; the database ${redact(url!)} was kept for later runs.`);
}

/** Connection problems get a hint instead of a stack trace. */
function describeError(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "3D000") return `${message}\nCreate it first, e.g. createdb -h 127.0.0.1 -U postgres wire_bench`;
  if (code === "ECONNREFUSED" || code === "28P01" || code === "28000") return `cannot connect to ${redact(url!)}: ${message}`;
  return error instanceof Error ? (error.stack ?? message) : message;
}

// ---------------------------------------------------------------------------------------------

async function ensureBuild(): Promise<void> {
  if (values.build || !existsSync(".next/BUILD_ID")) {
    console.log(values.build ? "--build: running npm run build…" : "no production build (.next/BUILD_ID): running npm run build…");
    const code = await new Promise<number | null>((resolve) => spawn("npm", ["run", "build"], { stdio: "inherit" }).on("exit", resolve));
    if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
    return;
  }
  const built = statSync(".next/BUILD_ID").mtimeMs;
  const newer = ["app", "lib", "components"].flatMap((dir) => newerFiles(dir, built)).slice(0, 5);
  if (newer.length > 0) {
    console.log(`note: the production build predates changes to ${newer.join(", ")}${newer.length === 5 ? ", …" : ""}; the HTTP figures are the build's (npm run build to refresh)`);
  }
}

function newerFiles(dir: string, than: number): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.parentPath.includes("generated")) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (statSync(file).mtimeMs > than) out.push(file);
  }
  return out;
}

/** Grows the archive to `size` synthetic wires; undefined (with the reason printed) when it holds more. */
async function growArchive(
  size: number,
): Promise<{ wires: number; bytes: number; kbPer1000Wires: number; generated: number; baseline: BaselineIndexReport[] } | undefined> {
  const { openDatabase } = await import("@/lib/db/open-database");
  const { generateWires } = await import("@/lib/synthetic/generate-wires");
  const { readSyntheticState } = await import("@/lib/synthetic/read-synthetic-state");
  const { measureWireTables } = await import("@/lib/synthetic/measure-wire-tables");
  const { WIRE_TABLES } = await import("@/lib/synthetic/wire-tables");
  const db = await openDatabase({ url: url! });
  const client = new pg.Client({ connectionString: url });
  try {
    const report = await db.migrate();
    if (report.applied.length > 0) console.log(`migrations applied: ${report.applied.join(", ")}`);
    await client.connect();
    const session = {
      query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
      execute: async (sql: string, params: unknown[] = []) => void (await client.query(sql, params)),
    };
    const { count } = await readSyntheticState(session);
    let generated = 0;
    if (count > size) {
      console.log(
        `the database already holds ${int(count)} synthetic wires, more than ${int(size)}: the benchmark never removes wires, so this size is skipped.\n` +
          `For it, use a fresh database (createdb -h 127.0.0.1 -U postgres wire_bench_${size} and point BENCH_DATABASE_URL at it).`,
      );
      return undefined;
    }
    if (count < size) {
      await dropBaselineIndexes(client);
      const toMake = size - count;
      console.log(`generating ${int(toMake)} synthetic wires (${int(count)} already there; seed ${seed})…`);
      const progress = throttled(15_000);
      const t0 = performance.now();
      const result = await generateWires(db, {
        count: toMake,
        seed,
        batchSize,
        mode: "append",
        contentDir: "content",
        url,
        connections: 2,
        log: (message) => console.log(`  [generate] ${message}`),
        onProgress: (done, total) =>
          progress(done === total, () => {
            const seconds = (performance.now() - t0) / 1000;
            const rate = done / seconds;
            const eta = rate > 0 ? (total - done) / rate : 0;
            console.log(`  [generate] ${int(done)} / ${int(total)} (${((done / total) * 100).toFixed(0)}%), ${int(rate)} wires/s, ~${eta.toFixed(0)} s left`);
          }),
      });
      generated = result.created;
      console.log(`generated ${int(result.created)} wires in ${result.seconds.toFixed(1)} s (${int(result.wiresPerSecond)} wires/s)`);
    } else {
      console.log(`the database already holds ${int(count)} synthetic wires: no generation needed`);
    }
    // Freshly written rows are read the first times with hint-bit writes and no visibility map: the
    // state autovacuum leaves in time. Vacuum now, so that every size is measured in that steady state.
    const [never] = await session.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_user_tables WHERE relname = ANY($1) AND last_vacuum IS NULL AND last_autovacuum IS NULL AND n_live_tup > 0`,
      [[...WIRE_TABLES]],
    );
    if (generated > 0 || Number(never?.n ?? 0) > 0) {
      console.log(`vacuuming the wire tables (VACUUM (ANALYZE): hint bits and the visibility map, as autovacuum would set them in time)…`);
      const t0 = performance.now();
      await client.query(`VACUUM (ANALYZE) ${WIRE_TABLES.map((table) => `"${table}"`).join(", ")}`);
      console.log(`vacuumed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    // The app's size: without the baseline's indexes, which an earlier run may have left.
    const measured = await measureWireTables(session);
    const bytes = measured.bytes - (await baselineIndexes(client)).reduce((sum, index) => sum + index.bytes, 0);
    const kbPer1000Wires = measured.wires === 0 ? 0 : (bytes / 1024 / measured.wires) * 1000;
    console.log(
      `archive: ${int(measured.wires)} wires (${int(measured.syntheticWires)} synthetic); wire tables ${mib(bytes)}, ${int(kbPer1000Wires)} KiB per 1,000 wires`,
    );
    const baseline = await ensureBaselineIndexes(client);
    return { wires: measured.wires, bytes, kbPer1000Wires, generated, baseline };
  } finally {
    await client.end().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

type BaselineIndexReport = { name: string; purpose: string; bytes: number; seconds?: number; sameAs?: string };

/** The plain-PostgreSQL baseline's own indexes (bench_baseline_*) in the database, with their sizes. */
async function baselineIndexes(client: pg.Client): Promise<{ name: string; bytes: number }[]> {
  const { rows } = await client.query<{ name: string; bytes: number }>(
    `SELECT c.relname AS name, pg_relation_size(c.oid)::float8 AS bytes FROM pg_class c WHERE c.relkind = 'i' AND c.relname LIKE $1`,
    [`${BASELINE_INDEX_PREFIX.replaceAll("_", "\\_")}%`],
  );
  return rows.map((row) => ({ name: row.name, bytes: Number(row.bytes) }));
}

/** Drops the baseline's indexes before wires are written: they would slow the generation, whose speed the benchmark reports. */
async function dropBaselineIndexes(client: pg.Client): Promise<void> {
  const existing = await baselineIndexes(client);
  if (existing.length === 0) return;
  console.log(`dropping the plain-PostgreSQL baseline's indexes while wires are generated (rebuilt after): ${existing.map((index) => index.name).join(", ")}`);
  for (const { name } of existing) await client.query(`DROP INDEX IF EXISTS "${name}"`);
}

/**
 * Creates each index of the baseline that the database lacks, unless the schema has the same one (same
 * table, method and columns, whole and valid), which then serves. A GIN index at a million wires takes
 * minutes: its build's progress is printed every 15 s.
 */
async function ensureBaselineIndexes(client: pg.Client): Promise<BaselineIndexReport[]> {
  console.log(`plain-PostgreSQL baseline: its indexes, created in this benchmark database (not part of the app's schema or migrations)…`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  const out: BaselineIndexReport[] = [];
  for (const index of BASELINE_INDEXES) {
    const { rows } = await client.query<{ name: string; bytes: number }>(
      `SELECT c.relname AS name, pg_relation_size(c.oid)::float8 AS bytes
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
       WHERE i.indrelid = $1::regclass AND am.amname = $2 AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL
         AND ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n) = $3::text[]
       ORDER BY c.relname = $4 DESC, c.relname LIMIT 1`,
      [index.table, index.method, index.columns, index.name],
    );
    const same = rows[0];
    if (same) {
      const sameAs = same.name === index.name ? undefined : same.name;
      console.log(`  ${index.name}: ${sameAs ? `not created, the schema's ${sameAs} is the same index` : "built by an earlier run"} (${mib(Number(same.bytes))})`);
      out.push({ name: index.name, purpose: index.purpose, bytes: Number(same.bytes), sameAs });
      continue;
    }
    console.log(`  building ${index.name} ON ${index.table} ${index.definition} (${index.purpose})…`);
    const t0 = performance.now();
    const stop = await reportIndexProgress(client, index.name, t0);
    try {
      await client.query(`CREATE INDEX IF NOT EXISTS "${index.name}" ON "${index.table}" ${index.definition}`);
    } finally {
      await stop();
    }
    const seconds = (performance.now() - t0) / 1000;
    const [built] = await baselineIndexes(client).then((all) => all.filter((found) => found.name === index.name));
    console.log(`  ${index.name}: built in ${seconds.toFixed(1)} s (${mib(built?.bytes)})`);
    out.push({ name: index.name, purpose: index.purpose, bytes: built?.bytes ?? 0, seconds });
  }
  return out;
}

/** Prints the progress of the index build running on `client` every 15 s, from a connection of its own; returns its stop. */
async function reportIndexProgress(client: pg.Client, name: string, t0: number): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
  const monitor = new pg.Client({ connectionString: url });
  await monitor.connect();
  const timer = setInterval(() => {
    monitor
      .query<{ phase: string; blocks_done: string; blocks_total: string; tuples_done: string; tuples_total: string }>(
        `SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total FROM pg_stat_progress_create_index WHERE pid = $1`,
        [rows[0]!.pid],
      )
      .then(({ rows: [progress] }) => {
        if (!progress) return;
        const share = (done: string, total: string) => (Number(total) > 0 ? `, ${((Number(done) / Number(total)) * 100).toFixed(0)}%` : "");
        const of = Number(progress.blocks_total) > 0 ? `blocks${share(progress.blocks_done, progress.blocks_total)}` : `tuples${share(progress.tuples_done, progress.tuples_total)}`;
        console.log(`  [index] ${name}: ${progress.phase} (${of}), ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      })
      .catch(() => undefined);
  }, 15_000);
  return async () => {
    clearInterval(timer);
    await monitor.end().catch(() => undefined);
  };
}

async function runDbPhase(size: number): Promise<DbPhaseResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-search-"));
  const out = path.join(dir, "db.json");
  try {
    const args = [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      "--phase", "db", "--size", String(size), "--out", out,
      "--cold-runs", String(runs.cold), "--warm-runs", String(runs.warm),
      "--plain-runs", String(runs.plain), "--plain-timeout", String(runs.plainTimeout), "--budget", String(runs.budget),
    ];
    child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env: process.env });
    const code = await new Promise<number | null>((resolve) => child!.on("exit", resolve));
    child = undefined;
    if (code !== 0) throw new Error(`the in-process measurements failed (exit ${code})`);
    return JSON.parse(await readFile(out, "utf8")) as DbPhaseResult;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The HTTP figures: first with the page cache off (every request rendered), then /archive with it on. */
async function runHttp(queries: QueryDbResult[]): Promise<HttpFigures> {
  const rendered = await runHttpServer(queries, "rendered");
  const cached = await runHttpServer(queries, "cached");
  return { ...rendered, cached: cached.archive, processes: [...rendered.processes, ...cached.processes] };
}

/**
 * Starts a server and loads it: "rendered" with the page cache off (the framework's floor, /archive and
 * /api/v1/wires), "cached" with it on (/archive only: the same 8 clients asking for the same page).
 */
async function runHttpServer(queries: QueryDbResult[], mode: "rendered" | "cached"): Promise<Omit<HttpFigures, "cached">> {
  const port = values.port ? positiveInt("port", values.port) : await freePort();
  const cache = mode === "cached" ? "64" : "0";
  console.log(`\nstarting npm run serve on port ${port} (its own process group), page cache ${mode === "cached" ? "on (64 MB)" : "off"}…`);
  // The API's per-address rate limit would refuse the load test (all of it comes from one address): off.
  server = startNextServer(port, {
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: "production",
    ARCHIVE_AUTO_IMPORT: "0",
    ARCHIVE_API_RATE_LIMIT: "0",
    ARCHIVE_PAGE_CACHE_MB: cache,
  });
  try {
    const readyMs = await waitForServer(server.base, "/", 120_000, server);
    console.log(`server ready in ${(readyMs / 1000).toFixed(1)} s`);
    const first = queries[0]!;
    const firstArchive = await timedGet(server.base + first.href);
    console.log(`first /archive request (${first.href}): ${(firstArchive.ms / 1000).toFixed(2)} s, HTTP ${firstArchive.status}`);
    const firstApi = await timedGet(server.base + first.apiHref);
    console.log(`first /api/v1/wires request: ${(firstApi.ms / 1000).toFixed(2)} s, HTTP ${firstApi.status} (the route that calls searchArchive: builds the server's index)`);

    // The framework's own floor on this machine, under the same load: a static route and a small page.
    const floor: Record<string, LoadResult> = {};
    for (const target of mode === "rendered" ? ["/robots.txt", "/guides"] : []) {
      await loadTest(server.base + target, { requests: runs.concurrency * 2, concurrency: runs.concurrency, maxSeconds: 30 });
      floor[target] = await loadTest(server.base + target, { requests: runs.requests, concurrency: runs.concurrency, maxSeconds: runs.maxSeconds });
      console.log(`  floor ${target.padEnd(12)} p50 ${ms(floor[target].p50)} ms, p95 ${ms(floor[target].p95)} ms, ${floor[target].requestsPerSecond.toFixed(0)} req/s`);
    }
    const warnings: string[] = [];
    const archive: Record<string, LoadResult> = {};
    const api: Record<string, LoadResult> = {};
    for (const query of queries) {
      // Does the page show what searchArchive put first? (It cannot when /archive does not search.)
      const page = await timedGet(server.base + query.href);
      const ok = { archive: page.status === 200, api: false };
      if (page.status !== 200) warnings.push(`${query.key}: /archive answered HTTP ${page.status}: not measured`);
      else if (query.firstId && !page.body.includes(query.firstId)) {
        warnings.push(`${query.key}: the /archive page does not show ${query.firstId}, the first result of searchArchive (does /archive call searchArchive?)`);
      }
      const json = await timedGet(server.base + query.apiHref);
      if (json.status !== 200) warnings.push(`${query.key}: /api/v1/wires answered HTTP ${json.status}: not measured`);
      else {
        ok.api = true;
        const body = JSON.parse(json.body) as { total?: number; wires?: { id: string }[] };
        if (body.total !== query.total || body.wires?.[0]?.id !== query.firstId) {
          warnings.push(`${query.key}: /api/v1/wires gave ${body.total} results starting ${body.wires?.[0]?.id}, searchArchive ${query.total} starting ${query.firstId}`);
        }
      }
      for (const [name, target, store, measure] of [["/archive", query.href, archive, ok.archive], ["/api/v1/wires", query.apiHref, api, ok.api]] as const) {
        if (!measure || (mode === "cached" && name !== "/archive")) continue;
        await loadTest(server.base + target, { requests: runs.concurrency * 2, concurrency: runs.concurrency, maxSeconds: 30 }); // warm-up
        const result = await loadTest(server.base + target, { requests: runs.requests, concurrency: runs.concurrency, maxSeconds: runs.maxSeconds });
        store[query.key] = result;
        console.log(
          `  ${query.key.padEnd(13)} ${(mode === "cached" ? `${name} cached` : name).padEnd(16)} ${String(result.n).padStart(4)} requests in ${result.seconds.toFixed(1)} s: p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, ${result.requestsPerSecond.toFixed(0)} req/s${result.errors ? `, ${result.errors} errors (${result.firstError})` : ""}`,
        );
      }
    }
    const processes = await processGroupMemory(server.pid, port);
    return { firstArchiveMs: firstArchive.ms, firstApiMs: firstApi.ms, archive, api, floor, warnings, processes };
  } finally {
    await server.stop();
    server = undefined;
  }
}

function sizeReport(result: SizeResult, format: "text" | "markdown"): string {
  const { db, http } = result;
  const render = format === "text" ? textTable : markdownTable;
  const main: Table = {
    headers: [
      "query", "results", "db p50", "db p95 cold", "db p50 warm", "db p95 warm", "plain PG p50", "plain PG p95", "plain PG/db p50", "plain PG/db p95", "same answer",
      "http p50 cached", "http p95 cached", "req/s cached", "http p50 rendered", "http p95 rendered", "req/s rendered", "runs c/w/p/http",
    ],
    rows: db.queries.map((q) => {
      const h = http?.archive[q.key];
      const c = http?.cached[q.key];
      return [
        q.label, int(q.total), ms(q.cold.p50), ms(q.cold.p95), ms(q.warm.p50), ms(q.warm.p95), ms(q.plain.p50), ms(q.plain.p95),
        ratio(q.plain.p50 / q.cold.p50), ratio(q.plain.p95 / q.cold.p95), q.plain.mismatches.length === 0 ? "yes" : "NO",
        ms(c?.p50), ms(c?.p95), c ? c.requestsPerSecond.toFixed(0) : "–",
        ms(h?.p50), ms(h?.p95), h ? h.requestsPerSecond.toFixed(0) : "–",
        `${q.cold.n}/${q.warm.n}/${q.plain.n}/${h ? h.n : "–"}`,
      ];
    }),
  };
  const apiTable: Table = {
    headers: ["query", "api p50", "api p95", "api req/s"],
    rows: db.queries.map((q) => {
      const h = http?.api[q.key];
      return [q.label, ms(h?.p50), ms(h?.p95), h ? h.requestsPerSecond.toFixed(0) : "–"];
    }),
  };
  const where: Table = {
    headers: [
      "query", "db p50 cold", "text match cold", "text match, postings in memory", "highlight 25", "index (JS)",
      "plain PG p50", "plain PG: page alone", "plain PG: count alone", "plain PG results",
    ],
    rows: db.queries.map((q) => {
      const b = q.breakdown;
      return [
        q.label, ms(q.cold.p50), ms(b.matchColdMs), ms(b.matchWarmMs), ms(b.highlightMs), ms(b.indexMs),
        ms(q.plain.p50), ms(b.plainPageMs), ms(b.plainCountMs), int(q.plain.total),
      ];
    }),
  };
  const server = http?.processes.filter((p) => p.peakBytes !== undefined) ?? [];
  const peak = server.reduce<GroupProcess | undefined>((max, p) => (!max || (p.peakBytes ?? 0) > (max.peakBytes ?? 0) ? p : max), undefined);
  const facts = [
    `archive: ${int(result.wires)} wires (${int(result.size)} synthetic)${result.generated ? `, ${int(result.generated)} generated in this run` : ""}`,
    `database size: wire tables ${mib(result.bytes)}, ${int(result.kbPer1000Wires)} KiB per 1,000 wires (pg_total_relation_size, indexes and TOAST included; the baseline's bench_baseline_* indexes left out)`,
    `plain-PostgreSQL baseline's indexes, created by the benchmark in its database, not the app's: ${result.baseline
      .map((index) => `${index.name} (${index.purpose}): ${index.sameAs ? `the schema's ${index.sameAs}, ${mib(index.bytes)}` : `${mib(index.bytes)}${index.seconds === undefined ? ", from an earlier run" : `, built in ${index.seconds.toFixed(1)} s`}`}`)
      .join("; ")}`,
    `search index build (first call, in-process): ${(db.indexBuildMs / 1000).toFixed(2)} s for ${int(db.indexSize)} listed wires; its freshness check on each later call: p50 ${ms(db.refreshMs.p50)} ms`,
    `loading the 25 wire cards of a page through Prisma (wireCardSelect): p50 ${ms(db.cardsMs.p50)} ms; the same in one plain SQL statement with a correlated count of sources: p50 ${ms(db.cardsSqlMs.p50)} ms`,
    http
      ? `first request after start: /archive ${(http.firstArchiveMs / 1000).toFixed(2)} s, /api/v1/wires ${(http.firstApiMs / 1000).toFixed(2)} s (the first searchArchive call builds the server's index)`
      : "HTTP: skipped",
    http
      ? `peak memory of the app (VmHWM): ${mib(peak?.peakBytes)}${peak ? ` (pid ${peak.pid}${peak.listening ? ", the process listening" : ""}; ${server.length} process${server.length === 1 ? "" : "es"} in the servers' groups (page cache off, then on): ${server.map((p) => `${p.pid} ${mib(p.peakBytes)}${p.listening ? " listening" : ""}`).join(", ")})` : ""}`
      : undefined,
    http
      ? `the framework's floor under the same load (${runs.concurrency} clients): ${Object.entries(http.floor)
          .map(([target, r]) => `${target} p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms (${r.requestsPerSecond.toFixed(0)} req/s)`)
          .join("; ")}`
      : undefined,
    `peak memory of the benchmark's in-process measurements (index + text cache, maxRSS): ${mib(db.benchPeakBytes)}`,
    `machine load while measuring (1-min load average, ${os.cpus().length} CPUs): mean ${result.load.mean.toFixed(1)}, max ${result.load.max.toFixed(1)}${result.load.mean > os.cpus().length ? " (other work competed for the CPUs: the times are inflated)" : ""}`,
  ].filter(Boolean) as string[];
  const notes = [
    `db: searchArchive(query) in-process (the query parsed by PostgreSQL, the index refresh check, the text postings read and evaluated, facet counts, the page's cards and highlights). Cold: the text-match, parsed-query and postings caches emptied before each call (up to ${db.options.coldRuns} runs); warm: caches kept (up to ${db.options.warmRuns} runs); fewer when a series passes ${db.options.budgetSeconds} s (at least 5): "runs" gives the counts. The facet index is built once per process (first call); each query has 5 untimed cold calls and 2 warm ones first (the code of both paths compiled), and PostgreSQL's own buffers are warm in both.`,
    `plain PG: the same search done the best plain-PostgreSQL way (GIN + B-tree, GROUP BY), on one connection (JIT off, work_mem 64 MB): PostgreSQL's reading of the text (websearch_to_tsquery, for the words that rank), then one statement: the text matched once through a GIN index on wire.search_vector (phrases included) into a materialized CTE, ranked by the app's points (10/4/2 for a word in the headline/summary/body, by weight-restricted tsqueries), newer first among equals; providers and codes as semi-joins on the link tables' B-trees; the count and one GROUP BY per facet over the matching set (an active facet over the set its own filter left out, as the app counts it); the 25 cards of the page (highlights for text) by keyset, newest first along (occurred_on DESC, ord DESC), the deep page (${DEEP_PAGES + 1}) from the app's own cursor (the key of page ${DEEP_PAGES}'s last wire) rather than OFFSET ${DEEP_PAGES * 25}. Run after all the in-process series above, so that its scans do not disturb the next query's timings; 2 untimed runs, then up to ${db.options.plainRuns}, fewer past ${db.options.budgetSeconds} s (at least 5). plain PG/db = plain PG / db cold. "same answer": the count, the first page's wires in order and every facet's counts equal the app's. "page alone" and "count alone": the statement with only that part (p50 of 5).`,
    http
      ? `http: ${runs.concurrency} concurrent clients, up to ${runs.requests} requests or ${runs.maxSeconds} s per query after ${runs.concurrency * 2} warm-up requests, timed to the last byte, with gzip as browsers ask for it; the same URL repeats, so the server's text cache is warm. "rendered": a server with the page cache off (ARCHIVE_PAGE_CACHE_MB=0), so every request is rendered by Next.js. "cached": the default server, whose page cache answers readers without a session from the page rendered for the first of them, until the archive changes (lib/http/page-cache.ts).`
      : undefined,
    `targets at 1,000,000 wires (2 cores): db p95 ≤ 20 ms (cold), http p95 ≤ 100 ms at 8 clients.`,
  ].filter(Boolean) as string[];
  const warnings = [
    ...db.queries.flatMap((q) => q.plain.mismatches.map((m) => `MISMATCH between plain PostgreSQL and the app, ${q.label}: ${m}`)),
    ...(http?.warnings ?? []),
  ];
  if (format === "text") {
    return [
      `--- ${int(result.size)} synthetic wires: times in ms ---`,
      render(main),
      "",
      "/api/v1/wires (same queries, JSON):",
      render(apiTable),
      "",
      "where the time goes (p50, ms):",
      render(where),
      "",
      ...facts,
      ...notes.map((n) => `note: ${n}`),
      ...warnings.map((w) => `warning: ${w}`),
    ].join("\n");
  }
  return [
    `### ${int(result.size)} synthetic wires`,
    "",
    "Times in milliseconds.",
    "",
    render(main),
    "",
    render(apiTable),
    "",
    "Where the time goes (p50, ms):",
    "",
    render(where),
    "",
    ...facts.map((f) => `- ${f}`),
    ...notes.map((n) => `- ${n}`),
    ...warnings.map((w) => `- warning: ${w}`),
  ].join("\n");
}

function redact(value: string): string {
  try {
    const parsed = new URL(value);
    parsed.password = "";
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}
