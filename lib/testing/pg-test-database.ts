// Databases of the test run's own on the local PostgreSQL (127.0.0.1:5432, trust auth on the
// development and CI machines; PG_ADMIN_URL overrides). Every database a run makes is named
// after the run (ICC_TEST_RUN, set once by the run's global set-up), so the run's teardown drops
// exactly its own and never another checkout's running suite.
import { randomBytes } from "node:crypto";

import pg from "pg";

export const adminUrl = (): string =>
  process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The run's name: set by the global set-up, inherited by every worker and server it starts. */
export function testRun(): string {
  return (process.env.ICC_TEST_RUN ??= `icc_t_${Date.now().toString(36)}_${process.pid}`);
}

const urlOf = (database: string): string => {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
};

async function onAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database of this run's; its URL. */
export async function createTestDatabase(label = "db"): Promise<string> {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "_")
    .slice(0, 20);
  const name = `${testRun()}_${safe}_${randomBytes(3).toString("hex")}`;
  await onAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  return urlOf(name);
}

/** Drops one database (connections and all). */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await onAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops every database this run made; returns how many. */
export async function dropRunDatabases(run = testRun()): Promise<number> {
  return onAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [`${run}_`],
    );
    for (const { datname } of rows)
      await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.length;
  });
}
