import { queryOptions, useQuery } from "@tanstack/react-query";

import { operationListSchema, operationSchema, type OperationState } from "@/lib/schemas/operation";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export const HISTORY_PAGE = 25;

export type OperationFilter = { outcome?: OperationState; offset: number };

export const operationsQuery = (env: string, filter: OperationFilter) =>
  queryOptions({
    queryKey: queryKeys.operations(env, filter),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({
        limit: String(HISTORY_PAGE),
        offset: String(filter.offset),
      });
      if (filter.outcome) params.set("outcome", filter.outcome);
      return fetchJson(envPath(env, `/operations?${params}`), {
        schema: operationListSchema,
        signal,
      });
    },
    staleTime: 5_000,
  });

/** One page of the environment's history, newest first. */
export const useOperations = (env: string, filter: OperationFilter) =>
  useQuery(operationsQuery(env, filter));

/** One submission; asked again while its outcome is not known yet. */
export const useOperation = (env: string, id: string) =>
  useQuery({
    queryKey: queryKeys.operation(env, id),
    queryFn: ({ signal }) =>
      fetchJson(envPath(env, `/operations/${encodeURIComponent(id)}`), {
        schema: operationSchema,
        signal,
      }),
    refetchInterval: (query) =>
      query.state.data?.state === "pending" || query.state.data?.state === "unknown"
        ? 3_000
        : false,
  });
