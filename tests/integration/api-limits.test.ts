import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { resetApiTokens } from "@/lib/api/rate-limit";
import { closeTestDb, importShipped, loseTestDb, resetDatabase, testDb } from "../helpers/database";
import { callApi } from "./api-client";

// A small budget for this file, set before lib/env.ts first reads the environment.
vi.hoisted(() => {
  process.env.ARCHIVE_API_RATE_LIMIT = "5";
});

const READ_ROUTES = [
  "/api/v1/wires",
  "/api/v1/wires/AIW-2022-0001",
  "/api/v1/wires/AIW-2022-0001/osv.json",
  "/api/v1/wires/AIW-2022-0001/history",
  "/api/v1/wires/AIW-2022-0001/rationale",
  "/api/v1/providers",
  "/api/v1/providers/openai",
  "/api/v1/codes",
  "/api/v1/codes/M1",
  "/api/v1/openapi.json",
];

beforeAll(async () => {
  await testDb();
  await resetDatabase();
  await importShipped();
});
beforeEach(resetApiTokens);
afterAll(closeTestDb);

describe("rate limit per client address", () => {
  test("the sixth request in a burst of a five-a-minute budget: 429 with Retry-After", async () => {
    const remaining: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      const answer = await callApi("/api/v1/codes", { address: "203.0.113.7" });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("ratelimit-limit")).toBe("5");
      remaining.push(answer.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const refused = await callApi("/api/v1/wires/AIW-2022-0001", { address: "203.0.113.7" });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    // Five a minute: one request comes back every 12 seconds.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(12);
    expect(refused.body).toEqual({ error: "rate_limited", message: expect.stringContaining("5 a minute"), retryAfter });
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(refused.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });

  test("another address has its own budget", async () => {
    for (let n = 0; n < 6; n += 1) await callApi("/api/v1/codes", { address: "203.0.113.7" });
    expect((await callApi("/api/v1/codes", { address: "203.0.113.7" })).status).toBe(429);
    expect((await callApi("/api/v1/codes", { address: "203.0.113.8" })).status).toBe(200);
    expect((await callApi("/api/v1/codes", { address: "2001:db8::1" })).status).toBe(200);
  });

  test("bad requests and 404s count too, and addresses written by the client prove nothing", async () => {
    for (let n = 0; n < 3; n += 1) expect((await callApi("/api/v1/wires?severity=9", { address: "203.0.113.9" })).status).toBe(400);
    for (let n = 0; n < 2; n += 1) expect((await callApi("/api/v1/wires/AIW-1999-0001", { address: "203.0.113.9" })).status).toBe(404);
    // With no trusted proxy the connection's address is the last entry; anything before it is the client's own writing.
    const dodge = await callApi("/api/v1/codes", { address: "192.0.2.55, 203.0.113.9" });
    expect(dodge.status).toBe(429);
  });

  test("one budget across every route", async () => {
    const statuses: number[] = [];
    for (const route of READ_ROUTES.slice(0, 6)) statuses.push((await callApi(route, { address: "198.51.100.4" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe("CORS: reads are open to every site", () => {
  test.each(READ_ROUTES)("GET %s: Access-Control-Allow-Origin *", async (route) => {
    const answer = await callApi(route, { headers: { Origin: "https://elsewhere.example" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
    expect(answer.headers.get("access-control-expose-headers")).toContain("ETag");
  });

  test.each(READ_ROUTES)("OPTIONS %s: a preflight for GET with If-None-Match", async (route) => {
    const answer = await callApi(route, {
      method: "OPTIONS",
      headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(answer.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("if-none-match");
    expect(answer.headers.get("access-control-max-age")).toBe("86400");
  });

  test("the amendment route's preflight never allows POST from another site", async () => {
    const answer = await callApi("/api/v1/wires/AIW-2022-0001/rationale", {
      method: "OPTIONS",
      headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(answer.headers.get("access-control-allow-methods")).not.toContain("POST");
    expect(answer.headers.get("allow")).toContain("POST");
  });
});

describe("errors never show internals", () => {
  test("a failing database: a JSON 500 with a plain sentence, the details only in the server's log", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // The database goes away under the route.
    await loseTestDb();
    const answer = await callApi("/api/v1/wires/AIW-2022-0001", { address: "192.0.2.1" });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ error: "internal_error", message: "The archive could not answer this request. Please try again." });
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.text).not.toMatch(/\bat \S+ \(|\.ts:\d+|prisma|pglite|stack/i);
    expect(logged).toHaveBeenCalledWith("[api] request failed", "GET", "/api/v1/wires/AIW-2022-0001", expect.anything());
    logged.mockRestore();
  });
});
