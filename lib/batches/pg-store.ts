import "server-only";

import { randomUUID } from "node:crypto";

import type pg from "pg";

import { ensureInstancesSchema, instanceId, ownerIsGone } from "@/lib/db/instances";
import { ensureSchema } from "@/lib/db/pg-schema";
import { inTransaction, pgPool } from "@/lib/db/postgres";
import type { BatchItemState, BatchState } from "@/lib/schemas/batch-status";

import {
  type BatchRow,
  type ItemRow,
  NEW_BATCH_COLUMNS,
  newBatchValues,
  toItem,
  toOwner,
  toSummary,
  toWork,
} from "./rows";
import type { BatchStore, ItemOutcome, NewBatch } from "./store";

// Batches in PostgreSQL, shared by every console instance on the database. An item is claimed
// with FOR UPDATE SKIP LOCKED, so instances claiming at once never get the same one; `owner` is
// the instance running a batch, and only that instance resumes its in-flight clones.

const STEPS = [
  `CREATE TABLE batches (
     id              text PRIMARY KEY,
     seq             bigserial,
     env             text NOT NULL,
     vcenter_user    text NOT NULL,
     idempotency_key text,
     request         text NOT NULL,
     source          text NOT NULL,
     concurrency     integer NOT NULL,
     total           integer NOT NULL,
     state           text NOT NULL CHECK (state IN ('running', 'done', 'cancelled')),
     session         text,
     owner           text,
     created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
     ended_at        timestamptz
   );
   CREATE UNIQUE INDEX batches_idempotency ON batches (env, vcenter_user, idempotency_key)
     WHERE idempotency_key IS NOT NULL;
   CREATE INDEX batches_env_created ON batches (env, created_at DESC, seq DESC);
   CREATE TABLE batch_items (
     batch_id   text NOT NULL REFERENCES batches (id),
     idx        integer NOT NULL,
     name       text NOT NULL,
     spec       text NOT NULL,
     state      text NOT NULL CHECK (state IN ('pending', 'running', 'succeeded', 'failed', 'unknown', 'cancelled')),
     attempt    integer NOT NULL DEFAULT 0,
     operation  text,
     vm         text,
     error      text,
     claimed_by text,
     started_at timestamptz,
     ended_at   timestamptz,
     PRIMARY KEY (batch_id, idx)
   );
   CREATE INDEX batch_items_open ON batch_items (batch_id, idx) WHERE state IN ('pending', 'running');`,
];

// A batch with its items counted by state, in one query.
const SUMMARY = `SELECT b.*, (SELECT json_object_agg(state, n) FROM
    (SELECT state, count(*)::int AS n FROM batch_items WHERE batch_id = b.id GROUP BY state) g) AS counts
  FROM batches b`;

type SummaryRow = BatchRow & { counts: Partial<Record<BatchItemState, number>> | null };
const summaryOf = (row: SummaryRow) => toSummary(row, row.counts ?? {});

const UNFINISHED = `(b.state = 'running' OR EXISTS (SELECT 1 FROM batch_items i
  WHERE i.batch_id = b.id AND i.state IN ('pending', 'running')))`;

export class PgBatchStore implements BatchStore {
  private ready?: Promise<void>;

  /** `instance` names this console instance (tests give several stores names of their own). */
  constructor(
    private readonly pool: pg.Pool = pgPool(),
    private readonly instance: string = instanceId(),
  ) {}

  private async query<R extends pg.QueryResultRow>(sql: string, values: unknown[]) {
    this.ready ??= (async () => {
      await ensureInstancesSchema(this.pool);
      await ensureSchema(this.pool, "batches", STEPS);
    })().catch((err: unknown) => {
      this.ready = undefined; // the next call tries again (the database may be back)
      throw err;
    });
    await this.ready;
    return this.pool.query<R>(sql, values);
  }

  async create(input: NewBatch) {
    await this.query("SELECT 1", []);
    const id = randomUUID();
    const created = await inTransaction(this.pool, async (client) => {
      const inserted = await client.query(
        `INSERT INTO batches (${NEW_BATCH_COLUMNS}, owner, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'running') ON CONFLICT DO NOTHING`,
        [...newBatchValues(id, input), this.instance],
      );
      if (inserted.rowCount !== 1) return false;
      await client.query(
        `INSERT INTO batch_items (batch_id, idx, name, spec, state)
         SELECT $1, n - 1, name, spec, 'pending' FROM unnest($2::text[], $3::text[])
           WITH ORDINALITY AS t(name, spec, n)`,
        [id, input.specs.map((s) => s.name), input.specs.map((s) => JSON.stringify(s))],
      );
      return true;
    });
    if (created) return { id, created: true, request: input.request };
    const existing = await this.byKey(input.env, input.user, input.idempotencyKey ?? "");
    return { ...existing!, created: false };
  }

  async byKey(env: string, user: string, key: string) {
    const { rows } = await this.query<{ id: string; request: string }>(
      `SELECT id, request FROM batches WHERE env = $1 AND vcenter_user = $2 AND idempotency_key = $3`,
      [env, user, key],
    );
    return rows[0];
  }

  async summary(env: string, id: string) {
    const { rows } = await this.query<SummaryRow>(`${SUMMARY} WHERE b.env = $1 AND b.id = $2`, [
      env,
      id,
    ]);
    return rows[0] && summaryOf(rows[0]);
  }

