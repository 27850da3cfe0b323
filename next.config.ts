import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Database drivers and the embedded PostgreSQL load WASM and native files at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
