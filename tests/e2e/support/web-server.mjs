// The web server for the browser tests: `next build`, then `next start` on E2E_PORT (3100).
//
// Database: E2E_DATABASE_URL when set (CI passes a freshly created PostgreSQL database), otherwise an
// embedded PGlite database in a throwaway folder under .data/, removed before the start so that the
// app migrates and imports the shipped content/ afresh, and removed again when the server stops.
// E2E_SKIP_BUILD=1 reuses the existing .next build (for quick local reruns).
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const port = process.env.E2E_PORT || "3100";
const env = { ...process.env, NODE_ENV: "production", ARCHIVE_AUTO_IMPORT: "1" };

let dataDir;
if (process.env.E2E_DATABASE_URL) {
  env.DATABASE_URL = process.env.E2E_DATABASE_URL;
} else {
  // One process per PGlite folder: a folder of its own per run, never the developer's .data/pglite.
  dataDir = path.join(".data", `e2e-${process.pid}`);
  env.DATABASE_URL = "";
  env.ARCHIVE_DATA_DIR = dataDir;
  removeDataDir();
}

function removeDataDir() {
  if (!dataDir) return;
  rmSync(path.join(root, dataDir), { recursive: true, force: true });
  rmSync(path.join(root, `${dataDir}.pid`), { force: true });
}

console.log(`[e2e] database: ${dataDir ? `embedded (${dataDir})` : "PostgreSQL from E2E_DATABASE_URL"}`);

if (process.env.E2E_SKIP_BUILD !== "1") {
  const started = Date.now();
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) {
    console.error(`[e2e] next build failed (exit ${build.status ?? build.signal})`);
    removeDataDir();
    process.exit(1);
  }
  console.log(`[e2e] next build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// node runs next directly, so that a signal reaches the server itself, not an npm wrapper.
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  env,
  stdio: "inherit",
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
}

server.on("exit", (code, signal) => {
  removeDataDir();
  if (stopping) process.exit(0);
  console.error(`[e2e] next start exited (${signal ?? code})`);
  process.exit(code ?? 1);
});
