export type OriginFacts = {
  /** The Origin header, if the browser sent one. */
  origin: string | null;
  /** The host this app answers as (Host, or X-Forwarded-Host behind a trusted proxy). */
  host: string | null;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite: string | null;
};

/**
 * Whether a request came from another site, judged as browsers let us: by Origin when it is present
 * (it must name this host), otherwise by Sec-Fetch-Site. A request with neither comes from a tool
 * such as curl, not from a page on another site; it still needs a session cookie to write anything.
 */
export function isCrossOrigin({ origin, host, secFetchSite }: OriginFacts): boolean {
  if (origin !== null) {
    if (!host) return true;
    let originHost: string;
    try {
      // An opaque origin ("null", from sandboxed frames or file: pages) parses to no host.
      originHost = new URL(origin).host;
    } catch {
      return true;
    }
    return originHost === "" || originHost.toLowerCase() !== host.trim().toLowerCase();
  }
  if (secFetchSite === null) return false;
  return secFetchSite !== "same-origin" && secFetchSite !== "none";
}
