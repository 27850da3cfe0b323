import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ArchiveActiveFilters } from "@/components/archive-active-filters";
import { ArchiveFilters } from "@/components/archive-filters";
import { ArchiveMessages, ArchiveQueryProblems } from "@/components/archive-messages";
import { DownloadLinks } from "@/components/download-links";
import { FollowLinks } from "@/components/follow-links";
import { SearchBox } from "@/components/search-box";
import { ResultCount, SearchResults } from "@/components/search-results";
import { listFamilyNames } from "@/lib/codes/list-family-names";
import { feedAlternates } from "@/lib/feeds/feed-links";
import { archiveHref, parseArchiveQuery, queryProblems, type SearchParams } from "@/lib/search/archive-query";
import { activeFilterChips, archiveTitle, hasEmptyParams, pageState } from "@/lib/search/archive-state";
import { runSearch } from "@/lib/search/run-search";
import type { SearchResult } from "@/lib/search/search-archive";

type Props = { searchParams: Promise<SearchParams> };

const FORM_ID = "archive-search";
const DESCRIPTION = "Search every wire in the archive, and filter by provider, code, severity, sourcing standard, status and date.";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  const query = parseArchiveQuery(params);
  if (!query.success || hasEmptyParams(params)) return { title: "Archive", description: DESCRIPTION, alternates: { canonical: "/archive" } };
  const result = await runSearch(query.data);
  const state = pageState(query.data, result);
  const feeds = followable(result) && feedAlternates("archive", state, providerNamesOf(result));
  // One address per search: parameters in the archive's order, providers by slug, without a page cursor.
  const canonical = archiveHref(state);
  return { title: archiveTitle(query.data, result), description: DESCRIPTION, alternates: { canonical, ...(feeds || {}) } };
}

// A search with an unknown provider or code, or text the archive ignores, has no feed to follow.
const followable = (result: SearchResult) => result.unknown === null && result.unknownCodes.length === 0 && result.notices.length === 0;
const providerNamesOf = (result: SearchResult) => new Map(result.facets.provider.map((facet) => [facet.value, facet.label]));

export default async function ArchivePage({ searchParams }: Props) {
  const params = await searchParams;
  const query = parseArchiveQuery(params);
  if (!query.success) {
    // A malformed address is the reader's to fix, not a server error: the page says what is wrong, with status 200.
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="text-3xl font-semibold">Archive</h1>
        <ArchiveQueryProblems problems={queryProblems(query.error)} />
      </div>
    );
  }
  // A form sent without JavaScript names every field, empty or not: one address per state.
  if (hasEmptyParams(params)) redirect(archiveHref(query.data));

  const [result, families] = await Promise.all([runSearch(query.data), listFamilyNames()]);
  const state = pageState(query.data, result);
  const providerNames = new Map(result.facets.provider.map((facet) => [facet.value, facet.label]));
  const quiet = result.unknown !== null || result.unknownCodes.length > 0;
  return (
    <div>
      <h1 className="text-3xl font-semibold">Archive</h1>
      <p className="mt-1 font-sans text-sm text-muted">Every wire, newest first by the date of the event, or by relevance when you search.</p>
      <div className="mt-6 grid gap-x-10 md:grid-cols-[minmax(0,1fr)_16rem] md:grid-rows-[auto_auto_1fr]">
        <div className="min-w-0 md:col-start-1 md:row-start-1">
          <SearchBox form={FORM_ID} q={state.q} />
        </div>
        <div className="mb-8 min-w-0 md:col-start-1 md:row-start-2">
          <ArchiveActiveFilters chips={activeFilterChips(state, providerNames)} />
          <ArchiveMessages result={result} state={state} />
          <ResultCount result={result} />
          {followable(result) && <FollowLinks kind="archive" state={state} subject="this search" className="mt-3" />}
          {followable(result) && result.total > 0 && <DownloadLinks state={state} total={result.total} className="mt-1" />}
        </div>
        <aside aria-label="Filters" className="mb-8 min-w-0 md:col-start-2 md:row-span-3 md:row-start-1">
          <ArchiveFilters formId={FORM_ID} stateKey={archiveHref(state)} state={state} facets={result.facets} families={families} />
        </aside>
        <div className="min-w-0 md:col-start-1 md:row-start-3">
          <SearchResults result={result} state={state} quiet={quiet} />
        </div>
      </div>
    </div>
  );
}
