import type { Metadata } from "next";
import { FollowLinks } from "@/components/follow-links";
import { Pager } from "@/components/pager";
import { WireListItem } from "@/components/wire-list-item";
import { listLatestWires } from "@/lib/wires/list-latest-wires";
import { parseArchiveQuery, type SearchParams } from "@/lib/search/archive-query";
import { feedAlternates } from "@/lib/feeds/feed-links";

export const metadata: Metadata = {
  title: { absolute: "Latest · AI Incident Wire" },
  description: "The newest wires about AI incidents, each with its severity, providers, codes and sources.",
  alternates: { canonical: "/", ...feedAlternates("latest") },
};

export default async function LatestPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseArchiveQuery(await searchParams);
  const { cursor, dir } = query.success ? query.data : { cursor: undefined, dir: undefined };
  const page = await listLatestWires({ cursor, direction: dir });
  const href = (value: string, direction: "older" | "newer") => `/?cursor=${value}${direction === "newer" ? "&dir=newer" : ""}`;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-sans text-sm font-semibold tracking-widest text-muted uppercase">Latest wires</h1>
      <FollowLinks kind="latest" subject="the latest wires" className="mt-2" />
      {page.items.length === 0 ? (
        <p className="mt-6">No wires on this page. <a href="/">Back to the newest wires</a>.</p>
      ) : (
        <div className="mt-2">
          {page.items.map((wire) => (
            <WireListItem key={wire.id} wire={wire} />
          ))}
        </div>
      )}
      <Pager newerHref={page.newer && href(page.newer, "newer")} olderHref={page.older && href(page.older, "older")} />
    </div>
  );
}
