import { useMutation, useQueryClient } from "@tanstack/react-query";

import { deletionSchema } from "@/lib/schemas/deletion";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** Deletes one clone the console made (power off, then delete). Never retried by itself. */
export const deleteCloneRequest = (env: string, vm: string) =>
  fetchJson(envPath(env, `/vms/${encodeURIComponent(vm)}`), {
    method: "DELETE",
    schema: deletionSchema,
  });

export function useDeleteClone(env: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vm: string) => deleteCloneRequest(env, vm),
    onSettled: (_data, _error, vm) => {
      queryClient.removeQueries({ queryKey: queryKeys.guest(env, vm) });
      void invalidateAfterDeletion(queryClient, env);
    },
  });
}

/** After deletions: VM lists and the history (each deletion is recorded there) are stale. */
export const invalidateAfterDeletion = (
  queryClient: ReturnType<typeof useQueryClient>,
  env: string,
) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: [...queryKeys.environment(env), "vms"] }),
    queryClient.invalidateQueries({ queryKey: [...queryKeys.environment(env), "vm"] }),
    queryClient.invalidateQueries({ queryKey: [...queryKeys.environment(env), "operations"] }),
    queryClient.invalidateQueries({ queryKey: [...queryKeys.environment(env), "operation"] }),
  ]);
