import "server-only";

import type { Datastore, Folder, Network, ResourcePool } from "@/lib/schemas/inventory";
import type { VcenterContext } from "@/lib/vcenter/context";
import {
  listDatastores,
  listFolders,
  listNetworks,
  listResourcePools,
} from "@/lib/vcenter/inventory";

import { cacheKey, inventoryCache } from "./cache";
import { ttlMs } from "./ttl";

const readers = {
  folders: listFolders,
  "resource-pools": listResourcePools,
  datastores: listDatastores,
  networks: listNetworks,
} satisfies Record<string, (ctx: VcenterContext) => Promise<{ name: string }[]>>;

export type PlacementKind = keyof typeof readers;
type ItemOf<K extends PlacementKind> = {
  folders: Folder;
  "resource-pools": ResourcePool;
  datastores: Datastore;
  networks: Network;
}[K];

export interface PlacementQuery {
  q?: string;
  limit: number;
  refresh?: boolean;
}

// Rough heap cost of one kept item beyond its text, for the cache's budget.
const ITEM_BYTES = 120;

/**
 * One placement list (folders, resource pools, datastores or networks) of this environment
 * as the operator may see it, kept like the VMs and searched by name (any case) in memory.
 */
export async function searchPlacement<K extends PlacementKind>(
  ctx: VcenterContext,
  user: string,
  kind: K,
  query: PlacementQuery,
): Promise<{ items: ItemOf<K>[]; total: number; as_of: string }> {
  const key = cacheKey(ctx.runtime.config.id, user, kind);
  const kept = await inventoryCache().get(
    key,
    async () => {
      const list = (await readers[kind](ctx)) as ItemOf<K>[];
      const bytes = list.reduce(
        (sum, item) => sum + ITEM_BYTES + JSON.stringify(item).length * 2,
        0,
      );
      return { value: list.map((item) => ({ item, lower: item.name.toLowerCase() })), bytes };
    },
    { ttlMs: ttlMs(ctx.runtime.config), refresh: query.refresh },
  );
  const needle = query.q?.trim().toLowerCase();
  const matches = needle ? kept.value.filter((i) => i.lower.includes(needle)) : kept.value;
  return {
    items: matches.slice(0, query.limit).map((i) => i.item),
    total: matches.length,
    as_of: kept.asOf.toISOString(),
  };
}
