import { availableParallelism } from "node:os";
import { z } from "zod";

/** The environment, parsed once. Nothing else in the app reads process.env. */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ARCHIVE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  ARCHIVE_CONTENT_DIR: z.string().trim().min(1).default("content"),
  ARCHIVE_AUTO_IMPORT: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((value) => value === "1" || value === "true"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * The archive's public address (https://wires.example.org), for the absolute links in feeds. When
   * unset, links are built from the address each request came to (its Host header): fine for links,
   * but set it in production so that entry ids stay the same whatever address a reader used.
   */
  ARCHIVE_PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, "ARCHIVE_PUBLIC_URL must be an http:// or https:// address without a query, like https://wires.example.org")
        .transform((value) => value.replace(/\/+$/, ""))
        .optional(),
    ),
  /**
   * The most addresses one sitemap file lists (the sitemap protocol allows 50,000); more wires than
   * this split into further files. 5,000 by default: each address costs a read of its wire's row, a
   * wide one (the text is stored in it), and no index holds a wire's id, slug and last change
   * together, so a file takes about 7 ms per 1,000 addresses at a million wires. 50,000 took a third
   * of a second a file; 5,000 answer within 50 ms, in 200 files (the index may name 50,000).
   */
  ARCHIVE_SITEMAP_URLS: z
    .string()
    .trim()
    .regex(/^\d+$/, "ARCHIVE_SITEMAP_URLS must be a whole number from 1 to 50000")
    .default("5000")
    .transform(Number)
    .pipe(z.number().int().min(1, "ARCHIVE_SITEMAP_URLS must be at least 1").max(50_000, "ARCHIVE_SITEMAP_URLS must be at most 50000, the sitemap protocol's limit")),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (and may be trusted for
   * X-Forwarded-Host). 0: the app faces clients directly, and those headers, which a client can forge,
   * are ignored (see proxy.ts).
   */
  ARCHIVE_TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, "ARCHIVE_TRUST_PROXY must be the number of trusted proxies in front of the app (0, 1, 2, ...)")
    .default("0")
    .transform(Number),
  /**
   * Requests per minute that one client address may make to the read API (/api/v1), per app
   * process; bursts up to the same number. 0 turns the limit off (for a gateway that limits instead).
   */
  ARCHIVE_API_RATE_LIMIT: z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, "ARCHIVE_API_RATE_LIMIT must be a whole number of requests per minute (0 turns the limit off)")
    .default("120")
    .transform(Number),
  /**
   * Megabytes of rendered pages that `npm run serve` keeps for readers without a session, until
   * the archive's content changes (lib/http/page-cache.ts). 0 renders every request afresh.
   */
  ARCHIVE_PAGE_CACHE_MB: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, "ARCHIVE_PAGE_CACHE_MB must be a whole number of megabytes (0 turns the page cache off)")
    .default("64")
    .transform(Number),
  /**
   * Seconds a reader's browser, a CDN or another shared cache may reuse a page, feed or API answer
   * without asking the archive again (with its ETag, which gets a 304 while nothing changed). 0, the
   * default, asks every time: nobody is ever shown a rationale older than the archive's.
   */
  /**
   * How many requests `npm run serve` lets the app work on at once (pages rendered, API and feed answers);
   * the rest wait their turn, so that a burst neither spreads two cores over dozens of half-done renderings
   * nor holds all their buffers in memory at once. Kept pages, static files, downloads and sitemaps do not
   * count. Default: twice the processors.
   */
  ARCHIVE_RENDER_CONCURRENCY: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, "ARCHIVE_RENDER_CONCURRENCY must be a whole number of requests (at least 1)")
    .optional()
    .transform((value) => (value === undefined ? Math.max(2, 2 * availableParallelism()) : Number(value)))
    .pipe(z.number().int().min(1, "ARCHIVE_RENDER_CONCURRENCY must be at least 1")),
  ARCHIVE_CACHE_MAX_AGE: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, "ARCHIVE_CACHE_MAX_AGE must be a whole number of seconds (0: caches ask every time)")
    .default("0")
    .transform(Number),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  parsed = result.data;
  return parsed;
}
