import "server-only";

import type { ReadinessState } from "@/lib/schemas/guest";

import type { CloneGuestStore, SourceIdentity } from "./operation-store";
import type { Query } from "./pg-query";
import { type GuestRow, toCloneGuest, toCloneGuests, toSource } from "./rows";

/** The guests' records in the PostgreSQL history. */
export class PgCloneGuests implements CloneGuestStore {
  constructor(private readonly query: Query) {}

  async recordSource(operation: string, source: SourceIdentity): Promise<void> {
    await this.query(
      `INSERT INTO clone_guests (operation, source_host_name, source_ip_address) VALUES ($1, $2, $3)
       ON CONFLICT (operation) DO UPDATE SET source_host_name = excluded.source_host_name,
         source_ip_address = excluded.source_ip_address`,
      [operation, source.host_name ?? null, source.ip_address ?? null],
    );
  }

  async recordState(
    operation: string,
    state: ReadinessState,
    seen: { host_name?: string; ip_address?: string; at: number; timeoutSeconds: number },
  ): Promise<void> {
    await this.query(
      `INSERT INTO clone_guests (operation, state, host_name, ip_address, ready_at, timeout_seconds)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (operation) DO UPDATE SET
         state = CASE WHEN clone_guests.state = 'ready' THEN 'ready' ELSE excluded.state END,
         host_name = coalesce(excluded.host_name, clone_guests.host_name),
         ip_address = coalesce(excluded.ip_address, clone_guests.ip_address),
         ready_at = coalesce(clone_guests.ready_at, excluded.ready_at),
         timeout_seconds = excluded.timeout_seconds`,
      [
        operation,
        state,
        seen.host_name ?? null,
        seen.ip_address ?? null,
        state === "ready" ? seen.at : null,
        seen.timeoutSeconds,
      ],
    );
  }

  async source(operation: string) {
    return toSource(await this.row(operation));
  }

  async get(operation: string, source: string, cloneEndedAt: number) {
    return toCloneGuest(await this.row(operation), source, cloneEndedAt);
  }

  async getMany(clones: { operation: string; source: string; cloneEndedAt: number }[]) {
    if (clones.length === 0) return new Map();
    const { rows } = await this.query<GuestRow>(
      `SELECT * FROM clone_guests WHERE operation = ANY($1::text[])`,
      [clones.map((clone) => clone.operation)],
    );
    return toCloneGuests(rows, clones);
  }

  private async row(operation: string): Promise<GuestRow | undefined> {
    const { rows } = await this.query<GuestRow>(`SELECT * FROM clone_guests WHERE operation = $1`, [
      operation,
    ]);
    return rows[0];
  }
}
