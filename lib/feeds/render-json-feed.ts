import { SOURCE_KIND_LABELS, SOURCING_LABELS, STATUS_LABELS } from "@/lib/wires/labels";
import type { Feed, FeedEntry } from "./build-feed";
import { SITE_NAME } from "./feed-title";
import { cleanText } from "./markup";

/**
 * JSON Feed 1.1. Besides the standard fields, each item carries the wire's structured facts under
 * `_wire` (JSON Feed's convention for extensions: a leading underscore and an `about` address).
 */
export function renderJsonFeed(feed: Feed): string {
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: "en-GB",
    authors: [{ name: SITE_NAME, url: `${feed.base}/` }],
    items: feed.entries.map((entry) => item(entry, feed.base)),
  };
  // The same text as the XML feeds: no control characters, whatever the database holds.
  return `${JSON.stringify(document, (_key, value: unknown) => (typeof value === "string" ? cleanText(value) : value), 2)}\n`;
}

function item(entry: FeedEntry, base: string) {
  const { wire } = entry;
  const withdrawn = wire.status === "WITHDRAWN";
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    summary: entry.summary,
    content_html: entry.html,
    date_published: entry.published.toISOString(),
    date_modified: entry.updated.toISOString(),
    tags: entry.categories.map((category) => category.term),
    _wire: {
      about: `${base}/guides/editors-guide`,
      id: wire.id,
      status: STATUS_LABELS[wire.status].toLowerCase(),
      status_note: wire.statusNote,
      severity: wire.severity,
      occurred_on: wire.occurredOn,
      sourcing_standard: SOURCING_LABELS[wire.sourcingStandard],
      providers: wire.providers,
      codes: wire.codes,
      // A withdrawn wire no longer publishes its sources, here as on its page.
      sources: withdrawn
        ? []
        : wire.sources.map((source) => ({
            title: source.title,
            publisher: source.publisher,
            url: source.url,
            published_on: source.publishedOn,
            kind: SOURCE_KIND_LABELS[source.kind].toLowerCase(),
            archived_url: source.archivedUrl,
          })),
    },
  };
}
