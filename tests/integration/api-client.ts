import { NextRequest } from "next/server";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type RouteModule = { GET?: Handler; OPTIONS?: Handler; POST?: Handler };

/** The API's route files and the paths they answer, as Next.js's router maps them. */
const ROUTES: [RegExp, string[], () => Promise<unknown>][] = [
  [/^\/api\/v1\/wires$/, [], () => import("@/app/api/v1/wires/route")],
  [/^\/api\/v1\/wires\/([^/]+)$/, ["id"], () => import("@/app/api/v1/wires/[id]/route")],
  [/^\/api\/v1\/wires\/([^/]+)\/osv\.json$/, ["id"], () => import("@/app/api/v1/wires/[id]/osv.json/route")],
  [/^\/api\/v1\/wires\/([^/]+)\/history$/, ["id"], () => import("@/app/api/v1/wires/[id]/history/route")],
  [/^\/api\/v1\/wires\/([^/]+)\/rationale$/, ["id"], () => import("@/app/api/v1/wires/[id]/rationale/route")],
  [/^\/api\/v1\/providers$/, [], () => import("@/app/api/v1/providers/route")],
  [/^\/api\/v1\/providers\/([^/]+)$/, ["slug"], () => import("@/app/api/v1/providers/[slug]/route")],
  [/^\/api\/v1\/codes$/, [], () => import("@/app/api/v1/codes/route")],
  [/^\/api\/v1\/codes\/([^/]+)$/, ["code"], () => import("@/app/api/v1/codes/[code]/route")],
  [/^\/api\/v1\/openapi\.json$/, [], () => import("@/app/api/v1/openapi.json/route")],
];

export type ApiAnswer = { status: number; body: any; headers: Headers; text: string };

/**
 * Calls the route handler that Next.js would run for `path` (with its query) and reads the answer.
 * `address` stands for the client's address, as Next.js puts it in X-Forwarded-For.
 */
export async function callApi(path: string, options: { method?: "GET" | "OPTIONS" | "POST"; headers?: Record<string, string>; address?: string; body?: string } = {}): Promise<ApiAnswer> {
  const url = new URL(path, "http://localhost");
  const route = ROUTES.find(([pattern]) => pattern.test(url.pathname));
  if (!route) throw new Error(`no API route answers ${url.pathname}`);
  const [pattern, names, load] = route;
  const match = pattern.exec(url.pathname)!;
  const params = Object.fromEntries(names.map((name, index) => [name, match[index + 1]!]));
  const method = options.method ?? "GET";
  const handler = ((await load()) as RouteModule)[method];
  if (!handler) throw new Error(`${url.pathname} has no ${method} handler`);
  const headers = new Headers(options.headers);
  if (options.address) headers.set("x-forwarded-for", options.address);
  const request = new NextRequest(url, { method, headers, body: options.body });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = response.status === 204 || response.status === 304 ? "" : await response.text();
  const json = response.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : undefined;
  return { status: response.status, body: json, headers: response.headers, text };
}

