import "server-only";

import type pg from "pg";

import { inTransaction } from "./postgres";

// Each store owns its tables and their migrations (a scope: "history", "batches", …) and calls
// ensureSchema when it opens. Instances starting together take one advisory lock, so exactly
// one applies a step and the others find it applied.

/** pg_advisory_xact_lock key: "icc-schema" as a number, the same in every instance. */
const SCHEMA_LOCK = 0x1cc5c4e3a;

/**
 * Applies the steps of `scope` not applied yet, in order, each in the same transaction as the
 * record of it. Steps are append-only: a released step is never edited, a change is a new step.
 */
export async function ensureSchema(
  pool: pg.Pool,
  scope: string,
  steps: readonly string[],
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS console_schema (
         scope text NOT NULL,
         step integer NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (scope, step))`,
    );
    const { rows } = await client.query<{ done: number | null }>(
      "SELECT max(step) AS done FROM console_schema WHERE scope = $1",
      [scope],
    );
    const done = rows[0]?.done ?? 0;
    for (let step = done + 1; step <= steps.length; step++) {
      await client.query(steps[step - 1]!);
      await client.query("INSERT INTO console_schema (scope, step) VALUES ($1, $2)", [scope, step]);
    }
  });
}
