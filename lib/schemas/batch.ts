import * as z from "zod/mini";

import { batchNamesSchema } from "./batch-names";
import { instantCloneSpecSchema } from "./instant-clone";

// POST /api/environments/{env}/batches: one spec without a name, the names, and how many
// clones may run at once. A BIOS UUID in the spec would repeat on every clone, so a batch
// either leaves it to vCenter or asks for a fresh one per clone.

export const BATCH_MAX_CONCURRENCY = 20;

export const batchSpecSchema = z.omit(instantCloneSpecSchema, { name: true, bios_uuid: true });

export const batchRequestSchema = z.strictObject({
  spec: batchSpecSchema,
  names: batchNamesSchema,
  concurrency: z._default(
    z
      .int({ error: "Must be a whole number" })
      .check(
        z.minimum(1, { error: "At least 1" }),
        z.maximum(BATCH_MAX_CONCURRENCY, { error: `At most ${BATCH_MAX_CONCURRENCY}` }),
      ),
    4,
  ),
  bios_uuid: z._default(
    z.enum(["vcenter", "per-clone"], { error: "Must be vcenter or per-clone" }),
    "vcenter",
  ),
});

export type BatchRequestInput = z.input<typeof batchRequestSchema>;
export type BatchRequest = z.output<typeof batchRequestSchema>;
export type BatchSpec = z.output<typeof batchSpecSchema>;
