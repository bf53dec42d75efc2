import { useQueryClient } from "@tanstack/react-query";

import { queryKeys } from "@/lib/api/query-keys";
import {
  useDatastores,
  useFolders,
  useNetworks,
  useResourcePools,
} from "@/lib/api/use-placement-lists";

type Page = { items: Record<string, unknown>[] };
const lists = [
  { key: queryKeys.folders, id: "folder" },
  { key: queryKeys.resourcePools, id: "resource_pool" },
  { key: queryKeys.datastores, id: "datastore" },
  { key: queryKeys.networks, id: "network" },
] as const;

/**
 * id → display name across the placement and network lists already loaded for the form: the
 * first pages, and the pages of the server searches of a long list (a folder picked from a
 * search is not in the first page).
 */
export function useInventoryNames(env: string): (id: string) => string | undefined {
  const queryClient = useQueryClient();
  // Subscribed, so names appear once the first pages arrive.
  useFolders(env);
  useResourcePools(env);
  useDatastores(env);
  useNetworks(env);
  const names = new Map<string, string>();
  for (const list of lists)
    for (const [, page] of queryClient.getQueriesData<Page>({ queryKey: list.key(env) }))
      for (const item of page?.items ?? []) {
        const id = item[list.id];
        if (typeof id === "string" && typeof item.name === "string") names.set(id, item.name);
      }
  return (id) => names.get(id);
}
