import type { ApiErrorBody } from "@/lib/schemas/api-error";
import {
  type BatchItemState,
  type BatchItemView,
  type BatchState,
  type BatchSummary,
  emptyCounts,
} from "@/lib/schemas/batch-status";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";

import type { BatchOwner, BatchWork, NewBatch } from "./store";

// Rows as both stores hold them (the same columns; SQLite keeps times as epoch ms, PostgreSQL as
// timestamptz), and what the console makes of them.

type Time = number | Date;

const iso = (time: Time) => new Date(time).toISOString();

/** The columns a new batch is given in both dialects, in the order of newBatchValues(). */
export const NEW_BATCH_COLUMNS =
  "id, env, vcenter_user, idempotency_key, request, source, concurrency, total, session";

export const newBatchValues = (id: string, input: NewBatch): unknown[] => [
  id,
  input.env,
  input.user,
  input.idempotencyKey ?? null,
  input.request,
  input.source,
  input.concurrency,
  input.specs.length,
  input.sealedSession,
];

export interface BatchRow {
  id: string;
  env: string;
  vcenter_user: string;
  source: string;
  concurrency: number;
  total: number;
  state: BatchState;
  session: string | null;
  created_at: Time;
  ended_at: Time | null;
}

/** A batch with its items counted by state (states with no items may be left out). */
export const toSummary = (
  row: BatchRow,
  counts: Partial<Record<BatchItemState, number>>,
): BatchSummary => ({
  id: row.id,
  env: row.env,
  user: row.vcenter_user,
  source: row.source,
  state: row.state,
  concurrency: row.concurrency,
  total: row.total,
  counts: { ...emptyCounts(), ...counts },
  created_at: iso(row.created_at),
  ...(row.ended_at ? { ended_at: iso(row.ended_at) } : {}),
});

export const toOwner = (
  row: Pick<BatchRow, "env" | "vcenter_user" | "session" | "state">,
  ownedElsewhere: boolean,
): BatchOwner => ({
  env: row.env,
  user: row.vcenter_user,
  state: row.state,
  ownedElsewhere,
  ...(row.session ? { sealedSession: row.session } : {}),
});

export interface ItemRow {
  idx: number;
  name: string;
  spec: string;
  state: BatchItemState;
  attempt: number;
  operation: string | null;
  vm: string | null;
  error: string | null;
  started_at: Time | null;
  ended_at: Time | null;
}

export const toWork = (row: ItemRow): BatchWork => ({
  index: row.idx,
  name: row.name,
  spec: JSON.parse(row.spec) as InstantCloneSpec,
  attempt: row.attempt,
  ...(row.operation ? { operation: row.operation } : {}),
});

export const toItem = (row: ItemRow): BatchItemView => ({
  index: row.idx,
  name: row.name,
  state: row.state,
  attempt: row.attempt,
  ...(row.vm ? { vm: row.vm } : {}),
  ...(row.operation ? { operation: row.operation } : {}),
  ...(row.error ? { error: JSON.parse(row.error) as ApiErrorBody } : {}),
  ...(row.started_at ? { started_at: iso(row.started_at) } : {}),
  ...(row.ended_at ? { ended_at: iso(row.ended_at) } : {}),
});
