import "server-only";

import type Database from "better-sqlite3";

import type { ReadinessState } from "@/lib/schemas/guest";

import type { CloneGuestStore, SourceIdentity } from "./operation-store";
import { type GuestRow, toCloneGuest, toCloneGuests, toSource } from "./rows";

/** The guests' records in the SQLite history. */
export class SqliteCloneGuests implements CloneGuestStore {
  constructor(private readonly db: Database.Database) {}

  async recordSource(operation: string, source: SourceIdentity): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO clone_guests (operation, source_host_name, source_ip_address) VALUES (?, ?, ?)
         ON CONFLICT (operation) DO UPDATE SET source_host_name = excluded.source_host_name,
           source_ip_address = excluded.source_ip_address`,
      )
      .run(operation, source.host_name ?? null, source.ip_address ?? null);
  }

  async recordState(
    operation: string,
    state: ReadinessState,
    seen: { host_name?: string; ip_address?: string; at: number; timeoutSeconds: number },
  ): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO clone_guests (operation, state, host_name, ip_address, ready_at, timeout_seconds)
         VALUES (@operation, @state, @host_name, @ip_address, @ready_at, @timeout)
         ON CONFLICT (operation) DO UPDATE SET
           state = CASE WHEN clone_guests.state = 'ready' THEN 'ready' ELSE excluded.state END,
           host_name = coalesce(excluded.host_name, clone_guests.host_name),
           ip_address = coalesce(excluded.ip_address, clone_guests.ip_address),
           ready_at = coalesce(clone_guests.ready_at, excluded.ready_at),
           timeout_seconds = excluded.timeout_seconds`,
      )
      .run({
        operation,
        state,
        host_name: seen.host_name ?? null,
        ip_address: seen.ip_address ?? null,
        ready_at: state === "ready" ? seen.at : null,
        timeout: seen.timeoutSeconds,
      });
  }

  async source(operation: string) {
    return toSource(this.row(operation));
  }

  async get(operation: string, source: string, cloneEndedAt: number) {
    return toCloneGuest(this.row(operation), source, cloneEndedAt);
  }

  async getMany(clones: { operation: string; source: string; cloneEndedAt: number }[]) {
    if (clones.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT * FROM clone_guests WHERE operation IN (${clones.map(() => "?").join(",")})`)
      .all(...clones.map((clone) => clone.operation)) as GuestRow[];
    return toCloneGuests(rows, clones);
  }

  private row(operation: string): GuestRow | undefined {
    return this.db.prepare(`SELECT * FROM clone_guests WHERE operation = ?`).get(operation) as
      GuestRow | undefined;
  }
}
