import { apiJson, invalidParameters, notFound } from "@/lib/api/api-response";
import { preflight } from "@/lib/api/cors";
import { decodeSegment, unknownParams } from "@/lib/api/route-input";
import { Code } from "@/lib/api/schemas/taxonomy";
import { serveApi } from "@/lib/api/serve-api";
import { codeFields } from "@/lib/api/taxonomy-bodies";
import { getCode } from "@/lib/codes/get-code";

type Context = { params: Promise<{ code: string }> };

/** GET /api/v1/codes/{code}: one code with its definition and family; the code in any case (m1). */
export async function GET(request: Request, { params }: Context) {
  return serveApi(request, async () => {
    const problems = unknownParams(new URL(request.url), []);
    if (problems.length > 0) return invalidParameters(problems);
    const code = decodeSegment((await params).code)?.trim();
    const found = code && /^[A-Za-z]\d{1,3}$/.test(code) ? await getCode(code) : null;
    if (!found) return notFound("No code is spelt like this. Codes are a family letter and a number, such as M1; /api/v1/codes lists them all.");
    return apiJson(request, Code, { ...codeFields(found), family: found.family });
  });
}

export function OPTIONS() {
  return preflight();
}
