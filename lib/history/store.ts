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
  names_before: string | null;
  sealed_session: string | null;
  settle_after: number | null;
  checks: number;
}

/** An operation whose outcome is not known yet, with what settling it needs. */
export interface OpenOperation {
  operation: Operation;
  /** Ids of the VMs with the requested name just before it was sent; absent if never sent. */
  namesBefore?: string[];
  /** The operator's session, sealed with the console's secret, while the outcome is open. */
  sealedSession?: string;
  /** From then "not made" may be concluded; absent when the console stopped mid-call. */
  settleAfter?: number;
  /** Lookups made so far. */
  checks: number;
}

const toOpen = (row: Row): OpenOperation => ({
  operation: toOperation(row),
  ...(row.names_before ? { namesBefore: JSON.parse(row.names_before) as string[] } : {}),
  ...(row.sealed_session ? { sealedSession: row.sealed_session } : {}),
  ...(row.settle_after !== null ? { settleAfter: row.settle_after } : {}),
  checks: row.checks,
});

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
  begin(input: {
    env: string;
    user: string;
    spec: InstantCloneSpec;
    idempotencyKey?: string;
    /** Kept while the outcome is open, so it can be settled in the background. */
    sealedSession?: string;
  }): {
    operation: Operation;
    created: boolean;
  } {
    const id = randomUUID();
    const info = this.db
      .prepare(
        `INSERT INTO operations (id, env, vcenter_user, idempotency_key, spec, source, name, state, started_at, sealed_session)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
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
        input.sealedSession ?? null,
      );
    if (info.changes === 1) return { operation: this.get(input.env, id)!, created: true };
    const existing = this.db
      .prepare(
        `SELECT * FROM operations WHERE env = ? AND vcenter_user = ? AND idempotency_key = ?`,
      )
      .get(input.env, input.user, input.idempotencyKey) as Row;
    return { operation: toOperation(existing), created: false };
  }

  /** Records an outcome. Succeeded and failed are final: the sealed session is deleted. */
  finish(
    id: string,
    outcome: {
      state: Exclude<OperationState, "pending">;
      vm?: string;
      error?: ApiErrorBody;
      settledBy?: "lookup" | "startup";
      /** Unknown only: when "not made" may be concluded, and when to look next. */
      settleAfter?: number;
      nextCheck?: number;
    },
  ): Operation {
    const now = Date.now();
    const open = outcome.state === "unknown";
    this.db
      .prepare(
        `UPDATE operations SET state = ?, vm = coalesce(?, vm), error = coalesce(?, error), settled_by = ?,
           ended_at = coalesce(ended_at, ?), duration_ms = coalesce(duration_ms, ? - started_at),
           settle_after = coalesce(?, settle_after), next_check = ?,
           sealed_session = CASE WHEN ? THEN sealed_session END,
           refused_session = CASE WHEN ? THEN refused_session END WHERE id = ?`,
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
        id,
      );
    return toOperation(this.db.prepare(`SELECT * FROM operations WHERE id = ?`).get(id) as Row);
  }

  /** The ids of the VMs that already had the requested name, just before sending. */
  recordNamesBefore(id: string, vms: string[]): void {
    this.db
      .prepare(`UPDATE operations SET names_before = ? WHERE id = ?`)
      .run(JSON.stringify(vms), id);
  }

  open(id: string): OpenOperation | undefined {
    const row = this.db.prepare(`SELECT * FROM operations WHERE id = ?`).get(id) as Row | undefined;
    return row && toOpen(row);
  }

  /** Open outcomes whose next lookup is due and that hold a session to make it with. */
  due(now: number, limit = 50): OpenOperation[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM operations WHERE state = 'unknown' AND next_check <= ?
           AND sealed_session IS NOT NULL ORDER BY next_check LIMIT ?`,
      )
      .all(now, limit) as Row[];
    return rows.map(toOpen);
  }

  /** Counts one more lookup and sets the next one. */
  scheduleCheck(id: string, nextCheck: number): void {
    this.db
      .prepare(`UPDATE operations SET checks = checks + 1, next_check = ? WHERE id = ?`)
      .run(nextCheck, id);
  }

  /** vCenter no longer honours the kept session: drop it and wait for the operator's next one. */
  sessionRefused(id: string, fingerprint?: string): void {
    this.db
      .prepare(
        `UPDATE operations SET refused_session = coalesce(?, refused_session), sealed_session = NULL,
           next_check = NULL WHERE id = ?`,
      )
      .run(fingerprint ?? null, id);
  }

  /** Hands this operator's new session to their open outcomes that wait for one (unless it is
   * the one vCenter refused); answers how many. */
  adoptSession(
    env: string,
    user: string,
    sealed: string,
    fingerprint: string,
    now: number,
  ): number {
    return this.db
      .prepare(
        `UPDATE operations SET sealed_session = ?, refused_session = NULL, next_check = ?
           WHERE env = ? AND vcenter_user = ? AND state = 'unknown' AND sealed_session IS NULL
             AND names_before IS NOT NULL AND (refused_session IS NULL OR refused_session <> ?)`,
      )
      .run(sealed, now, env, user, fingerprint).changes;
  }

  /** Whether this operator has open outcomes that wait for a session. */
  waitingForSession(env: string, user: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM operations WHERE env = ? AND vcenter_user = ? AND state = 'unknown'
             AND sealed_session IS NULL AND names_before IS NOT NULL LIMIT 1`,
        )
        .get(env, user) !== undefined
    );
  }

  /** Of these VMs named `name`, those another operation of that name already owns. */
  claimed(env: string, name: string, vms: string[], except: string): string[] {
    if (vms.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT vm FROM operations WHERE env = ? AND name = ? AND id <> ?
           AND vm IN (${vms.map(() => "?").join(",")})`,
      )
      .all(env, name, except, ...vms) as { vm: string }[];
    return rows.map((row) => row.vm);
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
  markInterrupted(now = Date.now()): number {
    const deletions = this.deletions.markInterrupted();
    return (
      deletions +
      this.db
        .prepare(`UPDATE operations SET state = 'unknown', next_check = ? WHERE state = 'pending'`)
        .run(now).changes
    );
  }

  close(): void {
    this.db.close();
  }
}

const holder = globalThis as { __iccHistory?: HistoryStore };
export const history = (): HistoryStore => (holder.__iccHistory ??= new HistoryStore());
