import type { SearchResult } from "@/lib/search/search-archive";
import type { ArchiveState } from "@/lib/search/archive-query";
import { ArchiveForm } from "./archive-form";
import { archiveFiltersHtml } from "./archive-filters-html";

type Props = { formId: string; stateKey: string; state: ArchiveState; facets: SearchResult["facets"]; families: { letter: string; name: string }[] };

/**
 * The filter panel: one GET form of checkboxes, a severity select and dates; every count reflects the
 * other filters. Its contents are written as HTML (components/archive-filters-html.ts says why).
 */
export function ArchiveFilters({ formId, stateKey, state, facets, families }: Props) {
  return (
    <ArchiveForm id={formId} stateKey={stateKey} className="font-sans text-sm">
      <div className="space-y-6" dangerouslySetInnerHTML={{ __html: archiveFiltersHtml(state, facets, families) }} />
    </ArchiveForm>
  );
}
