import "server-only";

import { vcenterCall } from "./call";
import { query } from "./client";
import type { VcenterContext } from "./context";
import { type Limiter, limiter } from "./limiter";
import { chunks } from "./split-list";
import {
  datastoreListSchema,
  hostListSchema,
  resourcePoolListSchema,
  vmIdListSchema,
  vmInfoSchema,
} from "./vcenter-schemas";

/** Where a VM is, by id; unknown parts are left out. */
export interface VmPlacementRead {
  datacenter?: string;
  host?: string;
  folder?: string;
  resource_pool?: string;
  datastore?: string;
}

/** The candidates the caller keeps: the datacenters, and the VM folders of one. */
export interface PlacementCandidates {
  datacenters: () => Promise<string[]>;
  folders: (datacenter: string) => Promise<string[]>;
}

/** Values of one filter asked about in one call: the URL stays a few KB. */
const VALUES_PER_CALL = 100;

// REST's VM.Info names no folder, pool, host or datacenter (and the 7.0 spec has no placement
// read). The VM list's filters do: `GET /api/vcenter/vm?vms={vm}&folders=a&folders=b…` answers
// the VM when it is in one of them. So each is found by asking about runs of candidates and
// halving a run that holds the VM: about n/100 + log2(100) calls for n candidates. Nothing is
// taken from the console's cache: a clone's placement is read from vCenter, not assumed. The datastore is
// named in the VM's first disk ("[nfs-shared-01] web/web.vmdk"), then looked up by that name
// in the VM's datacenter: vCenter's default for an instant clone is the source's datastore.

/** A VM's datacenter, host, folder, resource pool and datastore, each as vCenter's lists say. */
export async function findVmPlacement(
  ctx: VcenterContext,
  vm: string,
  known: PlacementCandidates,
): Promise<VmPlacementRead> {
  const limit = limiter(4);
  const contains = (key: string, values: string[]) => whichHolds(ctx, vm, key, values, limit);
  const [datacenter, info] = await Promise.all([
    known.datacenters().then((dcs) => contains("datacenters", dcs)),
    limit(() =>
      vcenterCall(ctx, { path: `/api/vcenter/vm/${encodeURIComponent(vm)}`, schema: vmInfoSchema }),
    ),
  ]);
  if (!datacenter) return {};
  const [host, folder, datastore] = await Promise.all([
    hostsOf(ctx, datacenter, limit).then((hosts) => contains("hosts", hosts)),
    known.folders(datacenter).then((folders) => contains("folders", folders)),
    datastoreOf(ctx, datacenter, firstDiskDatastore(info), limit),
  ]);
  const pools = host ? await poolsOn(ctx, host, limit) : [];
  const resource_pool = await contains("resource_pools", pools);
  return { datacenter, host, folder, resource_pool, datastore };
}

/** Which of `values` of the VM list's filter `key` holds the VM (undefined: none). */
async function whichHolds(
  ctx: VcenterContext,
  vm: string,
  key: string,
  values: string[],
  limit: Limiter,
): Promise<string | undefined> {
  const holds = async (run: string[]) =>
    (
      await limit(() =>
        vcenterCall(ctx, {
          path: `/api/vcenter/vm${query({ vms: vm, [key]: run })}`,
          schema: vmIdListSchema,
        }),
      )
    ).length > 0;
  const search = async (run: string[]): Promise<string | undefined> => {
    if (run.length === 0 || !(await holds(run))) return undefined;
    if (run.length === 1) return run[0];
    const middle = Math.ceil(run.length / 2);
    return (await search(run.slice(0, middle))) ?? search(run.slice(middle));
  };
  const found = await Promise.all(chunks(values, VALUES_PER_CALL).map(search));
  return found.find((value) => value !== undefined);
}

async function hostsOf(ctx: VcenterContext, datacenter: string, limit: Limiter) {
  const path = `/api/vcenter/host${query({ datacenters: datacenter })}`;
  return (await limit(() => vcenterCall(ctx, { path, schema: hostListSchema }))).map((h) => h.host);
}

async function poolsOn(ctx: VcenterContext, host: string, limit: Limiter) {
  const path = `/api/vcenter/resource-pool${query({ hosts: host })}`;
  return (await limit(() => vcenterCall(ctx, { path, schema: resourcePoolListSchema }))).map(
    (p) => p.resource_pool,
  );
}

/** "[nfs-shared-01] web/web.vmdk" → "nfs-shared-01", from the disk with the lowest key. */
function firstDiskDatastore(info: {
  disks?: Record<string, { backing?: { vmdk_file?: string } }>;
}) {
  const disks = Object.entries(info.disks ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  for (const [, disk] of disks) {
    const name = disk.backing?.vmdk_file?.match(/^\[([^\]]+)\]/)?.[1];
    if (name) return name;
  }
  return undefined;
}

async function datastoreOf(
  ctx: VcenterContext,
  datacenter: string,
  name: string | undefined,
  limit: Limiter,
) {
  if (!name) return undefined;
  const path = `/api/vcenter/datastore${query({ names: name, datacenters: datacenter })}`;
  const [found] = await limit(() => vcenterCall(ctx, { path, schema: datastoreListSchema }));
  return found?.datastore;
}
