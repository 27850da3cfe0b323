import "server-only";
import { cache } from "react";
import type { ArchiveQuery } from "@/lib/search/archive-query";
import { searchArchive } from "@/lib/search/search-archive";

// React's cache keys on argument identity: a string key lets generateMetadata and the page share one search.
const searchOnce = cache((key: string) => searchArchive(JSON.parse(key) as ArchiveQuery));

/** The archive search for this request, run once however many parts of the page ask for it. */
export const runSearch = (query: ArchiveQuery) => searchOnce(JSON.stringify(query));
