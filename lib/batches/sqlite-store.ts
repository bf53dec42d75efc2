import "server-only";

import { randomUUID } from "node:crypto";

import type Database from "better-sqlite3";

import { historyFile, openHistoryFile } from "@/lib/history/sqlite-file";
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

/** Batches in the same SQLite file as the history (its own connection, the same migrations). */
export class SqliteBatchStore implements BatchStore {
  private readonly db: Database.Database;

  constructor(file = historyFile()) {
    this.db = openHistoryFile(file);
  }

  async create(input: NewBatch) {
    const id = randomUUID();
    const now = Date.now();
    const insertItem = this.db.prepare(
      `INSERT INTO batch_items (batch_id, idx, name, spec, state) VALUES (?, ?, ?, ?, 'pending')`,
    );
    const created = this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO batches (${NEW_BATCH_COLUMNS}, created_at, state)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running') ON CONFLICT DO NOTHING`,
        )
        .run(...newBatchValues(id, input), now);
      if (info.changes !== 1) return false;
      input.specs.forEach((spec, i) => insertItem.run(id, i, spec.name, JSON.stringify(spec)));
      return true;
    })();
    if (created) return { id, created: true, request: input.request };
    const existing = await this.byKey(input.env, input.user, input.idempotencyKey ?? "");
    return { ...existing!, created: false };
  }

  async byKey(env: string, user: string, key: string) {
    return this.db
      .prepare(
        `SELECT id, request FROM batches WHERE env = ? AND vcenter_user = ? AND idempotency_key = ?`,
      )
      .get(env, user, key) as { id: string; request: string } | undefined;
  }

  async summary(env: string, id: string) {
    const row = this.db.prepare(`SELECT * FROM batches WHERE env = ? AND id = ?`).get(env, id) as
      BatchRow | undefined;
    return row && this.summaryOf(row);
  }

  async request(env: string, id: string) {
    const row = this.db
      .prepare(`SELECT request FROM batches WHERE env = ? AND id = ?`)
      .get(env, id) as { request: string } | undefined;
    return row?.request;
  }

  async get(env: string, id: string) {
    const summary = await this.summary(env, id);
    if (!summary) return undefined;
    const rows = this.db
      .prepare(`SELECT * FROM batch_items WHERE batch_id = ? ORDER BY idx`)
      .all(id) as ItemRow[];
    return { ...summary, items: rows.map(toItem) };
  }

  async list(env: string, limit: number) {
    const rows = this.db
      .prepare(`SELECT * FROM batches WHERE env = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(env, limit) as BatchRow[];
    return rows.map((row) => this.summaryOf(row));
  }

  async owner(id: string) {
    const row = this.db
      .prepare(`SELECT env, vcenter_user, session, state FROM batches WHERE id = ?`)
      .get(id) as Pick<BatchRow, "env" | "vcenter_user" | "session" | "state"> | undefined;
    return row && toOwner(row, false);
  }

  async claimNext(id: string) {
    const row = this.db
      .prepare(
        `UPDATE batch_items SET state = 'running', attempt = attempt + 1, operation = NULL,
           error = NULL, started_at = ?, ended_at = NULL
         WHERE batch_id = ? AND idx = (
           SELECT idx FROM batch_items WHERE batch_id = ? AND state = 'pending' ORDER BY idx LIMIT 1)
         RETURNING *`,
      )
      .get(Date.now(), id, id) as ItemRow | undefined;
    return row && toWork(row);
  }

  async setOperation(id: string, index: number, operation: string) {
    this.db
      .prepare(`UPDATE batch_items SET operation = ? WHERE batch_id = ? AND idx = ?`)
      .run(operation, id, index);
  }

  async finishItem(id: string, index: number, outcome: ItemOutcome) {
    this.db
      .prepare(
        `UPDATE batch_items SET state = ?, vm = ?, error = ?, ended_at = ? WHERE batch_id = ? AND idx = ?`,
      )
      .run(
        outcome.state,
        outcome.vm ?? null,
        outcome.error ? JSON.stringify(outcome.error) : null,
        Date.now(),
        id,
        index,
      );
  }

  async itemsIn(id: string, states: readonly BatchItemState[]) {
    const rows = this.db
      .prepare(
        `SELECT * FROM batch_items WHERE batch_id = ? AND state IN (${states.map(() => "?").join(",")}) ORDER BY idx`,
      )
      .all(id, ...states) as ItemRow[];
    return rows.map(toWork);
  }

  async closePending(id: string, outcome: ItemOutcome) {
    return this.db
      .prepare(
        `UPDATE batch_items SET state = ?, error = ?, ended_at = ? WHERE batch_id = ? AND state = 'pending'`,
      )
      .run(outcome.state, outcome.error ? JSON.stringify(outcome.error) : null, Date.now(), id)
      .changes;
  }

  async requeueItem(id: string, index: number) {
    this.db
      .prepare(`UPDATE batch_items SET state = 'pending' WHERE batch_id = ? AND idx = ?`)
      .run(id, index);
  }

  async requeueFailed(id: string) {
    return this.db
      .prepare(`UPDATE batch_items SET state = 'pending' WHERE batch_id = ? AND state = 'failed'`)
      .run(id).changes;
  }

  async setSession(id: string, sealed: string | null) {
    this.db.prepare(`UPDATE batches SET session = ? WHERE id = ?`).run(sealed, id);
  }

  async setState(id: string, state: BatchState) {
    this.db
      .prepare(
        `UPDATE batches SET state = ?, ended_at = CASE WHEN ? = 'running' THEN NULL ELSE ? END WHERE id = ?`,
      )
      .run(state, state, Date.now(), id);
  }

  // One instance per SQLite file: every batch is this instance's.
  async own() {
    return true;
  }

  async release() {}

  async adoptUnfinished() {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT b.id FROM batches b LEFT JOIN batch_items i ON i.batch_id = b.id
         WHERE b.state = 'running' OR i.state IN ('pending', 'running')`,
      )
      .all() as { id: string }[];
    return rows.map((r) => r.id);
  }

  close(): void {
    this.db.close();
  }

  private summaryOf(row: BatchRow) {
    const groups = this.db
      .prepare(`SELECT state, count(*) AS n FROM batch_items WHERE batch_id = ? GROUP BY state`)
      .all(row.id) as { state: BatchItemState; n: number }[];
    return toSummary(row, Object.fromEntries(groups.map(({ state, n }) => [state, n])));
  }
}
