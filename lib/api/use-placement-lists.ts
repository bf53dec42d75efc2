import {
  hashKey,
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useQuery,
} from "@tanstack/react-query";
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
// them ({items, total, as_of}); the pickers ask for PLACEMENT_PAGE items, and when a list is
// longer than that (total > items) they search it on the server (q) instead of in the page.
// The hooks hand components the items, the *Page hooks the whole answer (total and as_of too).

/** As many as a picker renders at once: a longer list is searched on the server. */
export const PLACEMENT_PAGE = 100;

export type PlacementSearch = {
  q: string;
  limit: number;
  /** Only this datacenter's items (the source's). */
  datacenter?: string;
  /** Resource pools only: those on this host (the source's). */
  host?: string;
};
const FIRST_PAGE: PlacementSearch = { q: "", limit: PLACEMENT_PAGE };

const fetchPage = <Schema extends z.ZodMiniType>(
  path: string,
  item: Schema,
  search: PlacementSearch,
  signal: AbortSignal,
  refresh = false,
) => {
  const params = new URLSearchParams({ limit: String(search.limit) });
  if (search.q) params.set("q", search.q);
  if (search.datacenter) params.set("datacenter", search.datacenter);
  if (search.host) params.set("host", search.host);
  if (refresh) params.set("refresh", "1");
  return fetchJson(`${path}?${params}`, { schema: inventoryPageSchema(item), signal });
};

const listQuery = <Schema extends z.ZodMiniType>(
  baseKey: readonly unknown[],
  path: string,
  item: Schema,
  search: PlacementSearch,
) =>
  queryOptions({
    // Under the list's own key, so invalidating the list clears every search of it.
    queryKey: [...baseKey, search] as const,
    queryFn: ({ signal }) => fetchPage(path, item, search, signal),
  });

const lists = {
  folders: { key: queryKeys.folders, path: "/folders", item: folderSchema },
  "resource-pools": {
    key: queryKeys.resourcePools,
    path: "/resource-pools",
    item: resourcePoolSchema,
  },
  datastores: { key: queryKeys.datastores, path: "/datastores", item: datastoreSchema },
  networks: { key: queryKeys.networks, path: "/networks", item: networkSchema },
};
export type PlacementListKind = keyof typeof lists;

/**
 * Asks the console for a fresh read of one list (refresh=1) for this search, and forgets the
 * list's other searches, which came from the older read (as refreshVms does for the VMs).
 */
export async function refreshPlacementList(
  queryClient: QueryClient,
  env: string,
  kind: PlacementListKind,
  search: PlacementSearch,
) {
  const { key, path, item } = lists[kind];
  const queryKey = [...key(env), search];
  queryClient.removeQueries({
    queryKey: key(env),
    predicate: (query) => hashKey(query.queryKey) !== hashKey(queryKey),
  });
  await queryClient.fetchQuery({
    queryKey,
    queryFn: ({ signal }) => fetchPage(envPath(env, path), item, search, signal, true),
    staleTime: 0,
  });
}

export const foldersQuery = (env: string, search = FIRST_PAGE) =>
  listQuery(queryKeys.folders(env), envPath(env, "/folders"), folderSchema, search);
export const resourcePoolsQuery = (env: string, search = FIRST_PAGE) =>
  listQuery(
    queryKeys.resourcePools(env),
    envPath(env, "/resource-pools"),
    resourcePoolSchema,
    search,
  );
export const datastoresQuery = (env: string, search = FIRST_PAGE) =>
  listQuery(queryKeys.datastores(env), envPath(env, "/datastores"), datastoreSchema, search);
export const networksQuery = (env: string, search = FIRST_PAGE) =>
  listQuery(queryKeys.networks(env), envPath(env, "/networks"), networkSchema, search);

const itemsOf = <T>(page: { items: T[] }) => page.items;

export const useFolders = (env: string) => useQuery({ ...foldersQuery(env), select: itemsOf });
export const useResourcePools = (env: string) =>
  useQuery({ ...resourcePoolsQuery(env), select: itemsOf });
export const useDatastores = (env: string) =>
  useQuery({ ...datastoresQuery(env), select: itemsOf });
export const useNetworks = (env: string) => useQuery({ ...networksQuery(env), select: itemsOf });

// A search's answer keeps the previous one on screen while it loads (as the VM search does).
export const useFoldersPage = (env: string, search = FIRST_PAGE) =>
  useQuery({ ...foldersQuery(env, search), placeholderData: keepPreviousData });
export const useResourcePoolsPage = (env: string, search = FIRST_PAGE) =>
  useQuery({ ...resourcePoolsQuery(env, search), placeholderData: keepPreviousData });
export const useDatastoresPage = (env: string, search = FIRST_PAGE) =>
  useQuery({ ...datastoresQuery(env, search), placeholderData: keepPreviousData });
export const useNetworksPage = (env: string, search = FIRST_PAGE) =>
  useQuery({ ...networksQuery(env, search), placeholderData: keepPreviousData });
