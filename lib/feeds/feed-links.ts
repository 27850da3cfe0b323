import { archiveHref, type ArchiveState } from "@/lib/search/archive-query";
import { feedTitle } from "./feed-title";

export type FeedFormat = "rss" | "atom" | "json";
export type FeedKind = "latest" | "archive";

/** The three formats, in the order the Follow control offers them. */
export const FEED_FORMATS: Record<FeedFormat, { extension: string; mediaType: string; label: string }> = {
  rss: { extension: "rss", mediaType: "application/rss+xml", label: "RSS" },
  atom: { extension: "atom", mediaType: "application/atom+xml", label: "Atom" },
  json: { extension: "json", mediaType: "application/feed+json", label: "JSON Feed" },
};
export const FORMAT_ORDER: FeedFormat[] = ["rss", "atom", "json"];

/** "/feeds/latest.atom", or "/feeds/archive.rss?provider=openai&code=M1": the archive's parameters, in its order. */
export function feedPath(kind: FeedKind, format: FeedFormat, state: ArchiveState = {}): string {
  const base = `/feeds/${kind}.${FEED_FORMATS[format].extension}`;
  return kind === "latest" ? base : archiveHref({ ...state, cursor: undefined, dir: undefined }, base);
}

/**
 * A page's `alternates` metadata: one <link rel="alternate"> per format, titled as the feed titles
 * itself. `providerNames` maps the provider slugs in `state` to their names.
 */
export function feedAlternates(kind: FeedKind, state: ArchiveState = {}, providerNames = new Map<string, string>()) {
  const { title } = feedTitle(kind, state, providerNames, 0);
  const types: Record<string, { url: string; title: string }[]> = {};
  for (const format of FORMAT_ORDER) {
    types[FEED_FORMATS[format].mediaType] = [{ url: feedPath(kind, format, state), title: `${title} (${FEED_FORMATS[format].label})` }];
  }
  return { types };
}
