// npm run serve [-- -p PORT] [-H HOST]: serves the production build (npm run build) like `next start`,
// with the page cache in front (lib/http/page-cache.ts): a reader without a session gets a page another
// reader asked for since the archive last changed without its being rendered again. ARCHIVE_PAGE_CACHE_MB
// sets its size (default 64; 0 turns it off). PORT and HOSTNAME are read as next start reads them.
// Node runs it with --initial-old-space-size=256 (package.json, and wherever tests and benchmarks start
// it): the JavaScript heap is small (the search index lives in typed arrays) and its first growth limits
// are low, so V8 otherwise runs a full collection every ten or so searches, pauses of 3–12 ms that make
// the searches' slowest twentieth; with the higher first limit, a quarter as many.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import { env } from "@/lib/env";
import { archiveRevision } from "@/lib/http/archive-revision";
import { PageCache } from "@/lib/http/page-cache";

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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const app = next({ dev: false, dir: root, hostname: values.hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const revision = archiveRevision();
// The app listens for the archive's changes when it opens its database (lib/db/get-db.ts).
revision.wanted = config.ARCHIVE_PAGE_CACHE_MB > 0;
const cache = new PageCache({ maxBytes: config.ARCHIVE_PAGE_CACHE_MB * 1024 * 1024, revision: () => revision });

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    await cache.handle(request, response, () => handle(request, response));
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

const server = createServer((request, response) => void serve(request, response));
// As next start: keep idle connections longer than a proxy in front typically does.
server.keepAliveTimeout = 65_000;
server.listen(port, values.hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `http://${values.hostname ?? "localhost"}:${address.port}` : String(address);
  const cacheNote = config.ARCHIVE_PAGE_CACHE_MB > 0 ? `page cache ${config.ARCHIVE_PAGE_CACHE_MB} MB` : "page cache off";
  console.log(`Serving the archive on ${shown} (${cacheNote})`);
});

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
