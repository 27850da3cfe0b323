import { createHash } from "node:crypto";
import { readerCacheControl } from "@/lib/http/reader-cache-control";

export type Representation = { body: string; contentType: string; lastModified: Date };


/** A strong validator: the hash of the exact bytes sent. */
export const strongEtag = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

/**
 * A 200 with validators, or a 304 without a body when the client's copy is current (RFC 9110:
 * If-None-Match decides when present; If-Modified-Since only without it, to the second).
 */
export function conditionalResponse(request: Request, representation: Representation): Response {
  const etag = strongEtag(representation.body);
  const lastModified = representation.lastModified.toUTCString();
  const headers = { ETag: etag, "Last-Modified": lastModified, "Cache-Control": readerCacheControl(request.headers.get("cookie")), Vary: "Cookie" };
  if (notModified(request, etag, representation.lastModified)) return new Response(null, { status: 304, headers });
  return new Response(representation.body, { status: 200, headers: { ...headers, "Content-Type": representation.contentType } });
}

function notModified(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    // Weak comparison, as RFC 9110 asks for If-None-Match: W/"x" matches "x".
    const tags = ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
    return tags.includes("*") || tags.includes(etag);
  }
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}
