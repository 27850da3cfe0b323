import { formatDate } from "@/lib/format/format-date";
import { STATUS_LABELS, sourcingLine } from "@/lib/wires/labels";
import type { SearchHit } from "@/lib/search/search-archive";
import { wirePath } from "@/lib/wires/wire-card";
import { HighlightedText } from "./highlighted-text";
import { SeverityBadge } from "./severity-badge";
import { CodeTags, ProviderLinks } from "./tag-links";

/**
 * One wire in a list: severity, providers, date, sourcing line, headline, summary, codes.
 * Search results also carry the matched words, marked in the headline and summary.
 */
export function WireListItem({ wire, headingLevel = 2 }: { wire: SearchHit; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const withdrawn = wire.status === "WITHDRAWN";
  return (
    <article className="border-t border-rule py-5" aria-labelledby={`h-${wire.id}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 font-sans text-sm">
        <SeverityBadge severity={wire.severity} />
        <ProviderLinks providers={wire.providers} />
        <time dateTime={wire.occurredOn} className="event-date text-muted">
          {formatDate(wire.occurredOn)}
        </time>
        {wire.status !== "PUBLISHED" && (
          <span className="rounded-sm border border-ink px-1 text-xs font-semibold uppercase">{STATUS_LABELS[wire.status]}</span>
        )}
      </div>
      <p className="mt-1 font-sans text-xs text-muted">
        {sourcingLine(wire.sourceCount, wire.sourcingStandard)}
        {wire.rationaleAmended && (
          <>
            {" "}· Rationale amended <time dateTime={wire.rationaleAmended.at}>{formatDate(wire.rationaleAmended.at.slice(0, 10))}</time> (version{" "}
            {wire.rationaleAmended.version})
          </>
        )}
      </p>
      <Heading id={`h-${wire.id}`} className={`mt-1.5 text-xl leading-snug font-semibold ${withdrawn ? "line-through decoration-1" : ""}`}>
        <a href={wirePath(wire)} className="text-ink no-underline hover:underline">
          <HighlightedText segments={wire.highlight?.headline} text={wire.headline} />
        </a>
      </Heading>
      <p className="mt-1.5 text-muted">
        <HighlightedText segments={wire.highlight?.summary} text={wire.summary} />
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <CodeTags codes={wire.codes} />
        <span className="font-mono text-xs text-muted">{wire.id}</span>
      </div>
    </article>
  );
}
