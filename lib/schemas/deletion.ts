import * as z from "zod/mini";

import { apiErrorSchema } from "./api-error";

// One deletion of a clone (power off, then delete), kept in the history like a submission.

export const deletionStates = ["pending", "succeeded", "failed", "unknown"] as const;
export type DeletionState = (typeof deletionStates)[number];

export const deletionSchema = z.object({
  id: z.string(),
  env: z.string(),
  user: z.string(),
  vm: z.string(),
  /** The submission that made the clone. */
  clone_operation: z.string(),
  state: z.enum(deletionStates),
  /** Set when vCenter no longer knew the VM: it was already gone. */
  already_gone: z.optional(z.boolean()),
  error: z.optional(apiErrorSchema.shape.error),
  settled_by: z.optional(z.literal("lookup")),
  started_at: z.string(),
  ended_at: z.optional(z.string()),
  duration_ms: z.optional(z.number()),
});
export type Deletion = z.infer<typeof deletionSchema>;
