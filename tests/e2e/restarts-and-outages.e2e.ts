import { expect, test } from "@playwright/test";
import pg from "pg";
import { startDatabaseRelay, startExtraServer, type DatabaseRelay, type ExtraServer } from "./support/extra-server";

// Instances of the production server of their own, started, starved and restored: readiness for a load
// balancer (/healthz, /readyz) while an instance starts, and a database outage, when readers get the
// pages kept before it and everything else a 503 with Retry-After, until the database is back.

const WIRE = "/wires/AIW-2023-0010/dall-e-3-chatgpt-plus-enterprise";

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.describe("an instance starting", () => {
  let server: ExtraServer | undefined;
  test.afterEach(async () => server?.stop());

  test("answers /healthz from the start, /readyz only once it is ready, and keeps its first readers waiting rather than failing", async () => {
    // A fresh embedded database: migrations and the content import take the instance a few seconds.
    server = await startExtraServer({ DATABASE_URL: "", ARCHIVE_DATA_DIR: "memory://", ARCHIVE_CONTENT_DIR: "content" });
    const seen: string[] = [];
    let early: Promise<number> | undefined;
    const deadline = Date.now() + 90_000;
    for (;;) {
      expect(Date.now(), server.output()).toBeLessThan(deadline);
      const [health, ready] = await Promise.all(["/healthz", "/readyz"].map((path) => fetch(server!.base + path).then((r) => r, () => undefined)));
      const phase = ready?.status === 503 ? ((await ready.json()) as { phase: string }).phase : undefined;
      seen.push(`${health?.status ?? 0}/${ready?.status ?? 0}`);
      // Once the archive's data is in (the instance builds its index or warms up), a reader who comes waits for it.
      if (health?.status === 200 && (phase === "search index" || phase === "warming up") && !early) {
        early = fetch(`${server.base}/archive?q=outpainting`).then((r) => r.status);
        // Readers who give up while the instance starts: more of them than it works on at once.
        for (let i = 0; i < 12; i += 1) void fetch(`${server.base}${i % 2 ? "/" : "/guides"}`, { signal: AbortSignal.timeout(150) }).catch(() => undefined);
      }
      if (ready?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen, server.output()).toContain("200/503");
    expect(seen.at(-1)).toBe("200/200");
    // A reader who came before the instance was ready waited, and got the page.
    expect(early).toBeDefined();
    expect(await early).toBe(200);
    const started = performance.now();
    const first = await fetch(`${server.base}/archive?q=${encodeURIComponent('"research preview"')}&severity=1-4`);
    expect(first.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    // The readers who gave up held nothing up: the pages they asked for answer at once.
    for (const path of ["/", "/guides"]) {
      const page = await fetch(server.base + path, { signal: AbortSignal.timeout(5_000) });
      expect(page.status, server.output()).toBe(200);
    }
  });
});

test.describe("a database outage", () => {
  let server: ExtraServer | undefined;
  let relay: DatabaseRelay | undefined;
  let url: URL;
  let created: string | undefined;

  test.beforeAll(async () => {
    // The browser tests' PostgreSQL database when there is one (CI), or a throwaway one on the local server.
    const given = process.env.E2E_DATABASE_URL;
    url = new URL(given ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    if (!given) {
      created = `wire_e2e_outage_${process.pid}`;
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${created}`);
      await admin.query(`CREATE DATABASE ${created}`);
      await admin.end();
      url.pathname = `/${created}`;
    }
    relay = await startDatabaseRelay({ host: url.hostname, port: Number(url.port || 5432) });
    const through = new URL(url);
    through.hostname = "127.0.0.1";
    through.port = String(relay.port);
    server = await startExtraServer({ DATABASE_URL: through.toString(), ARCHIVE_CONTENT_DIR: "content" });
    await expect.poll(async () => fetch(`${server!.base}/readyz`).then((r) => r.status, () => 0), { timeout: 90_000, message: "the instance got ready" }).toBe(200);
  });

  test.afterAll(async () => {
    await server?.stop();
    await relay?.close();
    if (created) {
      const admin = new pg.Client({ connectionString: url.toString().replace(`/${created}`, "/postgres") });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${created}`);
      await admin.end();
    }
  });

  test("serves the pages kept before it, marked, and a 503 with Retry-After for the rest; recovers by itself", async () => {
    const base = server!.base;
    for (const path of [WIRE, "/guides"]) {
      await fetch(base + path);
      expect((await fetch(base + path)).headers.get("x-page-cache"), path).toBe("hit");
    }
    relay!.cut();
    // The instance notices at once: its change listener's connection drops with the database.
    await expect.poll(async () => (await fetch(`${base}/archive?q=outpainting`)).status, { timeout: 10_000 }).toBe(503);

    const kept = await fetch(base + WIRE);
    expect(kept.status).toBe(200);
    expect(kept.headers.get("x-page-cache")).toBe("outage");
    expect(await kept.text()).toContain("DALL·E 3");

    const page = await fetch(`${base}/archive?q=outpainting`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(503);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await page.text()).toContain("The archive is briefly unavailable");
    const api = await fetch(`${base}/api/v1/wires?q=outpainting`);
    expect(api.status).toBe(503);
    expect((await api.json()).error).toBe("unavailable");
    // Liveness is unaffected: the instance itself is fine.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    relay!.mend();
    await expect.poll(async () => (await fetch(`${base}/archive?q=outpainting`)).status, { timeout: 15_000 }).toBe(200);
    expect((await fetch(base + WIRE)).headers.get("x-page-cache")).not.toBe("outage");
  });
});
