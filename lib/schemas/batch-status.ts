import * as z from "zod/mini";

import { apiErrorSchema } from "./api-error";
import { batchDeletionRunSchema, batchItemDeletionSchema } from "./batch-deletion";

// What GET /api/environments/{env}/batches/{id} answers; the browser parses it with these.

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

export const batchCountsSchema = z.object({
  pending: z.number(),
  running: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  unknown: z.number(),
  cancelled: z.number(),
});
export type BatchCounts = z.infer<typeof batchCountsSchema>;

export const batchItemSchema = z.object({
  index: z.number(),
  name: z.string(),
  state: z.enum(ITEM_STATES),
  vm: z.optional(z.string()),
  operation: z.optional(z.string()),
  attempt: z.number(),
  error: z.optional(apiErrorSchema.shape.error),
  started_at: z.optional(z.string()),
  ended_at: z.optional(z.string()),
  /** Issue 13: the clone's deletion, once someone deleted the batch's clones. */
  deletion: z.optional(batchItemDeletionSchema),
});
export type BatchItemView = z.infer<typeof batchItemSchema>;

export const batchSummarySchema = z.object({
  id: z.string(),
  env: z.string(),
  user: z.string(),
  source: z.string(),
  state: z.enum(BATCH_STATES),
  concurrency: z.number(),
  total: z.number(),
  counts: batchCountsSchema,
  created_at: z.string(),
  ended_at: z.optional(z.string()),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export const batchViewSchema = z.extend(batchSummarySchema, {
  items: z.array(batchItemSchema),
  deletion: z.optional(batchDeletionRunSchema),
});
export type BatchView = z.infer<typeof batchViewSchema>;

export const batchListSchema = z.object({ items: z.array(batchSummarySchema) });

export const emptyCounts = (): BatchCounts =>
  Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as BatchCounts;
