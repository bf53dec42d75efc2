import "server-only";

import { randomUUID } from "node:crypto";

import type pg from "pg";

import { ensureInstancesSchema, instanceId, ownerIsGone } from "@/lib/db/instances";
import { ensureSchema } from "@/lib/db/pg-schema";
import type { OperationState } from "@/lib/schemas/operation";

import { listWhere } from "./list-filter";
import {
  type NewOperation,
  type OpenOperation,
  type OperationOutcome,
  type OperationStore,
  SETTLE_CLAIM_MS,
} from "./operation-store";
import { PgCloneGuests } from "./pg-clone-guests";
import { PgDeletions } from "./pg-deletions";
import { HISTORY_STEPS } from "./pg-migrations";
import type { Query } from "./pg-query";
import {
  NEW_OPERATION_COLUMNS,
  newOperationValues,
  type OperationRow,
  toDue,
  toOpen,
  toOperation,
} from "./rows";

// A claim's end in the database's own time, so the instances' clocks never need to agree.
const CLAIM_END = `now() + make_interval(secs => ${SETTLE_CLAIM_MS / 1000})`;

/**
 * The operation history on PostgreSQL (CONSOLE_DATABASE_URL), shared by several instances: an
 * idempotency key is unique in the table whichever instance records it, the settle lookups are
 * claimed row by row (FOR UPDATE SKIP LOCKED), and what an instance sends is its own until its
 * heartbeat stops (lib/db/instances.ts).
 */
export class PgOperationStore implements OperationStore {
  readonly guests: PgCloneGuests;
  readonly deletions: PgDeletions;
  private migrated?: Promise<void>;

  constructor(
    /** The process's pool (lib/db/postgres.ts): closed at shutdown, not by this store. */
    private readonly pool: pg.Pool,
    /** The instance that owns what this store begins (this process's, but in tests). */
    private readonly instance = instanceId(),
  ) {
    this.guests = new PgCloneGuests(this.query);
    this.deletions = new PgDeletions(this.query, instance);
  }

  /** Runs once the tables exist: the first call applies the schema steps not yet applied. */
  private readonly query: Query = async (sql, params) => {
    await this.schema();
    return this.pool.query(sql, params);
  };

  private schema(): Promise<void> {
    this.migrated ??= (async () => {
      await ensureInstancesSchema(this.pool);
      await ensureSchema(this.pool, "history", HISTORY_STEPS);
    })().catch((err: unknown) => {
      this.migrated = undefined; // tried again at the next call
      throw err;
    });
    return this.migrated;
  }

  async ping(): Promise<void> {
    await this.query(`SELECT 1 FROM operations LIMIT 1`);
  }

  async begin(input: NewOperation) {
    // ON CONFLICT DO NOTHING waits for a concurrent insert of the same key to commit, so the
    // loser finds the winner's row: one key, one operation, whichever instance got the request.
    const { rows } = await this.query<OperationRow>(
      `INSERT INTO operations (${NEW_OPERATION_COLUMNS}, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending')
       ON CONFLICT DO NOTHING RETURNING *`,
      newOperationValues(randomUUID(), input, Date.now(), this.instance),
    );
    if (rows[0]) return { operation: toOperation(rows[0]), created: true };
    const existing = await this.query<OperationRow>(
      `SELECT * FROM operations WHERE env = $1 AND vcenter_user = $2 AND idempotency_key = $3`,
      [input.env, input.user, input.idempotencyKey],
    );
    return { operation: toOperation(existing.rows[0]!), created: false };
  }

  async finish(id: string, outcome: OperationOutcome) {
    const open = outcome.state === "unknown";
    const { rows } = await this.query<OperationRow>(
      `UPDATE operations SET state = $1, vm = coalesce($2, vm), error = coalesce($3, error),
         settled_by = $4, ended_at = coalesce(ended_at, $5::bigint),
         duration_ms = coalesce(duration_ms, $5::bigint - started_at),
         settle_after = coalesce($6, settle_after), next_check = $7,
         sealed_session = CASE WHEN $8::boolean THEN sealed_session END,
         refused_session = CASE WHEN $8::boolean THEN refused_session END,
         claimed_by = CASE WHEN $8::boolean THEN $9::text END,
         claimed_until = CASE WHEN $8::boolean THEN ${CLAIM_END} END
       WHERE id = $10 RETURNING *`,
      [
        outcome.state,
        outcome.vm ?? null,
        outcome.error ? JSON.stringify(outcome.error) : null,
        outcome.settledBy ?? null,
        Date.now(),
        outcome.settleAfter ?? null,
        open ? (outcome.nextCheck ?? null) : null,
        open,
        this.instance,
        id,
      ],
    );
    return toOperation(rows[0]!);
  }

  async recordNamesBefore(id: string, vms: string[]) {
    await this.query(`UPDATE operations SET names_before = $1 WHERE id = $2`, [
      JSON.stringify(vms),
      id,
    ]);
  }

