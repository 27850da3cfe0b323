import "server-only";
import { env } from "@/lib/env";
import { publicBaseUrl } from "@/lib/feeds/public-base-url";
import { listSitemapPages } from "./list-sitemap-pages";
import { streamWireSitemap } from "./stream-wire-sitemap";
import { URLSET_END, URLSET_START, urlEntry } from "./sitemap-xml";
import { xmlResponse } from "./xml-response";

const FILE = /^(?:pages|wires-([1-9]\d{0,6}))\.xml$/;

/** GET /sitemaps/pages.xml and /sitemaps/wires-<n>.xml: one file of the sitemap index. */
export async function serveSitemapFile(request: Request, file: string): Promise<Response> {
  const match = FILE.exec(file);
  if (!match) return notFound();
  try {
    const base = publicBaseUrl(request);
    if (match[1] === undefined) {
      const pages = await listSitemapPages();
      return xmlResponse(`${URLSET_START}${pages.map((page) => urlEntry(`${base}${page.path}`, page.lastmod)).join("")}${URLSET_END}`);
    }
    const stream = await streamWireSitemap(Number(match[1]), env().ARCHIVE_SITEMAP_URLS, base);
    return stream ? xmlResponse(stream) : notFound();
  } catch (error) {
    console.error("[sitemap] could not build a sitemap file", error);
    return new Response("The sitemap could not be built. Please try again.\n", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}

function notFound(): Response {
  return new Response("No such sitemap file: /sitemap.xml lists them.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
