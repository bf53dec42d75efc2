import {
  hashKey,
  keepPreviousData,
  queryOptions,
  type QueryClient,
  useQuery,
} from "@tanstack/react-query";
import { vmListSchema } from "@/lib/schemas/inventory";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys, type VmFilter } from "./query-keys";

export const VM_PAGE = 50;

/**
 * The first page the Source VM picker asks for (running VMs, or all of them): also what the
 * form page's server render prefetches, under the same query key.
 */
export const firstVmFilter = (all = false): VmFilter => ({
  q: "",
  limit: VM_PAGE,
  ...(all ? {} : { power_state: "POWERED_ON" }),
});

/** The query string of GET …/vms for a search (the server render builds the same one). */
export function vmsSearchParams(filter: VmFilter): URLSearchParams {
  const params = new URLSearchParams({ limit: String(filter.limit) });
  if (filter.q) params.set("q", filter.q);
  if (filter.power_state) params.set("power_state", filter.power_state);
  return params;
}

const fetchVms = (env: string, filter: VmFilter, signal: AbortSignal, refresh = false) => {
  const params = vmsSearchParams(filter);
  if (refresh) params.set("refresh", "1");
  return fetchJson(envPath(env, `/vms?${params}`), { schema: vmListSchema, signal });
};

export const vmsQuery = (env: string, filter: VmFilter) =>
  queryOptions({
    queryKey: queryKeys.vms(env, filter),
    queryFn: ({ signal }) => fetchVms(env, filter, signal),
  });

/** VMs matching a search; the previous answer stays on screen while the next one loads. */
export const useVms = (env: string, filter: VmFilter) =>
  useQuery({ ...vmsQuery(env, filter), placeholderData: keepPreviousData });

/**
 * Asks the console for a fresh inventory read (refresh=1) for this search, and forgets the
 * other searches' answers, which came from the older read.
 */
export async function refreshVms(queryClient: QueryClient, env: string, filter: VmFilter) {
  queryClient.removeQueries({
    queryKey: ["env", env, "vms"],
    predicate: (query) => hashKey(query.queryKey) !== hashKey(queryKeys.vms(env, filter)),
  });
  await queryClient.fetchQuery({
    queryKey: queryKeys.vms(env, filter),
    queryFn: ({ signal }) => fetchVms(env, filter, signal, true),
    staleTime: 0,
  });
}
