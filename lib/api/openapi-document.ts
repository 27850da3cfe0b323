import { z } from "zod";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { SEARCH_PARAMS } from "@/lib/search/archive-query";
import { apiOperations } from "./openapi-operations";
import { apiRegistry } from "./schemas/registry";
// The schema modules register their named schemas when loaded: every one must be loaded here.
import "./schemas/common";
import "./schemas/osv-record";
import "./schemas/rationale";
import "./schemas/taxonomy";
import "./schemas/wire-detail";
import "./schemas/wire-list";

export const API_VERSION = "1.0.0";

/**
 * The OpenAPI 3.1 document of /api/v1, built from the same zod schemas that check the responses:
 * each named schema is a component (OpenAPI 3.1 schemas are JSON Schema 2020-12, which
 * z.toJSONSchema writes), and the operations point at them. `base` is the archive's address.
 */
export function openApiDocument(base: string) {
  const { schemas } = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}`, target: "draft-2020-12", io: "output", unrepresentable: "throw" });
  const components = Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      // Components are not documents of their own: no $schema or $id (an $id with a fragment is not allowed).
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
  const limit = env().ARCHIVE_API_RATE_LIMIT;
  return {
    openapi: "3.1.1",
    info: {
      title: "AI Incident Wire API",
      version: API_VERSION,
      summary: "Read the archive of AI incident wires: search, wires in full, OSV-style records, providers, codes and rationale histories.",
      description: [
        "Every answer is JSON. Reads are open to any site (CORS: `Access-Control-Allow-Origin: *`, no credentials) and may be cached for 60 seconds; each carries an ETag, and a request with a matching `If-None-Match` gets a 304.",
        `Each client address may make ${limit > 0 ? `${limit} requests a minute (bursts up to as many)` : "any number of requests (the limit is off on this server)"}; beyond that the answer is a 429 with \`Retry-After\` in seconds. \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\` report the client's budget.`,
        "Bad input gets a 400 whose `problems` name each parameter at fault; unknown ids a 404; errors never carry internals.",
        `The search takes exactly the archive page's parameters (${SEARCH_PARAMS.join(", ")}) and pages with opaque cursors: follow \`links.older\` and \`links.newer\`.`,
      ].join("\n\n"),
      license: { name: "The archive's terms", url: `${base}/guides/editors-guide` },
    },
    servers: [{ url: base }],
    tags: [
      { name: "wires", description: "The archive's wires." },
      { name: "rationale", description: "Why each wire is an AI incident, and every version of that text." },
      { name: "taxonomy", description: "Providers and classification codes." },
      { name: "meta", description: "This document." },
    ],
    paths: apiOperations(),
    components: {
      schemas: components,
      responses: {
        BadRequest: errorResponse("A parameter is malformed or unknown: `problems` names each one."),
        NotFound: errorResponse("Nothing has this id, slug or code."),
        TooManyRequests: {
          ...errorResponse("This client address made too many requests: wait `Retry-After` seconds."),
          headers: { "Retry-After": { description: "Seconds to wait before the next request.", schema: { type: "integer", minimum: 1 } } },
        },
        InternalError: errorResponse("The archive could not answer; nothing about its internals is said."),
        NotModified: { description: "The client's copy (its ETag in If-None-Match) is current.", headers: { ETag: { $ref: "#/components/headers/ETag" } } },
      },
      headers: {
        ETag: { description: "A strong validator of the body.", schema: { type: "string" } },
        "RateLimit-Limit": { description: "Requests a minute this client address may make.", schema: { type: "integer" } },
        "RateLimit-Remaining": { description: "Requests left right now.", schema: { type: "integer" } },
        "RateLimit-Reset": { description: "Seconds until the budget is full again.", schema: { type: "integer" } },
      },
      securitySchemes: {
        editorSession: { type: "apiKey", in: "cookie", name: sessionCookieName(), description: "An editor's session cookie, set by signing in on the archive's pages. Only for the amendment route, and only from the archive's own pages." },
      },
    },
  };
}

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } };
}
