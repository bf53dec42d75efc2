import * as z from "zod/mini";

// Apart from batch-status.ts: the clone form sends batches but shows none, and should not carry
// the batch view's schemas for it.

/** What POST …/batches answers: the new batch's id and page. */
export const batchAcceptedSchema = z.looseObject({ batch: z.string(), page: z.string() });
