/**
 * The host the browser addressed. X-Forwarded-Host is a header any client can send, so it counts
 * only when trusted proxies sit in front of the app (and then its first value is the one the
 * outermost proxy received).
 */
export function requestHost(host: string | null, forwardedHost: string | null, trustedProxies: number): string | null {
  if (trustedProxies > 0 && forwardedHost) {
    const first = forwardedHost.split(",")[0]?.trim();
    if (first) return first;
  }
  return host?.trim() || null;
}
