import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { cacheControlForMaxAge, hasSessionCookie } from "./reader-cache-control";
import { isFresh, stampNow, type ArchiveRevision, type RenderStamp } from "./archive-revision";
import { crc32, deflateRawSync, constants as zlibConstants, gzip as gzipCallback } from "node:zlib";

const gzip = promisify(gzipCallback);

/**
 * A cache of rendered pages for readers without a session, in front of Next.js (scripts/serve.ts).
 *
 * Every page is rendered per request (layout.tsx: force-dynamic), with a fresh script nonce for its
 * Content-Security-Policy. A reader without a session gets the same page as any other for the same
 * address, host and archive content, nonce apart. So a rendered page is kept with its nonce cut
 * out, and each later reader gets a copy with a nonce of its own, until something it read changes:
 * a rendering records what it reads (lib/http/render-dependencies.ts), PostgreSQL names what each
 * committed change touches, and a page is served only while none of that changed since it was
 * rendered (lib/http/archive-revision.ts). Pages carry a weak ETag (the page, nonce apart) and
 * Cache-Control for shared caches; a matching If-None-Match gets a 304.
 *
 * Served from here: GET requests for the reading pages, without a session cookie or an
 * Authorization header, and not Next.js's own client requests (RSC payloads, server actions).
 * Kept: complete 200 HTML responses that set no cookie. Everything else goes to Next.js unchanged.
 */

/**
 * The reading pages: the home page, the archive, and the wire (`/wires/<id>/<slug>`, its history),
 * provider, code and guide pages. Not a wire's amendment form, which is for editors.
 */
const CACHEABLE_PATH = /^\/(?:archive|wires\/[^/]+(?:\/(?!amend$)[^/]+)?|providers(?:\/[^/]+)?|codes(?:\/[^/]+)?|guides(?:\/[^/]+)?)?$/;
/** Headers of Next.js's client-side requests: their answers depend on the client's router state. */
const CLIENT_REQUEST_HEADERS = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];
const MAX_URL = 4_096;
/** Headers that belong to one transfer, not to the page. */
const TRANSFER_HEADERS = new Set(["date", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "vary"]);
const NONCE = /'nonce-([A-Za-z0-9+/=_-]{16,})'/;

export type PageCacheOptions = {
  /** The most the kept pages may take, in bytes (their uncompressed bodies). 0 keeps none (validators are still sent). */
  maxBytes: number;
  /** The archive's changes as heard (lib/http/archive-revision.ts): pages are kept and served only while they are heard. */
  revision(): ArchiveRevision;
  /** Seconds a reader's browser or a shared cache may reuse a page without asking again (0: ask every time). */
  maxAge?: number;
};

type Template = {
  /** When it was rendered and what it read: it is served while nothing of that changed. */
  stamp: RenderStamp;
  status: number;
  /** Header values with the nonce cut out: joined with a fresh one per response. */
  headers: [name: string, parts: string[]][];
  /** The rendering's own nonce, for the response to the reader who caused it. */
  nonce: string;
  /** The body, cut where the nonce was. */
  body: Buffer[];
  /** Each part of the body deflated on its own, ending byte-aligned (see gzipPage); empty until kept. */
  deflated: Buffer[];
  /** A weak validator of the page, nonce apart: the same on every instance that renders the same page. */
  etag: string;
  bytes: number;
};

type Capture = { status: number; body: Buffer; abandoned?: boolean };

export type PageCacheStats = { hits: number; misses: number; bypassed: number; stored: number; pages: number; bytes: number; notModified: number };

export class PageCache {
  private readonly pages = new Map<string, Template>();
  private readonly rendering = new Map<string, Promise<void>>();
  private bytes = 0;
  private readonly counts = { hits: 0, misses: 0, bypassed: 0, stored: 0, notModified: 0 };

  constructor(private readonly options: PageCacheOptions) {}

  stats(): PageCacheStats {
    return { ...this.counts, pages: this.pages.size, bytes: this.bytes };
  }

