import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { Deletion, DeletionState } from "@/lib/schemas/deletion";
import type { CloneGuest, ReadinessState } from "@/lib/schemas/guest";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import type { Operation, OperationState } from "@/lib/schemas/operation";

import type { NewOperation, OpenOperation, SourceIdentity } from "./operation-store";

// Rows as both dialects hold them (the same columns; times in epoch ms, JSON as text), and what
// the console makes of them. PostgreSQL answers its bigint columns as strings: hence Number().

type Millis = number | string;

export interface OperationRow {
  id: string;
  env: string;
  vcenter_user: string;
  idempotency_key: string | null;
  spec: string;
  state: OperationState;
  vm: string | null;
  error: string | null;
  settled_by: string | null;
  started_at: Millis;
  ended_at: Millis | null;
  duration_ms: Millis | null;
  names_before: string | null;
  sealed_session: string | null;
  settle_after: Millis | null;
  checks: number;
}

export const toOperation = (row: OperationRow): Operation => ({
  id: row.id,
  env: row.env,
  user: row.vcenter_user,
  spec: JSON.parse(row.spec) as InstantCloneSpec,
  state: row.state,
  ...(row.vm ? { vm: row.vm } : {}),
  ...(row.error ? { error: JSON.parse(row.error) as ApiErrorBody } : {}),
  ...(row.settled_by ? { settled_by: row.settled_by as Operation["settled_by"] } : {}),
  started_at: new Date(Number(row.started_at)).toISOString(),
  ...(row.ended_at ? { ended_at: new Date(Number(row.ended_at)).toISOString() } : {}),
  ...(row.duration_ms !== null ? { duration_ms: Number(row.duration_ms) } : {}),
});

export const toOpen = (row: OperationRow): OpenOperation => ({
  operation: toOperation(row),
  ...(row.names_before ? { namesBefore: JSON.parse(row.names_before) as string[] } : {}),
  ...(row.sealed_session ? { sealedSession: row.sealed_session } : {}),
  ...(row.settle_after !== null ? { settleAfter: Number(row.settle_after) } : {}),
  checks: Number(row.checks),
});

/** due()'s answer, earliest check first: the rows an UPDATE returns come in no set order. */
export const toDue = (rows: (OperationRow & { next_check: Millis })[]): OpenOperation[] =>
  rows.sort((a, b) => Number(a.next_check) - Number(b.next_check)).map(toOpen);

/** The columns a new operation is given in both dialects, in the order of newOperationValues(). */
export const NEW_OPERATION_COLUMNS =
  "id, env, vcenter_user, idempotency_key, spec, source, name, started_at, sealed_session, owner";

export const newOperationValues = (
  id: string,
  input: NewOperation,
  startedAt: number,
  owner: string,
): unknown[] => [
  id,
  input.env,
  input.user,
  input.idempotencyKey ?? null,
  JSON.stringify(input.spec),
  input.spec.source,
  input.spec.name,
  startedAt,
  input.sealedSession ?? null,
  owner,
];

export interface DeletionRow {
  id: string;
  env: string;
  vcenter_user: string;
  vm: string;
  clone_operation: string;
  state: DeletionState;
  already_gone: number;
  error: string | null;
  settled_by: string | null;
  started_at: Millis;
  ended_at: Millis | null;
  duration_ms: Millis | null;
}

export const toDeletion = (row: DeletionRow): Deletion => ({
  id: row.id,
  env: row.env,
  user: row.vcenter_user,
  vm: row.vm,
  clone_operation: row.clone_operation,
  state: row.state,
  ...(row.already_gone ? { already_gone: true } : {}),
  ...(row.error ? { error: JSON.parse(row.error) as ApiErrorBody } : {}),
  ...(row.settled_by ? { settled_by: "lookup" as const } : {}),
  started_at: new Date(Number(row.started_at)).toISOString(),
  ...(row.ended_at ? { ended_at: new Date(Number(row.ended_at)).toISOString() } : {}),
  ...(row.duration_ms !== null ? { duration_ms: Number(row.duration_ms) } : {}),
});

export interface GuestRow {
  operation: string;
  source_host_name: string | null;
  source_ip_address: string | null;
  state: ReadinessState;
  host_name: string | null;
  ip_address: string | null;
  ready_at: Millis | null;
  timeout_seconds: number | null;
}

export function toSource(row: GuestRow | undefined): SourceIdentity | undefined {
  if (!row || (row.source_host_name === null && row.source_ip_address === null)) return undefined;
  return {
    ...(row.source_host_name !== null ? { host_name: row.source_host_name } : {}),
    ...(row.source_ip_address !== null ? { ip_address: row.source_ip_address } : {}),
  };
}

/** The guest as the history keeps it, for a clone of `source` that succeeded at `cloneEndedAt` (ms). */
export function toCloneGuest(
  row: GuestRow | undefined,
  source: string,
  cloneEndedAt: number,
): CloneGuest | undefined {
  if (!row || row.timeout_seconds === null) return undefined;
  return {
    state: row.state,
    ...(row.host_name !== null ? { host_name: row.host_name } : {}),
    ...(row.ip_address !== null ? { ip_address: row.ip_address } : {}),
    ...(row.ready_at !== null
      ? { ready_after_ms: Math.max(0, Number(row.ready_at) - cloneEndedAt) }
      : {}),
    timeout_seconds: Number(row.timeout_seconds),
    ...clashOf(source, toSource(row), row),
  };
}

/** getMany()'s answer from the rows read: each clone's guest, by operation. */
export function toCloneGuests(
  rows: GuestRow[],
  clones: { operation: string; source: string; cloneEndedAt: number }[],
): Map<string, CloneGuest> {
  const byOperation = new Map(rows.map((row) => [row.operation, row]));
  const guests = new Map<string, CloneGuest>();
  for (const clone of clones) {
    const guest = toCloneGuest(byOperation.get(clone.operation), clone.source, clone.cloneEndedAt);
    if (guest) guests.set(clone.operation, guest);
  }
  return guests;
}

/** What the clone reports that is the same as its source reported before the clone. */
function clashOf(
  source: string,
  before: SourceIdentity | undefined,
  row: Pick<GuestRow, "host_name" | "ip_address">,
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
