import { readdirSync } from "node:fs";
import path from "node:path";
import { validate, compileErrors } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { resetApiTokens } from "@/lib/api/rate-limit";
import { env } from "@/lib/env";
import { closeTestDb, importShipped, resetDatabase, testDb } from "../helpers/database";
import { seedFixtures } from "../helpers/search";
import { callApi } from "./api-client";

type Document = { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, any>>; components: Record<string, Record<string, any>> };
let doc: Document;

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
  await seedFixtures();
  doc = (await callApi("/api/v1/openapi.json")).body;
});
beforeEach(resetApiTokens);
afterAll(closeTestDb);

/** Every route file under app/api/v1 as an OpenAPI path template, with the methods it exports. */
async function routeFiles(): Promise<{ template: string; methods: string[] }[]> {
  const root = path.resolve("app/api/v1");
  const found: { template: string; methods: string[] }[] = [];
  const walk = async (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === "route.ts") {
        const relative = path.relative(root, dir).split(path.sep).filter(Boolean);
        const template = ["/api/v1", ...relative.map((part) => part.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
        const module: Record<string, unknown> = await import(full);
        found.push({ template, methods: ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) => typeof module[method] === "function") });
      }
    }
  };
  await walk(root);
  return found;
}

describe("GET /api/v1/openapi.json", () => {
  test("is a valid OpenAPI 3.1 document", async () => {
    const answer = await callApi("/api/v1/openapi.json");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.valid).toBe(true);
  });

  test("documents every route file and every method it exports, and nothing else", async () => {
    const files = await routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(doc.paths).sort()).toEqual(files.map((file) => file.template).sort());
    for (const file of files) {
      const documented = Object.keys(doc.paths[file.template]!).map((method) => method.toUpperCase());
      expect(documented.sort(), file.template).toEqual(file.methods.sort());
    }
  });

  test("every component schema compiles as strict JSON Schema 2020-12", () => {
    // The OpenAPI validator checks the document's structure, not what is inside its schemas.
    const strict = new Ajv2020({ strict: true });
    addFormats(strict);
    const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'));
    strict.addSchema({ $id: "https://archive.test/components.json", $defs: defs });
    for (const name of Object.keys(defs)) {
      expect(() => strict.compile({ $ref: `https://archive.test/components.json#/$defs/${name}` }), name).not.toThrow();
    }
    expect(Object.keys(doc.components.schemas!)).toEqual(expect.arrayContaining(["WireList", "Wire", "OsvRecord", "RationaleHistory", "CurrentRationale", "ProviderList", "Provider", "CodeList", "Code", "ApiError", "MergedWire"]));
  });

  test("every read documents its errors, the rate limit among them", () => {
    for (const [template, operations] of Object.entries(doc.paths)) {
      const responses = operations.get.responses;
      expect(Object.keys(responses), template).toEqual(expect.arrayContaining(["200", "304", "429"]));
      if (template.includes("{")) expect(Object.keys(responses), template).toContain("404");
    }
  });

  test("the server named is the address the document was asked from", () => {
    expect(doc.servers).toEqual([{ url: "http://localhost" }]);
  });
});

describe("the answers match the document", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  let added = false;

  /** The JSON schema the document gives for one answer of one operation. */
  function schemaFor(template: string, status: number): ReturnType<typeof ajv.compile> {
    if (!added) {
      ajv.addSchema({ ...doc, $id: "https://archive.test/openapi.json" } as object);
      added = true;
    }
    let response = doc.paths[template]!.get.responses[String(status)];
    expect(response, `${template} ${status} is documented`).toBeDefined();
    if (response.$ref) response = doc.components.responses![response.$ref.split("/").at(-1)]!;
    const schema = response.content["application/json"].schema;
    if (schema.$ref) return ajv.getSchema(`https://archive.test/openapi.json${schema.$ref}`)!;
    return ajv.compile(schema);
  }

  test.each([
    ["/api/v1/wires", "/api/v1/wires?q=quokka", 200],
    ["/api/v1/wires", "/api/v1/wires?provider=opnai", 200],
    ["/api/v1/wires", "/api/v1/wires?severity=9&foo=1", 400],
    ["/api/v1/wires/{id}", "/api/v1/wires/AIW-2022-0001", 200],
    ["/api/v1/wires/{id}", "/api/v1/wires/AIW-2024-0003", 200],
    ["/api/v1/wires/{id}", "/api/v1/wires/AIW-2024-0002", 200],
    ["/api/v1/wires/{id}", "/api/v1/wires/AIW-2024-0004", 308],
    ["/api/v1/wires/{id}", "/api/v1/wires/AIW-1999-0001", 404],
    ["/api/v1/wires/{id}/osv.json", "/api/v1/wires/AIW-2022-0001/osv.json", 200],
    ["/api/v1/wires/{id}/osv.json", "/api/v1/wires/AIW-2024-0003/osv.json", 200],
    ["/api/v1/wires/{id}/osv.json", "/api/v1/wires/AIW-2024-0004/osv.json", 308],
    ["/api/v1/wires/{id}/history", "/api/v1/wires/AIW-2022-0008/history", 200],
    ["/api/v1/wires/{id}/history", "/api/v1/wires/AIW-2022-0008/history?before=x", 400],
    ["/api/v1/wires/{id}/rationale", "/api/v1/wires/AIW-2022-0008/rationale", 200],
    ["/api/v1/wires/{id}/rationale", "/api/v1/wires/AIW-2024-0003/rationale", 200],
    ["/api/v1/providers", "/api/v1/providers", 200],
    ["/api/v1/providers/{slug}", "/api/v1/providers/Open%20AI", 200],
    ["/api/v1/providers/{slug}", "/api/v1/providers/nobody", 404],
    ["/api/v1/codes", "/api/v1/codes", 200],
    ["/api/v1/codes/{code}", "/api/v1/codes/m1", 200],
    ["/api/v1/openapi.json", "/api/v1/openapi.json", 200],
  ] as const)("%s: %s answers %i as documented", async (template, url, status) => {
    const answer = await callApi(url);
    expect(answer.status).toBe(status);
    const check = schemaFor(template, status);
    const valid = check(answer.body);
    expect(check.errors ?? [], JSON.stringify(check.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  test("a 429 matches the document too", async () => {
    const { takeApiToken } = await import("@/lib/api/rate-limit");
    // Spend this client's whole budget, then ask once more.
    while (takeApiToken("198.51.100.9", env().ARCHIVE_API_RATE_LIMIT).allowed);
    const answer = await callApi("/api/v1/codes", { address: "198.51.100.9" });
    expect(answer.status).toBe(429);
    const check = schemaFor("/api/v1/codes", 429);
    expect(check(answer.body), JSON.stringify(check.errors)).toBe(true);
  });
});
