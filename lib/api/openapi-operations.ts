import { STANDARDS, STATUSES } from "@/lib/search/archive-query";
import { SEARCH_PAGE_SIZE } from "@/lib/search/search-archive";

type Parameter = { name: string; in: "query" | "path"; required?: boolean; description: string; schema: Record<string, unknown>; style?: "form"; explode?: boolean; example?: unknown };

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const use = (name: string) => ({ $ref: `#/components/responses/${name}` });
const rateHeaders = {
  ETag: { $ref: "#/components/headers/ETag" },
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};

/** A read: its 200 body, the 304, and the errors every read can answer with. */
function read(options: { id: string; tag: string; summary: string; description: string; body: string; parameters?: Parameter[]; notFound?: boolean; merged?: boolean }) {
  return {
    get: {
      operationId: options.id,
      tags: [options.tag],
      summary: options.summary,
      description: options.description,
      parameters: options.parameters ?? [],
      responses: {
        200: { description: options.summary, headers: rateHeaders, content: { "application/json": { schema: ref(options.body) } } },
        304: use("NotModified"),
        ...(options.merged
          ? { 308: { description: "The id is a merged wire's: Location is the same view of the wire that survived it.", headers: { Location: { schema: { type: "string" } } }, content: { "application/json": { schema: ref("MergedWire") } } } }
          : {}),
        400: use("BadRequest"),
        ...(options.notFound ? { 404: use("NotFound") } : {}),
        429: use("TooManyRequests"),
        500: use("InternalError"),
      },
    },
  };
}

const wireId: Parameter = { name: "id", in: "path", required: true, description: "A wire id, in any case.", schema: { type: "string" }, example: "AIW-2022-0001" };
const list = (name: string, description: string, items: Record<string, unknown> = { type: "string" }): Parameter => ({
  name,
  in: "query",
  description: `${description} Repeat the parameter or separate values with commas; up to 20 values.`,
  schema: { type: "array", items },
  style: "form",
  explode: true,
});
const text = (name: string, description: string, extra: Record<string, unknown> = {}): Parameter => ({ name, in: "query", description, schema: { type: "string", ...extra } });

const searchParameters: Parameter[] = [
  text("q", "Search text: words, \"a phrase\", or, -word. Results then come by relevance.", { maxLength: 200 }),
  list("provider", "Provider slugs, names or aliases, in any case."),
  list("code", "Codes (M1) or family letters (M, for all its codes).", { type: "string", pattern: "^[A-Za-z]\\d{0,3}$" }),
  text("severity", "One severity (2) or a range (2-4), 1 the gravest.", { pattern: "^[1-5](-[1-5])?$" }),
  list("standard", "Sourcing standards.", { type: "string", enum: [...STANDARDS] }),
  list("status", "Statuses; merged wires are never listed.", { type: "string", enum: [...STATUSES] }),
  text("from", "Events from this date: YYYY, YYYY-MM or YYYY-MM-DD.", { pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" }),
  text("to", "Events up to this date: YYYY, YYYY-MM or YYYY-MM-DD (the whole year or month).", { pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" }),
  text("cursor", "Where a page starts: take it from `links.older` or `links.newer`, never build it.", { maxLength: 200 }),
  text("dir", "Which way from the cursor: older (the default) or newer.", { enum: ["older", "newer"] }),
];

/** Every path of /api/v1 with its operations. */
export function apiOperations() {
  return {
    "/api/v1/wires": read({
      id: "searchWires",
      tag: "wires",
      summary: "Search the archive",
      description: `The archive's search with exactly its parameters, ${SEARCH_PAGE_SIZE} wires a page, newest event first or by relevance, with facet counts. Unknown parameters are refused by name.`,
      body: "WireList",
      parameters: searchParameters,
    }),
    "/api/v1/wires/{id}": read({ id: "getWire", tag: "wires", summary: "One wire in full", description: "Headline, summary, body (Markdown and sanitized HTML), dates, severity, sourcing, status, providers, codes, sources, rationale and links.", body: "Wire", parameters: [wireId], notFound: true, merged: true }),
    "/api/v1/wires/{id}/osv.json": read({ id: "getWireOsv", tag: "wires", summary: "One wire as an OSV-style record", description: "A self-contained record shaped like an OSV advisory, every link absolute.", body: "OsvRecord", parameters: [wireId], notFound: true, merged: true }),
    "/api/v1/wires/{id}/history": read({
      id: "getRationaleHistory",
      tag: "rationale",
      summary: "Every version of a wire's rationale",
      description: "Newest first, 25 a page; follow `links.older`. A withdrawn wire's texts are null.",
      body: "RationaleHistory",
      parameters: [wireId, { name: "before", in: "query", description: "Versions older than this one.", schema: { type: "integer", minimum: 1 } }],
      notFound: true,
    }),
    "/api/v1/wires/{id}/rationale": {
      ...read({ id: "getRationale", tag: "rationale", summary: "A wire's current rationale", description: "The text, rendered HTML, basis, test and version.", body: "CurrentRationale", parameters: [wireId], notFound: true }),
      post: amendment(),
    },
    "/api/v1/providers": read({ id: "listProviders", tag: "taxonomy", summary: "Every provider", description: "By name, with aliases and wire counts.", body: "ProviderList" }),
    "/api/v1/providers/{slug}": read({
      id: "getProvider",
      tag: "taxonomy",
      summary: "One provider",
      description: "By slug, or by any of its names and aliases in any case.",
      body: "Provider",
      parameters: [{ name: "slug", in: "path", required: true, description: "A slug, name or alias.", schema: { type: "string" }, example: "openai" }],
      notFound: true,
    }),
    "/api/v1/codes": read({ id: "listCodes", tag: "taxonomy", summary: "The code taxonomy", description: "Family by family, each code with its definition and wire count.", body: "CodeList" }),
    "/api/v1/codes/{code}": read({
      id: "getCode",
      tag: "taxonomy",
      summary: "One code",
      description: "With its definition and family; in any case.",
      body: "Code",
      parameters: [{ name: "code", in: "path", required: true, description: "A code such as M1.", schema: { type: "string" }, example: "M1" }],
      notFound: true,
    }),
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApi",
        tags: ["meta"],
        summary: "This document",
        responses: { 200: { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } }, 304: use("NotModified"), 429: use("TooManyRequests") },
      },
    },
  };
}

/** The editors' amendment route, documented for their tools: same-origin, with a session, never CORS. */
function amendment() {
  const answer = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
  return {
    operationId: "amendRationale",
    tags: ["rationale"],
    summary: "Amend a wire's rationale (editors)",
    description: "For editors' tools on the archive's own origin: a session cookie of an enabled editor and a same-origin request. Other sites' requests are refused (403), and CORS never allows it.",
    security: [{ editorSession: [] }],
    parameters: [wireId],
    requestBody: {
      required: true,
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["baseVersion", "text", "test", "reason"],
            properties: { baseVersion: { type: "integer", minimum: 1 }, text: { type: "string" }, test: { type: "string" }, reason: { type: "string" } },
          },
        },
      },
    },
    responses: {
      200: answer("Saved as a new version, or unchanged."),
      400: answer("The body or a field is invalid; `problems` names the fields."),
      401: answer("No session of an enabled editor."),
      403: answer("The request came from another site."),
      404: answer("No such wire, or it has no rationale."),
      409: answer("Someone saved first (the current rationale comes back), or the wire is merged or withdrawn."),
      500: answer("Nothing was changed."),
    },
  };
}
