import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // Names the run and drops its PostgreSQL databases at the end (lib/testing/pg-test-database.ts).
    globalSetup: ["lib/testing/vitest-global-setup.ts"],
    hookTimeout: 60_000,
    // server-only throws outside Next's server; tests import server code directly.
    alias: { "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts") },
  },
});
