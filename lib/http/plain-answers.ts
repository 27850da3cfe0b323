import { escapeHtml } from "@/lib/format/escape-html";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Answers the server in front of Next.js (scripts/serve.ts) gives by itself, without rendering: a
 * request it refuses (400, 411, 413, 414), and "briefly unavailable" (503) while the instance starts
 * or the database cannot be reached. Each in the form the client asked for: a small self-contained
 * HTML page for browsers (no scripts, light and dark, readable at 360 px), JSON for the API (the
 * API's own error shape), plain text for feeds and the rest. Never cached.
 */
export type PlainAnswer = {
  status: 400 | 411 | 413 | 414 | 503;
  /** One or two sentences for the reader. */
  message: string;
  /** For a 503: seconds after which to try again. */
  retryAfter?: number;
};

const TITLES: Record<PlainAnswer["status"], string> = {
  400: "This address cannot be read",
  411: "Length required",
  413: "Too large",
  414: "Address too long",
  503: "The archive is briefly unavailable",
};
const API_ERRORS: Record<PlainAnswer["status"], string> = {
  400: "invalid_request",
  411: "length_required",
  413: "payload_too_large",
  414: "uri_too_long",
  503: "unavailable",
};

export function sendPlainAnswer(request: IncomingMessage, response: ServerResponse, answer: PlainAnswer): void {
  const path = request.url ?? "/";
  const headers: Record<string, string | number> = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (answer.retryAfter !== undefined) headers["retry-after"] = answer.retryAfter;
  let body: string;
  if (path.startsWith("/api/")) {
    headers["content-type"] = "application/json; charset=utf-8";
    body = JSON.stringify({ error: API_ERRORS[answer.status], message: answer.message });
  } else if (wantsHtml(request) && !path.startsWith("/feeds/")) {
    headers["content-type"] = "text/html; charset=utf-8";
    // A page of its own: no scripts, so a policy that allows none; styles inline.
    headers["content-security-policy"] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    body = page(answer);
  } else {
    headers["content-type"] = "text/plain; charset=utf-8";
    body = `${answer.message}\n`;
  }
  // Whatever the client was sending is not read: the connection is not reused after a refused body.
  if (answer.status === 411 || answer.status === 413) headers.connection = "close";
  headers["content-length"] = Buffer.byteLength(body);
  response.writeHead(answer.status, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}

function wantsHtml(request: IncomingMessage): boolean {
  const accept = String(request.headers.accept ?? "");
  return accept === "" || accept.includes("text/html") || accept.includes("*/*");
}

function page(answer: PlainAnswer): string {
  const title = TITLES[answer.status];
  const again = answer.status === 503 ? `<p>Please try again in a few seconds. Nothing you did caused this.</p>` : "";
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · AI Incident Wire</title>
<style>
:root { color-scheme: light dark; --paper: #fbfaf6; --ink: #1c1b18; --muted: #5b5850; --accent: #0b4f8a; --rule: #d9d5cb; }
@media (prefers-color-scheme: dark) { :root { --paper: #121211; --ink: #ebe8e1; --muted: #aaa59a; --accent: #8cc4f5; --rule: #3a3833; } }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1.0625rem/1.6 ui-serif, Georgia, "Times New Roman", serif; }
header { border-bottom: 1px solid var(--rule); padding: 1rem; font-family: ui-sans-serif, system-ui, sans-serif; font-weight: 700; }
header a { color: var(--ink); text-decoration: none; }
main { max-width: 42rem; margin: 0 auto; padding: 2rem 1rem; }
.code { font: 600 0.875rem ui-sans-serif, system-ui, sans-serif; letter-spacing: 0.1em; text-transform: uppercase; color: var(--muted); margin: 0; }
h1 { font-size: 1.875rem; line-height: 1.2; margin: 0.25rem 0 1rem; }
a { color: var(--accent); }
</style>
</head>
<body>
<header><a href="/">AI Incident Wire</a></header>
<main id="main">
<p class="code">${answer.status}</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(answer.message)}</p>
${again}
<p><a href="/">Latest wires</a> · <a href="/archive">Archive</a></p>
</main>
</body>
</html>
`;
}
