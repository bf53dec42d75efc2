import "server-only";

import type Database from "better-sqlite3";

import type { CloneGuest, ReadinessState } from "@/lib/schemas/guest";

interface Row {
  operation: string;
  source_host_name: string | null;
  source_ip_address: string | null;
  state: ReadinessState;
  host_name: string | null;
  ip_address: string | null;
  ready_at: number | null;
  timeout_seconds: number | null;
}

export interface SourceIdentity {
  host_name?: string;
  ip_address?: string;
}

/** How far each clone's guest got (waiting, ready, not ready in time), and its source's identity. */
export class CloneGuestRecords {
  constructor(private readonly db: Database.Database) {}

  /** The source's hostname and IP as read just before the clone was sent. */
  recordSource(operation: string, source: SourceIdentity): void {
    this.db
      .prepare(
        `INSERT INTO clone_guests (operation, source_host_name, source_ip_address) VALUES (?, ?, ?)
         ON CONFLICT (operation) DO UPDATE SET source_host_name = excluded.source_host_name,
           source_ip_address = excluded.source_ip_address`,
      )
      .run(operation, source.host_name ?? null, source.ip_address ?? null);
  }

  /** Keeps the state reached; "ready" is never taken back, and its first moment is kept. */
  recordState(
    operation: string,
    state: ReadinessState,
    seen: { host_name?: string; ip_address?: string; at: number; timeoutSeconds: number },
  ): void {
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

  /** The source identity read before the clone, if any. */
  source(operation: string): SourceIdentity | undefined {
    const row = this.row(operation);
    if (!row || (row.source_host_name === null && row.source_ip_address === null)) return undefined;
    return {
      ...(row.source_host_name !== null ? { host_name: row.source_host_name } : {}),
      ...(row.source_ip_address !== null ? { ip_address: row.source_ip_address } : {}),
    };
  }

  /** The guest as the history keeps it, for a clone that succeeded at `cloneEndedAt` (ms). */
  get(operation: string, source: string, cloneEndedAt: number): CloneGuest | undefined {
    const row = this.row(operation);
    if (!row || row.timeout_seconds === null) return undefined;
    return {
      state: row.state,
      ...(row.host_name !== null ? { host_name: row.host_name } : {}),
      ...(row.ip_address !== null ? { ip_address: row.ip_address } : {}),
      ...(row.ready_at !== null
        ? { ready_after_ms: Math.max(0, row.ready_at - cloneEndedAt) }
        : {}),
      timeout_seconds: row.timeout_seconds,
      ...clashOf(source, this.source(operation), row),
    };
  }

  private row(operation: string): Row | undefined {
    return this.db.prepare(`SELECT * FROM clone_guests WHERE operation = ?`).get(operation) as
      Row | undefined;
  }
}

/** What the clone reports that is the same as its source reported before the clone. */
function clashOf(
  source: string,
  before: SourceIdentity | undefined,
  row: Pick<Row, "host_name" | "ip_address">,
): { clash?: CloneGuest["clash"] } {
  if (!before) return {};
  const sameHost = row.host_name !== null && row.host_name === before.host_name;
  const sameIp = row.ip_address !== null && row.ip_address === before.ip_address;
  if (!sameHost && !sameIp) return {};
  return {
    clash: {
      source,
      ...(sameHost ? { host_name: row.host_name! } : {}),
      ...(sameIp ? { ip_address: row.ip_address! } : {}),
    },
  };
}
