import "server-only";

import { randomUUID } from "node:crypto";

import type Database from "better-sqlite3";

import type { Deletion } from "@/lib/schemas/deletion";

import type { DeletionOutcome, DeletionStore } from "./operation-store";
import { type DeletionRow, toDeletion } from "./rows";

/** The deletions' records in the SQLite history. */
export class SqliteDeletions implements DeletionStore {
  constructor(
    private readonly db: Database.Database,
    private readonly instance: string,
    private readonly ownerIsGone: (column: string) => string,
  ) {}

  async begin(input: { env: string; user: string; vm: string; cloneOperation: string }) {
    const id = randomUUID();
    const info = this.db
      .prepare(
        `INSERT INTO deletions (id, env, vcenter_user, vm, clone_operation, state, started_at, owner)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(id, input.env, input.user, input.vm, input.cloneOperation, Date.now(), this.instance);
    if (info.changes === 1) return { deletion: this.byId(id)!, created: true };
    return { deletion: this.live(input.cloneOperation)!, created: false };
  }

  async finish(id: string, outcome: DeletionOutcome): Promise<Deletion> {
    const now = Date.now();
    this.db
      .prepare(
        `UPDATE deletions SET state = ?, already_gone = ?, error = coalesce(?, error),
           settled_by = coalesce(?, settled_by), ended_at = coalesce(ended_at, ?),
           duration_ms = coalesce(duration_ms, ? - started_at) WHERE id = ?`,
      )
      .run(
        outcome.state,
        outcome.alreadyGone ? 1 : 0,
        outcome.error ? JSON.stringify(outcome.error) : null,
        outcome.settledBy ?? null,
        now,
        now,
        id,
      );
    return this.byId(id)!;
  }

  async get(id: string) {
    return this.byId(id);
  }

  async latest(cloneOperation: string) {
    const row = this.db
      .prepare(
        `SELECT * FROM deletions WHERE clone_operation = ?
         ORDER BY state = 'failed', started_at DESC, rowid DESC LIMIT 1`,
      )
      .get(cloneOperation) as DeletionRow | undefined;
    return row && toDeletion(row);
  }

  async latestOf(cloneOperations: string[]) {
    const latest = new Map<string, Deletion>();
    if (cloneOperations.length === 0) return latest;
    const rows = this.db
      .prepare(
        `SELECT * FROM deletions WHERE clone_operation IN (${cloneOperations.map(() => "?").join(",")})
         ORDER BY clone_operation, state = 'failed', started_at DESC, rowid DESC`,
      )
      .all(...cloneOperations) as DeletionRow[];
    for (const row of rows)
      if (!latest.has(row.clone_operation)) latest.set(row.clone_operation, toDeletion(row));
    return latest;
  }

  async unknown(env: string, user: string) {
    const rows = this.db
      .prepare(`SELECT * FROM deletions WHERE env = ? AND vcenter_user = ? AND state = 'unknown'`)
      .all(env, user) as DeletionRow[];
    return rows.map(toDeletion);
  }

  /** A deletion pending when its console stopped has an unknown outcome. */
  markInterrupted(): number {
    return this.db
      .prepare(
        `UPDATE deletions SET state = 'unknown' WHERE state = 'pending' AND ${this.ownerIsGone("owner")}`,
      )
      .run().changes;
  }

  private byId(id: string): Deletion | undefined {
    const row = this.db.prepare(`SELECT * FROM deletions WHERE id = ?`).get(id) as
      DeletionRow | undefined;
    return row && toDeletion(row);
  }

  private live(cloneOperation: string): Deletion | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM deletions WHERE clone_operation = ? AND state IN ('pending', 'unknown', 'succeeded')`,
      )
      .get(cloneOperation) as DeletionRow | undefined;
    return row && toDeletion(row);
  }
}
