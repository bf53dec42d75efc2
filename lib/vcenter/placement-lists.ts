import "server-only";

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

export async function listDatastores(ctx: VcenterContext): Promise<Datastore[]> {
  const reads = await perDatacenter(ctx, async (dc, limit) =>
    (
      await readSplit(
        ctx,
        "/api/vcenter/datastore",
        datastoreListSchema,
        { datacenters: dc.datacenter },
        [fixed("types", DATASTORE_TYPES), foldersOf(ctx, dc.datacenter, "DATASTORE", limit)],
        limit,
      )
    ).map(({ datastore, name, type, free_space, capacity }) => ({
      datastore,
      name,
      type,
      free_space,
      capacity,
      datacenter: dc.datacenter,
    })),
  );
  return unique(reads, (d) => d.datastore);
}

export async function listNetworks(ctx: VcenterContext): Promise<Network[]> {
  const reads = await perDatacenter(ctx, async (dc, limit) =>
    (
      await readSplit(
        ctx,
        "/api/vcenter/network",
        networkListSchema,
        { datacenters: dc.datacenter },
        [fixed("types", NETWORK_TYPES), foldersOf(ctx, dc.datacenter, "NETWORK", limit)],
        limit,
      )
    ).map(({ network, name, type }) => ({ network, name, type, datacenter: dc.datacenter })),
  );
  return unique(reads, (n) => n.network);
}
