import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { DatabaseHealth } from "./database-health";
import { sendPlainAnswer } from "./plain-answers";

/**
 * Watches the app's answer to `request`: a 5xx is logged with the request (method, address), and held
 * back until it is complete; if the database does not answer then, the reader gets the archive's 503
 * page with Retry-After instead of the app's error, since the outage, not the request, is the cause.
 * Answers below 500 pass through untouched.
 */
export function guardServerErrors(request: IncomingMessage, response: ServerResponse, health: DatabaseHealth | undefined): void {
  const original = { writeHead: response.writeHead, write: response.write, end: response.end };
  let held: { status: number; head: unknown[]; chunks: unknown[][] } | undefined;
  const started = performance.now();

  response.writeHead = function writeHead(this: ServerResponse, status: number, ...head: unknown[]) {
    if (status < 500 || held) return (original.writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...head);
    held = { status, head, chunks: [] };
    return this;
  } as ServerResponse["writeHead"];
  response.write = function write(this: ServerResponse, ...args: unknown[]) {
    // Node writes the head itself on the first write (via writeHead) when none was written.
    if (!held && !this.headersSent && this.statusCode >= 500) this.writeHead(this.statusCode);
    if (!held) return (original.write as (...a: unknown[]) => boolean).apply(this, args);
    held.chunks.push(args);
    const callback = args.find((arg): arg is () => void => typeof arg === "function");
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];
  response.end = function end(this: ServerResponse, ...args: unknown[]) {
    if (!held && !this.headersSent && this.statusCode >= 500) this.writeHead(this.statusCode);
    if (!held) return (original.end as (...a: unknown[]) => ServerResponse).apply(this, args);
    const answer = held;
    held = undefined;
    Object.assign(this, original);
    console.error(`[serve] ${answer.status} for ${request.method} ${request.url} after ${Math.round(performance.now() - started)} ms`);
    void (async () => {
      if (health && !(await health.check())) {
        for (const name of this.getHeaderNames()) this.removeHeader(name);
        sendPlainAnswer(request, this, { status: 503, message: "The archive's database is not answering just now.", retryAfter: 5 });
        return;
      }
      (original.writeHead as (...a: unknown[]) => ServerResponse).call(this, answer.status, ...(answer.head as [OutgoingHttpHeaders?]));
      for (const chunk of answer.chunks) (original.write as (...a: unknown[]) => boolean).apply(this, chunk);
      (original.end as (...a: unknown[]) => ServerResponse).apply(this, args);
    })();
    return this;
  } as ServerResponse["end"];
}
