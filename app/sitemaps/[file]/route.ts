import { serveSitemapFile } from "@/lib/seo/serve-sitemap-file";

// The sitemap follows the live archive.
export const dynamic = "force-dynamic";

/** /sitemaps/pages.xml and /sitemaps/wires-<n>.xml. See lib/seo/serve-sitemap-file.ts. */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  return serveSitemapFile(request, file);
}
