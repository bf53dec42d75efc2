import { execFileSync } from "node:child_process";
import path from "node:path";

import { adminUrl, createTestDatabase, testRun } from "../lib/testing/pg-test-database";

// The end-to-end suite on PostgreSQL (playwright.postgres.config.ts): every console it starts
// keeps its history, batches, throttle counts and revocations in a database of the run's own,
// dropped at the end by the config's globalTeardown (every database named after the run).

/** Whether this run's consoles are on PostgreSQL. */
export const onPostgres = (): boolean => Boolean(process.env.ICC_E2E_POSTGRES);

/**
 * Creates a database of the run's own while the config loads (synchronously: Playwright loads
 * configs without top-level await), through a short node process with the pg client.
 */
export function createDatabaseSync(label: string): string {
  const name = `${testRun()}_${label}`;
  const script = `const pg = require("pg");
const c = new pg.Client({ connectionString: process.argv[1] });
c.connect().then(() => c.query('CREATE DATABASE "${name}"')).then(() => c.end())
  .catch((e) => { console.error(e.message); process.exit(1); });`;
  execFileSync(process.execPath, ["-e", script, adminUrl()], {
    cwd: path.resolve(__dirname, ".."),
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A database for one console home (or for the instances sharing one), on PostgreSQL runs only. */
export const homeDatabase = (label: string): Promise<string | undefined> =>
  onPostgres() ? createTestDatabase(label) : Promise.resolve(undefined);