  /**
   * Answers `request` from the cache, or lets `render` (Next.js) answer it and keeps the page when
   * it may. `render` must write the response to `response`, as Next.js's request handler does, and
   * record what it reads in `deps` (lib/http/render-dependencies.ts). Pages for readers without a
   * session carry an ETag and Cache-Control (maxAge), and a matching If-None-Match gets a 304.
   */
  async handle(request: IncomingMessage, response: ServerResponse, render: (deps: Set<string>) => Promise<void>): Promise<void> {
    const key = cacheKey(request);
    const state = this.options.revision();
    if (key === null) {
      this.counts.bypassed += 1;
      return render(new Set());
    }
    const keeping = this.options.maxBytes > 0 && state.live;
    const fresh = keeping ? (this.fresh(key) ?? (await this.afterRendering(key))) : undefined;
    if (fresh) {
      this.counts.hits += 1;
      this.sendPage(request, response, fresh, "hit");
      return;
    }
    if (keeping) this.counts.misses += 1;
    else this.counts.bypassed += 1;
    let rendered!: () => void;
    // Readers asking for the same page meanwhile wait for this rendering instead of starting their own.
    const rendering = new Promise<void>((resolve) => (rendered = resolve));
    if (keeping) this.rendering.set(key, rendering);
    try {
      const deps = new Set<string>();
      const stamp = stampNow(state, [...deps]);
      const acceptEncoding = request.headers["accept-encoding"];
      // Next.js would compress a body this cache has to read: it gets the page plain, and this sends it compressed.
      delete request.headers["accept-encoding"];
      const captured = await capture(response, () => render(deps));
      request.headers["accept-encoding"] = acceptEncoding;
      if (captured.abandoned) return;
      const template = templateOf(response, captured, { ...stamp, deps: [...deps] });
      // The head Next.js set is on the response; a page made into a template is sent from its parts.
      for (const name of ["content-length", "content-encoding", "transfer-encoding"]) response.removeHeader(name);
      if (!template) {
        await send(request, response, { status: captured.status, body: captured.body }, keeping ? "miss" : null);
        return;
      }
      // A change to what it read, committed while it was rendered, may or may not show in it: not kept.
      const now = this.options.revision();
      if (keeping && now.live && isFresh(now, template.stamp) && template.bytes <= this.options.maxBytes / 8) this.store(key, template);
      this.writeFresh(request, response, template, keeping ? "miss" : undefined);
    } finally {
      if (this.rendering.get(key) === rendering) this.rendering.delete(key);
      rendered();
    }
  }

  /**
   * Serves the kept page for `request` while the database cannot be reached, when nothing can
   * change: true when it did (marked `X-Page-Cache: outage`), false when no fresh page is kept.
   */
  serveKept(request: IncomingMessage, response: ServerResponse): boolean {
    const key = cacheKey(request);
    if (key === null) return false;
    const page = this.pages.get(key);
    if (!page || !isFresh(this.options.revision(), page.stamp)) return false;
    this.counts.hits += 1;
    this.sendPage(request, response, page, "outage");
    return true;
  }

  /** The kept page for `key`, if nothing it read has changed since; undefined otherwise. */
  private fresh(key: string): Template | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (!isFresh(this.options.revision(), page.stamp)) {
      this.evict(key, page);
      return undefined;
    }
    // Most recently used last: the first entry is the one to evict.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /** Waits for a rendering of `key` under way, if any, and then gives what it kept. */
  private async afterRendering(key: string): Promise<Template | undefined> {
    const rendering = this.rendering.get(key);
    if (!rendering) return undefined;
    await rendering;
    return this.fresh(key);
  }

  private store(key: string, template: Template): void {
    template.deflated = template.body.map((part) => deflateRawSync(part, { level: zlibConstants.Z_DEFAULT_COMPRESSION, finishFlush: zlibConstants.Z_SYNC_FLUSH }));
    template.bytes += template.deflated.reduce((sum, part) => sum + part.length, 0);
    // Two readers who both waited for a rendering that kept nothing may each render the page.
    const previous = this.pages.get(key);
    if (previous) this.evict(key, previous);
    this.pages.set(key, template);
    this.bytes += template.bytes;
    this.counts.stored += 1;
    for (const [oldKey, old] of this.pages) {
      if (this.bytes <= this.options.maxBytes) break;
      this.evict(oldKey, old);
    }
  }

  private evict(key: string, page: Template): void {
    if (this.pages.get(key) !== page) return;
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }

  /** A kept page with a fresh nonce, or a 304 when the reader's copy is the same page. */
  private sendPage(request: IncomingMessage, response: ServerResponse, page: Template, outcome: "hit" | "outage"): void {
    if (this.notModified(request, response, page, outcome)) return;
    const nonce = Buffer.from(randomBytes(16).toString("base64"));
    const text = nonce.toString();
    for (const [name, parts] of page.headers) response.appendHeader(name, parts.join(text));
    this.validators(response, page);
    writePage(request, response, page, nonce, outcome);
  }

