import "server-only";
import type { MutationAuthorization } from "./editor-session";
import { authorizeRequest, type AuthorizeOptions } from "./authorize-request";
import { readRequestFacts } from "./read-request-facts";

/**
 * Security boundary for every Server Action and route handler that writes: refuses other sites'
 * requests (403), requests without a live session of an enabled editor (401), and, with
 * `{ role: "ADMIN" }`, editors who are not administrators (403). Never trust a page-level check instead.
 */
export async function authorizeMutation(options: AuthorizeOptions = {}): Promise<MutationAuthorization> {
  return authorizeRequest(await readRequestFacts(), options);
}
