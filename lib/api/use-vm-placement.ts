import { queryOptions, useQuery } from "@tanstack/react-query";

import { vmPlacementSchema } from "@/lib/schemas/inventory";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export const vmPlacementQuery = (env: string, vm: string) =>
  queryOptions({
    queryKey: queryKeys.vmPlacement(env, vm),
    queryFn: ({ signal }) =>
      fetchJson(envPath(env, `/vms/${encodeURIComponent(vm)}/placement`), {
        schema: vmPlacementSchema,
        signal,
      }),
  });

/** Where a VM is (datacenter, host, folder, pool, datastore) as vCenter says; idle without one. */
export const useVmPlacement = (env: string, vm: string | undefined) =>
  useQuery({ ...vmPlacementQuery(env, vm ?? ""), enabled: !!vm });
