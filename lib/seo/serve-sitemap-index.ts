import "server-only";
import { env } from "@/lib/env";
import { publicBaseUrl } from "@/lib/feeds/public-base-url";
import { listSitemapParts } from "./list-sitemap-parts";
import { sitemapIndex } from "./sitemap-xml";
import { xmlResponse } from "./xml-response";

/**
 * GET /sitemap.xml: a sitemap index (the protocol's way past 50,000 addresses a file) naming
 * /sitemaps/pages.xml and one /sitemaps/wires-<n>.xml per ARCHIVE_SITEMAP_URLS wires.
 */
export async function serveSitemapIndex(request: Request): Promise<Response> {
  try {
    const base = publicBaseUrl(request);
    const parts = await listSitemapParts(env().ARCHIVE_SITEMAP_URLS);
    const newest = parts.reduce<Date | undefined>((latest, part) => (!latest || part.lastmod > latest ? part.lastmod : latest), undefined);
    const files = [
      // Latest and the Archive change with every wire: the pages file is as new as the newest wire.
      { loc: `${base}/sitemaps/pages.xml`, lastmod: newest },
      ...parts.map((part) => ({ loc: `${base}/sitemaps/wires-${part.part}.xml`, lastmod: part.lastmod })),
    ];
    return xmlResponse(sitemapIndex(files));
  } catch (error) {
    console.error("[sitemap] could not list the sitemap files", error);
    return new Response("The sitemap could not be built. Please try again.\n", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
