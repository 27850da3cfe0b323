import type { Feed } from "./build-feed";
import { FEED_FORMATS } from "./feed-links";
import { el, xmlDocument } from "./markup";

/** RFC 822 dates, as RSS 2.0 wants them ("Tue, 10 May 2026 09:08:00 GMT"). */
const rfc822 = (date: Date) => date.toUTCString();

/**
 * RSS 2.0, with the full entry HTML in content:encoded, the summary as the description, the
 * permanent address as the guid, categories with their scheme as domain, and each entry's updated
 * time as atom:updated and dc:date (RSS has no element of its own for it; feed parsers read
 * dc:date as the item's updated time).
 */
export function renderRss(feed: Feed): string {
  return xmlDocument(
    el(
      "rss",
      {
        version: "2.0",
        "xmlns:atom": "http://www.w3.org/2005/Atom",
        "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        "xmlns:dc": "http://purl.org/dc/elements/1.1/",
      },
      el(
        "channel",
        {},
        el("title", {}, feed.title),
        el("link", {}, feed.homeUrl),
        el("description", {}, feed.description),
        el("language", {}, "en-gb"),
        el("lastBuildDate", {}, rfc822(feed.updated)),
        el("docs", {}, "https://www.rssboard.org/rss-specification"),
        el("atom:link", { href: feed.urls.rss, rel: "self", type: FEED_FORMATS.rss.mediaType }),
        ...feed.entries.map((entry) =>
          el(
            "item",
            {},
            el("title", {}, entry.title),
            el("link", {}, entry.url),
            el("guid", { isPermaLink: "true" }, entry.id),
            el("description", {}, entry.summary),
            el("content:encoded", {}, entry.html),
            ...entry.categories.map((category) => el("category", { domain: category.scheme }, category.term)),
            el("pubDate", {}, rfc822(entry.published)),
            el("atom:updated", {}, entry.updated.toISOString()),
            el("dc:date", {}, entry.updated.toISOString()),
          ),
        ),
      ),
    ),
  );
}
