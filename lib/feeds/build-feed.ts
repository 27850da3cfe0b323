import { archiveHref, type ArchiveState } from "@/lib/search/archive-query";
import { EDITORS_GUIDE, STATUS_LABELS } from "@/lib/wires/labels";
import { wirePath } from "@/lib/wires/wire-card";
import { entryHtml, severityName } from "./entry-html";
import { feedPath, FORMAT_ORDER, type FeedFormat, type FeedKind } from "./feed-links";
import { feedTitle } from "./feed-title";
import type { FeedWire } from "./load-feed-wires";

export type FeedCategory = { term: string; label: string; scheme: string };

export type FeedEntry = {
  /** The wire's permanent address, /wires/<id>: it never changes, whatever happens to the slug. */
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  published: Date;
  updated: Date;
  categories: FeedCategory[];
  wire: FeedWire;
};

export type Feed = {
  kind: FeedKind;
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  homeUrl: string;
  urls: Record<FeedFormat, string>;
  updated: Date;
  base: string;
  entries: FeedEntry[];
};

/**
 * A feed in no format yet: what the RSS, Atom and JSON Feed renderers all write. `fallbackUpdated`
 * dates a feed without entries, which still needs an updated time.
 */
export async function buildFeed(input: {
  kind: FeedKind;
  state: ArchiveState;
  providerNames: Map<string, string>;
  wires: FeedWire[];
  base: string;
  size: number;
  fallbackUpdated: Date;
}): Promise<Feed> {
  const { kind, state, base, wires } = input;
  const entries = await Promise.all(wires.map((wire) => buildEntry(wire, base)));
  const newest = entries.reduce<Date | undefined>((latest, entry) => (!latest || entry.updated > latest ? entry.updated : latest), undefined);
  const { title, description } = feedTitle(kind, state, input.providerNames, input.size);
  return {
    kind,
    title,
    description,
    homeUrl: kind === "latest" ? `${base}/` : `${base}${archiveHref({ ...state, cursor: undefined, dir: undefined })}`,
    urls: Object.fromEntries(FORMAT_ORDER.map((format) => [format, `${base}${feedPath(kind, format, state)}`])) as Record<FeedFormat, string>,
    updated: newest ?? input.fallbackUpdated,
    base,
    entries,
  };
}

async function buildEntry(wire: FeedWire, base: string): Promise<FeedEntry> {
  const url = `${base}${wirePath(wire)}`;
  const permanent = `${base}/wires/${wire.id}`;
  const withdrawn = wire.status === "WITHDRAWN";
  const guide = `${base}${EDITORS_GUIDE}`;
  return {
    id: permanent,
    url,
    title: withdrawn ? `[Withdrawn] ${wire.headline}` : wire.headline,
    summary: withdrawn ? (wire.statusNote ?? "This wire was withdrawn.") : wire.summary,
    html: await entryHtml(wire, { base, page: url }),
    published: wire.publishedAt,
    updated: wire.updatedAt,
    categories: [
      { term: `SEV-${wire.severity}`, label: severityName(wire.severity), scheme: `${guide}#severity-rubric` },
      ...wire.providers.map((provider) => ({ term: provider.name, label: provider.name, scheme: `${base}/providers/` })),
      ...wire.codes.map((code) => ({ term: code.code, label: `${code.code} ${code.label}`, scheme: `${base}/codes/` })),
      ...(wire.status === "PUBLISHED" ? [] : [{ term: STATUS_LABELS[wire.status], label: STATUS_LABELS[wire.status], scheme: `${guide}#status-of-a-wire` }]),
    ],
    wire,
  };
}
