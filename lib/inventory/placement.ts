import "server-only";

import type { Datastore, Folder, Network, ResourcePool } from "@/lib/schemas/inventory";
import type { VcenterContext } from "@/lib/vcenter/context";
import { byNameOrder } from "@/lib/vcenter/inventory";
import {
  listDatastores,
  listFolders,
  listNetworks,
  listResourcePools,
  poolsOfHost,
} from "@/lib/vcenter/placement-lists";

import { cacheKey, inventoryCache } from "./cache";
import { ttlMs } from "./ttl";

const readers = {
  folders: listFolders,
  "resource-pools": listResourcePools,
  datastores: listDatastores,
  networks: listNetworks,
} satisfies Record<string, (ctx: VcenterContext) => Promise<{ name: string }[]>>;

export type PlacementKind = keyof typeof readers;
export type PlacementItem<K extends PlacementKind> = {
  folders: Folder;
  "resource-pools": ResourcePool;
  datastores: Datastore;
  networks: Network;
}[K];

export interface PlacementQuery {
  q?: string;
  limit: number;
  refresh?: boolean;
  /** Only the items of this datacenter (the source's). */
  datacenter?: string;
  /** Resource pools only: those on this host (the source's, where the clone will run). */
  host?: string;
}

interface Kept<Item> {
  item: Item;
  /** What a search matches: the name, and a folder's path or a pool's cluster, in lower case. */
  lower: string;
}

// Rough heap cost of one kept item beyond its text, for the cache's budget.
const ITEM_BYTES = 120;

/** Folders in tree order ("DC1 / Dev" before "DC1 / Dev / Web"), the rest by name. */
const sortKey = (item: { name: string; path?: string; cluster?: string }) =>
  item.path ?? (item.cluster ? `${item.name} ${item.cluster}` : item.name);

/**
 * One placement list (folders, resource pools, datastores or networks) of this environment
 * as the operator may see it, kept like the VMs and searched by name (any case) in memory.
 */
async function keptList<K extends PlacementKind>(
  ctx: VcenterContext,
  user: string,
  kind: K,
  refresh?: boolean,
) {
  return inventoryCache().get(
    cacheKey(ctx.runtime.config.id, user, kind),
    async () => {
      const list = (await readers[kind](ctx)) as PlacementItem<K>[];
      list.sort((a, b) => byNameOrder.compare(sortKey(a), sortKey(b)));
      const bytes = list.reduce(
        (sum, item) => sum + ITEM_BYTES + JSON.stringify(item).length * 2,
        0,
      );
      const value: Kept<PlacementItem<K>>[] = list.map((item) => ({
        item,
        lower: [item.name, "path" in item ? item.path : "", "cluster" in item ? item.cluster : ""]
          .join("\n")
          .toLowerCase(),
      }));
      return { value, bytes };
    },
    { ttlMs: ttlMs(ctx.runtime.config), refresh },
  );
}

/** The resource pools on a host, kept as the lists are (vCenter's `hosts` filter). */
async function keptPoolsOfHost(ctx: VcenterContext, user: string, host: string, refresh?: boolean) {
  const kept = await inventoryCache().get(
    cacheKey(ctx.runtime.config.id, user, `resource-pools-of-${host}`),
    async () => {
      const ids = await poolsOfHost(ctx, host);
      return { value: new Set(ids), bytes: ids.length * 64 + 200 };
    },
    { ttlMs: ttlMs(ctx.runtime.config), refresh },
  );
  return kept.value;
}

export async function searchPlacement<K extends PlacementKind>(
  ctx: VcenterContext,
  user: string,
  kind: K,
  query: PlacementQuery,
): Promise<{ items: PlacementItem<K>[]; total: number; as_of: string }> {
  const [kept, onHost] = await Promise.all([
    keptList(ctx, user, kind, query.refresh),
    kind === "resource-pools" && query.host
      ? keptPoolsOfHost(ctx, user, query.host, query.refresh)
      : undefined,
  ]);
  const needle = query.q?.trim().toLowerCase();
  const matches = kept.value.filter(
    ({ item, lower }) =>
      (!needle || lower.includes(needle)) &&
      (!query.datacenter || item.datacenter === query.datacenter) &&
      (!onHost || onHost.has((item as ResourcePool).resource_pool)),
  );
  return {
    items: matches.slice(0, query.limit).map((i) => i.item),
    total: matches.length,
    as_of: kept.asOf.toISOString(),
  };
}

/** Every item of a placement list as kept (read once per TTL). */
export async function placementItems<K extends PlacementKind>(
  ctx: VcenterContext,
  user: string,
  kind: K,
): Promise<PlacementItem<K>[]> {
  return (await keptList(ctx, user, kind)).value.map((i) => i.item);
}
