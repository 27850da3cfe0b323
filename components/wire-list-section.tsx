import type { Page } from "@/lib/wires/keyset";
import type { WireCard } from "@/lib/wires/wire-card";
import { Pager } from "./pager";
import { WireListItem } from "./wire-list-item";

/** A titled, paged list of wires, for the provider and code pages. `base` is the page's own path. */
export function WireListSection({ page, base, empty, badCursor = false }: { page: Page<WireCard>; base: string; empty: string; badCursor?: boolean }) {
  const href = (cursor: string, direction: "older" | "newer") => `${base}?cursor=${cursor}${direction === "newer" ? "&dir=newer" : ""}`;
  return (
    <>
      <h2 className="mt-10 font-sans text-sm font-semibold tracking-widest text-muted uppercase">Wires</h2>
      {badCursor && (
        <p role="alert" className="mt-3 border-l-4 border-ink pl-3 font-sans text-sm">
          This page&apos;s address names a place in the list that the archive cannot read (<span className="font-mono">cursor</span>): here are
          the newest wires. Use the <a href={base}>first page</a> and the older and newer links.
        </p>
      )}
      {page.items.map((wire) => (
        <WireListItem key={wire.id} wire={wire} headingLevel={3} />
      ))}
      {page.items.length === 0 && <p className="mt-4">{empty}</p>}
      <Pager newerHref={page.newer && href(page.newer, "newer")} olderHref={page.older && href(page.older, "older")} />
    </>
  );
}
