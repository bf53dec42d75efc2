import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { batchListSchema, batchViewSchema } from "@/lib/schemas/batch-status";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export const batchPath = (env: string, id: string) =>
  envPath(env, `/batches/${encodeURIComponent(id)}`);

export const batchQuery = (env: string, id: string) =>
  queryOptions({
    queryKey: [...queryKeys.environment(env), "batch", id] as const,
    queryFn: ({ signal }) => fetchJson(batchPath(env, id), { schema: batchViewSchema, signal }),
    // Asked again each second while clones are still queued or running, or being deleted.
    refetchInterval: (query) => {
      const counts = query.state.data?.counts;
      return !query.state.data ||
        (counts && counts.pending + counts.running + counts.unknown > 0) ||
        query.state.data.deletion?.running
        ? 1_000
        : false;
    },
  });

export const useBatch = (env: string, id: string) => useQuery(batchQuery(env, id));

export const useBatchList = (env: string) =>
  useQuery({
    queryKey: [...queryKeys.environment(env), "batches"] as const,
    queryFn: ({ signal }) =>
      fetchJson(envPath(env, "/batches"), { schema: batchListSchema, signal }),
  });

/** Cancel or Retry failed; the batch's query is refreshed with the answer. */
export function useBatchAction(env: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: "cancel" | "retry") =>
      fetchJson(`${batchPath(env, id)}/${action}`, { method: "POST", schema: batchViewSchema }),
    onSuccess: (batch) => queryClient.setQueryData(batchQuery(env, id).queryKey, batch),
  });
}

/** Delete all the batch's clones, or stop doing so; the batch's query takes the answer. */
export function useBatchDeletion(env: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: "delete" | "cancel") =>
      fetchJson(`${batchPath(env, id)}/${action === "delete" ? "delete" : "delete/cancel"}`, {
        method: "POST",
        schema: batchViewSchema,
      }),
    onSuccess: (batch) => queryClient.setQueryData(batchQuery(env, id).queryKey, batch),
  });
}
