/**
 * The XML of the sitemap protocol (sitemaps.org 0.9): a <urlset> of pages, and a <sitemapindex> of
 * sitemap files. Addresses are escaped as the protocol asks (& ' " < > as entities); times are W3C
 * datetimes in UTC.
 */
const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const ENTITIES: Record<string, string> = { "&": "&amp;", "'": "&apos;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };

export function escapeXml(text: string): string {
  return /[&'"<>]/.test(text) ? text.replace(/[&'"<>]/g, (char) => ENTITIES[char]!) : text;
}

const lastmod = (at: Date | undefined) => (at ? `<lastmod>${at.toISOString()}</lastmod>` : "");

export const URLSET_START = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NAMESPACE}">\n`;
export const URLSET_END = "</urlset>\n";

export function urlEntry(loc: string, at?: Date): string {
  return `<url><loc>${escapeXml(loc)}</loc>${lastmod(at)}</url>\n`;
}

/** urlEntry for an address already escaped and a time already written (as Date.prototype.toISOString does). */
export function writtenUrlEntry(escapedLoc: string, isoTime: string): string {
  return `<url><loc>${escapedLoc}</loc><lastmod>${isoTime}</lastmod></url>\n`;
}

export function sitemapIndex(files: { loc: string; lastmod?: Date }[]): string {
  const entries = files.map((file) => `<sitemap><loc>${escapeXml(file.loc)}</loc>${lastmod(file.lastmod)}</sitemap>\n`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NAMESPACE}">\n${entries}</sitemapindex>\n`;
}
