// npm run bench:readers: every page and feed a reader can reach, on PostgreSQL at the sizes given, as
// readers use them: distinct addresses drawn from the archive (wires, searches built from its own words
// and taxonomy, older pages, feeds, downloads), one client and then 8, with the page cache on and off;
// p50/p95/p99, requests a second, errors, the ratios the archive holds itself to, the start-up (ready,
// first search), the server's memory, a 64-connection mixed load and, with --faults, an amendment under
// load and a SIGKILL restart. It prints figures measured in one run; it asserts nothing.
//
//   createdb -h 127.0.0.1 -U postgres wire_bench
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/wire_bench npm run bench:readers -- --sizes 100000,1000000
//
// The database is kept: a later run only adds the wires a size still lacks.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { agentFor, get, runMixed, runPaths, type RunResult } from "./bench/http-client";
import { freePort, startNextServer, type NextServer } from "./bench/next-server";
import { sampleReaderUrls, type ReaderUrls } from "./bench/reader-urls";
import { int, markdownTable, mib, ms, percentile, ratio, textTable, type Table } from "./bench/stats";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000000" },
    "one-client": { type: "string", default: "120" },
    "eight-clients": { type: "string", default: "320" },
    "mixed-seconds": { type: "string", default: "30" },
    modes: { type: "string", default: "on,off" },
    routes: { type: "string" },
    seed: { type: "string", default: "1" },
    faults: { type: "boolean", default: false },
    markdown: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

const USAGE = `npm run bench:readers [-- options]
  --sizes 100000,1000000   synthetic wire counts to measure at (the archive grows to each in turn)
  --one-client 120         requests per route with one client (each to an address of its own)
  --eight-clients 320      requests per route with 8 clients
  --mixed-seconds 30       length of the 64-connection mixed load (0: none)
  --modes on,off           the page cache on (as shipped) and off (ARCHIVE_PAGE_CACHE_MB=0)
  --routes a,b             only the routes whose names contain one of these
  --seed 1                 which addresses are drawn
  --faults                 also an amendment under 8-client load and a SIGKILL restart under load
  --markdown               also print the tables as Markdown (for docs/benchmarks.md)`;

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const url = process.env.BENCH_DATABASE_URL?.trim();
if (!url) {
  console.error(`BENCH_DATABASE_URL is not set: the readers' benchmark needs a PostgreSQL database of its own, filled with
synthetic wires (kept for later runs). For example:

  createdb -h 127.0.0.1 -U postgres wire_bench && BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/wire_bench npm run bench:readers
`);
  process.exit(2);
}
const positive = (name: string, value: string | undefined, zero = false): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < (zero ? 0 : 1)) {
    console.error(`--${name} must be a whole number${zero ? "" : " above 0"}, got ${value}`);
    process.exit(2);
  }
  return n;
};
const sizes = (values.sizes ?? "").split(",").map((size) => positive("sizes", size.replaceAll("_", "")));
const oneClient = positive("one-client", values["one-client"]);
const eightClients = positive("eight-clients", values["eight-clients"]);
const mixedSeconds = positive("mixed-seconds", values["mixed-seconds"], true);
const seed = positive("seed", values.seed);
const modes = (values.modes ?? "").split(",").map((mode) => mode.trim());
if (modes.length === 0 || modes.some((mode) => mode !== "on" && mode !== "off")) {
  console.error(`--modes takes on, off or both (on,off), got ${values.modes}`);
  process.exit(2);
}
const routeFilter = values.routes?.split(",").map((name) => name.trim()).filter(Boolean);
if (!existsSync(".next/BUILD_ID")) {
  console.error("no production build (.next/BUILD_ID): run npm run build first");
  process.exit(2);
}

/** What a route is held to: p95 with one client, and the one with 8 clients, in ms. */
type Target = { oneP95?: number; eightP95?: number };
type Route = {
  name: string;
  /** The addresses for `n` requests starting at the `from`-th (each route's list is used once, in order). */
  paths: (from: number, n: number) => string[];
  firstByte?: boolean;
  target?: Target;
  /** How many different addresses the route has (fewer than requests: later ones repeat). */
  distinct: number;
};

