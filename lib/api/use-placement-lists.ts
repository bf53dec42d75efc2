import { queryOptions, useQuery } from "@tanstack/react-query";
import * as z from "zod/mini";

import {
  datastoreSchema,
  folderSchema,
  networkSchema,
  resourcePoolSchema,
} from "@/lib/schemas/inventory";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

// The four placement and network lists: small, fetched once per environment, filtered in the
// browser by the pickers.

const listQuery = <Schema extends z.ZodMiniType>(
  queryKey: readonly unknown[],
  path: string,
  item: Schema,
) =>
  queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchJson(path, { schema: z.array(item), signal }),
  });

export const foldersQuery = (env: string) =>
  listQuery(queryKeys.folders(env), envPath(env, "/folders"), folderSchema);
export const resourcePoolsQuery = (env: string) =>
  listQuery(queryKeys.resourcePools(env), envPath(env, "/resource-pools"), resourcePoolSchema);
export const datastoresQuery = (env: string) =>
  listQuery(queryKeys.datastores(env), envPath(env, "/datastores"), datastoreSchema);
export const networksQuery = (env: string) =>
  listQuery(queryKeys.networks(env), envPath(env, "/networks"), networkSchema);

export const useFolders = (env: string) => useQuery(foldersQuery(env));
export const useResourcePools = (env: string) => useQuery(resourcePoolsQuery(env));
export const useDatastores = (env: string) => useQuery(datastoresQuery(env));
export const useNetworks = (env: string) => useQuery(networksQuery(env));
