import http from "node:http";
import { summarize, percentile, type Summary } from "./stats";

/**
 * The readers' benchmark's load generator: Node's own HTTP client over keep-alive connections (lighter
 * than fetch, so that more of the two cores go to the server), gzip accepted as browsers do, each
 * request timed to the last byte of its body (or to its first byte, for downloads).
 */
export type Timing = { ms: number; status: number; bytes: number; error?: string };

export type RunResult = Summary & {
  p99: number;
  requestsPerSecond: number;
  errors: number;
  /** Answers by status class, e.g. { "2xx": 290, "5xx": 10 }. */
  statuses: Record<string, number>;
  firstError?: string;
  seconds: number;
};

export type RunOptions = {
  concurrency: number;
  /** Stop reading after the first chunk of the body (time to first byte), for downloads. */
  firstByte?: boolean;
  /** Extra request headers (a session cookie, If-None-Match). */
  headers?: Record<string, string>;
  maxSeconds?: number;
  /** Called with every answer, in the order they end (for timelines). */
  onTiming?: (timing: Timing, endedAt: number) => void;
};

export function agentFor(concurrency: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
}

/** One GET; statuses 200-399 count as answers, anything else (or no answer) as an error. */
export function get(base: URL, path: string, agent: http.Agent, options: { firstByte?: boolean; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Timing> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.get(
      { host: base.hostname, port: base.port, path, agent, headers: { "accept-encoding": "gzip", accept: "text/html,application/json,*/*", ...options.headers } },
      (response) => {
        let bytes = 0;
        const done = (error?: string) => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0, bytes, error });
        if (options.firstByte) {
          response.once("data", (chunk: Buffer) => {
            bytes += chunk.length;
            done();
            // Reads no further: the connection is dropped, as a client that stops a download does.
            response.destroy();
          });
          response.once("end", () => done());
          response.once("error", () => undefined);
          return;
        }
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => done());
        response.on("error", (error) => done(error.message));
      },
    );
    request.setTimeout(options.timeoutMs ?? 60_000, () => request.destroy(new Error("timed out")));
    request.on("error", (error) => resolve({ ms: performance.now() - started, status: 0, bytes: 0, error: error.message }));
  });
}

/** `concurrency` clients take the paths in turn, each path once, until all are done or time runs out. */
export async function runPaths(baseUrl: string, paths: readonly string[], options: RunOptions): Promise<RunResult> {
  const base = new URL(baseUrl);
  const agent = agentFor(options.concurrency);
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const begin = performance.now();
  const deadline = begin + (options.maxSeconds ?? 120) * 1000;
  const client = async () => {
    while (next < paths.length && performance.now() < deadline) {
      const path = paths[next++]!;
      const timing = await get(base, path, agent, { firstByte: options.firstByte, headers: options.headers });
      const bucket = timing.status === 0 ? "failed" : `${Math.floor(timing.status / 100)}xx`;
      statuses[bucket] = (statuses[bucket] ?? 0) + 1;
      options.onTiming?.(timing, performance.now());
      if (timing.error || timing.status < 200 || timing.status >= 400) {
        errors += 1;
        firstError ??= `${path}: ${timing.error ?? `HTTP ${timing.status}`}`;
        continue;
      }
      times.push(timing.ms);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  agent.destroy();
  const seconds = (performance.now() - begin) / 1000;
  return { ...summarize(times), p99: percentile(times, 0.99), requestsPerSecond: times.length / seconds, errors, statuses, firstError, seconds };
}

/**
 * `concurrency` clients for `seconds`, each request's path from `pick` (called per request): a mixed
 * load. Returns every timing with the class `pick` gave it.
 */
export async function runMixed(
  baseUrl: string,
  pick: () => { path: string; kind: string },
  options: { concurrency: number; seconds: number; onTiming?: (timing: Timing & { kind: string }, endedAt: number) => void },
): Promise<{ byKind: Map<string, number[]>; errors: number; statuses: Record<string, number>; firstError?: string; seconds: number; answered: number }> {
  const base = new URL(baseUrl);
  const agent = agentFor(options.concurrency);
  const byKind = new Map<string, number[]>();
  const statuses: Record<string, number> = {};
  let errors = 0;
  let answered = 0;
  let firstError: string | undefined;
  const begin = performance.now();
  const deadline = begin + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const { path, kind } = pick();
      const timing = await get(base, path, agent, { timeoutMs: 30_000 });
      const bucket = timing.status === 0 ? "failed" : `${Math.floor(timing.status / 100)}xx`;
      statuses[bucket] = (statuses[bucket] ?? 0) + 1;
      options.onTiming?.({ ...timing, kind }, performance.now());
      if (timing.error || timing.status < 200 || timing.status >= 400) {
        errors += 1;
        firstError ??= `${path}: ${timing.error ?? `HTTP ${timing.status}`}`;
        continue;
      }
      answered += 1;
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = []));
      list.push(timing.ms);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  agent.destroy();
  return { byKind, errors, statuses, firstError, seconds: (performance.now() - begin) / 1000, answered };
}
