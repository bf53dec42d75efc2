import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { BatchItemState, BatchItemView } from "@/lib/schemas/batch-status";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";

import type { BatchWork } from "./store";

/** A batch_items row as both stores read it: SQLite keeps epoch ms, PostgreSQL timestamptz. */
export interface ItemRow {
  idx: number;
  name: string;
  spec: string;
  state: BatchItemState;
  attempt: number;
  operation: string | null;
  vm: string | null;
  error: string | null;
  started_at: number | Date | null;
  ended_at: number | Date | null;
}

const iso = (time: number | Date) => new Date(time).toISOString();

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
