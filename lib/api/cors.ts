/**
 * CORS for the read API: any site may read it from a browser, without credentials (a wildcard
 * origin never carries cookies). Only reads: the amendment route's POST gets none of these
 * headers, so browsers keep other sites' scripts from sending it or reading its answer.
 */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset",
} as const;

const READ_METHODS = "GET, HEAD, OPTIONS";

/**
 * The answer to a browser's preflight for a GET with extra headers (If-None-Match, say).
 * `sameOriginOnly` names methods the route also has that other sites may not use: listed in Allow,
 * never in Access-Control-Allow-Methods.
 */
export function preflight(sameOriginOnly: string[] = []): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": READ_METHODS,
      "Access-Control-Allow-Headers": "Accept, Accept-Language, Cache-Control, Content-Language, If-Modified-Since, If-None-Match",
      "Access-Control-Max-Age": "86400",
      Allow: [READ_METHODS, ...sameOriginOnly].join(", "),
      "Cache-Control": "public, max-age=86400",
    },
  });
}
