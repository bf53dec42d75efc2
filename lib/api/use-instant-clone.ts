import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import { cloneResultSchema } from "@/lib/schemas/inventory";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export type CloneRequest = {
  spec: InstantCloneSpec;
  /** One per submit click: should the same submission arrive twice, the console clones once. */
  idempotencyKey: string;
};

/** Submits one instant clone. Never retried: the clone is not idempotent. */
export function useInstantClone(env: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ spec, idempotencyKey }: CloneRequest) =>
      fetchJson(envPath(env, "/instant-clone"), {
        method: "POST",
        body: spec,
        headers: { "idempotency-key": idempotencyKey },
        schema: cloneResultSchema,
      }),
    // The new VM belongs in every later VM list.
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...queryKeys.environment(env), "vms"] }),
    // Success or failure, the submission is now in the history.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: [...queryKeys.environment(env), "operations"] }),
  });
}
