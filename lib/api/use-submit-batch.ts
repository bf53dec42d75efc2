import { useMutation } from "@tanstack/react-query";

import type { BatchRequestInput } from "@/lib/schemas/batch";
import { batchAcceptedSchema } from "@/lib/schemas/batch-accepted";

import { envPath, fetchJson } from "./fetch-json";

// Apart from the batch's other queries (use-batches.ts): the clone form sends batches but reads
// none, and should not carry their schemas.

/** Submits a batch once (the idempotency key makes a repeated click the same batch). */
export function useSubmitBatch(env: string) {
  return useMutation({
    mutationFn: ({
      request,
      idempotencyKey,
    }: {
      request: BatchRequestInput;
      idempotencyKey: string;
    }) =>
      fetchJson(envPath(env, "/batches"), {
        method: "POST",
        body: request,
        headers: { "idempotency-key": idempotencyKey },
        schema: batchAcceptedSchema,
      }),
  });
}
