import { formatDate } from "@/lib/format/format-date";
import { archiveHref } from "@/lib/search/archive-query";
import type { SearchHit } from "@/lib/search/search-archive";
import { SEVERITY_LABELS, STATUS_LABELS, sourcingLine } from "@/lib/wires/labels";
import { wirePath, type WireCard } from "@/lib/wires/wire-card";
import { escapeHtml as e } from "@/lib/format/escape-html";

type Segments = { text: string; match: boolean }[];

/**
 * The inside of one wire in a list (components/wire-list-item.tsx) as HTML: severity, providers, date,
 * status, sourcing line, headline, summary (matched words marked), codes and id. A list shows dozens of
 * them and each is some forty elements, so, like the archive's filters (components/archive-filters-html.ts),
 * they are written as one string each rather than rendered element by element. Every value is escaped.
 */
export function wireListItemHtml(wire: SearchHit, headingLevel: 2 | 3): string {
  const heading = headingLevel === 2 ? "h2" : "h3";
  const withdrawn = wire.status === "WITHDRAWN";
  const amended = wire.rationaleAmended
    ? ` · Rationale amended <time datetime="${e(wire.rationaleAmended.at)}">${e(formatDate(wire.rationaleAmended.at.slice(0, 10)))}</time> (version ${wire.rationaleAmended.version})`
    : "";
  return (
    `<div class="flex flex-wrap items-center gap-x-3 gap-y-1 font-sans text-sm">${severityBadgeHtml(wire.severity)}${providerLinksHtml(wire.providers)}` +
    `<time datetime="${e(wire.occurredOn)}" class="event-date text-muted">${e(formatDate(wire.occurredOn))}</time>` +
    (wire.status !== "PUBLISHED" ? `<span class="rounded-sm border border-ink px-1 text-xs font-semibold uppercase">${e(STATUS_LABELS[wire.status])}</span>` : "") +
    `</div><p class="mt-1 font-sans text-xs text-muted">${e(sourcingLine(wire.sourceCount, wire.sourcingStandard))}${amended}</p>` +
    `<${heading} id="h-${e(wire.id)}" class="mt-1.5 text-xl leading-snug font-semibold${withdrawn ? " line-through decoration-1" : ""}">` +
    `<a href="${e(wirePath(wire))}" class="text-ink no-underline hover:underline">${highlightedHtml(wire.highlight?.headline, wire.headline)}</a></${heading}>` +
    `<p class="mt-1.5 text-muted">${highlightedHtml(wire.highlight?.summary, wire.summary)}</p>` +
    `<div class="mt-2 flex flex-wrap items-center gap-2">${codeTagsHtml(wire.codes)}<span class="font-mono text-xs text-muted">${e(wire.id)}</span></div>`
  );
}

/** A wire page's related events: severity, date, headline (a link) and summary of each. */
export function relatedWiresHtml(wires: WireCard[]): string {
  return wires
    .map(
      (other) =>
        `<li class="border-t border-rule py-3"><div class="flex flex-wrap items-center gap-2 font-sans text-xs text-muted">${severityBadgeHtml(other.severity)}` +
        `<time datetime="${e(other.occurredOn)}">${e(formatDate(other.occurredOn))}</time></div>` +
        `<a href="${e(wirePath(other))}" class="mt-1 block font-semibold">${e(other.headline)}</a><p class="text-muted">${e(other.summary)}</p></li>`,
    )
    .join("");
}

/** "SEV-3", always as text, with its label for screen readers and a tooltip (components/severity-badge.tsx). */
function severityBadgeHtml(severity: number): string {
  const label = e(`Severity ${severity} of 5 (1 is gravest): ${SEVERITY_LABELS[severity] ?? "unrated"}`);
  return `<span class="sev sev-${severity}" title="${label}"><span aria-hidden="true">SEV-${severity}</span><span class="sr-only">${label}</span></span>`;
}

function providerLinksHtml(providers: { slug: string; name: string }[]): string {
  const links = providers.map((p) => `<a href="${e(archiveHref({ provider: [p.slug] }))}" class="font-sans text-sm font-semibold no-underline hover:underline">${e(p.name)}</a>`);
  return `<span class="inline-flex flex-wrap gap-x-2 ">${links.join("")}</span>`;
}

function codeTagsHtml(codes: { code: string; label: string }[]): string {
  const items = codes.map(
    (c) => `<li><a href="${e(archiveHref({ code: [c.code] }))}" class="tag font-mono" title="${e(c.label)}">${e(c.code)}<span class="sr-only">: ${e(c.label)}</span></a></li>`,
  );
  return `<ul class="inline-flex flex-wrap gap-1.5" aria-label="Codes">${items.join("")}</ul>`;
}

const MARK = "rounded-sm bg-[#fde68a] px-0.5 text-[#1c1b18] dark:bg-[#fcd34d] dark:text-[#121211]";

/** Text in segments, the matched ones in <mark>. */
function highlightedHtml(segments: Segments | undefined, text: string): string {
  if (!segments || segments.length === 0) return e(text);
  return segments.map((segment) => (segment.match ? `<mark class="${MARK}">${e(segment.text)}</mark>` : e(segment.text))).join("");
}

