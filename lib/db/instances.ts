import "server-only";

import { randomUUID } from "node:crypto";

import type pg from "pg";

import { ensureSchema } from "./pg-schema";

// Which console instances are alive, for work several instances share on PostgreSQL: an
// operation or a batch is owned by the instance that started it, and another instance may take
// it over (settle it, resume it) only once its owner's heartbeat is older than the lease. Times
// are the database's own (now()), so the instances' clocks never need to agree.

const STEPS = [
  `CREATE TABLE console_instances (
     id text PRIMARY KEY,
     started_at timestamptz NOT NULL DEFAULT now(),
     heartbeat_at timestamptz NOT NULL DEFAULT now())`,
];

/** How long an instance counts as alive after its last heartbeat (CONSOLE_INSTANCE_LEASE_S, 15). */
export function leaseSeconds(): number {
  const value = Number(process.env.CONSOLE_INSTANCE_LEASE_S ?? 15);
  return Number.isFinite(value) && value >= 1 ? value : 15;
}

const holder = globalThis as typeof globalThis & {
  __iccInstanceId?: string;
  __iccHeartbeat?: NodeJS.Timeout;
};

/** This process's instance id: new at every start. */
export const instanceId = (): string => (holder.__iccInstanceId ??= randomUUID());

/** The instances table, for stores whose queries use ownerIsGone before any heartbeat ran. */
export const ensureInstancesSchema = (pool: pg.Pool): Promise<void> =>
  ensureSchema(pool, "instances", STEPS);

/** One heartbeat: `id` (this instance by default) is alive for another lease from now. */
export async function recordHeartbeat(pool: pg.Pool, id = instanceId()): Promise<void> {
  await pool.query(
    `INSERT INTO console_instances (id) VALUES ($1)
     ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
    [id],
  );
}

/** Registers this instance and beats its heart every third of the lease until stopHeartbeat. */
export async function startHeartbeat(pool: pg.Pool): Promise<void> {
  await ensureInstancesSchema(pool);
  const beat = () => recordHeartbeat(pool);
  await beat();
  if (holder.__iccHeartbeat) return;
  holder.__iccHeartbeat = setInterval(
    () => {
      beat().catch((err: Error) => console.error(`PostgreSQL: heartbeat failed: ${err.message}`));
    },
    (leaseSeconds() * 1000) / 3,
  );
  holder.__iccHeartbeat.unref();
}

/** Stops beating and removes this instance at a clean shutdown: its leftovers are free at once. */
export async function stopHeartbeat(pool: pg.Pool): Promise<void> {
  clearInterval(holder.__iccHeartbeat);
  holder.__iccHeartbeat = undefined;
  await pool.query("DELETE FROM console_instances WHERE id = $1", [instanceId()]);
}

/**
 * SQL that is true when the instance in `column` is not alive (no row, or its heartbeat older
 * than the lease), for WHERE clauses of takeovers: `WHERE state = 'running' AND ${ownerIsGone("owner")}`.
 */
export const ownerIsGone = (column: string): string =>
  `(${column} IS NULL OR NOT EXISTS (SELECT 1 FROM console_instances i WHERE i.id = ${column}
     AND i.heartbeat_at > now() - make_interval(secs => ${leaseSeconds()})))`;
