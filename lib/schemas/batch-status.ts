import type { ApiErrorBody } from "./api-error";

// What GET /api/environments/{env}/batches/{id} answers; the browser reads the same types.

export const BATCH_STATES = ["running", "done", "cancelled"] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const ITEM_STATES = [
  "pending",
  "running",
  "succeeded",
  "failed",
  "unknown",
  "cancelled",
] as const;
export type BatchItemState = (typeof ITEM_STATES)[number];

export type BatchCounts = Record<BatchItemState, number>;

export interface BatchItemView {
  index: number;
  name: string;
  state: BatchItemState;
  vm?: string;
  operation?: string;
  attempt: number;
  error?: ApiErrorBody;
  started_at?: string;
  ended_at?: string;
}

export interface BatchSummary {
  id: string;
  env: string;
  user: string;
  source: string;
  state: BatchState;
  concurrency: number;
  total: number;
  counts: BatchCounts;
  created_at: string;
  ended_at?: string;
}

export interface BatchView extends BatchSummary {
  items: BatchItemView[];
}

export const emptyCounts = (): BatchCounts =>
  Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as BatchCounts;
