import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import { ensureSchema } from "./pg-schema";

describe("ensureSchema on PostgreSQL", () => {
  let url: string;
  const pools: pg.Pool[] = [];
  const pool = () => {
    const p = new pg.Pool({ connectionString: url, max: 2 });
    pools.push(p);
    return p;
  };

  beforeAll(async () => {
    url = await createTestDatabase("schema");
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await dropTestDatabase(url);
  });

  it("applies each step once when several instances start together", async () => {
    const steps = [
      "CREATE TABLE widgets (id integer PRIMARY KEY)",
      "INSERT INTO widgets (id) VALUES (1)",
    ];
    // Five "instances", each with a pool of its own, start at once.
    await Promise.all(Array.from({ length: 5 }, () => ensureSchema(pool(), "widgets", steps)));
    const check = pool();
    const { rows } = await check.query("SELECT count(*)::int AS n FROM widgets");
    expect(rows[0].n).toBe(1);
    const applied = await check.query(
      "SELECT step FROM console_schema WHERE scope = 'widgets' ORDER BY step",
    );
    expect(applied.rows.map((r) => r.step)).toEqual([1, 2]);
  });

  it("applies only the new steps of a later release, and leaves other scopes alone", async () => {
    const p = pool();
    await ensureSchema(p, "gadgets", ["CREATE TABLE gadgets (id integer)"]);
    await ensureSchema(p, "gadgets", [
      "CREATE TABLE gadgets (id integer)",
      "ALTER TABLE gadgets ADD COLUMN name text",
    ]);
    const cols = await p.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'gadgets' ORDER BY ordinal_position",
    );
    expect(cols.rows.map((r) => r.column_name)).toEqual(["id", "name"]);
    const widgets = await p.query("SELECT count(*)::int AS n FROM widgets");
    expect(widgets.rows[0].n).toBe(1);
  });

  it("records nothing of a step that fails, so the next start tries it again", async () => {
    const p = pool();
    await expect(
      ensureSchema(p, "broken", ["CREATE TABLE ok_table (id int)", "NOT SQL"]),
    ).rejects.toThrow();
    const { rows } = await p.query(
      "SELECT count(*)::int AS n FROM console_schema WHERE scope = 'broken'",
    );
    expect(rows[0].n).toBe(0);
    const table = await p.query("SELECT to_regclass('ok_table') AS t");
    expect(table.rows[0].t).toBeNull();
  });
});
