import { queryOptions, useQuery } from "@tanstack/react-query";

import { vmDetailSchema } from "@/lib/schemas/inventory";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export const vmQuery = (env: string, vm: string) =>
  queryOptions({
    queryKey: queryKeys.vm(env, vm),
    queryFn: ({ signal }) =>
      fetchJson(envPath(env, `/vms/${encodeURIComponent(vm)}`), { schema: vmDetailSchema, signal }),
  });

/** One VM with its NICs, serial and parallel ports; idle until a VM is chosen. */
export const useVm = (env: string, vm: string) =>
  useQuery({ ...vmQuery(env, vm), enabled: vm !== "" });
