import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import { instanceId, ownerIsGone, startHeartbeat, stopHeartbeat } from "./instances";

describe("instances and their leases on PostgreSQL", () => {
  let url: string;
  let pool: pg.Pool;

  beforeAll(async () => {
    url = await createTestDatabase("instances");
    pool = new pg.Pool({ connectionString: url, max: 2 });
  });
  afterAll(async () => {
    await stopHeartbeat(pool).catch(() => undefined);
    await pool.end();
    await dropTestDatabase(url);
  });

  const gone = async (owner: string | null) =>
    (await pool.query(`SELECT ${ownerIsGone("$1::text")} AS gone`, [owner])).rows[0].gone;

  it("counts a beating instance as alive, and an unknown or silent one as gone", async () => {
    await startHeartbeat(pool);
    expect(await gone(instanceId())).toBe(false);
    expect(await gone("some-instance-that-never-was")).toBe(true);
    expect(await gone(null)).toBe(true);
    // An instance whose last heartbeat is older than the lease (15 s by default).
    await pool.query(
      "INSERT INTO console_instances (id, heartbeat_at) VALUES ('silent', now() - interval '16 seconds')",
    );
    expect(await gone("silent")).toBe(true);
  });

  it("frees an instance's work at once when it stops cleanly", async () => {
    await stopHeartbeat(pool);
    expect(await gone(instanceId())).toBe(true);
  });
});
