import { archiveHref, type ArchiveState } from "@/lib/search/archive-query";

/** The API's own addresses, in one place so that bodies, redirects and the OpenAPI document agree. */
export const API_BASE = "/api/v1";

export const apiWirePath = (id: string) => `${API_BASE}/wires/${id}`;
export const apiProviderPath = (slug: string) => `${API_BASE}/providers/${encodeURIComponent(slug)}`;
export const apiCodePath = (code: string) => `${API_BASE}/codes/${code}`;
export const apiSearchPath = (state: ArchiveState) => archiveHref(state, `${API_BASE}/wires`);
