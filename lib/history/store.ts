import "server-only";

import { randomUUID } from "node:crypto";
import path from "node:path";

import Database from "better-sqlite3";

import { dataDir } from "@/lib/config/data-dir";
import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import type { Operation, OperationState } from "@/lib/schemas/operation";

import { CloneGuestRecords } from "./clone-guests";
import { DeletionRecords } from "./deletions";
import { migrate } from "./migrations";

interface Row {
  id: string;
  env: string;
  vcenter_user: string;
  idempotency_key: string | null;
  spec: string;
  state: OperationState;
  vm: string | null;
  error: string | null;
  settled_by: string | null;
  started_at: number;
  ended_at: number | null;
  duration_ms: number | null;
}

const toOperation = (row: Row): Operation => ({
  id: row.id,
  env: row.env,
  user: row.vcenter_user,
  spec: JSON.parse(row.spec) as InstantCloneSpec,
  state: row.state,
  ...(row.vm ? { vm: row.vm } : {}),
  ...(row.error ? { error: JSON.parse(row.error) as ApiErrorBody } : {}),
  ...(row.settled_by ? { settled_by: row.settled_by as Operation["settled_by"] } : {}),
  started_at: new Date(row.started_at).toISOString(),
  ...(row.ended_at ? { ended_at: new Date(row.ended_at).toISOString() } : {}),
  ...(row.duration_ms !== null ? { duration_ms: row.duration_ms } : {}),
});

/** The operation history in a SQLite file in the data folder. Every call is synchronous. */
export class HistoryStore {
  private readonly db: Database.Database;
  /** After the clone: its guest's readiness, and its deletion (clone-guests.ts, deletions.ts). */
  readonly guests: CloneGuestRecords;
  readonly deletions: DeletionRecords;

  constructor(file = path.join(dataDir(), "history.sqlite")) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    migrate(this.db);
    this.guests = new CloneGuestRecords(this.db);
    this.deletions = new DeletionRecords(this.db);
  }

  /** Records a submission before it is sent; with an idempotency key already used, answers that one instead. */
  begin(input: { env: string; user: string; spec: InstantCloneSpec; idempotencyKey?: string }): {
    operation: Operation;
    created: boolean;
  } {
    const id = randomUUID();
    const info = this.db
      .prepare(
        `INSERT INTO operations (id, env, vcenter_user, idempotency_key, spec, source, name, state, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(
        id,
        input.env,
        input.user,
        input.idempotencyKey ?? null,
        JSON.stringify(input.spec),
        input.spec.source,
        input.spec.name,
        Date.now(),
      );
    if (info.changes === 1) return { operation: this.get(input.env, id)!, created: true };
    const existing = this.db
      .prepare(
        `SELECT * FROM operations WHERE env = ? AND vcenter_user = ? AND idempotency_key = ?`,
      )
      .get(input.env, input.user, input.idempotencyKey) as Row;
    return { operation: toOperation(existing), created: false };
  }

  finish(
    id: string,
    outcome: {
      state: Exclude<OperationState, "pending">;
      vm?: string;
      error?: ApiErrorBody;
      settledBy?: "lookup" | "startup";
    },
  ): Operation {
    const now = Date.now();
    this.db
      .prepare(
        `UPDATE operations SET state = ?, vm = coalesce(?, vm), error = coalesce(?, error), settled_by = ?,
           ended_at = coalesce(ended_at, ?), duration_ms = coalesce(duration_ms, ? - started_at) WHERE id = ?`,
      )
      .run(
        outcome.state,
        outcome.vm ?? null,
        outcome.error ? JSON.stringify(outcome.error) : null,
        outcome.settledBy ?? null,
        now,
        now,
        id,
      );
    return toOperation(this.db.prepare(`SELECT * FROM operations WHERE id = ?`).get(id) as Row);
  }

  get(env: string, id: string): Operation | undefined {
    const row = this.db
      .prepare(`SELECT * FROM operations WHERE env = ? AND id = ?`)
      .get(env, id) as Row | undefined;
    return row && toOperation(row);
  }

  list(
    env: string,
    filter: { state?: OperationState; limit: number; offset: number },
  ): { items: Operation[]; total: number } {
    const where = filter.state ? `env = ? AND state = ?` : `env = ?`;
    const args = filter.state ? [env, filter.state] : [env];
    const rows = this.db
      .prepare(
        `SELECT * FROM operations WHERE ${where} ORDER BY started_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, filter.limit, filter.offset) as Row[];
    const { total } = this.db
      .prepare(`SELECT count(*) AS total FROM operations WHERE ${where}`)
      .get(...args) as { total: number };
    return { items: rows.map(toOperation), total };
  }

  /**
   * The latest submission that made this VM id, when this console recorded one as succeeded
   * here (a simulator that restarted hands out its ids again: the newest record is this VM's).
   */
  cloneOfVm(env: string, vm: string): Operation | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM operations WHERE env = ? AND vm = ? AND state = 'succeeded'
         ORDER BY started_at DESC, rowid DESC LIMIT 1`,
      )
      .get(env, vm) as Row | undefined;
    return row && toOperation(row);
  }

  /** Operations whose outcome nobody knows yet, e.g. left pending by a console that stopped mid-call. */
  unsettled(env: string, user?: string): Operation[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM operations WHERE env = ? AND state IN ('pending', 'unknown') AND (? IS NULL OR vcenter_user = ?)`,
      )
      .all(env, user ?? null, user ?? null) as Row[];
    return rows.map(toOperation);
  }

  /** At start-up: what was pending when the last console stopped is now of unknown outcome. */
  markInterrupted(): number {
    const deletions = this.deletions.markInterrupted();
    return (
      deletions +
      this.db.prepare(`UPDATE operations SET state = 'unknown' WHERE state = 'pending'`).run()
        .changes
    );
  }

  close(): void {
    this.db.close();
  }
}

const holder = globalThis as { __iccHistory?: HistoryStore };
export const history = (): HistoryStore => (holder.__iccHistory ??= new HistoryStore());
