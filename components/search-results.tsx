import Link from "next/link";
import { formatMonth } from "@/lib/format/format-date";
import { archiveHref, type ArchiveState } from "@/lib/search/archive-query";
import type { SearchHit, SearchResult } from "@/lib/search/search-archive";
import { WireListItem } from "./wire-list-item";

const number = new Intl.NumberFormat("en-GB");

function byMonth(wires: SearchHit[]): [string, SearchHit[]][] {
  const groups = new Map<string, SearchHit[]>();
  for (const wire of wires) {
    const month = wire.occurredOn.slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), wire]);
  }
  return [...groups];
}

/** The count, in a polite live region: a screen reader hears it change as the filters apply. */
export function ResultCount({ result }: { result: SearchResult }) {
  return (
    <p role="status" className="mt-4 font-sans text-sm">
      <strong>
        {number.format(result.total)} {result.total === 1 ? "wire" : "wires"}
      </strong>
      <span className="text-muted">{result.ordering === "relevance" ? ", by relevance" : ", newest first"}</span>
    </p>
  );
}

/** The wires: by month when newest first, a flat list when ranked by relevance, then the page links. */
export function SearchResults({ result, state, quiet }: { result: SearchResult; state: ArchiveState; quiet: boolean }) {
  const relevance = result.ordering === "relevance";
  return (
    <section id="results" tabIndex={-1} aria-labelledby="results-heading" className="outline-none">
      <h2 id="results-heading" className="sr-only">
        Results
      </h2>
      {result.items.length === 0 && !quiet && <p className="mt-6">No wires match. Try fewer words or filters.</p>}
      {relevance ? (
        <div className="mt-2">
          {result.items.map((wire) => (
            <WireListItem key={wire.id} wire={wire} headingLevel={3} />
          ))}
        </div>
      ) : (
        byMonth(result.items).map(([month, wires]) => (
          <section key={month} aria-labelledby={`m-${month}`} className="mt-8">
            <h2 id={`m-${month}`} className="font-sans text-sm font-semibold tracking-widest text-muted uppercase">
              {formatMonth(`${month}-01`)}
            </h2>
            {wires.map((wire) => (
              <WireListItem key={wire.id} wire={wire} headingLevel={3} />
            ))}
          </section>
        ))
      )}
      <SearchPager result={result} state={state} />
    </section>
  );
}

function SearchPager({ result, state }: { result: SearchResult; state: ArchiveState }) {
  if (!result.newer && !result.older) return null;
  const relevance = result.ordering === "relevance";
  return (
    <nav aria-label="Pages" className="mt-8 flex justify-between border-t border-rule pt-4 font-sans text-sm">
      {result.newer ? (
        <Link prefetch={false} rel="prev" href={archiveHref({ ...state, cursor: result.newer, dir: "newer" })}>
          ← {relevance ? "Better matches" : "Newer wires"}
        </Link>
      ) : (
        <span />
      )}
      {result.older ? (
        <Link prefetch={false} rel="next" href={archiveHref({ ...state, cursor: result.older })}>
          {relevance ? "More matches" : "Older wires"} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
