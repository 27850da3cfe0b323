// The web server for the browser tests: `next build`, then `npm run serve` (the production server with
// its page cache) on E2E_PORT (3100).
//
// Database: E2E_DATABASE_URL when set (CI passes a freshly created PostgreSQL database), otherwise an
// embedded PGlite database in a throwaway folder under .data/, removed before the start so that the
// app migrates and imports its content afresh, and removed again when the server stops.
// Content: a throwaway copy of the shipped content/ (next to the data folder, removed when the server
// stops) plus the fixture wires in tests/e2e/fixtures/wires/ (a withdrawn and a merged wire, fictional),
// passed to the app as ARCHIVE_CONTENT_DIR. content/ itself is never touched.
// Accounts: tests/e2e/support/seed-editors.ts creates the test editors and admins before the start.
// E2E_SKIP_BUILD=1 reuses the existing .next build (for quick local reruns).
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const port = process.env.E2E_PORT || "3100";
const env = { ...process.env, NODE_ENV: "production", ARCHIVE_AUTO_IMPORT: "1" };

// The content the app imports into the empty database: content/ plus the fixture wires.
const contentDir = path.join(".data", `e2e-${process.pid}-content`);
const fixtureWires = path.join(root, "tests/e2e/fixtures/wires");
env.ARCHIVE_CONTENT_DIR = contentDir;

let dataDir;
if (process.env.E2E_DATABASE_URL) {
  env.DATABASE_URL = process.env.E2E_DATABASE_URL;
} else {
  // One process per PGlite folder: a folder of its own per run, never the developer's .data/pglite.
  dataDir = path.join(".data", `e2e-${process.pid}`);
  env.DATABASE_URL = "";
  env.ARCHIVE_DATA_DIR = dataDir;
  removeThrowaways();
}

/** Removes the throwaway content folder and, with PGlite, the throwaway database folder. */
function removeThrowaways() {
  rmSync(path.join(root, contentDir), { recursive: true, force: true });
  if (!dataDir) return;
  rmSync(path.join(root, dataDir), { recursive: true, force: true });
  rmSync(path.join(root, `${dataDir}.pid`), { force: true });
}

function prepareContent() {
  rmSync(path.join(root, contentDir), { recursive: true, force: true });
  mkdirSync(path.join(root, ".data"), { recursive: true });
  cpSync(path.join(root, "content"), path.join(root, contentDir), { recursive: true });
  const fixtures = readdirSync(fixtureWires).filter((name) => name.endsWith(".md"));
  for (const name of fixtures) {
    // A fixture never replaces a shipped wire: its id must be one content/ does not use.
    cpSync(path.join(fixtureWires, name), path.join(root, contentDir, "wires", name), { errorOnExist: true, force: false });
  }
  return fixtures;
}

let fixtures;
try {
  fixtures = prepareContent();
} catch (error) {
  console.error(`[e2e] could not prepare ${contentDir}: ${error instanceof Error ? error.message : error}`);
  removeThrowaways();
  process.exit(1);
}

console.log(`[e2e] database: ${dataDir ? `embedded (${dataDir})` : "PostgreSQL from E2E_DATABASE_URL"}`);
console.log(`[e2e] content: ${contentDir} (content/ plus fixtures ${fixtures.join(", ")})`);

if (process.env.E2E_SKIP_BUILD !== "1") {
  const started = Date.now();
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) {
    console.error(`[e2e] next build failed (exit ${build.status ?? build.signal})`);
    removeThrowaways();
    process.exit(1);
  }
  console.log(`[e2e] next build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// The accounts the sign-in and editing tests use (support/editors.ts), created through the app's own
// code before the server opens the database.
const seed = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/e2e/support/seed-editors.ts"],
  { cwd: root, env, stdio: "inherit" },
);
if (seed.status !== 0) {
  console.error(`[e2e] creating the test accounts failed (exit ${seed.status ?? seed.signal})`);
  removeThrowaways();
  process.exit(1);
}

// node runs the server directly (as npm run serve does), so that a signal reaches it, not an npm wrapper.
const server = spawn(process.execPath, ["--initial-old-space-size=256", "--import", "tsx", "scripts/serve.ts", "-p", port, "-H", "127.0.0.1"], {
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
  removeThrowaways();
  if (stopping) process.exit(0);
  console.error(`[e2e] the server exited (${signal ?? code})`);
  process.exit(code ?? 1);
});
