import { formatDate, formatLongDate } from "@/lib/format/format-date";
import { renderMarkdown, type SourceLink } from "@/lib/markdown/render-markdown";
import { EDITORS_GUIDE, SEVERITY_LABELS, SOURCE_KIND_LABELS, sourcingLine } from "@/lib/wires/labels";
import { absoluteLinks } from "./absolute-links";
import { SITE_NAME } from "./feed-title";
import type { FeedWire } from "./load-feed-wires";
import { el, raw, serialize, type Child, type Node } from "./markup";

/** The archive's address and the wire page's, both absolute. */
export type EntryUrls = { base: string; page: string };

const isWebUrl = (value: string) => /^https?:\/\//i.test(value);
const link = (href: string, text: string) => (isWebUrl(href) ? el("a", { href }, text) : text);

export const severityName = (severity: number) => `SEV-${severity} ${SEVERITY_LABELS[severity] ?? ""}`.trim();

/**
 * The HTML of one entry, as the wire's page reads: severity, providers and sourcing, the body, the
 * sources as links, and "Why this is an AI incident" with its basis and test. A withdrawn wire
 * shows only its tombstone, as its page does: the reason, never the withdrawn text.
 */
export async function entryHtml(wire: FeedWire, urls: EntryUrls): Promise<string> {
  const meta = el(
    "p",
    {},
    el("strong", {}, severityName(wire.severity)),
    ...wire.providers.flatMap((provider) => [" · ", link(`${urls.base}/providers/${provider.slug}`, provider.name)]),
    ` · ${sourcingLine(wire.sources.length, wire.sourcingStandard)} · Event ${longDate(wire.occurredOn)}`,
  );
  const codes = el(
    "p",
    {},
    "Codes: ",
    ...wire.codes.flatMap((code, i) => [i > 0 ? ", " : "", link(`${urls.base}/codes/${code.code}`, code.code), ` ${code.label}`]),
  );
  const footer = el("p", {}, link(urls.page, `${wire.id} on ${SITE_NAME}`));
  if (wire.status === "WITHDRAWN") {
    return serialize(
      [
        el("p", {}, el("strong", {}, "This wire was withdrawn."), wire.statusNote ? ` ${wire.statusNote}` : ""),
        el("p", {}, "Its id stays reserved and is never reused. The text is no longer published."),
        meta,
        wire.codes.length > 0 && codes,
        footer,
      ],
      "html",
    );
  }
  const sourceLinks: SourceLink[] = wire.sources.map((source) => ({ position: source.position, url: source.url, title: source.title }));
  const [body, rationale] = await Promise.all([
    markdownHtml(wire.body, sourceLinks, urls.page),
    wire.rationale ? markdownHtml(wire.rationale.text, [], urls.page) : Promise.resolve(""),
  ]);
  const nodes: Child[] = [
    meta,
    wire.status === "CORRECTED" && Boolean(wire.statusNote) && el("p", {}, el("strong", {}, "Correction: "), wire.statusNote ?? ""),
    raw(body),
    el("h2", {}, `Sources (${wire.sources.length})`),
    el("ol", {}, ...wire.sources.map((source) => el("li", {}, ...sourceLine(source)))),
  ];
  if (wire.rationale) {
    const { basis, basisLabel, basisDate, test, version } = wire.rationale;
    const basisText = basis === "CLASSIFICATION_RUN" ? `${basisLabel} (${longDate(basisDate)})` : `Amended by an editor (${longDate(basisDate)})`;
    nodes.push(
      el("h2", {}, "Why this is an AI incident"),
      raw(rationale),
      el("p", {}, `Basis: ${basisText}. Test applied: `, link(`${urls.base}${EDITORS_GUIDE}#the-counterfactual-but-for-test`, test), `. Version ${version}.`),
    );
  }
  nodes.push(wire.codes.length > 0 && codes, footer);
  return serialize(nodes, "html");
}

function sourceLine(source: FeedWire["sources"][number]): Node[] {
  return [
    link(source.url, source.title),
    `, ${source.publisher}`,
    source.publishedOn ? `, ${shortDate(source.publishedOn)}` : "",
    ` (${SOURCE_KIND_LABELS[source.kind]})`,
    ...(source.archivedUrl && isWebUrl(source.archivedUrl) ? [" · ", el("a", { href: source.archivedUrl }, "archived copy")] : []),
  ];
}

/** The entry's Markdown with its links made absolute, through the sanitizing pipeline (which keeps what it rendered). */
async function markdownHtml(markdown: string, sources: SourceLink[], pageUrl: string): Promise<string> {
  return renderMarkdown(await absoluteLinks(markdown, pageUrl), sources);
}

// Dates as entries show them, by their ISO text: a few thousand days recur across the archive's wires.
const longDates = new Map<string, string>();
const shortDates = new Map<string, string>();
const DATES_MAX = 20_000;

function memo(dates: Map<string, string>, format: (value: string) => string, value: string): string {
  let text = dates.get(value);
  if (text === undefined) {
    if (dates.size >= DATES_MAX) dates.clear();
    text = format(value);
    dates.set(value, text);
  }
  return text;
}

const longDate = (value: string) => memo(longDates, formatLongDate, value);
const shortDate = (value: string) => memo(shortDates, formatDate, value);
