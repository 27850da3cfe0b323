import type { Metadata } from "next";
import { wirePath } from "@/lib/wires/wire-card";
import { SITE_LOCALE, SITE_NAME } from "./site-name";
import { wireUpdatedAt } from "./wire-updated-at";

export type MetadataWire = {
  id: string;
  slug: string;
  headline: string;
  summary: string;
  status: string;
  statusNote: string | null;
  publishedAt: string;
  updatedAt: string;
  severity: number;
  codes: { code: string; label: string }[];
  rationale: { updatedAt: string } | null;
};

/**
 * A wire page's metadata: its canonical address, and the OpenGraph and Twitter card a link to it
 * shows in other apps. Addresses are relative here; the layout's metadataBase makes them absolute.
 * OpenGraph replaces the layout's object whole, so the site name and locale are repeated.
 * A withdrawn wire's card says so and gives the reason, never the withdrawn text.
 */
export function wireMetadata(wire: MetadataWire): Metadata {
  const withdrawn = wire.status === "WITHDRAWN";
  const title = withdrawn ? `Withdrawn: ${wire.headline}` : wire.headline;
  const description = withdrawn ? (wire.statusNote ?? "This wire was withdrawn.") : wire.summary;
  const url = wirePath(wire);
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      title,
      description,
      url,
      siteName: SITE_NAME,
      locale: SITE_LOCALE,
      publishedTime: wire.publishedAt,
      modifiedTime: wireUpdatedAt(wire),
      section: `SEV-${wire.severity}`,
      tags: wire.codes.map((code) => `${code.code} ${code.label}`),
    },
    twitter: { card: "summary", title, description },
  };
}
