import { apiJson, invalidParameters } from "@/lib/api/api-response";
import { preflight } from "@/lib/api/cors";
import { unknownParams } from "@/lib/api/route-input";
import { CodeList } from "@/lib/api/schemas/taxonomy";
import { serveApi } from "@/lib/api/serve-api";
import { codeFields } from "@/lib/api/taxonomy-bodies";
import { listCodeFamilies } from "@/lib/codes/list-code-families";

/** GET /api/v1/codes: the whole taxonomy, family by family, each code with its definition. */
export async function GET(request: Request) {
  return serveApi(request, async () => {
    const problems = unknownParams(new URL(request.url), []);
    if (problems.length > 0) return invalidParameters(problems);
    const families = await listCodeFamilies();
    return apiJson(request, CodeList, {
      total: families.reduce((sum, family) => sum + family.codes.length, 0),
      families: families.map((family) => ({ letter: family.letter, name: family.name, description: family.description, codes: family.codes.map(codeFields) })),
    });
  });
}

export function OPTIONS() {
  return preflight();
}
