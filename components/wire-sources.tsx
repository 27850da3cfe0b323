import { formatDate } from "@/lib/format/format-date";
import { SOURCE_KIND_LABELS } from "@/lib/wires/labels";
import type { WireDetail } from "@/lib/wires/get-wire";

export function WireSources({ sources }: { sources: WireDetail["sources"] }) {
  return (
    <section aria-labelledby="sources" className="mt-10">
      <h2 id="sources" className="font-sans text-lg font-semibold">Sources ({sources.length})</h2>
      <ol className="mt-3 space-y-3">
        {sources.map((source) => (
          <li key={source.position} id={`source-${source.position}`} className="flex gap-3">
            <span className="font-mono text-sm text-muted">{source.position}.</span>
            <div>
              <a href={source.url} rel="noopener noreferrer">{source.title}</a>
              <p className="font-sans text-sm text-muted">
                {source.publisher}
                {source.publishedOn && <> · <time dateTime={source.publishedOn}>{formatDate(source.publishedOn)}</time></>}
                {" · "}
                {SOURCE_KIND_LABELS[source.kind]}
                {source.archivedUrl && <> · <a href={source.archivedUrl} rel="noopener noreferrer">archived copy</a></>}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
