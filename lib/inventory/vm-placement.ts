import "server-only";

import type { VmPlacement } from "@/lib/schemas/inventory";
import type { VcenterContext } from "@/lib/vcenter/context";
import { listDatacenters } from "@/lib/vcenter/placement-lists";
import { findVmPlacement } from "@/lib/vcenter/vm-placement";

import { placementItems } from "./placement";

/**
 * Where a VM is (datacenter, host, folder with its path, resource pool with its cluster,
 * datastore), found through vCenter's list filters and named from the kept placement lists.
 */
export async function readVmPlacement(
  ctx: VcenterContext,
  user: string,
  vm: string,
): Promise<VmPlacement> {
  const [folders, pools, datastores, datacenters] = await Promise.all([
    placementItems(ctx, user, "folders"),
    placementItems(ctx, user, "resource-pools"),
    placementItems(ctx, user, "datastores"),
    listDatacenters(ctx),
  ]);
  const found = await findVmPlacement(ctx, vm, {
    datacenters: async () => datacenters.map((dc) => dc.datacenter),
    folders: async (dc) => folders.filter((f) => f.datacenter === dc).map((f) => f.folder),
  });
  const dc = datacenters.find((d) => d.datacenter === found.datacenter);
  const ds = datastores.find((d) => d.datastore === found.datastore);
  const folder = folders.find((f) => f.folder === found.folder);
  const pool = pools.find((p) => p.resource_pool === found.resource_pool);
  return {
    vm,
    ...(dc ? { datacenter: { datacenter: dc.datacenter, name: dc.name } } : {}),
    ...(found.host ? { host: found.host } : {}),
    ...(folder ? { folder } : {}),
    ...(pool ? { resource_pool: pool } : {}),
    ...(ds ? { datastore: { datastore: ds.datastore, name: ds.name } } : {}),
  };
}
