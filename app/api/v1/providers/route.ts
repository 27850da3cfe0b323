import { apiJson, invalidParameters } from "@/lib/api/api-response";
import { preflight } from "@/lib/api/cors";
import { listProvidersInFull } from "@/lib/api/list-providers-in-full";
import { unknownParams } from "@/lib/api/route-input";
import { ProviderList } from "@/lib/api/schemas/taxonomy";
import { serveApi } from "@/lib/api/serve-api";
import { providerBody } from "@/lib/api/taxonomy-bodies";

/** GET /api/v1/providers: every provider, by name, with its other names and its number of wires. */
export async function GET(request: Request) {
  return serveApi(request, async () => {
    const problems = unknownParams(new URL(request.url), []);
    if (problems.length > 0) return invalidParameters(problems);
    const providers = await listProvidersInFull();
    return apiJson(request, ProviderList, { total: providers.length, providers: providers.map(providerBody) });
  });
}

export function OPTIONS() {
  return preflight();
}
