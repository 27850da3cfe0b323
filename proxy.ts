import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/auth/content-security-policy";
import { isCrossOrigin } from "@/lib/auth/is-cross-origin";
import { requestHost } from "@/lib/auth/request-host";
import { env } from "@/lib/env";
import { resourceExists, type ResourceKind } from "@/lib/routing/resource-exists";

// OPTIONS is a CORS preflight: the routes answer it with headers only and change nothing.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Headers a client can forge; without a trusted proxy in front they are dropped (see clientAddress). */
const FORGEABLE = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/**
 * Runs before every page, action and route:
 * - refuses writes from other sites (403), a second line behind the check inside every action;
 * - gives each response a Content-Security-Policy with a fresh script nonce;
 * - without a trusted proxy, drops client-sent forwarding headers, so that Next.js fills
 *   X-Forwarded-For with the connection's real address for throttling and the audit trail;
 * - sends requests for a wire, provider, code or guide that does not exist to the app's 404 page.
 *   Pages could call notFound() themselves, but Next.js 16.4 then serves a 404 whose HTML body is
 *   empty (the page appears only after JavaScript runs); an unmatched address renders fully.
 */
export async function proxy(request: NextRequest) {
  const config = env();
  const headers = new Headers(request.headers);
  if (config.ARCHIVE_TRUST_PROXY === 0) for (const name of FORGEABLE) headers.delete(name);

  if (!SAFE_METHODS.has(request.method)) {
    const host = requestHost(request.headers.get("host"), request.headers.get("x-forwarded-host"), config.ARCHIVE_TRUST_PROXY);
    if (isCrossOrigin({ origin: request.headers.get("origin"), host, secFetchSite: request.headers.get("sec-fetch-site") })) {
      return new NextResponse("This request came from another site and was refused.\n", {
        status: 403,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
    }
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, config.NODE_ENV === "development");
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set("content-security-policy", policy);

  const missing = await missingResource(request.nextUrl.pathname);
  const response = missing
    ? NextResponse.rewrite(new URL("/_archive/not-found", request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

const DETAIL_PATHS: [RegExp, ResourceKind][] = [
  [/^\/wires\/([^/]+)(?:\/.*)?$/, "wires"],
  [/^\/providers\/([^/]+)$/, "providers"],
  [/^\/codes\/([^/]+)$/, "codes"],
  [/^\/guides\/([^/]+)$/, "guides"],
];

/** Whether the path is a detail page whose wire, provider, code or guide does not exist. */
async function missingResource(pathname: string): Promise<boolean> {
  for (const [pattern, kind] of DETAIL_PATHS) {
    const key = pattern.exec(pathname)?.[1];
    if (key === undefined) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(key);
    } catch {
      return true;
    }
    return !(await resourceExists(kind, decoded));
  }
  return false;
}

export const config = {
  // Every page, action and route; not the build's static files, which carry no nonce and take no writes.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
