/**
 * The page's Content-Security-Policy. Scripts run only when they carry this request's nonce (Next.js
 * adds it to its own script tags when it finds the policy on the request), and 'strict-dynamic'
 * lets those scripts load the app's chunks. Inline style attributes stay allowed: React and the
 * pages set a few, and style injection cannot run code.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids; production never needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
