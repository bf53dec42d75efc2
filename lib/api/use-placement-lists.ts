import { queryOptions, useQuery } from "@tanstack/react-query";
import * as z from "zod/mini";

import {
  datastoreSchema,
  folderSchema,
  inventoryPageSchema,
  networkSchema,
  resourcePoolSchema,
} from "@/lib/schemas/inventory";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

// The four placement and network lists. The server keeps them cached and answers a page of
// them ({items, total, as_of}, the first 1000 by default); the hooks hand components the items,
// the *Page hooks the whole answer (total and as_of too).

const listQuery = <Schema extends z.ZodMiniType>(
  queryKey: readonly unknown[],
  path: string,
  item: Schema,
) =>
  queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchJson(path, { schema: inventoryPageSchema(item), signal }),
  });

export const foldersQuery = (env: string) =>
  listQuery(queryKeys.folders(env), envPath(env, "/folders"), folderSchema);
export const resourcePoolsQuery = (env: string) =>
  listQuery(queryKeys.resourcePools(env), envPath(env, "/resource-pools"), resourcePoolSchema);
export const datastoresQuery = (env: string) =>
  listQuery(queryKeys.datastores(env), envPath(env, "/datastores"), datastoreSchema);
export const networksQuery = (env: string) =>
  listQuery(queryKeys.networks(env), envPath(env, "/networks"), networkSchema);

const itemsOf = <T>(page: { items: T[] }) => page.items;

export const useFolders = (env: string) => useQuery({ ...foldersQuery(env), select: itemsOf });
export const useResourcePools = (env: string) =>
  useQuery({ ...resourcePoolsQuery(env), select: itemsOf });
export const useDatastores = (env: string) =>
  useQuery({ ...datastoresQuery(env), select: itemsOf });
export const useNetworks = (env: string) => useQuery({ ...networksQuery(env), select: itemsOf });

export const useFoldersPage = (env: string) => useQuery(foldersQuery(env));
export const useResourcePoolsPage = (env: string) => useQuery(resourcePoolsQuery(env));
export const useDatastoresPage = (env: string) => useQuery(datastoresQuery(env));
export const useNetworksPage = (env: string) => useQuery(networksQuery(env));
