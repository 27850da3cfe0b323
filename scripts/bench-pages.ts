// npm run bench:pages: serves the production build and measures how fast the pages are served.
// Uses the embedded database in a fresh folder, or BENCH_DATABASE_URL (an empty PostgreSQL database).
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadTest } from "./bench/http-load";
import { freePort, processGroupMemory, startNextServer, waitForServer } from "./bench/next-server";
import { int, markdownTable, mib, ms, textTable, type Table } from "./bench/stats";

const { values } = parseArgs({ options: { requests: { type: "string", default: "400" }, concurrency: { type: "string", default: "10" } } });
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const pages = ["/", "/archive", "/archive?provider=openai&code=M1", "/archive?q=outpainting", "/wires/AIW-2022-0008/dall-e-api-public-beta", "/guides/editors-guide"];

if (!existsSync(".next/BUILD_ID")) {
  console.error("no production build: run npm run build first");
  process.exit(1);
}
const dataDir = await mkdtemp(path.join(os.tmpdir(), "wire-bench-"));
const databaseUrl = process.env.BENCH_DATABASE_URL;
const port = await freePort();
const server = startNextServer(port, { ...process.env, DATABASE_URL: databaseUrl ?? "", ARCHIVE_DATA_DIR: path.join(dataDir, "pglite"), NODE_ENV: "production" });
process.on("exit", server.stopNow);
process.on("SIGINT", () => process.exit(130));

try {
  const firstStart = await waitForServer(server.base, "/", 120_000, server);
  console.log(`database: ${databaseUrl ? "PostgreSQL (BENCH_DATABASE_URL)" : "embedded PGlite (fresh folder)"}`);
  console.log(`first start (migrations, content import, first render of Latest): ${(firstStart / 1000).toFixed(2)} s`);
  console.log(`${requests} requests per page, ${concurrency} concurrent, after 30 warm-up requests`);
  const table: Table = { headers: ["page", "p50 ms", "p95 ms", "req/s"], rows: [], left: [0] };
  for (const page of pages) {
    process.stdout.write(`  ${page} ...\r`);
    await loadTest(server.base + page, { requests: 30, concurrency: 1, maxSeconds: 60 });
    const result = await loadTest(server.base + page, { requests, concurrency, maxSeconds: 120 });
    if (result.errors > 0) throw new Error(`${page}: ${result.errors} failed requests (${result.firstError})`);
    table.rows.push([page, ms(result.p50), ms(result.p95), int(result.requestsPerSecond)]);
  }
  const memory = await processGroupMemory(server.pid, port);
  const peak = Math.max(...memory.map((p) => p.peakBytes ?? 0));
  console.log(`\n${textTable(table)}\n\npeak memory of the app: ${mib(peak)}\n\n${markdownTable(table)}`);
} finally {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
