import "server-only";

import { createHash } from "node:crypto";

import type pg from "pg";

import { ensureSchema } from "@/lib/db/pg-schema";
import { inTransaction, pgPool } from "@/lib/db/postgres";

import type { AttemptStore } from "./attempt-store";
import { type AttemptCount, FORGET_MS, reserve } from "./policy";

// The counts in PostgreSQL, shared by every console instance: a login throttled on one is
// throttled on all. Each step locks the key's row, so parallel guesses through several instances
// see each other's counts just as they do in one process. The key (environment, client address,
// user) is stored as a hash only: the table names nobody.

const STEPS = [
  `CREATE TABLE login_attempts (
     key          text PRIMARY KEY,
     attempts     integer NOT NULL,
     locked_until bigint NOT NULL,
     last         bigint NOT NULL
   );
   CREATE INDEX login_attempts_last ON login_attempts (last)`,
];

/** One reservation in this many also forgets the counts that no longer matter. */
const PURGE_EVERY = 200;

const hashOf = (key: string) => createHash("sha256").update(key).digest("base64url");

interface Row {
  attempts: number;
  locked_until: string;
  last: string;
}

export class PgAttemptStore implements AttemptStore {
  private ready?: Promise<void>;

  constructor(private readonly pool: pg.Pool = pgPool()) {}

  private schema(): Promise<void> {
    return (this.ready ??= ensureSchema(this.pool, "login-attempts", STEPS).catch((err) => {
      this.ready = undefined;
      throw err;
    }));
  }

  async reserve(key: string, now: number) {
    await this.schema();
    const id = hashOf(key);
    const reservation = await inTransaction(this.pool, async (client) => {
      // The row exists before it is locked, so two first attempts cannot both start from nothing.
      await client.query(
        `INSERT INTO login_attempts (key, attempts, locked_until, last) VALUES ($1, 0, 0, $2)
         ON CONFLICT (key) DO NOTHING`,
        [id, now],
      );
      const { rows } = await client.query<Row>(
        "SELECT attempts, locked_until, last FROM login_attempts WHERE key = $1 FOR UPDATE",
        [id],
      );
      const before: AttemptCount = {
        attempts: rows[0]!.attempts,
        lockedUntil: Number(rows[0]!.locked_until),
        last: Number(rows[0]!.last),
      };
      const { count, reservation } = reserve(before, now);
      await client.query(
        "UPDATE login_attempts SET attempts = $2, locked_until = $3, last = $4 WHERE key = $1",
        [id, count.attempts, count.lockedUntil, count.last],
      );
      return reservation;
    });
    if (Math.random() * PURGE_EVERY < 1)
      await this.pool.query("DELETE FROM login_attempts WHERE locked_until <= $1 AND last < $2", [
        now,
        now - FORGET_MS,
      ]);
    return reservation;
  }

  async handBack(key: string) {
    await this.schema();
    // policy.handBack's rule, in one atomic statement.
    await this.pool.query(
      "UPDATE login_attempts SET attempts = greatest(0, attempts - 1) WHERE key = $1",
      [hashOf(key)],
    );
  }

  async clear(key: string) {
    await this.schema();
    await this.pool.query("DELETE FROM login_attempts WHERE key = $1", [hashOf(key)]);
  }
}
