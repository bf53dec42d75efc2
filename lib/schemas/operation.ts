import { z } from "zod";

import { apiErrorSchema } from "./api-error";
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
  vm: z.string().optional(),
  error: apiErrorSchema.shape.error.optional(),
  /** How an uncertain outcome was settled: by looking the name up in vCenter. */
  settled_by: z.enum(["lookup", "startup"]).optional(),
  started_at: z.string(),
  ended_at: z.string().optional(),
  duration_ms: z.number().optional(),
});
export type Operation = z.infer<typeof operationSchema>;

export const operationListSchema = z.object({ items: z.array(operationSchema), total: z.number() });
export type OperationList = z.infer<typeof operationListSchema>;
