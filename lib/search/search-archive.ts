import "server-only";
import { LISTS_KEY, recordDependency } from "@/lib/http/render-dependencies";
import { recycle } from "./bitset";
import { SEVERITY_LABELS, STATUS_LABELS } from "@/lib/wires/labels";
import type { WireCard } from "@/lib/wires/wire-card";
import type { ArchiveQuery } from "./archive-query";
import type { FacetCounts, FacetIndex, FacetName, IndexFilter } from "./facet-index";
import { highlightWires, type Highlighted } from "./highlight-wires";
import { indexFilterOf } from "./index-filter";
import { loadSearchIndex } from "./load-search-index";
import { loadWireCards } from "./load-wire-cards";
import { matchText, parseSearchText, type TextMatch } from "./match-text";
import { pageByRank, pageByDate, type ResultPage } from "./result-pages";
import { resolveFilters, type ResolvedFilters } from "./resolve-filters";
import { suggestSpelling } from "./suggest-spelling";
import { loadTaxonomy } from "./taxonomy";

export const SEARCH_PAGE_SIZE = 25;
/** One collator for every sort by label: String.localeCompare builds one per call. */
const LABELS = new Intl.Collator("en");

export type Facet = { value: string; label: string; count: number; selected: boolean };
export type SearchHit = WireCard & { highlight?: { headline: Highlighted; summary: Highlighted } };
export type SearchResult = {
  ordering: "relevance" | "newest";
  total: number;
  items: SearchHit[];
  older?: string;
  newer?: string;
  /** The query as the archive understood it: provider slugs, expanded codes. */
  applied: { provider: string[]; code: string[] };
  facets: Record<FacetName, Facet[]>;
  unknown: ResolvedFilters["unknownProviders"] | null;
  unknownCodes: string[];
  notices: string[];
  suggestion?: string;
  badCursor: boolean;
};

/** Searches the archive: text in PostgreSQL, filters and facet counts in the in-memory index. */
export async function searchArchive(query: ArchiveQuery, options: { limit?: number } = {}): Promise<SearchResult> {
  // Which wires match, their order and every count.
  recordDependency(LISTS_KEY);
  const limit = options.limit ?? SEARCH_PAGE_SIZE;
  // PostgreSQL's reading of the text starts beside the index's refresh; the filters are then resolved
  // in memory, from the taxonomy the refresh checked.
  const [index] = await Promise.all([loadSearchIndex(), query.q ? parseSearchText(query.q) : null]);
  const resolved = await resolveFilters(index, query.provider, query.code);
  const notices: string[] = [];
  let text: TextMatch | undefined;
  if (query.q) {
    text = await matchText(query.q, index);
    if (!text.searchable) {
      notices.push(`“${query.q}” has no words the archive indexes (only very common words or operators), so the text was left out.`);
      text = undefined;
    }
  }
  const filter = indexFilterOf(query, resolved, text?.bits);
  const unknown = resolved.unknownProviders.length > 0 || resolved.unknownCodes.length > 0;
  const mask = index.mask(filter);
  if (unknown) mask.words.fill(0);
  const total = mask.count();
  const days = { from: filter.fromDay, to: filter.toDay };
  let page: ResultPage;
  if (text) {
    const levels = text.levels(mask);
    page = pageByRank(levels, index, query.cursor, query.dir, limit, days);
    recycle(...levels.map((level) => level.bits));
  } else {
    page = pageByDate(index, mask, query.cursor, query.dir, limit, days);
  }
  const [items, facets, suggestion] = await Promise.all([
    loadHits(page.ords, text ? query.q : undefined),
    facetList(index, filter, mask, total, unknown, resolved, query),
    query.q && total < 3 ? suggestSpelling(query.q) : Promise.resolve(undefined),
  ]);
  recycle(mask);
  index.release(filter);
  return {
    ordering: text ? "relevance" : "newest",
    total,
    items,
    older: page.older,
    newer: page.newer,
    applied: { provider: resolved.providers.map((p) => p.slug), code: resolved.codes },
    facets,
    unknown: resolved.unknownProviders.length > 0 ? resolved.unknownProviders : null,
    unknownCodes: resolved.unknownCodes,
    notices,
    suggestion,
    badCursor: page.badCursor,
  };
}

