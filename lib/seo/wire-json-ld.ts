import { STATUS_LABELS } from "@/lib/wires/labels";
import { wirePath } from "@/lib/wires/wire-card";
import { SITE_NAME } from "./site-name";
import { wireUpdatedAt } from "./wire-updated-at";
import type { MetadataWire } from "./wire-metadata";

type JsonLdWire = MetadataWire & {
  status: keyof typeof STATUS_LABELS;
  providers: { slug: string; name: string }[];
  sources: { title: string; publisher: string; url: string }[];
};

/**
 * A wire as schema.org structured data (NewsArticle): what search engines read beside the page.
 * The archive is author and publisher; the providers are what the article is about; the sources
 * are its citations. A withdrawn wire keeps its headline and the reason, without its text or sources.
 */
export function wireJsonLd(wire: JsonLdWire, base: string) {
  const withdrawn = wire.status === "WITHDRAWN";
  const page = `${base}${wirePath(wire)}`;
  const archive = { "@type": "Organization", name: SITE_NAME, url: `${base}/` };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": `${base}/wires/${wire.id}`,
    identifier: wire.id,
    url: page,
    mainEntityOfPage: page,
    headline: wire.headline,
    description: withdrawn ? (wire.statusNote ?? "This wire was withdrawn.") : wire.summary,
    datePublished: wire.publishedAt,
    dateModified: wireUpdatedAt(wire),
    inLanguage: "en-GB",
    isAccessibleForFree: true,
    creativeWorkStatus: STATUS_LABELS[wire.status],
    author: archive,
    publisher: archive,
    about: wire.providers.map((provider) => ({ "@type": "Organization", name: provider.name, url: `${base}/providers/${provider.slug}` })),
    keywords: [`SEV-${wire.severity}`, ...wire.codes.map((code) => `${code.code} ${code.label}`)],
    ...(!withdrawn && {
      citation: wire.sources.map((source) => ({ "@type": "CreativeWork", name: source.title, url: source.url, publisher: { "@type": "Organization", name: source.publisher } })),
    }),
  };
}
