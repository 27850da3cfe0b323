import "server-only";
import { headers } from "next/headers";
import { publicBaseUrl } from "@/lib/feeds/public-base-url";

/**
 * The archive's public address for a page being rendered, as the feeds build it
 * (lib/feeds/public-base-url.ts): ARCHIVE_PUBLIC_URL when set, otherwise the host this request was
 * sent to, checked to be a plain host name. https only when a trusted proxy says the request came
 * over it (proxy.ts drops X-Forwarded-Proto from anyone else).
 */
export async function siteBaseUrl(): Promise<string> {
  const incoming = await headers();
  const protocol = incoming.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https:" : "http:";
  const host = incoming.get("host");
  return publicBaseUrl(new Request(`${protocol}//localhost/`, { headers: host ? { host } : {} }));
}
