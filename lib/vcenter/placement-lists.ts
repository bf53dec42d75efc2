import "server-only";

import type { z } from "zod";

import type { Datastore, Folder, Network, ResourcePool } from "@/lib/schemas/inventory";

import { vcenterCall } from "./call";
import { query } from "./client";
import type { VcenterContext } from "./context";
import { readVmFolderTree } from "./folder-tree";
import { type Limiter, limiter } from "./limiter";
import { readSplit, type SplitDimension } from "./split-list";
import {
  clusterListSchema,
  datacenterListSchema,
  datastoreListSchema,
  folderListSchema,
  hostListSchema,
  networkListSchema,
  resourcePoolListSchema,
} from "./vcenter-schemas";

// The placement lists of the clone form, each item with its datacenter (the form narrows the
// lists to the source's), read in parts: one per datacenter first, then split further while
// vCenter refuses a part as too big (split-list.ts). REST offers no finer narrowing than the
// datacenter for datastores and networks: neither list has a host filter.

/** How many list calls one placement read may have under way at once. */
export const PLACEMENT_READ_CONCURRENCY = 8;

const NETWORK_TYPES = ["STANDARD_PORTGROUP", "DISTRIBUTED_PORTGROUP", "OPAQUE_NETWORK"];
const DATASTORE_TYPES = ["VMFS", "NFS", "NFS41", "CIFS", "VSAN", "VFFS", "VVOL"];

export async function listDatacenters(ctx: VcenterContext, limit: Limiter = limiter(1)) {
  return limit(() =>
    vcenterCall(ctx, { path: "/api/vcenter/datacenter", schema: datacenterListSchema }),
  );
}

/** Each datacenter's parts read at once, within one bound. */
async function perDatacenter<T>(
  ctx: VcenterContext,
  read: (dc: { datacenter: string; name: string }, limit: Limiter) => Promise<T[]>,
): Promise<T[]> {
  const limit = limiter(PLACEMENT_READ_CONCURRENCY);
  const dcs = await listDatacenters(ctx, limit);
  return (await Promise.all(dcs.map((dc) => read(dc, limit)))).flat();
}

/** The folders of one type in a datacenter: values to split a list by. */
const foldersOf = (ctx: VcenterContext, dc: string, type: string, limit: Limiter) => ({
  key: "folders",
  values: async () =>
    (
      await limit(() =>
        vcenterCall(ctx, {
          path: `/api/vcenter/folder${query({ type, datacenters: dc })}`,
          schema: folderListSchema,
        }),
      )
    ).map((f) => f.folder),
});

const fixed = (key: string, values: string[]): SplitDimension => ({
  key,
  values: async () => values,
});

const unique = <T>(items: T[], id: (item: T) => string) => [
  ...new Map(items.map((item) => [id(item), item])).values(),
];

/** VM folders with their paths ("DC1 / Linux / Web"), from a walk of each datacenter's tree. */
export async function listFolders(ctx: VcenterContext): Promise<Folder[]> {
  const reads = await perDatacenter(ctx, (dc, limit) => readVmFolderTree(ctx, dc, limit));
  return reads.map(({ folder, name, datacenter, path }) => ({
    folder,
    name,
    datacenter,
    path: path.join(" / "),
  }));
}

/**
 * Resource pools with the cluster (or standalone host) they belong to: the pools of each
 * cluster, then of each standalone host, read apart, which also keeps each answer small.
 */
export async function listResourcePools(ctx: VcenterContext): Promise<ResourcePool[]> {
  const reads = await perDatacenter(ctx, async (dc, limit) => {
    const list = (path: string) =>
      limit(() => vcenterCall(ctx, { path, schema: resourcePoolListSchema }));
    const [clusters, standalone] = await Promise.all([
      limit(() =>
        vcenterCall(ctx, {
          path: `/api/vcenter/cluster${query({ datacenters: dc.datacenter })}`,
          schema: clusterListSchema,
        }),
      ),
      limit(() =>
        vcenterCall(ctx, {
          path: `/api/vcenter/host${query({ datacenters: dc.datacenter, standalone: "true" })}`,
          schema: hostListSchema,
        }),
      ),
    ]);
    const owners = [
      ...clusters.map((c) => ({ name: c.name, filter: { clusters: c.cluster } })),
      ...standalone.map((h) => ({ name: h.name, filter: { hosts: h.host } })),
    ];
    const parts = await Promise.all(
      owners.map(async (owner) =>
        (await list(`/api/vcenter/resource-pool${query(owner.filter)}`)).map((p) => ({
          resource_pool: p.resource_pool,
          name: p.name,
          cluster: owner.name,
          datacenter: dc.datacenter,
        })),
      ),
    );
    return parts.flat();
  });
  return unique(reads, (p) => p.resource_pool);
}

/** The ids of the resource pools on a host (vCenter's `hosts` filter): where its VMs can run. */
export async function poolsOfHost(ctx: VcenterContext, host: string): Promise<string[]> {
  const path = `/api/vcenter/resource-pool${query({ hosts: host })}`;
  return (await vcenterCall(ctx, { path, schema: resourcePoolListSchema })).map(
    (p) => p.resource_pool,
  );
}

/**
 * A datacenter-wide list (datastores, networks), each item with its datacenter: read per
 * datacenter, and split by type, then by folder, when vCenter refuses a part as too big.
 */
async function listPerDatacenter<Raw, Item>(
  ctx: VcenterContext,
  list: {
    path: string;
    schema: z.ZodType<Raw[]>;
    types: string[];
    folderType: string;
    pick: (raw: Raw, datacenter: string) => Item;
    id: (item: Item) => string;
  },
): Promise<Item[]> {
  const reads = await perDatacenter(ctx, async (dc, limit) =>
    (
      await readSplit(
        ctx,
        list.path,
        list.schema,
        { datacenters: dc.datacenter },
        [fixed("types", list.types), foldersOf(ctx, dc.datacenter, list.folderType, limit)],
        limit,
      )
    ).map((raw) => list.pick(raw, dc.datacenter)),
  );
  return unique(reads, list.id);
}

export function listDatastores(ctx: VcenterContext): Promise<Datastore[]> {
  return listPerDatacenter(ctx, {
    path: "/api/vcenter/datastore",
    schema: datastoreListSchema,
    types: DATASTORE_TYPES,
    folderType: "DATASTORE",
    pick: ({ datastore, name, type, free_space, capacity }, datacenter) => ({
      datastore,
      name,
      type,
      free_space,
      capacity,
      datacenter,
    }),
    id: (d) => d.datastore,
  });
}

export function listNetworks(ctx: VcenterContext): Promise<Network[]> {
  return listPerDatacenter(ctx, {
    path: "/api/vcenter/network",
    schema: networkListSchema,
    types: NETWORK_TYPES,
    folderType: "NETWORK",
    pick: ({ network, name, type }, datacenter) => ({ network, name, type, datacenter }),
    id: (n) => n.network,
  });
}