  /** The page just rendered (its head is on `response`), or a 304 when the reader's copy is the same page. */
  private writeFresh(request: IncomingMessage, response: ServerResponse, page: Template, outcome: "miss" | undefined): void {
    if (this.notModified(request, response, page, outcome)) return;
    this.validators(response, page);
    if (page.deflated.length > 0) {
      writePage(request, response, page, Buffer.from(page.nonce), outcome);
      return;
    }
    const body = Buffer.concat(page.body.flatMap((part, index) => (index === 0 ? [part] : [Buffer.from(page.nonce), part])));
    void send(request, response, { status: page.status, body }, outcome ?? null);
  }

  private validators(response: ServerResponse, page: Template): void {
    response.setHeader("etag", page.etag);
    response.setHeader("cache-control", this.cacheControl());
    // An editor's request (a session cookie) must never get a reader's copy from a shared cache.
    response.setHeader("vary", "Accept-Encoding, Cookie");
  }

  private cacheControl(): string {
    return cacheControlForMaxAge(this.options.maxAge ?? 0);
  }

  /**
   * A 304 when If-None-Match names this page. Only the validators go with it: a 304's headers replace
   * the stored copy's, and that copy's Content-Security-Policy must keep the nonce its body carries.
   */
  private notModified(request: IncomingMessage, response: ServerResponse, page: Template, outcome: string | undefined): boolean {
    if (!etagMatches(request.headers["if-none-match"], page.etag)) return false;
    this.counts.notModified += 1;
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    response.setHeader("etag", page.etag);
    response.setHeader("cache-control", this.cacheControl());
    response.setHeader("vary", "Accept-Encoding, Cookie");
    if (outcome) response.setHeader("x-page-cache", outcome);
    response.writeHead(304);
    response.end();
    return true;
  }
}

/** If-None-Match compared weakly, as RFC 9110 asks: W/"x" matches "x". */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(",") : header;
  const bare = etag.replace(/^W\//, "");
  return value.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === bare;
  });
}

/** The cache key of a request the cache may answer, or null. */
export function cacheKey(request: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  const { method, url = "", headers } = request;
  if (method !== "GET" || url.length > MAX_URL || headers.authorization !== undefined) return null;
  if (CLIENT_REQUEST_HEADERS.some((name) => headers[name] !== undefined)) return null;
  if (hasSessionCookie(headers.cookie)) return null;
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!CACHEABLE_PATH.test(path)) return null;
  if (queryAt !== -1 && new URLSearchParams(url.slice(queryAt + 1)).has("_rsc")) return null;
  // What the pages read of the request besides its address (lib/seo/site-base-url.ts).
  return [headers.host ?? "", headers["x-forwarded-host"] ?? "", headers["x-forwarded-proto"] ?? "", url].join("\n");
}

/**
 * Runs `render` with the response's body and head held back, and resolves with what it wrote.
 */
async function capture(response: ServerResponse, render: () => Promise<void>): Promise<Capture> {
  const original = { write: response.write, end: response.end, writeHead: response.writeHead, flushHeaders: response.flushHeaders };
  const chunks: Buffer[] = [];
  let ended = false;
  const chunk = (data: unknown, encoding?: unknown) => {
    if (data === undefined || data === null || typeof data === "function") return;
    chunks.push(typeof data === "string" ? Buffer.from(data, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(data as Uint8Array));
  };
  const callbackOf = (...args: unknown[]) => args.find((arg): arg is () => void => typeof arg === "function");
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  response.write = function write(data: unknown, ...rest: unknown[]) {
    chunk(data, rest[0]);
    const callback = callbackOf(...rest);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];
  response.end = function end(data?: unknown, ...rest: unknown[]) {
    if (ended) return response;
    ended = true;
    chunk(data, rest[0]);
    const callback = callbackOf(data, ...rest);
    if (callback) process.nextTick(callback);
    finished();
    return response;
  } as ServerResponse["end"];
  response.writeHead = function writeHead(status: number, ...rest: unknown[]) {
    response.statusCode = status;
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null) as OutgoingHttpHeaders | unknown[] | undefined;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) response.setHeader(String(headers[i]), headers[i + 1] as string);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    return response;
  } as ServerResponse["writeHead"];
  response.flushHeaders = () => undefined;
  // A reader who goes away mid-render: Next.js stops and never ends the response. The rendering is over
  // then (readers waiting for it must not wait for ever), and what it wrote is not a page.
  let abandoned = false;
  const gone = () => {
    if (ended) return;
    abandoned = true;
    finished();
  };
  response.once("close", gone);
  if (response.destroyed) gone();
  try {
    await Promise.race([render().then(() => (ended ? undefined : done)), done]);
    if (!ended && !abandoned) await done;
  } finally {
    response.off("close", gone);
    Object.assign(response, original);
  }
  return { status: response.statusCode, body: Buffer.concat(chunks), abandoned };
}

