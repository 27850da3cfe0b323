import { serveSitemapIndex } from "@/lib/seo/serve-sitemap-index";

// The sitemap follows the live archive.
export const dynamic = "force-dynamic";

/** /sitemap.xml: the sitemap index. See lib/seo/serve-sitemap-index.ts. */
export async function GET(request: Request) {
  return serveSitemapIndex(request);
}
