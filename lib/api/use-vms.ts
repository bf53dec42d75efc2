import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import * as z from "zod/mini";

import { vmSummarySchema } from "@/lib/schemas/inventory";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys, type VmFilter } from "./query-keys";

// vCenter's VM list does not say whether a VM is frozen; when the console adds the flag to an
// item, keep it (a plain z.object would strip it).
export const vmListItemSchema = z.extend(vmSummarySchema, {
  instant_clone_frozen: z.optional(z.boolean()),
});
export type VmListItem = z.infer<typeof vmListItemSchema>;
const vmListResponseSchema = z.object({ items: z.array(vmListItemSchema), total: z.number() });

export const vmsQuery = (env: string, filter: VmFilter) =>
  queryOptions({
    queryKey: queryKeys.vms(env, filter),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(filter.limit) });
      if (filter.q) params.set("q", filter.q);
      if (filter.power_state) params.set("power_state", filter.power_state);
      return fetchJson(envPath(env, `/vms?${params}`), { schema: vmListResponseSchema, signal });
    },
  });

/** VMs matching a search; the previous answer stays on screen while the next one loads. */
export const useVms = (env: string, filter: VmFilter) =>
  useQuery({ ...vmsQuery(env, filter), placeholderData: keepPreviousData });
