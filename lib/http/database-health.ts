import pg from "pg";

/**
 * Whether the PostgreSQL server answers, as the server in front of Next.js (scripts/serve.ts) needs
 * to know during an outage: while it does not, readers get the pages kept before it and everything
 * else a 503, instead of requests that wait on a database that is not there. A probe is a fresh
 * connection and `SELECT 1`, each given a second; its answer is reused for half a second, and one
 * probe at a time runs however many requests ask.
 */
export class DatabaseHealth {
  private checkedAt = 0;
  private up = true;
  private running?: Promise<boolean>;

  constructor(
    private readonly url: string,
    private readonly reuseMs = 500,
  ) {}

  /** The last probe's answer, without probing. */
  get down(): boolean {
    return !this.up;
  }

  /** Whether the database answers, probing if the last probe is older than `reuseMs`. */
  async check(): Promise<boolean> {
    if (performance.now() - this.checkedAt < this.reuseMs) return this.up;
    this.running ??= this.probe().finally(() => (this.running = undefined));
    return this.running;
  }

  private async probe(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 1_000, query_timeout: 1_000, application_name: "archive health probe" });
    client.on("error", () => undefined);
    let up: boolean;
    try {
      await client.connect();
      await client.query("SELECT 1");
      up = true;
    } catch {
      up = false;
    } finally {
      void client.end().catch(() => undefined);
    }
    if (up !== this.up) console.warn(up ? "[serve] the database answers again" : "[serve] the database does not answer: kept pages are served, everything else gets 503 until it does");
    this.up = up;
    this.checkedAt = performance.now();
    return up;
  }
}
