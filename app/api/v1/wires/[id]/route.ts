import { apiJson, invalidParameters } from "@/lib/api/api-response";
import { preflight } from "@/lib/api/cors";
import { loadWireRecord } from "@/lib/api/load-wire-record";
import { unknownParams, wireIdParam } from "@/lib/api/route-input";
import { Wire } from "@/lib/api/schemas/wire-detail";
import { serveApi } from "@/lib/api/serve-api";
import { mergedRedirect, wireNotFound } from "@/lib/api/wire-answers";
import { wireBody } from "@/lib/api/wire-body";
import { listRelatedWires } from "@/lib/wires/list-related-wires";

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/v1/wires/{id}: one wire in full; the id in any case. A merged wire's id answers 308
 * with the surviving wire's address (and a body naming it); an unknown id, a JSON 404.
 */
export async function GET(request: Request, { params }: Context) {
  return serveApi(request, async () => {
    const problems = unknownParams(new URL(request.url), []);
    if (problems.length > 0) return invalidParameters(problems);
    const id = wireIdParam((await params).id);
    const record = id ? await loadWireRecord(id) : { status: "missing" as const };
    if (record.status === "missing") return wireNotFound(id);
    if (record.status === "merged") return mergedRedirect(record);
    return apiJson(request, Wire, await wireBody(record, await listRelatedWires(record.wire)));
  });
}

export function OPTIONS() {
  return preflight();
}
