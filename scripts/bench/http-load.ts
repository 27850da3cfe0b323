import { summarize, type Summary } from "./stats";

export type LoadResult = Summary & { requestsPerSecond: number; errors: number; seconds: number; firstError?: string };

/**
 * `concurrency` clients request `url` back to back until `requests` answers or `maxSeconds`
 * (whichever comes first); each request is timed to the last byte of its body.
 */
export async function loadTest(url: string, options: { requests: number; concurrency: number; maxSeconds: number }): Promise<LoadResult> {
  const times: number[] = [];
  let started = 0;
  let errors = 0;
  let firstError: string | undefined;
  const begin = performance.now();
  const deadline = begin + options.maxSeconds * 1000;
  const client = async () => {
    // Gives up after 20 failed requests: the figures then say so in `errors`.
    while (started < options.requests && performance.now() < deadline && errors < 20) {
      started += 1;
      const t0 = performance.now();
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        times.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - begin) / 1000;
  return { ...summarize(times), requestsPerSecond: times.length / seconds, errors, seconds, firstError };
}

/** One request, timed, with its body. */
export async function timedGet(url: string): Promise<{ ms: number; status: number; body: string }> {
  const t0 = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  const body = await response.text();
  return { ms: performance.now() - t0, status: response.status, body };
}
