import { apiJson, invalidParameters, notFound } from "@/lib/api/api-response";
import { preflight } from "@/lib/api/cors";
import { decodeSegment, unknownParams } from "@/lib/api/route-input";
import { Provider } from "@/lib/api/schemas/taxonomy";
import { serveApi } from "@/lib/api/serve-api";
import { providerBody } from "@/lib/api/taxonomy-bodies";
import { getProvider } from "@/lib/providers/get-provider";

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/v1/providers/{slug}: one provider. Any of its names or aliases in any case ("Open AI",
 * "OPENAI") answers too, with the canonical slug in the body.
 */
export async function GET(request: Request, { params }: Context) {
  return serveApi(request, async () => {
    const problems = unknownParams(new URL(request.url), []);
    if (problems.length > 0) return invalidParameters(problems);
    const slug = decodeSegment((await params).slug)?.trim();
    const provider = slug && slug.length <= 120 ? await getProvider(slug) : null;
    if (!provider) return notFound("No provider has this slug or name. /api/v1/providers lists them all.");
    return apiJson(request, Provider, providerBody(provider));
  });
}

export function OPTIONS() {
  return preflight();
}
