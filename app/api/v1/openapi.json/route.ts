import { apiJson, invalidParameters } from "@/lib/api/api-response";
import { preflight } from "@/lib/api/cors";
import { openApiDocument } from "@/lib/api/openapi-document";
import { unknownParams } from "@/lib/api/route-input";
import { serveApi } from "@/lib/api/serve-api";
import { publicBaseUrl } from "@/lib/feeds/public-base-url";
import { z } from "zod";

// The document is checked by an OpenAPI validator in the tests; here it only has to be an object.
const Document = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of this API, built from its zod schemas. */
export async function GET(request: Request) {
  return serveApi(request, async () => {
    const problems = unknownParams(new URL(request.url), []);
    if (problems.length > 0) return invalidParameters(problems);
    return apiJson(request, Document, openApiDocument(publicBaseUrl(request)));
  });
}

export function OPTIONS() {
  return preflight();
}