type RouteResult = { route: Route; one: RunResult; eight: RunResult };
type ModeResult = {
  mode: "on" | "off";
  start: StartFigures;
  routes: RouteResult[];
  memory: { idle: number; peak: number; afterMixed?: number; mixedPeak?: number };
  mixed?: MixedFigures;
  faults?: FaultFigures;
};
type StartFigures = { healthzMs: number; readyMs: number; firstSearchMs: number; firstWireMs: number };
type MixedFigures = { popular: { p50: number; p95: number; n: number }; searches: { p50: number; p95: number; n: number }; errors: number; rps: number };
type FaultFigures = {
  amendment?: { baselineRps: number; minBinRps: number; secondsBelowHalf: number; errors: number };
  restart?: { killedToHealthz: number; killedToReady: number; killedToFirst200: number; firstAfterReadyMs: number; errors: number };
};

let current: NextServer | undefined;

await main().catch((error: unknown) => {
  current?.stopNow();
  console.error(`\nbench:readers failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

async function main(): Promise<void> {
  console.log(`bench:readers on ${redact(url!)}; sizes ${sizes.map(int).join(", ")}; ${os.cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  for (const size of sizes) {
    console.log(`\n=== ${int(size)} synthetic wires ===`);
    await growArchive(size);
    const urls = await sampleReaderUrls(url!, 4 * (oneClient + eightClients + 20), seed);
    const routes = readerRoutes(urls).filter((route) => !routeFilter || routeFilter.some((name) => route.name.includes(name)));
    const results: ModeResult[] = [];
    for (const mode of modes as ("on" | "off")[]) results.push(await measureMode(mode, routes, urls));
    report(size, results);
  }
}

// ---------------------------------------------------------------------------------------------
// The routes

function readerRoutes(urls: ReaderUrls): Route[] {
  const slice = <T>(list: T[], part: number, parts: number) => {
    const size = Math.floor(list.length / parts);
    return list.slice(part * size, (part + 1) * size);
  };
  const cycle = (list: string[]) => (from: number, n: number) => Array.from({ length: n }, (_, i) => list[(from + i) % list.length]!);
  const route = (name: string, list: string[], extra: Partial<Route> = {}): Route => ({ name, paths: cycle(list), distinct: new Set(list).size, ...extra });
  // Four disjoint sets of wires: the page and the OSV record share one, as the ratio compares them on the same wires.
  const [wiresA, wiresB, wiresC] = [0, 1, 2].map((part) => slice(urls.wires, part, 4)) as [ReaderUrls["wires"], ReaderUrls["wires"], ReaderUrls["wires"]];
  const providerFirst = urls.providers.map((slug) => `/providers/${slug}`);
  const codeFirst = urls.codes.map((code) => `/codes/${code}`);
  return [
    route("wire page", wiresA.map((w) => `/wires/${w.id}/${w.slug}`), { target: { oneP95: 30 } }),
    route("wire OSV record (API)", wiresA.map((w) => `/api/v1/wires/${w.id}/osv.json`)),
    route("wire (API)", wiresB.map((w) => `/api/v1/wires/${w.id}`), { target: { oneP95: 50 } }),
    route("wire history", wiresC.map((w) => `/wires/${w.id}/history`), { target: { oneP95: 50 } }),
    route("wire history (API)", wiresC.map((w) => `/api/v1/wires/${w.id}/history`), { target: { oneP95: 50 } }),
    route("archive search", urls.searches.map((q) => `/archive?${q}`), { target: { eightP95: 150 } }),
    route("archive search (API)", urls.searches.map((q) => `/api/v1/wires?${q}`)),
    route("latest", ["/"], { target: { oneP95: 50 } }),
    route("latest, older pages", urls.latestCursors.map((cursor) => `/?cursor=${cursor}`), { target: { oneP95: 50 } }),
    route("provider pages", providerFirst, { target: { oneP95: 50 } }),
    route("provider pages, older", urls.providerPages, { target: { oneP95: 50 } }),
    route("code pages", codeFirst, { target: { oneP95: 50 } }),
    route("code pages, older", urls.codePages, { target: { oneP95: 50 } }),
    route("guides", ["/guides", ...urls.guides.map((slug) => `/guides/${slug}`)], { target: { oneP95: 50 } }),
    route("latest feed", ["/feeds/latest.rss", "/feeds/latest.atom", "/feeds/latest.json"], { target: { oneP95: 50 } }),
    route("provider + code feeds", urls.providerFeeds, { target: { oneP95: 50 } }),
    route("search feeds", urls.searchFeeds, { target: { oneP95: 50 } }),
    route("sitemap index", ["/sitemap.xml"], { target: { oneP95: 50 } }),
    route("sitemap files", sitemapFiles(urls), { target: { oneP95: 50 } }),
    route("export, first byte", urls.exports, { firstByte: true, target: { oneP95: 50 } }),
    route("providers (API)", urls.providers.map((slug) => `/api/v1/providers/${slug}`), { target: { oneP95: 50 } }),
    route("codes (API)", urls.codes.map((code) => `/api/v1/codes/${code}`), { target: { oneP95: 50 } }),
  ];
}

/** The sitemap's files: pages.xml and one per ARCHIVE_SITEMAP_URLS wires (5,000 by default). */
function sitemapFiles(urls: ReaderUrls): string[] {
  const files = Math.max(1, Math.ceil(urls.wireCount / Number(process.env.ARCHIVE_SITEMAP_URLS || 5_000)));
  return ["/sitemaps/pages.xml", ...Array.from({ length: files }, (_, i) => `/sitemaps/wires-${i + 1}.xml`)];
}

// ---------------------------------------------------------------------------------------------
// One server: start, routes at 1 and 8 clients, mixed load, faults

async function measureMode(mode: "on" | "off", routes: Route[], urls: ReaderUrls): Promise<ModeResult> {
  console.log(`\n--- page cache ${mode} ---`);
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "production" as const, ARCHIVE_API_RATE_LIMIT: "0", ARCHIVE_PAGE_CACHE_MB: mode === "on" ? "64" : "0" };
  const started = performance.now();
  const server = startNextServer(port, env);
  current = server;
  const memory = memorySampler(server.pid);
  try {
    const start = await measureStart(server, started, urls);
    console.log(
      `start: /healthz after ${(start.healthzMs / 1000).toFixed(2)} s, /readyz after ${(start.readyMs / 1000).toFixed(2)} s; first search after ready ${ms(start.firstSearchMs)} ms, first wire page ${ms(start.firstWireMs)} ms`,
    );
    // Idle: ready (migrations, index, warm-up done), before any reader's request.
    const idle = memory.now();
    // A few requests of every route before any is timed, so that none pays for the others' first use.
    for (const route of routes) await runPaths(server.base, route.paths(oneClient + eightClients, 3), { concurrency: 1 });
    const results: RouteResult[] = [];
    for (const route of routes) {
      const one = await runPaths(server.base, route.paths(0, oneClient), { concurrency: 1, firstByte: route.firstByte });
      const eight = await runPaths(server.base, route.paths(oneClient, eightClients), { concurrency: 8, firstByte: route.firstByte });
      results.push({ route, one, eight });
      console.log(
        `  ${route.name.padEnd(26)} 1 client p50/p95/p99 ${ms(one.p50)}/${ms(one.p95)}/${ms(one.p99)} ms · 8 clients ${int(eight.requestsPerSecond)} req/s, p50/p95/p99 ${ms(eight.p50)}/${ms(eight.p95)}/${ms(eight.p99)} ms${one.errors + eight.errors > 0 ? ` · ${one.errors + eight.errors} errors (${one.firstError ?? eight.firstError})` : ""}`,
      );
    }
    const result: ModeResult = { mode, start, routes: results, memory: { idle, peak: memory.peak() } };
    if (mixedSeconds > 0) {
      const before = memory.peak();
      result.mixed = await mixedLoad(server, urls);
      result.memory.afterMixed = memory.now();
      result.memory.mixedPeak = Math.max(before, memory.peak());
      console.log(
        `  64 connections for ${mixedSeconds} s (70% popular pages, 30% distinct searches): ${int(result.mixed.rps)} req/s; popular p50/p95 ${ms(result.mixed.popular.p50)}/${ms(result.mixed.popular.p95)} ms, searches ${ms(result.mixed.searches.p50)}/${ms(result.mixed.searches.p95)} ms, ${result.mixed.errors} errors; memory ${mib(idle)} idle, ${mib(result.memory.afterMixed)} after, ${mib(result.memory.mixedPeak)} peak`,
      );
    }
    if (values.faults) result.faults = await faults(server, urls, env, port, (next) => (current = next));
    result.memory.peak = Math.max(result.memory.peak, memory.peak());
    return result;
  } finally {
    memory.stop();
    await current?.stop();
  }
}

async function measureStart(server: NextServer, started: number, urls: ReaderUrls): Promise<StartFigures> {
  const base = new URL(server.base);
  const agent = agentFor(1);
  const until = async (path: string, timeoutMs: number) => {
    for (;;) {
      if (server.process.exitCode !== null) throw new Error(`the server exited (${server.process.exitCode}) before ${path} answered 200`);
      const answer = await get(base, path, agent, { timeoutMs: 5_000 });
      if (answer.status === 200) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error(`${path} did not answer 200 within ${timeoutMs / 1000} s (last: ${answer.status || answer.error})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const healthzMs = await until("/healthz", 120_000);
  const readyMs = await until("/readyz", 300_000);
  const search = await get(base, `/archive?q=${encodeURIComponent(urls.searches.length ? "model" : "")}`, agent);
  const wire = urls.wires.at(-1)!;
  const page = await get(base, `/wires/${wire.id}/${wire.slug}`, agent);
  agent.destroy();
  return { healthzMs, readyMs, firstSearchMs: search.ms, firstWireMs: page.ms };
}

/** The popular addresses of a mixed load: the front pages, a few wires and lists that many readers share. */
function popularPaths(urls: ReaderUrls): string[] {
  const wires = urls.wires.slice(-10).map((wire) => `/wires/${wire.id}/${wire.slug}`);
  return ["/", "/archive", "/guides", "/guides/editors-guide", ...urls.providers.slice(0, 3).map((slug) => `/providers/${slug}`), ...wires, "/feeds/latest.atom"];
}

async function mixedLoad(server: NextServer, urls: ReaderUrls): Promise<MixedFigures> {
  const popular = popularPaths(urls);
  let search = 0;
  // Searches of their own, not the ones the routes used.
  const searches = urls.searches.map((q) => `/archive?${q}&standard=standard`);
  let n = 0;
  const result = await runMixed(
    server.base,
    () => {
      n += 1;
      if (n % 10 < 7) return { path: popular[n % popular.length]!, kind: "popular" };
      return { path: searches[search++ % searches.length]!, kind: "search" };
    },
    { concurrency: 64, seconds: mixedSeconds },
  );
  const figures = (list: number[] = []) => ({ p50: percentile(list, 0.5), p95: percentile(list, 0.95), n: list.length });
  return { popular: figures(result.byKind.get("popular")), searches: figures(result.byKind.get("search")), errors: result.errors, rps: result.answered / result.seconds };
}

// ---------------------------------------------------------------------------------------------
// Faults: an amendment under load, a SIGKILL restart

async function faults(server: NextServer, urls: ReaderUrls, env: NodeJS.ProcessEnv, port: number, replaced: (server: NextServer) => void): Promise<FaultFigures> {
  const popular = popularPaths(urls);
  const out: FaultFigures = {};
  // An amendment of one popular wire's rationale, written as the app writes one (rationale, revision, the wire's time).
  {
    const bins = new Map<number, number>();
    const begin = performance.now();
    let n = 0;
    const wireId = urls.wires.at(-1)!.id;
    const amend = setTimeout(() => void amendRationale(wireId), 5_000);
    const result = await runMixed(server.base, () => ({ path: popular[n++ % popular.length]!, kind: "popular" }), {
      concurrency: 8,
      seconds: 15,
      onTiming: (_timing, endedAt) => {
        const bin = Math.floor((endedAt - begin) / 250);
        bins.set(bin, (bins.get(bin) ?? 0) + 1);
      },
    });
    clearTimeout(amend);
    const rates = Array.from({ length: 60 }, (_, bin) => (bins.get(bin) ?? 0) * 4);
    const baseline = percentile(rates.slice(4, 20), 0.5);
    const after = rates.slice(20, 56);
    out.amendment = {
      baselineRps: baseline,
      minBinRps: Math.min(...after),
      secondsBelowHalf: after.filter((rate) => rate < baseline / 2).length / 4,
      errors: result.errors,
    };
    console.log(
      `  amendment under 8 clients: ${int(baseline)} req/s before; lowest quarter-second after ${int(out.amendment.minBinRps)} req/s; ${out.amendment.secondsBelowHalf} s below half; ${result.errors} errors`,
    );
  }
  // SIGKILL under load, then a new instance at once, as a supervisor would start one.
  {
    const base = new URL(server.base);
    const agent = agentFor(1);
    let stop = false;
    let errors = 0;
    let n = 0;
    let killedAt = 0;
    let first200 = 0;
    const load = (async () => {
      while (!stop) {
        const answer = await get(base, popular[n++ % popular.length]!, agent, { timeoutMs: 30_000 });
        if (answer.status === 200 && killedAt > 0 && first200 === 0 && performance.now() > killedAt) first200 = performance.now() - killedAt;
        if (answer.status !== 200) {
          errors += 1;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    server.stopNow();
    killedAt = performance.now();
    while (server.process.exitCode === null && server.process.signalCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
    const next = startNextServer(port, env);
    replaced(next);
    const start = await measureStart(next, killedAt, urls);
    const firstAfterReady = await get(base, `/archive?q=${encodeURIComponent("image")}&severity=2`, agent);
    while (first200 === 0 && performance.now() - killedAt < 120_000) await new Promise((resolve) => setTimeout(resolve, 50));
    stop = true;
    await load;
    agent.destroy();
    out.restart = { killedToHealthz: start.healthzMs, killedToReady: start.readyMs, killedToFirst200: first200, firstAfterReadyMs: firstAfterReady.ms, errors };
    console.log(
      `  SIGKILL under load: /healthz ${(start.healthzMs / 1000).toFixed(2)} s, /readyz ${(start.readyMs / 1000).toFixed(2)} s, first 200 to a reader ${(first200 / 1000).toFixed(2)} s after the kill; first search after ready ${ms(firstAfterReady.ms)} ms; ${errors} failed requests meanwhile`,
    );
  }
  return out;
}

async function amendRationale(wireId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ version: number; text: string }>(
      `UPDATE rationale SET text = text || ' (benchmark amendment)', version = version + 1, basis = 'EDITOR_AMENDMENT', basis_label = 'Amended by an editor', updated_at = now()
       WHERE wire_id = $1 RETURNING version, text`,
      [wireId],
    );
    const row = rows[0];
    if (row) {
      await client.query(
        `INSERT INTO rationale_revision (wire_id, version, kind, text, basis, basis_label, basis_date, test, reason, author, created_at)
         SELECT wire_id, version, 'AMENDMENT', text, basis, basis_label, basis_date, test, 'Benchmark amendment under load', 'bench:readers', updated_at FROM rationale WHERE wire_id = $1`,
        [wireId],
      );
      await client.query("UPDATE wire SET updated_at = now() WHERE id = $1", [wireId]);
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Memory of the server process (the one that listens: npm run serve starts node directly)

function memorySampler(pid: number): { now(): number; peak(): number; stop(): void } {
  let peak = 0;
  let last = 0;
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      last = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      peak = Math.max(peak, last);
    } catch {}
  };
  const timer = setInterval(read, 200);
  read();
  return {
    now: () => (read(), last),
    peak: () => (read(), peak),
    stop: () => clearInterval(timer),
  };
}

// ---------------------------------------------------------------------------------------------
// The archive's size

async function growArchive(size: number): Promise<void> {
  const { readSyntheticState } = await import("@/lib/synthetic/read-synthetic-state");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let synthetic = 0;
  try {
    const exists = (await client.query("SELECT to_regclass('wire') IS NOT NULL AS ok")).rows[0]?.ok;
    const session = { query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[], execute: async () => undefined };
    if (exists) synthetic = (await readSyntheticState(session)).count;
  } finally {
    await client.end();
  }
  if (synthetic >= size) {
    console.log(`the archive holds ${int(synthetic)} synthetic wires${synthetic > size ? ` (more than ${int(size)}: measured as it is; a database of its own per size gives exact sizes)` : ""}`);
    return;
  }
  console.log(`the archive holds ${int(synthetic)} synthetic wires: generating ${int(size - synthetic)} more…`);
  const code = await new Promise<number | null>((resolve) =>
    spawn("npm", ["run", "wires", "--", "generate", "--count", String(size - synthetic), ...(synthetic > 0 ? ["--append"] : [])], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url },
    }).on("exit", resolve),
  );
  if (code !== 0) throw new Error(`generating wires failed (exit ${code})`);
}

// ---------------------------------------------------------------------------------------------
// The report

function report(size: number, results: ModeResult[]): void {
  for (const result of results) {
    const table: Table = {
      headers: ["route", "addresses", "1 client p50", "p95", "p99", "8 clients req/s", "p50", "p95", "p99", "errors", "target"],
      rows: result.routes.map(({ route, one, eight }) => [
        route.name,
        int(route.distinct),
        ms(one.p50),
        ms(one.p95),
        ms(one.p99),
        int(eight.requestsPerSecond),
        ms(eight.p50),
        ms(eight.p95),
        ms(eight.p99),
        int(one.errors + eight.errors),
        verdict(route.target, one, eight),
      ]),
      left: [0, 10],
    };
    const ratios = ratioLines(result);
    const lines = [
      `${int(size)} wires, page cache ${result.mode}; ms; ${new Date().toISOString().slice(0, 10)}`,
      textTable(table),
      ...ratios,
      `start: ready (/readyz) ${(result.start.readyMs / 1000).toFixed(2)} s after launch; first search after ready ${ms(result.start.firstSearchMs)} ms`,
      ...faultLines(result.faults),
      `memory (RSS): ${mib(result.memory.idle)} idle once ready, ${mib(result.memory.peak)} peak${result.memory.afterMixed ? `; ${mib(result.memory.afterMixed)} after the 64-connection load (${ratio(result.memory.afterMixed / result.memory.idle)} idle)` : ""}`,
    ];
    console.log(`\n${lines.join("\n")}`);
    if (values.markdown) console.log(`\n${markdownTable(table)}\n`);
  }
}

function verdict(target: Target | undefined, one: RunResult, eight: RunResult): string {
  if (!target) return "";
  const parts: string[] = [];
  if (target.oneP95 !== undefined) parts.push(`${one.p95 <= target.oneP95 ? "met" : "MISSED"} (1: p95 ≤ ${target.oneP95})`);
  if (target.eightP95 !== undefined) parts.push(`${eight.p95 <= target.eightP95 ? "met" : "MISSED"} (8: p95 ≤ ${target.eightP95})`);
  return parts.join(", ");
}

function ratioLines(result: ModeResult): string[] {
  const find = (name: string) => result.routes.find((r) => r.route.name === name);
  const lines: string[] = [];
  const page = find("wire page");
  const osv = find("wire OSV record (API)");
  if (page && osv) {
    const r = page.eight.requestsPerSecond / osv.eight.requestsPerSecond;
    lines.push(`wire page / OSV record, 8 clients on the same wires: ${r.toFixed(2)} (target ≥ 0.60: ${r >= 0.6 ? "met" : "MISSED"})`);
  }
  const archive = find("archive search");
  const api = find("archive search (API)");
  if (archive && api) {
    const r = archive.eight.requestsPerSecond / api.eight.requestsPerSecond;
    lines.push(`archive page / API search, 8 clients on the same distinct searches: ${r.toFixed(2)} (target ≥ 0.50: ${r >= 0.5 ? "met" : "MISSED"}); archive p95 ${ms(archive.eight.p95)} ms`);
  }
  const slowest = [...result.routes].sort((a, b) => b.one.p95 - a.one.p95)[0];
  if (slowest) lines.push(`slowest route with one client: ${slowest.route.name}, p95 ${ms(slowest.one.p95)} ms`);
  return lines;
}

function faultLines(faults: FaultFigures | undefined): string[] {
  const lines: string[] = [];
  if (faults?.amendment) {
    const a = faults.amendment;
    lines.push(`amendment under 8 clients: ${int(a.baselineRps)} req/s before, lowest quarter-second after ${int(a.minBinRps)} req/s, ${a.secondsBelowHalf} s below half (target ≤ 1 s: ${a.secondsBelowHalf <= 1 ? "met" : "MISSED"}), ${a.errors} errors`);
  }
  if (faults?.restart) {
    const r = faults.restart;
    lines.push(`SIGKILL under load: ready ${(r.killedToReady / 1000).toFixed(2)} s and first reader served ${(r.killedToFirst200 / 1000).toFixed(2)} s after the kill (target ≤ 15 s: ${r.killedToFirst200 <= 15_000 ? "met" : "MISSED"}); first search after ready ${ms(r.firstAfterReadyMs)} ms`);
  }
  return lines;
}

function redact(value: string): string {
  try {
    const parsed = new URL(value);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "the database";
  }
}
