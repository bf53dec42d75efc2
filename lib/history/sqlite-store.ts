import "server-only";

import { randomUUID } from "node:crypto";

import type Database from "better-sqlite3";

import { instanceId } from "@/lib/db/instances";
import type { OperationState } from "@/lib/schemas/operation";

import { listWhere } from "./list-filter";
import {
  type NewOperation,
  type OpenOperation,
  type OperationOutcome,
  type OperationStore,
  SETTLE_CLAIM_MS,
} from "./operation-store";
import {
  NEW_OPERATION_COLUMNS,
  newOperationValues,
  type OperationRow,
  toDue,
  toOpen,
  toOperation,
} from "./rows";
import { SqliteCloneGuests } from "./sqlite-clone-guests";
import { SqliteDeletions } from "./sqlite-deletions";
import { historyFile, openHistoryFile } from "./sqlite-file";

// The instances whose stores are open in this process. One process uses a SQLite file (the
// console's default), so an operation sent by any other instance was left by a console that is
// gone; tests open two stores on one file to stand for two instances.
const live = new Set<string>();
const liveList = () => [...live].map((id) => `'${id.replaceAll("'", "''")}'`).join(", ");
/** SQL: true when the instance in `column` has no store open in this process. */
const ownerIsGone = (column: string) => `(${column} IS NULL OR ${column} NOT IN (${liveList()}))`;

/** The operation history in a SQLite file in the data folder: one process, the default. */
export class SqliteOperationStore implements OperationStore {
  private readonly db: Database.Database;
  readonly guests: SqliteCloneGuests;
  readonly deletions: SqliteDeletions;

  constructor(
    file = historyFile(),
    /** The instance that owns what this store begins (this process's, but in tests). */
    private readonly instance = instanceId(),
  ) {
    this.db = openHistoryFile(file);
    this.guests = new SqliteCloneGuests(this.db);
    this.deletions = new SqliteDeletions(this.db, instance, ownerIsGone);
    live.add(instance);
  }

  async ping(): Promise<void> {
    // A read of the operations table: fails when the database is gone or not migrated.
    this.db.prepare(`SELECT 1 FROM operations LIMIT 1`).get();
  }

  async begin(input: NewOperation) {
    const id = randomUUID();
    const info = this.db
      .prepare(
        `INSERT INTO operations (${NEW_OPERATION_COLUMNS}, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')
         ON CONFLICT DO NOTHING`,
      )
      .run(...newOperationValues(id, input, Date.now(), this.instance));
    if (info.changes === 1) return { operation: toOperation(this.row(id)!), created: true };
    const existing = this.db
      .prepare(
        `SELECT * FROM operations WHERE env = ? AND vcenter_user = ? AND idempotency_key = ?`,
      )
      .get(input.env, input.user, input.idempotencyKey) as OperationRow;
    return { operation: toOperation(existing), created: false };
  }

  async finish(id: string, outcome: OperationOutcome) {
    const now = Date.now();
    const open = outcome.state === "unknown";
    this.db
      .prepare(
        `UPDATE operations SET state = ?, vm = coalesce(?, vm), error = coalesce(?, error), settled_by = ?,
           ended_at = coalesce(ended_at, ?), duration_ms = coalesce(duration_ms, ? - started_at),
           settle_after = coalesce(?, settle_after), next_check = ?,
           sealed_session = CASE WHEN ? THEN sealed_session END,
           refused_session = CASE WHEN ? THEN refused_session END,
           claimed_by = ?, claimed_until = ? WHERE id = ?`,
      )
      .run(
        outcome.state,
        outcome.vm ?? null,
        outcome.error ? JSON.stringify(outcome.error) : null,
        outcome.settledBy ?? null,
        now,
        now,
        outcome.settleAfter ?? null,
        open ? (outcome.nextCheck ?? null) : null,
        open ? 1 : 0,
        open ? 1 : 0,
        open ? this.instance : null,
        open ? now + SETTLE_CLAIM_MS : null,
        id,
      );
    return toOperation(this.row(id)!);
  }

  async recordNamesBefore(id: string, vms: string[]) {
    this.db
      .prepare(`UPDATE operations SET names_before = ? WHERE id = ?`)
      .run(JSON.stringify(vms), id);
  }

  async open(id: string) {
    const row = this.row(id);
    return row && toOpen(row);
  }

