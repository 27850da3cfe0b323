import { runPaths, type RunResult } from "./http-client";

export type LoadResult = RunResult;

/**
 * `concurrency` clients request `url` back to back until `requests` answers or `maxSeconds`
 * (whichever comes first); each request is timed to the last byte of its body (scripts/bench/http-client.ts).
 */
export function loadTest(url: string, options: { requests: number; concurrency: number; maxSeconds: number }): Promise<LoadResult> {
  const { origin, pathname, search } = new URL(url);
  return runPaths(origin, Array.from({ length: options.requests }, () => pathname + search), { concurrency: options.concurrency, maxSeconds: options.maxSeconds });
}

/** One request, timed, with its body. */
export async function timedGet(url: string): Promise<{ ms: number; status: number; body: string }> {
  const t0 = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  const body = await response.text();
  return { ms: performance.now() - t0, status: response.status, body };
}