  async request(env: string, id: string) {
    const { rows } = await this.query<{ request: string }>(
      `SELECT request FROM batches WHERE env = $1 AND id = $2`,
      [env, id],
    );
    return rows[0]?.request;
  }

  async get(env: string, id: string) {
    const summary = await this.summary(env, id);
    if (!summary) return undefined;
    const { rows } = await this.query<ItemRow>(
      `SELECT * FROM batch_items WHERE batch_id = $1 ORDER BY idx`,
      [id],
    );
    return { ...summary, items: rows.map(toItem) };
  }

  async list(env: string, limit: number) {
    const { rows } = await this.query<SummaryRow>(
      `${SUMMARY} WHERE b.env = $1 ORDER BY b.created_at DESC, b.seq DESC LIMIT $2`,
      [env, limit],
    );
    return rows.map(summaryOf);
  }

  async owner(id: string) {
    const { rows } = await this.query<
      Pick<BatchRow, "env" | "vcenter_user" | "session" | "state"> & { elsewhere: boolean }
    >(
      `SELECT env, vcenter_user, session, state,
         (owner IS NOT NULL AND owner <> $2 AND NOT ${ownerIsGone("owner")}) AS elsewhere
       FROM batches WHERE id = $1`,
      [id, this.instance],
    );
    return rows[0] && toOwner(rows[0], rows[0].elsewhere);
  }

  async claimNext(id: string) {
    // SKIP LOCKED: a clone another claim is taking right now is passed over, not waited for;
    // once that claim commits, the row is no longer pending and never claimed again.
    const { rows } = await this.query<ItemRow>(
      `UPDATE batch_items SET state = 'running', attempt = attempt + 1, operation = NULL,
         error = NULL, claimed_by = $2, started_at = clock_timestamp(), ended_at = NULL
       WHERE batch_id = $1 AND idx = (
         SELECT idx FROM batch_items WHERE batch_id = $1 AND state = 'pending'
         ORDER BY idx LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [id, this.instance],
    );
    return rows[0] && toWork(rows[0]);
  }

  async setOperation(id: string, index: number, operation: string) {
    await this.query(`UPDATE batch_items SET operation = $3 WHERE batch_id = $1 AND idx = $2`, [
      id,
      index,
      operation,
    ]);
  }

  async finishItem(id: string, index: number, outcome: ItemOutcome) {
    await this.query(
      `UPDATE batch_items SET state = $3, vm = $4, error = $5, ended_at = clock_timestamp()
       WHERE batch_id = $1 AND idx = $2`,
      [
        id,
        index,
        outcome.state,
        outcome.vm ?? null,
        outcome.error ? JSON.stringify(outcome.error) : null,
      ],
    );
  }

  async itemsIn(id: string, states: readonly BatchItemState[]) {
    const { rows } = await this.query<ItemRow>(
      `SELECT * FROM batch_items WHERE batch_id = $1 AND state = ANY($2::text[]) ORDER BY idx`,
      [id, [...states]],
    );
    return rows.map(toWork);
  }

  async closePending(id: string, outcome: ItemOutcome) {
    const { rowCount } = await this.query(
      `UPDATE batch_items SET state = $2, error = $3, ended_at = clock_timestamp()
       WHERE batch_id = $1 AND state = 'pending'`,
      [id, outcome.state, outcome.error ? JSON.stringify(outcome.error) : null],
    );
    return rowCount ?? 0;
  }

  async requeueItem(id: string, index: number) {
    await this.query(`UPDATE batch_items SET state = 'pending' WHERE batch_id = $1 AND idx = $2`, [
      id,
      index,
    ]);
  }

  async requeueFailed(id: string) {
    const { rowCount } = await this.query(
      `UPDATE batch_items SET state = 'pending' WHERE batch_id = $1 AND state = 'failed'`,
      [id],
    );
    return rowCount ?? 0;
  }

  async setSession(id: string, sealed: string | null) {
    await this.query(`UPDATE batches SET session = $2 WHERE id = $1`, [id, sealed]);
  }

  async setState(id: string, state: BatchState) {
    await this.query(
      `UPDATE batches SET state = $2,
         ended_at = CASE WHEN $2 = 'running' THEN NULL ELSE clock_timestamp() END
       WHERE id = $1`,
      [id, state],
    );
  }

  async own(id: string) {
    const { rowCount } = await this.query(
      `UPDATE batches SET owner = $2 WHERE id = $1 AND (owner = $2 OR ${ownerIsGone("owner")})`,
      [id, this.instance],
    );
    return rowCount === 1;
  }

  async release(id: string) {
    await this.query(`UPDATE batches SET owner = NULL WHERE id = $1 AND owner = $2`, [
      id,
      this.instance,
    ]);
  }

  async adoptUnfinished() {
    // SKIP LOCKED: two instances adopting at once split the batches instead of waiting.
    const { rows } = await this.query<{ id: string }>(
      `UPDATE batches SET owner = $1 WHERE id IN (
         SELECT b.id FROM batches b WHERE ${UNFINISHED} AND ${ownerIsGone("b.owner")}
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [this.instance],
    );
    return rows.map((r) => r.id);
  }
}
