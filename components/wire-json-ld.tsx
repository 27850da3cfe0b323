import { jsonLdText } from "@/lib/seo/json-ld-text";
import { siteBaseUrl } from "@/lib/seo/site-base-url";
import { wireJsonLd } from "@/lib/seo/wire-json-ld";

type Props = { wire: Parameters<typeof wireJsonLd>[0] };

/**
 * A wire's structured data for search engines (schema.org NewsArticle). It is data, never run: the
 * page's Content-Security-Policy governs scripts that execute, and a browser does not execute this one.
 */
export async function WireJsonLd({ wire }: Props) {
  const base = await siteBaseUrl();
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(wireJsonLd(wire, base)) }} />;
}