/** The page to keep from a captured response, or null when it must not be kept. */
function templateOf(response: ServerResponse, captured: Capture, stamp: RenderStamp): Template | null {
  if (captured.status !== 200 || response.hasHeader("set-cookie")) return null;
  if (!String(response.getHeader("content-type") ?? "").startsWith("text/html")) return null;
  const policy = response.getHeader("content-security-policy");
  const nonce = typeof policy === "string" ? NONCE.exec(policy)?.[1] : undefined;
  if (!nonce) return null;
  const headers: Template["headers"] = [];
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value === undefined || TRANSFER_HEADERS.has(name) || name === "cache-control" || name === "etag") continue;
    for (const one of Array.isArray(value) ? value : [String(value)]) headers.push([name, one.split(nonce)]);
  }
  const body = splitBuffer(captured.body, Buffer.from(nonce));
  const hash = createHash("sha256");
  for (const part of body) hash.update(part).update("\0");
  const etag = `W/"${hash.digest("base64url").slice(0, 32)}"`;
  return { stamp, status: captured.status, nonce, headers, body, deflated: [], etag, bytes: captured.body.length + 1_024 };
}

function splitBuffer(buffer: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = buffer.indexOf(separator); at !== -1; at = buffer.indexOf(separator, start)) {
    parts.push(buffer.subarray(start, at));
    start = at + separator.length;
  }
  parts.push(buffer.subarray(start));
  return parts;
}

type Outgoing = { status: number; body: Buffer };

/** Writes a page's body with `nonce` in its places, as gzip when the client takes it; its head is on `response`. */
function writePage(request: IncomingMessage, response: ServerResponse, page: Template, nonce: Buffer, outcome: string | undefined): void {
  let body: Buffer;
  if (acceptsGzip(request.headers["accept-encoding"])) {
    body = gzipPage(page.body, page.deflated, nonce);
    response.setHeader("content-encoding", "gzip");
  } else {
    body = Buffer.concat(page.body.flatMap((part, index) => (index === 0 ? [part] : [nonce, part])));
  }
  response.setHeader("content-length", body.length);
  if (outcome) response.setHeader("x-page-cache", outcome);
  response.writeHead(page.status);
  response.end(body);
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty last block (fixed Huffman codes), as zlib ends a stream after a sync flush. */
const LAST_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * The gzip stream of the parts joined by `nonce`, without compressing again: the parts were
 * deflated apart, each ending on a byte boundary with a non-final block (a sync flush), so their
 * deflate streams can follow one another; the nonce goes between them as a stored block. A
 * deflate block may refer back only to bytes of its own part, which costs a little compression.
 * Only the checksum runs over the whole text (RFC 1951, 1952).
 */
export function gzipPage(parts: readonly Buffer[], deflated: readonly Buffer[], nonce: Buffer): Buffer {
  const stored = Buffer.alloc(5);
  stored.writeUInt16LE(nonce.length, 1);
  stored.writeUInt16LE(~nonce.length & 0xffff, 3);
  const chunks: Buffer[] = [GZIP_HEADER];
  let checksum = 0;
  let length = 0;
  parts.forEach((part, index) => {
    if (index > 0) {
      chunks.push(stored, nonce);
      checksum = crc32(nonce, checksum);
      length += nonce.length;
    }
    chunks.push(deflated[index]!);
    // Node 20's crc32 answers 0 for some empty buffers, whatever the running value: skipped.
    if (part.length > 0) checksum = crc32(part, checksum);
    length += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(checksum >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  chunks.push(LAST_BLOCK, trailer);
  return Buffer.concat(chunks);
}

/** Bodies smaller than this go uncompressed, as Next.js's own compression leaves them. */
const MIN_COMPRESS = 1_024;

/** Writes a response Next.js rendered (its head is set on `response`), compressed with gzip when the client takes it. */
async function send(request: IncomingMessage, response: ServerResponse, outgoing: Outgoing, outcome: string | null): Promise<void> {
  let body = outgoing.body;
  const type = String(response.getHeader("content-type") ?? "");
  if (/^(?:text\/|application\/(?:json|javascript|xml|.*\+xml))/.test(type)) {
    if (!response.hasHeader("vary")) response.setHeader("vary", "Accept-Encoding");
    if (body.length >= MIN_COMPRESS && acceptsGzip(request.headers["accept-encoding"])) {
      body = await gzip(body, { level: zlibConstants.Z_DEFAULT_COMPRESSION });
      response.setHeader("content-encoding", "gzip");
    }
  }
  response.setHeader("content-length", body.length);
  if (outcome) response.setHeader("x-page-cache", outcome);
  response.writeHead(outgoing.status);
  response.end(body);
}

function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
