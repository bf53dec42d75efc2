import path from "node:path";

import { defineConfig } from "@playwright/test";

import base from "./playwright.config";
import { createDatabaseSync } from "./postgres";

// The suites that depend on the store, run again with every console on PostgreSQL
// (CONSOLE_DATABASE_URL), plus the two-instance suite, which runs only here:
//   npx playwright test -c e2e/playwright.postgres.config.ts
// The database is created as the config loads (workers load it again: the run's environment,
// set by the first load, carries the URL to them) and dropped at the end.
process.env.ICC_E2E_POSTGRES = "1";
process.env.ICC_E2E_DATABASE_URL ??= createDatabaseSync("e2e");
// Consoles this run kills are gone after 3 s: takeovers happen within the tests' waits.
process.env.CONSOLE_INSTANCE_LEASE_S ??= "3";

const shared = base.webServer as NonNullable<Extract<typeof base.webServer, unknown[]>>;
const [simulator, consoleServer] = [shared[0]!, shared.at(-1)!];

export default defineConfig({
  ...base,
  testMatch: /(api-batches|api-idempotency|api-restart|two-instances)\.spec\.ts$/,
  outputDir: path.join(__dirname, ".results", "postgres-artifacts"),
  reporter: [
    ["list"],
    ["json", { outputFile: path.join(__dirname, ".results", "report-postgres.json") }],
  ],
  globalTeardown: path.join(__dirname, "postgres-teardown.ts"),
  // The main simulator and the shared console, never one left running by the SQLite suite.
  webServer: [
    { ...simulator, reuseExistingServer: false },
    {
      ...consoleServer,
      reuseExistingServer: false,
      env: {
        ...consoleServer.env,
        CONSOLE_DATA_DIR: path.join(__dirname, ".results", "data-postgres"),
        CONSOLE_DATABASE_URL: process.env.ICC_E2E_DATABASE_URL,
        CONSOLE_INSTANCE_LEASE_S: process.env.CONSOLE_INSTANCE_LEASE_S,
      },
    },
  ],
});
