/**
 * The client's address from X-Forwarded-For, or null when there is none.
 *
 * Each proxy appends the address it received the request from, so with N trusted proxies the client is
 * the Nth entry from the right; anything further left was written by the client and proves nothing.
 * With no trusted proxy, proxy.ts drops whatever X-Forwarded-For the client sent, and Next.js then
 * fills the header with the connection's own address: the one entry.
 */
export function clientAddress(forwardedFor: string | null, trustedProxies: number): string | null {
  if (!forwardedFor) return null;
  const hops = forwardedFor
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const entry = hops[hops.length - Math.max(trustedProxies, 1)];
  if (!entry) return null;
  return normalizeAddress(entry);
}

function normalizeAddress(address: string): string | null {
  // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; one spelling per client.
  const plain = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();
  // Addresses only: anything else (a forged header full of text) is not worth a throttle key.
  return /^[0-9a-f:.]{2,45}$/.test(plain) ? plain : null;
}
