import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { SEVERITY_LABELS } from "@/lib/wires/labels";
import type { WireCard } from "@/lib/wires/wire-card";
import { wirePath } from "@/lib/wires/wire-card";
import { apiWirePath } from "./api-paths";
import type { WireRecord } from "./load-wire-record";
import type { WireBody } from "./schemas/wire-detail";
import { codeRef, providerRef } from "./wire-summary";

type Found = Extract<WireRecord, { status: "found" }>;

/** The later of the wire's and its rationale's changes: an amendment updates the wire as readers see it. */
export function lastChange(wire: Found["wire"]): string {
  const latest = wire.rationale && wire.rationale.updatedAt > wire.updatedAt ? wire.rationale.updatedAt : wire.updatedAt;
  return latest < wire.publishedAt ? wire.publishedAt : latest;
}

/**
 * The API's view of one wire, as its page shows it: a withdrawn wire's body, sources and rationale
 * are no longer published, so they come back empty, as on the page and in the feeds.
 */
export async function wireBody({ wire, aliases }: Found, related: WireCard[]): Promise<WireBody> {
  const withdrawn = wire.status === "WITHDRAWN";
  const sources = withdrawn
    ? []
    : wire.sources.map(({ position, title, publisher, url, publishedOn, kind, archivedUrl }) => ({ position, title, publisher, url, publishedOn, kind, archivedUrl }));
  const links = sources.map((source) => ({ position: source.position, url: source.url, title: source.title }));
  const [bodyHtml, rationaleHtml] = await Promise.all([
    withdrawn ? null : renderMarkdown(wire.body, links),
    !withdrawn && wire.rationale ? renderMarkdown(wire.rationale.text) : null,
  ]);
  const self = apiWirePath(wire.id);
  return {
    id: wire.id,
    slug: wire.slug,
    headline: wire.headline,
    summary: wire.summary,
    body: withdrawn ? null : wire.body,
    bodyHtml,
    occurredOn: wire.occurredOn,
    publishedAt: wire.publishedAt,
    updatedAt: lastChange(wire),
    severity: wire.severity,
    severityLabel: SEVERITY_LABELS[wire.severity] ?? String(wire.severity),
    sourcingStandard: wire.sourcingStandard,
    status: wire.status,
    statusNote: wire.statusNote,
    providers: wire.providers.map(providerRef),
    codes: wire.codes.map(codeRef),
    sourceCount: wire.sources.length,
    sources,
    rationale:
      wire.rationale && rationaleHtml !== null
        ? {
            version: wire.rationale.version,
            text: wire.rationale.text,
            html: rationaleHtml,
            basis: wire.rationale.basis,
            basisLabel: wire.rationale.basisLabel,
            basisDate: wire.rationale.basisDate,
            test: wire.rationale.test,
            updatedAt: wire.rationale.updatedAt,
          }
        : null,
    aliases,
    related: related.map((other) => ({ id: other.id, headline: other.headline, url: wirePath(other), apiUrl: apiWirePath(other.id) })),
    links: { self, html: wirePath(wire), history: `${self}/history`, rationale: `${self}/rationale`, osv: `${self}/osv.json` },
  };
}
