import { queryOptions, useQuery } from "@tanstack/react-query";

import { type Operation, operationSchema } from "@/lib/schemas/operation";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** Still waiting for vCenter, or its answer was lost and the name is being looked up. */
export const isSettling = (operation: Pick<Operation, "state">) =>
  operation.state === "pending" || operation.state === "unknown";

export const operationQuery = (env: string, id: string) =>
  queryOptions({
    queryKey: queryKeys.operation(env, id),
    queryFn: ({ signal }) =>
      fetchJson(envPath(env, `/operations/${encodeURIComponent(id)}`), {
        schema: operationSchema,
        signal,
      }),
    refetchInterval: (query) => (query.state.data && isSettling(query.state.data) ? 3_000 : false),
  });

/** One submission; asked again while its outcome is not known yet. */
export const useOperation = (env: string, id: string) => useQuery(operationQuery(env, id));
