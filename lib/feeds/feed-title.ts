import type { ArchiveState } from "@/lib/search/archive-query";
import { capitalise, isWholeYear, quotedSearch, severityText } from "@/lib/search/archive-state";
import type { FeedKind } from "./feed-links";

export const SITE_NAME = "AI Incident Wire";

/**
 * A feed's title and description, from the search it follows: "AI Incident Wire: OpenAI · M1".
 * `providerNames` maps the slugs in `state` to display names.
 */
export function feedTitle(kind: FeedKind, state: ArchiveState, providerNames: Map<string, string>, size: number): { title: string; description: string } {
  if (kind === "latest") {
    return { title: `${SITE_NAME}: Latest`, description: `The ${size} most recently filed wires about AI incidents, with their severity, providers, codes, sources and rationale.` };
  }
  const parts = [
    ...(state.q ? [quotedSearch(state.q)] : []),
    ...(state.provider ?? []).map((slug) => providerNames.get(slug) ?? slug),
    ...(state.code ?? []).map((code) => (code.length === 1 ? `${code} codes` : code)),
    ...(state.severity ? [severityText(state.severity)] : []),
    ...(state.standard ?? []).map(capitalise),
    ...(state.status ?? []).map(capitalise),
    ...(isWholeYear(state.from, state.to) ? [state.from!.slice(0, 4)] : state.from || state.to ? [`${state.from ?? "…"} to ${state.to ?? "…"}`] : []),
  ];
  if (parts.length === 0) {
    return { title: `${SITE_NAME}: Archive`, description: `The ${size} most recently filed wires of the whole archive.` };
  }
  return {
    title: `${SITE_NAME}: ${parts.join(" · ")}`,
    description: `The ${size} most recently filed wires in the archive search ${parts.join(" · ")}.`,
  };
}
