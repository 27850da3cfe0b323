import type { SearchHit } from "@/lib/search/search-archive";
import { wirePath } from "@/lib/wires/wire-card";
import { apiWirePath } from "./api-paths";
import type { WireSummaryBody } from "./schemas/wire-list";

export const providerRef = ({ slug, name }: { slug: string; name: string }) => ({ slug, name });
export const codeRef = ({ code, label }: { code: string; label: string }) => ({ code, label });

/**
 * A search hit as the API lists it. The fields are named one by one: what lists show may grow,
 * the API's documented shape changes only on purpose.
 */
export function wireSummary(wire: SearchHit): WireSummaryBody {
  return {
    id: wire.id,
    slug: wire.slug,
    headline: wire.headline,
    summary: wire.summary,
    occurredOn: wire.occurredOn,
    publishedAt: wire.publishedAt,
    severity: wire.severity,
    sourcingStandard: wire.sourcingStandard,
    status: wire.status,
    sourceCount: wire.sourceCount,
    providers: wire.providers.map(providerRef),
    codes: wire.codes.map(codeRef),
    url: wirePath(wire),
    apiUrl: apiWirePath(wire.id),
    highlight: wire.highlight ?? null,
  };
}
