import { NextResponse, type NextRequest } from "next/server";
import { apiJson, invalidParameters } from "@/lib/api/api-response";
import { preflight } from "@/lib/api/cors";
import { rationaleBody } from "@/lib/api/rationale-body";
import { unknownParams, wireIdParam } from "@/lib/api/route-input";
import { CurrentRationale } from "@/lib/api/schemas/rationale";
import { serveApi } from "@/lib/api/serve-api";
import { wireNotFound } from "@/lib/api/wire-answers";
import { authorizeMutation } from "@/lib/auth/authorize-mutation";
import { amendRationale } from "@/lib/rationale/amend-rationale";
import { getWire } from "@/lib/wires/get-wire";

const MAX_BODY_BYTES = 64 * 1024;
const noStore = { "Cache-Control": "no-store" };

/**
 * GET /api/v1/wires/{id}/rationale: the current rationale, for anyone, from any site. The id in any
 * case; a merged wire keeps its last rationale here. CORS covers this read only: the POST below
 * answers other sites with nothing they may read, and the preflight never allows it.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return serveApi(request, async () => {
    const problems = unknownParams(request.nextUrl, []);
    if (problems.length > 0) return invalidParameters(problems);
    const id = wireIdParam((await params).id);
    const wire = id ? await getWire(id) : null;
    if (!wire) return wireNotFound(id);
    return apiJson(request, CurrentRationale, await rationaleBody(wire));
  });
}

export function OPTIONS() {
  return preflight(["POST"]);
}

/**
 * POST /api/v1/wires/{id}/rationale: amends a wire's rationale, for editors' tools. The same checks
 * as the amend form: a session cookie of an enabled editor, a same-origin request, a version check in
 * the database. Body: {"baseVersion": 3, "text": "...", "test": "...", "reason": "..."}.
 * 200 with the new version; 409 with the current rationale when someone saved first; 400 naming fields.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const authorization = await authorizeMutation();
  if (!authorization.ok) return NextResponse.json({ error: "unauthorized", message: authorization.message }, { status: authorization.status, headers: noStore });
  const body = await readJson(request);
  if (!body.ok) return NextResponse.json({ error: "invalid_body", message: body.message }, { status: 400, headers: noStore });
  const { id } = await params;
  const field = (name: string) => (typeof body.value[name] === "string" || typeof body.value[name] === "number" ? String(body.value[name]) : "");
  const { editor } = authorization.session;
  try {
    const result = await amendRationale({
      wireId: decodeURIComponent(id),
      baseVersion: field("baseVersion"),
      text: field("text"),
      test: field("test"),
      reason: field("reason"),
      editor: { id: editor.id, displayName: editor.displayName },
      address: authorization.address,
    });
    switch (result.status) {
      case "ok":
        return NextResponse.json({ status: "ok", version: result.version, rationale: result.rationale }, { headers: noStore });
      case "unchanged":
        return NextResponse.json({ status: "unchanged", rationale: result.rationale }, { headers: noStore });
      case "conflict":
        return NextResponse.json({ status: "conflict", current: result.current, latestChange: result.latestChange, attempted: result.attempted }, { status: 409, headers: noStore });
      case "invalid":
        return NextResponse.json({ status: "invalid", problems: Object.entries(result.fieldErrors).map(([param, message]) => ({ param, message })) }, { status: 400, headers: noStore });
      case "not-amendable":
        return NextResponse.json({ status: "not-amendable", wireStatus: result.wireStatus, mergedInto: result.mergedInto }, { status: 409, headers: noStore });
      case "not-found":
      case "no-such-version":
        return NextResponse.json({ status: "not-found", message: "No such wire, or it has no rationale." }, { status: 404, headers: noStore });
    }
  } catch (error) {
    console.error("[api] amendment failed", error);
    return NextResponse.json({ error: "internal_error", message: "The amendment could not be saved. Nothing was changed." }, { status: 500, headers: noStore });
  }
}

async function readJson(request: NextRequest): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; message: string }> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) return { ok: false, message: "send the body as application/json" };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, message: `the body is larger than ${MAX_BODY_BYTES / 1024} KiB` };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: "the body must be a JSON object" };
    return { ok: true, value: value as Record<string, unknown> };
  } catch {
    return { ok: false, message: "the body is not valid JSON" };
  }
}
