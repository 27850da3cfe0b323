// npm run serve [-- -p PORT] [-H HOST]: serves the production build (npm run build) like `next start`,
// with what a reader-facing instance needs in front of Next.js:
// - /healthz (alive) and /readyz (ready: migrations applied, search index built; instrumentation.ts
//   starts that work), answered at once from the moment the port opens; readers who come before the
//   instance is ready wait for it (up to 10 s, then a 503 with Retry-After);
// - requests the app cannot read (malformed percent-encoding, oversized bodies) refused with a 4xx;
// - the page cache (lib/http/page-cache.ts): a reader without a session gets a page another reader
//   asked for, until something it shows changes, with an ETag and Cache-Control (ARCHIVE_CACHE_MAX_AGE);
// - while the database does not answer, the kept pages (marked X-Page-Cache: outage) and a 503 page
//   with Retry-After for everything else; every 5xx logged with its request.
// ARCHIVE_PAGE_CACHE_MB sets the cache's size (default 64; 0 keeps no page). PORT and HOSTNAME are read
// as next start reads them.
// Node runs it with --initial-old-space-size=256 (package.json, and wherever tests and benchmarks start
// it): the JavaScript heap is small (the search index lives in typed arrays) and its first growth limits
// are low, so V8 otherwise runs a full collection every ten or so searches.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import pLimit from "p-limit";
import { env } from "@/lib/env";
import { archiveRevision } from "@/lib/http/archive-revision";
import { checkRequest } from "@/lib/http/check-request";
import { DatabaseHealth } from "@/lib/http/database-health";
import { guardServerErrors } from "@/lib/http/guard-server-errors";
import { PageCache } from "@/lib/http/page-cache";
import { sendPlainAnswer } from "@/lib/http/plain-answers";
import { readiness, whenReady } from "@/lib/http/readiness";
import { collectDependencies } from "@/lib/http/render-dependencies";

