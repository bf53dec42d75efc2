import { queryOptions, useQuery } from "@tanstack/react-query";

import { operationListSchema, type OperationState } from "@/lib/schemas/operation";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { isSettling } from "./use-operation";

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
    // Each read lets the server settle unknown outcomes (a lookup in vCenter), so ask again,
    // unhurried, until none is left on the page.
    refetchInterval: (query) => (query.state.data?.items.some(isSettling) ? 10_000 : false),
  });

/** One page of the environment's history, newest first. */
export const useOperations = (env: string, filter: OperationFilter) =>
  useQuery(operationsQuery(env, filter));
