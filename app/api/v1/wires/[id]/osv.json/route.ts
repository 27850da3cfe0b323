import { apiJson, invalidParameters } from "@/lib/api/api-response";
import { buildOsvRecord } from "@/lib/api/build-osv-record";
import { preflight } from "@/lib/api/cors";
import { loadWireRecord } from "@/lib/api/load-wire-record";
import { unknownParams, wireIdParam } from "@/lib/api/route-input";
import { OsvRecord } from "@/lib/api/schemas/osv-record";
import { serveApi } from "@/lib/api/serve-api";
import { mergedRedirect, wireNotFound } from "@/lib/api/wire-answers";
import { publicBaseUrl } from "@/lib/feeds/public-base-url";

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/v1/wires/{id}/osv.json: one wire as a self-contained record shaped like an OSV advisory.
 * A merged wire's id answers 308 with the surviving wire's record, which lists it among its aliases.
 */
export async function GET(request: Request, { params }: Context) {
  return serveApi(request, async () => {
    const problems = unknownParams(new URL(request.url), []);
    if (problems.length > 0) return invalidParameters(problems);
    const id = wireIdParam((await params).id);
    const record = id ? await loadWireRecord(id) : { status: "missing" as const };
    if (record.status === "missing") return wireNotFound(id);
    if (record.status === "merged") return mergedRedirect(record, "/osv.json");
    return apiJson(request, OsvRecord, await buildOsvRecord(record, publicBaseUrl(request)));
  });
}

export function OPTIONS() {
  return preflight();
}
