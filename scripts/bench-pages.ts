// npm run bench:pages: serves the production build and measures how fast pages are served.
// Uses the embedded database in a fresh folder, or BENCH_DATABASE_URL (an empty PostgreSQL database).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "400" }, concurrency: { type: "string", default: "10" }, port: { type: "string", default: "3210" } },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const base = `http://127.0.0.1:${values.port}`;
const pages = ["/", "/archive", "/archive?provider=openai&code=M1", "/wires/AIW-2022-0008/dall-e-api-public-beta", "/guides/editors-guide"];

if (!existsSync(".next/BUILD_ID")) {
  console.error("no production build: run npm run build first");
  process.exit(1);
}
const dataDir = await mkdtemp(path.join(os.tmpdir(), "wire-bench-"));
const databaseUrl = process.env.BENCH_DATABASE_URL;
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", values.port!], {
  detached: true, // its own process group, so that ending it ends every child
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, DATABASE_URL: databaseUrl ?? "", ARCHIVE_DATA_DIR: path.join(dataDir, "pglite"), NODE_ENV: "production" },
});
const stop = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {}
};
process.on("exit", stop);

async function waitForServer(): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      const response = await fetch(`${base}/`);
      if (response.ok) return performance.now() - started;
    } catch {}
    if (performance.now() - started > 60_000) throw new Error("the server did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function measure(url: string): Promise<{ p50: number; p95: number; rps: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      next += 1;
      const t0 = performance.now();
      const response = await fetch(base + url);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), rps: times.length / elapsed };
}

async function peakRss(pid: number): Promise<string> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? `${(Number(match[1]) / 1024).toFixed(0)} MiB` : "n/a";
}

try {
  const firstStart = await waitForServer();
  console.log(`database: ${databaseUrl ? "PostgreSQL (BENCH_DATABASE_URL)" : "embedded PGlite (fresh folder)"}`);
  console.log(`first start (migrations + content import + first render of Latest): ${(firstStart / 1000).toFixed(2)} s`);
  console.log(`${requests} requests per page, ${concurrency} concurrent, after 30 warm-up requests\n`);
  console.log("page".padEnd(48) + "p50 ms".padStart(9) + "p95 ms".padStart(9) + "req/s".padStart(9));
  for (const url of pages) {
    for (let i = 0; i < 30; i += 1) await (await fetch(base + url)).arrayBuffer();
    const result = await measure(url);
    console.log(url.padEnd(48) + result.p50.toFixed(1).padStart(9) + result.p95.toFixed(1).padStart(9) + result.rps.toFixed(0).padStart(9));
  }
  console.log(`\npeak memory of the server process: ${await peakRss(server.pid!)}`);
} finally {
  stop();
  await rm(dataDir, { recursive: true, force: true });
}