  // One statement, so one writer at a time: two stores never claim the same operation.
  async due(now: number, limit = 50): Promise<OpenOperation[]> {
    const claimedAt = Date.now();
    const rows = this.db
      .prepare(
        `UPDATE operations SET claimed_by = ?, claimed_until = ?
         WHERE id IN (SELECT id FROM operations WHERE state = 'unknown' AND next_check <= ?
           AND sealed_session IS NOT NULL
           AND (claimed_until IS NULL OR claimed_until < ? OR ${ownerIsGone("claimed_by")})
           ORDER BY next_check LIMIT ?)
         RETURNING *`,
      )
      .all(this.instance, claimedAt + SETTLE_CLAIM_MS, now, claimedAt, limit) as (OperationRow & {
      next_check: number;
    })[];
    return toDue(rows);
  }

  async scheduleCheck(id: string, nextCheck: number) {
    this.db
      .prepare(
        `UPDATE operations SET checks = checks + 1, next_check = ?, claimed_by = NULL,
           claimed_until = NULL WHERE id = ?`,
      )
      .run(nextCheck, id);
  }

  async sessionRefused(id: string, fingerprint?: string) {
    this.db
      .prepare(
        `UPDATE operations SET refused_session = coalesce(?, refused_session), sealed_session = NULL,
           next_check = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ?`,
      )
      .run(fingerprint ?? null, id);
  }

  async adoptSession(env: string, user: string, sealed: string, fingerprint: string, now: number) {
    return this.db
      .prepare(
        `UPDATE operations SET sealed_session = ?, refused_session = NULL, next_check = ?
           WHERE env = ? AND vcenter_user = ? AND state = 'unknown' AND sealed_session IS NULL
             AND names_before IS NOT NULL AND (refused_session IS NULL OR refused_session <> ?)`,
      )
      .run(sealed, now, env, user, fingerprint).changes;
  }

  async waitingForSession(env: string, user: string) {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM operations WHERE env = ? AND vcenter_user = ? AND state = 'unknown'
             AND sealed_session IS NULL AND names_before IS NOT NULL LIMIT 1`,
        )
        .get(env, user) !== undefined
    );
  }

  async claimed(env: string, name: string, vms: string[], except: string) {
    if (vms.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT vm FROM operations WHERE env = ? AND name = ? AND id <> ?
           AND vm IN (${vms.map(() => "?").join(",")})`,
      )
      .all(env, name, except, ...vms) as { vm: string }[];
    return rows.map((row) => row.vm);
  }

  async get(env: string, id: string) {
    const row = this.db
      .prepare(`SELECT * FROM operations WHERE env = ? AND id = ?`)
      .get(env, id) as OperationRow | undefined;
    return row && toOperation(row);
  }

  async list(env: string, filter: { state?: OperationState; limit: number; offset: number }) {
    const { where, args } = listWhere(env, filter.state, () => "?");
    const rows = this.db
      .prepare(
        `SELECT * FROM operations WHERE ${where} ORDER BY started_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, filter.limit, filter.offset) as OperationRow[];
    const { total } = this.db
      .prepare(`SELECT count(*) AS total FROM operations WHERE ${where}`)
      .get(...args) as { total: number };
    return { items: rows.map(toOperation), total };
  }

  async cloneOfVm(env: string, vm: string) {
    const row = this.db
      .prepare(
        `SELECT * FROM operations WHERE env = ? AND vm = ? AND state = 'succeeded'
         ORDER BY started_at DESC, rowid DESC LIMIT 1`,
      )
      .get(env, vm) as OperationRow | undefined;
    return row && toOperation(row);
  }

  async unsettled(env: string, user?: string) {
    const rows = this.db
      .prepare(
        `SELECT * FROM operations WHERE env = ? AND state IN ('pending', 'unknown') AND (? IS NULL OR vcenter_user = ?)`,
      )
      .all(env, user ?? null, user ?? null) as OperationRow[];
    return rows.map(toOperation);
  }

  /** What a console that is gone left pending is now of unknown outcome (start-up, and later). */
  async markInterrupted(now = Date.now()) {
    const deletions = this.deletions.markInterrupted();
    return (
      deletions +
      this.db
        .prepare(
          `UPDATE operations SET state = 'unknown', next_check = ?
           WHERE state = 'pending' AND ${ownerIsGone("owner")}`,
        )
        .run(now).changes
    );
  }

  async close() {
    live.delete(this.instance);
    this.db.close();
  }

  private row(id: string) {
    return this.db.prepare(`SELECT * FROM operations WHERE id = ?`).get(id) as
      OperationRow | undefined;
  }
}
