import { archiveHref, type ArchiveQuery, type ArchiveState, type SearchParams } from "@/lib/search/archive-query";
import type { SearchResult } from "@/lib/search/search-archive";

/** The state every link on the page starts from: the query as understood, without its page cursor. */
export type PageState = ArchiveState & { provider: string[]; code: string[]; standard: string[]; status: string[] };

/**
 * Providers become the slugs the archive resolved (an alias like "Open AI" turns into "openai"), and
 * unknown values stay, so that their chips and messages can remove or replace them. Codes keep a family
 * letter as a letter: "all M codes" stays code=M.
 */
export function pageState(query: ArchiveQuery, result: SearchResult): PageState {
  const unknownProviders = result.unknown?.map((entry) => entry.value) ?? [];
  return {
    q: query.q,
    provider: [...new Set([...result.applied.provider, ...unknownProviders])],
    code: [...new Set(query.code.map((code) => code.toUpperCase()))],
    severity: query.severity,
    standard: query.standard,
    status: query.status,
    from: query.from,
    to: query.to,
  };
}

/** True when the address carries empty fields, as a form submitted without JavaScript does (q=&from=). */
export function hasEmptyParams(params: SearchParams): boolean {
  return Object.values(params).some((value) => (Array.isArray(value) ? value : [value]).some((item) => item !== undefined && item.trim() === ""));
}

export const isWholeYear = (from?: string, to?: string) => Boolean(from && to && from.slice(0, 4) === to.slice(0, 4) && from.endsWith("-01-01") && to.endsWith("-12-31"));

export const severityText = ({ min, max }: { min: number; max: number }) => (min === max ? `SEV-${min}` : `SEV-${min} to SEV-${max}`);

export const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** The search as titles and chips show it: in curly quotes, or as typed when it has quotes of its own (a phrase). */
export const quotedSearch = (q: string) => (/["“”]/.test(q) ? q : `“${q}”`);

/** "Archive: “dall-e api” · OpenAI · M1": the search and each active filter, in the order of the form. */
export function archiveTitle(query: ArchiveQuery, result: SearchResult): string {
  const names = new Map(result.facets.provider.map((facet) => [facet.value, facet.label]));
  const state = pageState(query, result);
  const parts = [
    ...(state.q ? [quotedSearch(state.q)] : []),
    ...state.provider.map((slug) => names.get(slug) ?? slug),
    ...state.code.map((code) => (code.length === 1 ? `${code} codes` : code)),
    ...(state.severity ? [severityText(state.severity)] : []),
    ...state.standard.map(capitalise),
    ...state.status.map(capitalise),
    ...(isWholeYear(state.from, state.to) ? [state.from!.slice(0, 4)] : state.from || state.to ? [`${state.from ?? "…"} to ${state.to ?? "…"}`] : []),
  ];
  return parts.length > 0 ? `Archive: ${parts.join(" · ")}` : "Archive";
}

export type Chip = { key: string; label: string; href: string };

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const day = (value: string) => dayFormat.format(new Date(`${value}T00:00:00Z`));

/** Each active filter as a chip whose link is the same state without it. */
export function activeFilterChips(state: PageState, providerNames: Map<string, string>): Chip[] {
  const without = <K extends "provider" | "code" | "standard" | "status">(key: K, value: string) => archiveHref({ ...state, [key]: state[key].filter((item) => item !== value) });
  const chips: Chip[] = [];
  if (state.q) chips.push({ key: "q", label: `Search: ${quotedSearch(state.q)}`, href: archiveHref({ ...state, q: undefined }) });
  for (const slug of state.provider) chips.push({ key: `p-${slug}`, label: `Provider: ${providerNames.get(slug) ?? slug}`, href: without("provider", slug) });
  for (const code of state.code) chips.push({ key: `c-${code}`, label: code.length === 1 ? `Code: all ${code} codes` : `Code: ${code}`, href: without("code", code) });
  if (state.severity) chips.push({ key: "sev", label: `Severity: ${severityText(state.severity)}`, href: archiveHref({ ...state, severity: undefined }) });
  for (const standard of state.standard) chips.push({ key: `st-${standard}`, label: `Sourcing: ${capitalise(standard)}`, href: without("standard", standard) });
  for (const status of state.status) chips.push({ key: `s-${status}`, label: `Status: ${capitalise(status)}`, href: without("status", status) });
  if (isWholeYear(state.from, state.to)) {
    chips.push({ key: "year", label: `Year: ${state.from!.slice(0, 4)}`, href: archiveHref({ ...state, from: undefined, to: undefined }) });
  } else {
    if (state.from) chips.push({ key: "from", label: `From: ${day(state.from)}`, href: archiveHref({ ...state, from: undefined }) });
    if (state.to) chips.push({ key: "to", label: `To: ${day(state.to)}`, href: archiveHref({ ...state, to: undefined }) });
  }
  return chips;
}
