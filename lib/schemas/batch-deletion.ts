import * as z from "zod/mini";

import { apiErrorSchema } from "./api-error";
import { deletionStates } from "./deletion";

// A batch's "Delete all clones": each clone's deletion as the history records it, and the run
// that sends them (under way, cancelled) with what the person types to confirm it.

/** One clone's latest deletion (its history operation), or a refusal before vCenter. */
export const batchItemDeletionSchema = z.object({
  id: z.optional(z.string()),
  state: z.enum([...deletionStates, "refused", "cancelled"]),
  error: z.optional(apiErrorSchema.shape.error),
});
export type BatchItemDeletion = z.infer<typeof batchItemDeletionSchema>;

export const batchDeletionRunSchema = z.object({
  /** True while the console is deleting this batch's clones. */
  running: z.boolean(),
  /** Set when the person stopped the run: clones not yet sent stay. */
  cancelled: z.optional(z.boolean()),
  /** The batch's name pattern, typed to confirm the deletion (a list of names: its count instead). */
  pattern: z.optional(z.string()),
});
export type BatchDeletionRun = z.infer<typeof batchDeletionRunSchema>;
