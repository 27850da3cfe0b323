import { feedPath } from "@/lib/feeds/feed-links";
import type { ArchiveState } from "@/lib/search/archive-query";
import { apiCodePath, apiProviderPath, apiSearchPath } from "./api-paths";
import type { CodeBody, ProviderBody } from "./schemas/taxonomy";

type ProviderFields = Omit<ProviderBody, "links">;
type CodeFields = Omit<CodeBody, "links" | "family">;

const feeds = (state: ArchiveState) => ({ rss: feedPath("archive", "rss", state), atom: feedPath("archive", "atom", state), json: feedPath("archive", "json", state) });

/** A provider as the API gives it: its fields and the addresses of its page, its wires and its feeds. */
export function providerBody(provider: ProviderFields): ProviderBody {
  const state = { provider: [provider.slug] };
  return {
    slug: provider.slug,
    name: provider.name,
    description: provider.description,
    url: provider.url,
    aliases: provider.aliases,
    wireCount: provider.wireCount,
    links: { self: apiProviderPath(provider.slug), html: `/providers/${provider.slug}`, wires: apiSearchPath(state), feeds: feeds(state) },
  };
}

/** A code's fields and links; the family is added by whoever has it. */
export function codeFields(code: CodeFields): Omit<CodeBody, "family"> {
  const state = { code: [code.code] };
  return {
    code: code.code,
    label: code.label,
    definition: code.definition,
    wireCount: code.wireCount,
    links: { self: apiCodePath(code.code), html: `/codes/${code.code}`, wires: apiSearchPath(state), feeds: feeds(state) },
  };
}
