import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";

/** Headers for every response, static files included. The per-request Content-Security-Policy is set in proxy.ts. */
function securityHeaders(production: boolean) {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // For browsers that predate CSP's frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  // Always sent by the production server: browsers ignore it on plain-http responses and for IP
  // addresses (RFC 6797), so it only takes effect once the site is reached over https by name.
  // No includeSubDomains: the archive's operator may run other sites under the same domain.
  if (production) headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000" });
  return headers;
}

export default function config(phase: string): NextConfig {
  return {
    // Database drivers and the embedded PostgreSQL load WASM and native files at run time.
    serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
    poweredByHeader: false,
    typedRoutes: false,
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders(phase !== PHASE_DEVELOPMENT_SERVER) }];
    },
  };
}
