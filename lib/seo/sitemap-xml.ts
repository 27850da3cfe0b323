/**
 * The XML of the sitemap protocol (sitemaps.org 0.9): a <urlset> of pages, and a <sitemapindex> of
 * sitemap files. Addresses are escaped as the protocol asks (& ' " < > as entities); times are W3C
 * datetimes in UTC.
 */
const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const ENTITIES: Record<string, string> = { "&": "&amp;", "'": "&apos;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };

export function escapeXml(text: string): string {
  return text.replace(/[&'"<>]/g, (char) => ENTITIES[char]!);
}

const lastmod = (at: Date | undefined) => (at ? `<lastmod>${at.toISOString()}</lastmod>` : "");

export const URLSET_START = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NAMESPACE}">\n`;
export const URLSET_END = "</urlset>\n";

export function urlEntry(loc: string, at?: Date): string {
  return `<url><loc>${escapeXml(loc)}</loc>${lastmod(at)}</url>\n`;
}

export function sitemapIndex(files: { loc: string; lastmod?: Date }[]): string {
  const entries = files.map((file) => `<sitemap><loc>${escapeXml(file.loc)}</loc>${lastmod(file.lastmod)}</sitemap>\n`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NAMESPACE}">\n${entries}</sitemapindex>\n`;
}
