import { env } from "@/lib/env";

// A host name, IPv4 or bracketed IPv6 address, and an optional port: nothing that could carry a path or markup.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The address absolute links start from: ARCHIVE_PUBLIC_URL when set. Otherwise the Host the
 * request was sent to, which a client chooses: acceptable for the links of the response it gets
 * (a cache keys its copy by that host too), never used for anything else, and checked to be a
 * plain host name. Production sets ARCHIVE_PUBLIC_URL so that feed ids never depend on it.
 */
export function publicBaseUrl(request: Request): string {
  const configured = env().ARCHIVE_PUBLIC_URL;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get("host")?.trim() ?? url.host;
  const protocol = url.protocol === "https:" ? "https:" : "http:";
  return `${protocol}//${HOST.test(host) ? host.toLowerCase() : "localhost"}`;
}
