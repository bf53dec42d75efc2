import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { vmListSchema } from "@/lib/schemas/inventory";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys, type VmFilter } from "./query-keys";

export const vmsQuery = (env: string, filter: VmFilter) =>
  queryOptions({
    queryKey: queryKeys.vms(env, filter),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(filter.limit) });
      if (filter.q) params.set("q", filter.q);
      if (filter.power_state) params.set("power_state", filter.power_state);
      return fetchJson(envPath(env, `/vms?${params}`), { schema: vmListSchema, signal });
    },
  });

/** VMs matching a search; the previous answer stays on screen while the next one loads. */
export const useVms = (env: string, filter: VmFilter) =>
  useQuery({ ...vmsQuery(env, filter), placeholderData: keepPreviousData });
