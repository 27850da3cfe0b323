import type { Page } from "@/lib/wires/keyset";
import type { WireCard } from "@/lib/wires/wire-card";
import { Pager } from "./pager";
import { WireListItem } from "./wire-list-item";

/** A titled, paged list of wires, for the provider and code pages. `base` is the page's own path. */
export function WireListSection({ page, base, empty }: { page: Page<WireCard>; base: string; empty: string }) {
  const href = (cursor: string, direction: "older" | "newer") => `${base}?cursor=${cursor}${direction === "newer" ? "&dir=newer" : ""}`;
  return (
    <>
      <h2 className="mt-10 font-sans text-sm font-semibold tracking-widest text-muted uppercase">Wires</h2>
      {page.items.map((wire) => (
        <WireListItem key={wire.id} wire={wire} headingLevel={3} />
      ))}
      {page.items.length === 0 && <p className="mt-4">{empty}</p>}
      <Pager newerHref={page.newer && href(page.newer, "newer")} olderHref={page.older && href(page.older, "older")} />
    </>
  );
}