// package.json sets NODE_ENV=production for this script.
if (process.env.NODE_ENV !== "production") {
  console.error(`npm run serve serves the production build: NODE_ENV must be production, not ${process.env.NODE_ENV}. Use npm run dev to develop.`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: process.env.PORT || "3000" },
    hostname: { type: "string", short: "H", default: process.env.HOSTNAME || undefined },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number from 0 to 65535, got ${values.port}`);
  process.exit(2);
}

let config: ReturnType<typeof env>;
try {
  config = env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}

/** How long a reader who comes while the instance starts waits for it before a 503. */
const START_WAIT_MS = 10_000;

const revision = archiveRevision();
// The app listens for the archive's changes (lib/start/start-archive.ts): the page cache's freshness,
// and the first sign of a database outage.
revision.wanted = true;
const cache = new PageCache({ maxBytes: config.ARCHIVE_PAGE_CACHE_MB * 1024 * 1024, revision: () => revision, maxAge: config.ARCHIVE_CACHE_MAX_AGE });
const health = config.DATABASE_URL ? new DatabaseHealth(config.DATABASE_URL) : undefined;
/** At most this many requests are worked on at once (ARCHIVE_RENDER_CONCURRENCY); kept pages never wait. */
const working = pLimit(config.ARCHIVE_RENDER_CONCURRENCY);
/** Answers that stream for as long as they take, or cost nothing: they do not take a turn. */
const UNLIMITED = /^\/(?:_next\/static\/|archive\/export\.|sitemaps\/|sitemap\.xml$|robots\.txt$|icon\.svg$)/;
const state = readiness();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const app = next({ dev: false, dir: root, hostname: values.hostname ?? "localhost", port });
let handle: ReturnType<typeof app.getRequestHandler> | undefined;
/** Whether the warm-up requests (below) are done: the first reader never pays for a route's first use. */
let warmed = false;

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const url = request.url ?? "/";
    const pathname = url.split("?", 1)[0];
    if (pathname === "/healthz") return answerHealth(response, 200, { status: "ok" });
    if (pathname === "/readyz") {
      const ready = state.ready && handle !== undefined && warmed;
      return answerHealth(response, ready ? 200 : 503, ready ? { status: "ready" } : { status: "starting", phase: state.ready ? "warming up" : state.phase });
    }
    const refused = checkRequest(request);
    if (refused) return sendPlainAnswer(request, response, refused);
    if ((!state.ready || !handle) && !(await whenReady(START_WAIT_MS))) {
      return sendPlainAnswer(request, response, { status: 503, message: "This copy of the archive is starting and will answer in a moment.", retryAfter: 5 });
    }
    // The change listener lost its connection, or an answer failed: does the database answer at all?
    if (health && (!revision.live || health.down) && !(await health.check())) {
      if (cache.serveKept(request, response)) return;
      return sendPlainAnswer(request, response, { status: 503, message: "The archive's database is not answering just now.", retryAfter: 5 });
    }
    guardServerErrors(request, response, health);
    // A reader who has gone (while the instance started, or while waiting for a turn) is not rendered for,
    // and a rendering whose reader goes gives its turn back at once: Next.js never settles it.
    const render = (deps: Set<string>) => (response.destroyed ? Promise.resolve() : collectDependencies(deps, () => whileReaderStays(response, handle!(request, response))));
    const turns = UNLIMITED.test(pathname!) ? (run: () => Promise<void>) => run() : working;
    await cache.handle(request, response, (deps) => turns(() => render(deps)));
  } catch (error) {
    // Logged here; the reader gets a plain message, never the error itself.
    console.error(`[serve] ${request.method} ${request.url}:`, error);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.statusCode = 500;
    response.setHeader("content-type", "text/plain; charset=utf-8");
    response.setHeader("cache-control", "no-store");
    response.end("The archive could not answer this request. Please try again.\n");
  }
}

/** `work`, or nothing more once the reader's connection has closed. */
function whileReaderStays(response: ServerResponse, work: Promise<void>): Promise<void> {
  if (response.destroyed) return Promise.resolve();
  let gone!: () => void;
  const closed = new Promise<void>((resolve) => {
    gone = resolve;
    response.once("close", resolve);
  });
  return Promise.race([work, closed]).finally(() => response.off("close", gone));
}

function answerHealth(response: ServerResponse, status: number, body: Record<string, string>): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...(status === 503 ? { "retry-after": "1" } : {}) });
  response.end(`${JSON.stringify(body)}\n`);
}

const server = createServer((request, response) => void serve(request, response));
// As next start: keep idle connections longer than a proxy in front typically does.
server.keepAliveTimeout = 65_000;
// A client that sends its head slowly is not waited for.
server.headersTimeout = 20_000;
server.requestTimeout = 60_000;
// The port opens first, so that /healthz answers while Next.js prepares and the archive starts.
await new Promise<void>((resolve) => server.listen(port, values.hostname, resolve));
const address = server.address();
const shown = typeof address === "object" && address ? `http://${values.hostname ?? "localhost"}:${address.port}` : String(address);
const cacheNote = config.ARCHIVE_PAGE_CACHE_MB > 0 ? `page cache ${config.ARCHIVE_PAGE_CACHE_MB} MB` : "page cache off";
console.log(`Serving the archive on ${shown} (${cacheNote}); ready when ${shown}/readyz answers 200`);
await app.prepare();
handle = app.getRequestHandler();
await whenReady(Number.POSITIVE_INFINITY);
const warmUpMs = await warmUp(typeof address === "object" && address ? address.port : port);
warmed = true;
console.log(`Ready: ${(performance.now() / 1000).toFixed(1)} s after the process started (archive ${(state.readyAfterMs! / 1000).toFixed(1)} s, warm-up ${Math.round(warmUpMs)} ms)`);

/**
 * Asks this instance for one page of each kind before it reports ready: Next.js loads a route's code
 * on its first request, and the search's first run compiles its hot paths. Failures are ignored: the
 * readers' requests will say what is wrong.
 */
async function warmUp(listening: number): Promise<number> {
  const started = performance.now();
  const base = `http://127.0.0.1:${listening}`;
  const text = async (path: string) => {
    try {
      return await (await fetch(base + path, { signal: AbortSignal.timeout(30_000) })).text();
    } catch {
      return "";
    }
  };
  const latest = await text("/");
  const wire = /href="(\/wires\/[^"/]+\/[^"]+)"/.exec(latest)?.[1];
  const provider = /href="\/archive\?provider=([^"&]+)"/.exec(latest)?.[1];
  await Promise.all([
    wire ? text(wire) : "",
    wire ? text(`/api/v1${wire.split("/").slice(0, 3).join("/")}`) : "",
    provider ? text(`/providers/${provider}`) : "",
    text("/archive?q=model&severity=1-3"),
    text("/api/v1/wires?q=model&severity=1-3"),
    text("/feeds/latest.atom"),
    text("/guides"),
  ]);
  return performance.now() - started;
}

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    server.close();
    server.closeIdleConnections();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
