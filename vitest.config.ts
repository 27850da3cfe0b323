import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // tsconfig's "@/*" path.
      { find: /^@\//, replacement: root },
      // The data layer is marked server-only; under Vitest it is plain Node code.
      { find: /^server-only$/, replacement: `${root}tests/helpers/empty.ts` },
    ],
  },
  test: {
    environment: "node",
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // Integration files share one database when TEST_DATABASE_URL is set: one file at a time.
    fileParallelism: false,
    setupFiles: ["tests/helpers/setup-env.ts"],
    // Opening and migrating an embedded database takes a few seconds on a small machine.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