  async open(id: string) {
    const { rows } = await this.query<OperationRow>(`SELECT * FROM operations WHERE id = $1`, [id]);
    return rows[0] && toOpen(rows[0]);
  }

  async due(now: number, limit = 50): Promise<OpenOperation[]> {
    // Rows another instance is claiming right now are skipped, not waited for; a claim ends
    // when its lookup is recorded, when it runs out, or when its instance is gone.
    const { rows } = await this.query<OperationRow & { next_check: string }>(
      `WITH picked AS (
         SELECT id FROM operations
          WHERE state = 'unknown' AND next_check <= $1 AND sealed_session IS NOT NULL
            AND (claimed_by IS NULL OR claimed_until < now() OR ${ownerIsGone("claimed_by")})
          ORDER BY next_check LIMIT $2
          FOR UPDATE SKIP LOCKED)
       UPDATE operations o SET claimed_by = $3, claimed_until = ${CLAIM_END}
         FROM picked WHERE o.id = picked.id
       RETURNING o.*`,
      [now, limit, this.instance],
    );
    return toDue(rows);
  }

  async scheduleCheck(id: string, nextCheck: number) {
    await this.query(
      `UPDATE operations SET checks = checks + 1, next_check = $1, claimed_by = NULL,
         claimed_until = NULL WHERE id = $2`,
      [nextCheck, id],
    );
  }

  async sessionRefused(id: string, fingerprint?: string) {
    await this.query(
      `UPDATE operations SET refused_session = coalesce($1, refused_session), sealed_session = NULL,
         next_check = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = $2`,
      [fingerprint ?? null, id],
    );
  }

  async adoptSession(env: string, user: string, sealed: string, fingerprint: string, now: number) {
    const { rowCount } = await this.query(
      `UPDATE operations SET sealed_session = $1, refused_session = NULL, next_check = $2
         WHERE env = $3 AND vcenter_user = $4 AND state = 'unknown' AND sealed_session IS NULL
           AND names_before IS NOT NULL AND (refused_session IS NULL OR refused_session <> $5)`,
      [sealed, now, env, user, fingerprint],
    );
    return rowCount ?? 0;
  }

  async waitingForSession(env: string, user: string) {
    const { rows } = await this.query(
      `SELECT 1 FROM operations WHERE env = $1 AND vcenter_user = $2 AND state = 'unknown'
         AND sealed_session IS NULL AND names_before IS NOT NULL LIMIT 1`,
      [env, user],
    );
    return rows.length > 0;
  }

  async claimed(env: string, name: string, vms: string[], except: string) {
    if (vms.length === 0) return [];
    const { rows } = await this.query<{ vm: string }>(
      `SELECT vm FROM operations WHERE env = $1 AND name = $2 AND id <> $3 AND vm = ANY($4::text[])`,
      [env, name, except, vms],
    );
    return rows.map((row) => row.vm);
  }

  async get(env: string, id: string) {
    const { rows } = await this.query<OperationRow>(
      `SELECT * FROM operations WHERE env = $1 AND id = $2`,
      [env, id],
    );
    return rows[0] && toOperation(rows[0]);
  }

  async list(env: string, filter: { state?: OperationState; limit: number; offset: number }) {
    const { where, args } = listWhere(env, filter.state, (n) => `$${n}`);
    const n = args.length;
    const [page, count] = await Promise.all([
      this.query<OperationRow>(
        `SELECT * FROM operations WHERE ${where} ORDER BY started_at DESC, seq DESC
         LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...args, filter.limit, filter.offset],
      ),
      this.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM operations WHERE ${where}`,
        args,
      ),
    ]);
    return { items: page.rows.map(toOperation), total: count.rows[0]!.total };
  }

  async cloneOfVm(env: string, vm: string) {
    const { rows } = await this.query<OperationRow>(
      `SELECT * FROM operations WHERE env = $1 AND vm = $2 AND state = 'succeeded'
       ORDER BY started_at DESC, seq DESC LIMIT 1`,
      [env, vm],
    );
    return rows[0] && toOperation(rows[0]);
  }

  async unsettled(env: string, user?: string) {
    const { rows } = await this.query<OperationRow>(
      `SELECT * FROM operations WHERE env = $1 AND state IN ('pending', 'unknown')
         AND ($2::text IS NULL OR vcenter_user = $2)`,
      [env, user ?? null],
    );
    return rows.map(toOperation);
  }

  /** Only what an instance that is gone left pending: another instance's live work is its own. */
  async markInterrupted(now = Date.now()) {
    const deletions = await this.deletions.markInterrupted();
    const { rowCount } = await this.query(
      `UPDATE operations SET state = 'unknown', next_check = $1
       WHERE state = 'pending' AND ${ownerIsGone("owner")}`,
      [now],
    );
    return deletions + (rowCount ?? 0);
  }

  /** Nothing to close: the pool is the process's, closed at shutdown after the heartbeat stops. */
  async close(): Promise<void> {}
}
