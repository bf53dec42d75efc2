import "server-only";

import { randomUUID } from "node:crypto";

import type Database from "better-sqlite3";

import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { Deletion, DeletionState } from "@/lib/schemas/deletion";

interface Row {
  id: string;
  env: string;
  vcenter_user: string;
  vm: string;
  clone_operation: string;
  state: DeletionState;
  already_gone: number;
  error: string | null;
  settled_by: string | null;
  started_at: number;
  ended_at: number | null;
  duration_ms: number | null;
}

const toDeletion = (row: Row): Deletion => ({
  id: row.id,
  env: row.env,
  user: row.vcenter_user,
  vm: row.vm,
  clone_operation: row.clone_operation,
  state: row.state,
  ...(row.already_gone ? { already_gone: true } : {}),
  ...(row.error ? { error: JSON.parse(row.error) as ApiErrorBody } : {}),
  ...(row.settled_by ? { settled_by: "lookup" as const } : {}),
  started_at: new Date(row.started_at).toISOString(),
  ...(row.ended_at ? { ended_at: new Date(row.ended_at).toISOString() } : {}),
  ...(row.duration_ms !== null ? { duration_ms: row.duration_ms } : {}),
});

/** Deletions of clones: who asked, when, and what came of it. */
export class DeletionRecords {
  constructor(private readonly db: Database.Database) {}

  /**
   * Records a deletion before anything is sent. A clone has at most one deletion under way or
   * done (a unique index): when there is one, it is answered instead and `created` is false.
   */
  begin(input: { env: string; user: string; vm: string; cloneOperation: string }): {
    deletion: Deletion;
    created: boolean;
  } {
    const id = randomUUID();
    const info = this.db
      .prepare(
        `INSERT INTO deletions (id, env, vcenter_user, vm, clone_operation, state, started_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING`,
      )
      .run(id, input.env, input.user, input.vm, input.cloneOperation, Date.now());
    if (info.changes === 1) return { deletion: this.get(id)!, created: true };
    return { deletion: this.live(input.cloneOperation)!, created: false };
  }

  finish(
    id: string,
    outcome: {
      state: Exclude<DeletionState, "pending">;
      alreadyGone?: boolean;
      error?: ApiErrorBody;
      settledBy?: "lookup";
    },
  ): Deletion {
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
    return this.get(id)!;
  }

  get(id: string): Deletion | undefined {
    const row = this.db.prepare(`SELECT * FROM deletions WHERE id = ?`).get(id) as Row | undefined;
    return row && toDeletion(row);
  }

  /** The clone's deletion under way, of unknown outcome or done; else its latest failed one. */
  latest(cloneOperation: string): Deletion | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM deletions WHERE clone_operation = ?
         ORDER BY state = 'failed', started_at DESC, rowid DESC LIMIT 1`,
      )
      .get(cloneOperation) as Row | undefined;
    return row && toDeletion(row);
  }

  private live(cloneOperation: string): Deletion | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM deletions WHERE clone_operation = ? AND state IN ('pending', 'unknown', 'succeeded')`,
      )
      .get(cloneOperation) as Row | undefined;
    return row && toDeletion(row);
  }

  /** This operator's deletions whose outcome nobody knows yet. */
  unknown(env: string, user: string): Deletion[] {
    const rows = this.db
      .prepare(`SELECT * FROM deletions WHERE env = ? AND vcenter_user = ? AND state = 'unknown'`)
      .all(env, user) as Row[];
    return rows.map(toDeletion);
  }

  /** At start-up: a deletion pending when the last console stopped has an unknown outcome. */
  markInterrupted(): number {
    return this.db.prepare(`UPDATE deletions SET state = 'unknown' WHERE state = 'pending'`).run()
      .changes;
  }
}