async function loadHits(ords: number[], q: string | undefined): Promise<SearchHit[]> {
  if (ords.length === 0) return [];
  const [cards, marks] = await Promise.all([loadWireCards(ords), q ? highlightWires(ords, q) : Promise.resolve(undefined)]);
  return ords.flatMap((ord) => {
    const card = cards.get(ord);
    if (!card) return [];
    const hit: SearchHit = card;
    const mark = marks?.get(ord);
    if (mark) hit.highlight = mark;
    return [hit];
  });
}

/** Each facet's counts reflect every other active filter, and not its own. */
async function facetList(
  index: FacetIndex,
  filter: IndexFilter,
  mask: ReturnType<FacetIndex["mask"]>,
  total: number,
  unknown: boolean,
  resolved: ResolvedFilters,
  query: ArchiveQuery,
): Promise<Record<FacetName, Facet[]>> {
  const active: Record<FacetName, boolean> = {
    provider: (filter.providerIds?.length ?? 0) > 0,
    code: (filter.codes?.length ?? 0) > 0,
    severity: Boolean(filter.severity),
    standard: (filter.standards?.length ?? 0) > 0,
    status: (filter.statuses?.length ?? 0) > 0,
    year: filter.fromDay !== undefined || filter.toDay !== undefined,
  };
  const names = Object.keys(active) as FacetName[];
  const nothingActive = !filter.text && !unknown && names.every((name) => !active[name]);
  const base = nothingActive ? index.allCounts() : index.count(mask, names.filter((name) => !active[name]), total);
  // A facet whose filter is the only one active counts over every listed wire: the cached counts.
  const alone = (name: FacetName) => !filter.text && !unknown && names.every((other) => other === name || !active[other]);
  const countsFor = (name: FacetName): FacetCounts => {
    if (!active[name]) return base;
    if (alone(name)) return index.allCounts();
    const others = index.mask(filter, name);
    if (unknown) others.words.fill(0);
    const counts = index.count(others, [name]);
    recycle(others);
    return counts;
  };
  const provider = countsFor("provider");
  const code = countsFor("code");
  const taxonomy = await loadTaxonomy(index.taxonomy);
  const providerIds = new Set([...provider.provider.keys(), ...(filter.providerIds ?? [])]);
  const providerRows = [...providerIds].flatMap((id) => taxonomy.providers.get(id) ?? []);
  const codeRows = taxonomy.codes;
  const selectedProviders = new Set(resolved.providers.map((p) => p.id));
  const selectedCodes = new Set(resolved.codes);
  const byCount = (a: Facet, b: Facet) => Number(b.selected) - Number(a.selected) || b.count - a.count || LABELS.compare(a.label, b.label);
  const severity = countsFor("severity");
  const standard = countsFor("standard");
  const status = countsFor("status");
  const year = countsFor("year");
  return {
    provider: providerRows
      .map((p) => ({ value: p.slug, label: p.name, count: provider.provider.get(p.id) ?? 0, selected: selectedProviders.has(p.id) }))
      .sort(byCount),
    code: codeRows.map((c) => ({ value: c.code, label: c.label, count: code.code.get(c.code) ?? 0, selected: selectedCodes.has(c.code) })),
    severity: [1, 2, 3, 4, 5].map((n) => ({
      value: String(n),
      label: `SEV-${n} ${SEVERITY_LABELS[n]}`,
      count: severity.severity[n] ?? 0,
      selected: Boolean(query.severity && n >= query.severity.min && n <= query.severity.max),
    })),
    standard: (["provisional", "standard", "confirmed"] as const).map((s, i) => ({
      value: s,
      label: s[0]!.toUpperCase() + s.slice(1),
      count: standard.standard[i] ?? 0,
      selected: query.standard.includes(s),
    })),
    status: (["published", "corrected", "withdrawn"] as const).map((s, i) => ({
      value: s,
      label: STATUS_LABELS[s.toUpperCase() as keyof typeof STATUS_LABELS],
      count: status.status[i] ?? 0,
      selected: query.status.includes(s),
    })),
    year: [...year.year.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([y, count]) => ({ value: String(y), label: String(y), count, selected: query.from === `${y}-01-01` && query.to === `${y}-12-31` })),
  };
}
