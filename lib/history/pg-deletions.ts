import "server-only";

import { randomUUID } from "node:crypto";

import { ownerIsGone } from "@/lib/db/instances";
import type { Deletion } from "@/lib/schemas/deletion";

import type { DeletionOutcome, DeletionStore } from "./operation-store";
import type { Query } from "./pg-query";
import { type DeletionRow, toDeletion } from "./rows";

/** The deletions' records in the PostgreSQL history. */
export class PgDeletions implements DeletionStore {
  constructor(
    private readonly query: Query,
    private readonly instance: string,
  ) {}

  async begin(input: { env: string; user: string; vm: string; cloneOperation: string }) {
    // A concurrent begin for the same clone (another instance) waits for this one's insert,
    // then finds nothing inserted and answers the live deletion.
    const { rows } = await this.query<DeletionRow>(
      `INSERT INTO deletions (id, env, vcenter_user, vm, clone_operation, state, started_at, owner)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7) ON CONFLICT DO NOTHING RETURNING *`,
      [
        randomUUID(),
        input.env,
        input.user,
        input.vm,
        input.cloneOperation,
        Date.now(),
        this.instance,
      ],
    );
    if (rows[0]) return { deletion: toDeletion(rows[0]), created: true };
    return { deletion: (await this.live(input.cloneOperation))!, created: false };
  }

  async finish(id: string, outcome: DeletionOutcome): Promise<Deletion> {
    const { rows } = await this.query<DeletionRow>(
      `UPDATE deletions SET state = $1, already_gone = $2, error = coalesce($3, error),
         settled_by = coalesce($4, settled_by), ended_at = coalesce(ended_at, $5::bigint),
         duration_ms = coalesce(duration_ms, $5::bigint - started_at) WHERE id = $6 RETURNING *`,
      [
        outcome.state,
        outcome.alreadyGone ? 1 : 0,
        outcome.error ? JSON.stringify(outcome.error) : null,
        outcome.settledBy ?? null,
        Date.now(),
        id,
      ],
    );
    return toDeletion(rows[0]!);
  }

  async get(id: string) {
    const { rows } = await this.query<DeletionRow>(`SELECT * FROM deletions WHERE id = $1`, [id]);
    return rows[0] && toDeletion(rows[0]);
  }

  async latest(cloneOperation: string) {
    const { rows } = await this.query<DeletionRow>(
      `SELECT * FROM deletions WHERE clone_operation = $1
       ORDER BY state = 'failed', started_at DESC, seq DESC LIMIT 1`,
      [cloneOperation],
    );
    return rows[0] && toDeletion(rows[0]);
  }

  async latestOf(cloneOperations: string[]) {
    const latest = new Map<string, Deletion>();
    if (cloneOperations.length === 0) return latest;
    const { rows } = await this.query<DeletionRow>(
      `SELECT DISTINCT ON (clone_operation) * FROM deletions
        WHERE clone_operation = ANY($1::text[])
        ORDER BY clone_operation, state = 'failed', started_at DESC, seq DESC`,
      [cloneOperations],
    );
    for (const row of rows) latest.set(row.clone_operation, toDeletion(row));
    return latest;
  }

  async unknown(env: string, user: string) {
    const { rows } = await this.query<DeletionRow>(
      `SELECT * FROM deletions WHERE env = $1 AND vcenter_user = $2 AND state = 'unknown'`,
      [env, user],
    );
    return rows.map(toDeletion);
  }

  /** A deletion pending when its instance stopped (its heartbeat is over) has an unknown outcome. */
  async markInterrupted(): Promise<number> {
    const { rowCount } = await this.query(
      `UPDATE deletions SET state = 'unknown' WHERE state = 'pending' AND ${ownerIsGone("owner")}`,
    );
    return rowCount ?? 0;
  }

  private async live(cloneOperation: string) {
    const { rows } = await this.query<DeletionRow>(
      `SELECT * FROM deletions WHERE clone_operation = $1
         AND state IN ('pending', 'unknown', 'succeeded')`,
      [cloneOperation],
    );
    return rows[0] && toDeletion(rows[0]);
  }
}
