import type { Feed } from "./build-feed";
import { FEED_FORMATS } from "./feed-links";
import { SITE_NAME } from "./feed-title";
import { el, xmlDocument } from "./markup";

/**
 * Atom 1.0 (RFC 4287): the feed's id is its own address; each entry's id is the wire's permanent
 * address, its content the full entry HTML (type="html", escaped), its categories labelled.
 */
export function renderAtom(feed: Feed): string {
  return xmlDocument(
    el(
      "feed",
      { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": "en-GB" },
      el("id", {}, feed.urls.atom),
      el("title", {}, feed.title),
      el("subtitle", {}, feed.description),
      el("updated", {}, feed.updated.toISOString()),
      el("link", { rel: "self", type: FEED_FORMATS.atom.mediaType, href: feed.urls.atom }),
      el("link", { rel: "alternate", type: "text/html", href: feed.homeUrl }),
      el("author", {}, el("name", {}, SITE_NAME), el("uri", {}, `${feed.base}/`)),
      ...feed.entries.map((entry) =>
        el(
          "entry",
          {},
          el("id", {}, entry.id),
          el("title", { type: "text" }, entry.title),
          el("link", { rel: "alternate", type: "text/html", href: entry.url }),
          el("published", {}, entry.published.toISOString()),
          el("updated", {}, entry.updated.toISOString()),
          el("summary", { type: "text" }, entry.summary),
          el("content", { type: "html" }, entry.html),
          ...entry.categories.map((category) => el("category", { term: category.term, scheme: category.scheme, label: category.label })),
        ),
      ),
    ),
  );
}
