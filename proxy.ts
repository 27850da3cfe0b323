import { NextResponse, type NextRequest } from "next/server";
import { resourceExists, type ResourceKind } from "@/lib/routing/resource-exists";

/**
 * Sends requests for a wire, provider, code or guide that does not exist to the app's 404 page.
 * Pages could call notFound() themselves, but Next.js 16.4 then serves a 404 whose HTML body is
 * empty (the page appears only after JavaScript runs); an unmatched address renders fully.
 */
export async function proxy(request: NextRequest) {
  const [, kind, key] = request.nextUrl.pathname.split("/");
  if (!kind || !key) return NextResponse.next();
  let decoded: string;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    return notFoundResponse(request);
  }
  if (await resourceExists(kind as ResourceKind, decoded)) return NextResponse.next();
  return notFoundResponse(request);
}

function notFoundResponse(request: NextRequest) {
  return NextResponse.rewrite(new URL("/_archive/not-found", request.url));
}

export const config = {
  matcher: ["/wires/:key/:path*", "/providers/:key", "/codes/:key", "/guides/:key"],
};
