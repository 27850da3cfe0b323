import type { Metadata } from "next";
import { ActiveFilters, ArchiveFilters } from "@/components/archive-filters";
import { Pager } from "@/components/pager";
import { WireListItem } from "@/components/wire-list-item";
import { listCodeFamilies } from "@/lib/codes/list-code-families";
import { resolveCodes } from "@/lib/codes/resolve-codes";
import { formatMonth } from "@/lib/format/format-date";
import { listProviders } from "@/lib/providers/list-providers";
import { resolveProviders } from "@/lib/providers/resolve-providers";
import { archiveHref, parseArchiveQuery, type SearchParams } from "@/lib/search/archive-query";
import { listArchiveWires } from "@/lib/wires/list-archive-wires";
import type { WireCard } from "@/lib/wires/wire-card";

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const query = parseArchiveQuery(await searchParams);
  const filters = query.success ? [...query.data.provider, ...query.data.code] : [];
  return {
    title: filters.length > 0 ? `Archive: ${filters.join(", ")}` : "Archive",
    description: "Every wire in the archive by month, filterable by provider and code.",
  };
}

function byMonth(wires: WireCard[]): [string, WireCard[]][] {
  const groups = new Map<string, WireCard[]>();
  for (const wire of wires) {
    const month = wire.occurredOn.slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), wire]);
  }
  return [...groups];
}

export default async function ArchivePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseArchiveQuery(await searchParams);
  if (!query.success) {
    return (
      <div role="alert" className="mx-auto max-w-3xl">
        <h1 className="text-2xl font-semibold">This archive address has a problem</h1>
        <ul className="mt-4 list-disc pl-6">
          {query.error.issues.map((issue, index) => (
            <li key={index}>
              <strong className="font-sans">{issue.path.join(".") || "query"}</strong>: {issue.message}
            </li>
          ))}
        </ul>
        <p className="mt-4"><a href="/archive">Open the whole archive</a></p>
      </div>
    );
  }
  const [providers, codes, allProviders, families] = await Promise.all([
    resolveProviders(query.data.provider),
    resolveCodes(query.data.code),
    listProviders(),
    listCodeFamilies(),
  ]);
  const active = { provider: providers.found.map((p) => p.slug), code: codes.found.map((c) => c.code) };
  const unknown = [...providers.unknown.map((value) => `provider “${value}”`), ...codes.unknown.map((value) => `code “${value}”`)];
  const page =
    unknown.length > 0
      ? { items: [], older: undefined, newer: undefined }
      : await listArchiveWires({ providerIds: providers.found.map((p) => p.id), codes: active.code }, { cursor: query.data.cursor, direction: query.data.dir });
  const names = new Map(providers.found.map((p) => [`p:${p.slug}`, p.name]));
  return (
    <div className="grid gap-10 md:grid-cols-[1fr_15rem]">
      <div className="min-w-0">
        <h1 className="text-3xl font-semibold">Archive</h1>
        <p className="mt-1 font-sans text-sm text-muted">Every wire, by the date of the event, newest first.</p>
        <div className="mt-4">
          <ActiveFilters active={active} names={names} />
        </div>
        {unknown.length > 0 && (
          <div role="alert" className="mt-6 border-l-4 border-ink pl-4">
            <p>The archive has no {unknown.join(" and no ")}. Check the spelling, or pick one from the lists.</p>
          </div>
        )}
        {unknown.length === 0 && page.items.length === 0 && <p className="mt-6">No wires match these filters.</p>}
        {byMonth(page.items).map(([month, wires]) => (
          <section key={month} aria-labelledby={`m-${month}`} className="mt-8">
            <h2 id={`m-${month}`} className="font-sans text-sm font-semibold tracking-widest text-muted uppercase">
              {formatMonth(`${month}-01`)}
            </h2>
            {wires.map((wire) => (
              <WireListItem key={wire.id} wire={wire} headingLevel={3} />
            ))}
          </section>
        ))}
        <Pager
          newerHref={page.newer && archiveHref({ ...active, cursor: page.newer, dir: "newer" })}
          olderHref={page.older && archiveHref({ ...active, cursor: page.older })}
        />
      </div>
      <aside aria-label="Filters">
        <ArchiveFilters active={active} providers={allProviders} families={families} />
      </aside>
    </div>
  );
}
