import type { MetadataRoute } from "next";

/**
 * What crawlers may fetch. Everything a reader sees is open, feeds included; closed are the
 * editors' pages (sign-in, dashboard, amendment forms: nothing to index and no reason to load the
 * sign-in throttle), the JSON API (the same wires as the pages, for programs), and the full-archive
 * downloads, which a crawler following the Download links would pull a million wires at a time.
 */
export const ROBOTS_DISALLOW = ["/editor", "/sign-in", "/wires/*/amend", "/api/", "/archive/export"];

/** robots.txt for the archive at `base`, pointing crawlers at its sitemap index. */
export function robotsRules(base: string): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: ROBOTS_DISALLOW }, sitemap: `${base}/sitemap.xml` };
}
