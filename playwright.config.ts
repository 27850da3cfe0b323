import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests against the production build. Debian's chromium, never a downloaded browser:
 * `npx playwright install` cannot reach its download host here.
 * The web server (tests/e2e/support/web-server.mjs) builds the app and serves it on port 3100, on a
 * fresh embedded database, or on E2E_DATABASE_URL when it is set (CI creates a fresh PostgreSQL database).
 */
const port = 3100;
const baseURL = `http://127.0.0.1:${port}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  // *.e2e.ts, so that Vitest's default *.test.ts / *.spec.ts pattern never picks these up.
  testMatch: "**/*.e2e.ts",
  fullyParallel: true,
  forbidOnly: ci,
  retries: 0,
  workers: 2,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    locale: "en-GB",
    timezoneId: "UTC",
    // A trace costs every test about a sixth of its time; CI keeps no files, so it records none.
    trace: ci ? "off" : "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node tests/e2e/support/web-server.mjs",
    url: `${baseURL}/`,
    reuseExistingServer: !ci,
    // next build (about 10-30 s) plus the first start: migrations and the content import.
    timeout: 240_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
