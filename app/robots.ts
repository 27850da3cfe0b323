import type { MetadataRoute } from "next";
import { robotsRules } from "@/lib/seo/robots-rules";
import { siteBaseUrl } from "@/lib/seo/site-base-url";

/** /robots.txt: open to crawlers but for the editors' pages, the API and the downloads; points at the sitemap. See lib/seo/robots-rules.ts. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  return robotsRules(await siteBaseUrl());
}
