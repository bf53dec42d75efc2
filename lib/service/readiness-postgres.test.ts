import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openSharedDatabase, SharedDatabaseError } from "@/lib/config/shared-database";
import { stopHeartbeat } from "@/lib/db/instances";
import { closePgPool, pgPool } from "@/lib/db/postgres";
import { adminUrl, createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import { markStarted, readiness } from "./readiness";

// Start-up and readiness on PostgreSQL, against a database of the run's own: the secret is
// required, a database that refuses the schema or is gone makes the console not ready. The
// steps share the process's pool and history, so they run in this order.
let url: string;
const database = () => new URL(url).pathname.slice(1);
const onAdmin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};
/** New connections only see a database setting: drop the pool's current ones. */
const dropConnections = () =>
  onAdmin(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database()}' AND pid <> pg_backend_pid()`,
  );

beforeAll(async () => {
  url = await createTestDatabase("ready");
  process.env.CONSOLE_DATABASE_URL = url;
  delete process.env.CONSOLE_SECRET;
  markStarted();
});
afterAll(async () => {
  await closePgPool().catch(() => undefined);
  await dropTestDatabase(url);
});

describe("start-up and readiness on PostgreSQL", () => {
  it("refuses to start without the shared CONSOLE_SECRET", async () => {
    const refused = openSharedDatabase();
    await expect(refused).rejects.toBeInstanceOf(SharedDatabaseError);
    await expect(refused).rejects.toThrow(/CONSOLE_SECRET is not/);
    process.env.CONSOLE_SECRET = "short";
    await expect(openSharedDatabase()).rejects.toThrow(/at least 32 characters/);
  });

  it("is not ready while the database refuses the schema, and says nothing of it but in the log", async () => {
    await onAdmin(`ALTER DATABASE "${database()}" SET default_transaction_read_only = on`);
    process.env.CONSOLE_SECRET = "a-secret-shared-by-every-instance-0123456789";
    const refused = openSharedDatabase();
    await expect(refused).rejects.toThrow(/does not answer or cannot be migrated/);
    await expect(refused).rejects.not.toThrow(/postgres@/);
    expect(await readiness()).toEqual({
      ready: false,
      reason: "The history database does not answer; the cause is in the log",
    });
  });

  it("applies the schema and beats at start, then is ready", async () => {
    await onAdmin(`ALTER DATABASE "${database()}" SET default_transaction_read_only = off`);
    await dropConnections();
    expect(await openSharedDatabase()).toMatch(/^history on PostgreSQL at 127\.0\.0\.1:5432\//);
    expect(await readiness()).toEqual({ ready: true });
    const { rows } = await pgPool().query(
      "SELECT scope FROM console_schema GROUP BY scope ORDER BY scope",
    );
    expect(rows.map((r) => r.scope)).toEqual(["history", "instances"]);
    const beats = await pgPool().query("SELECT count(*)::int AS n FROM console_instances");
    expect(beats.rows[0].n).toBe(1);
    await stopHeartbeat(pgPool());
  });

  it("is not ready once the database is gone", async () => {
    await dropTestDatabase(url);
    expect(await readiness()).toMatchObject({ ready: false });
  });
});
