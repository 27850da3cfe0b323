import { apiJson, invalidParameters } from "@/lib/api/api-response";
import { preflight } from "@/lib/api/cors";
import { historyBody } from "@/lib/api/history-body";
import { positiveIntParam, unknownParams, wireIdParam } from "@/lib/api/route-input";
import { RationaleHistory } from "@/lib/api/schemas/rationale";
import { serveApi } from "@/lib/api/serve-api";
import { wireNotFound } from "@/lib/api/wire-answers";
import { listRationaleHistory } from "@/lib/rationale/list-rationale-history";

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/v1/wires/{id}/history[?before=N]: the rationale's versions, newest first, 25 a page;
 * `before` shows the versions older than N. A merged wire's history stays at its own id, as its
 * page does.
 */
export async function GET(request: Request, { params }: Context) {
  return serveApi(request, async () => {
    const url = new URL(request.url);
    const before = positiveIntParam(url, "before");
    const problems = [...unknownParams(url, ["before"]), ...(before.problem ? [before.problem] : [])];
    if (problems.length > 0) return invalidParameters(problems);
    const id = wireIdParam((await params).id);
    const history = id ? await listRationaleHistory(id, { beforeVersion: before.value }) : null;
    if (!history) return wireNotFound(id);
    return apiJson(request, RationaleHistory, historyBody(history, before.value));
  });
}

export function OPTIONS() {
  return preflight();
}
