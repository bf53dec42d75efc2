import * as z from "zod/mini";

import { apiErrorSchema } from "./api-error";
import { deletionSchema } from "./deletion";
import { cloneGuestSchema } from "./guest";
import { instantCloneSpecSchema } from "./instant-clone";

export const operationStates = ["pending", "succeeded", "failed", "unknown"] as const;
export type OperationState = (typeof operationStates)[number];

// One submission in the history: what was sent, by whom, and what came of it.
export const operationSchema = z.object({
  id: z.string(),
  env: z.string(),
  user: z.string(),
  spec: instantCloneSpecSchema,
  state: z.enum(operationStates),
  vm: z.optional(z.string()),
  error: z.optional(apiErrorSchema.shape.error),
  /** How an uncertain outcome was settled: by looking the name up in vCenter. */
  settled_by: z.optional(z.enum(["lookup", "startup"])),
  started_at: z.string(),
  ended_at: z.optional(z.string()),
  duration_ms: z.optional(z.number()),
  /** After a clone: how far its guest got, and its deletion (lib/clones/annotate.ts). */
  guest: z.optional(cloneGuestSchema),
  deletion: z.optional(deletionSchema),
});
export type Operation = z.infer<typeof operationSchema>;

export const operationListSchema = z.object({ items: z.array(operationSchema), total: z.number() });
export type OperationList = z.infer<typeof operationListSchema>;
