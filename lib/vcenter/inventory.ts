import "server-only";

import type {
  Datastore,
  Folder,
  Network,
  PowerState,
  ResourcePool,
  VmList,
} from "@/lib/schemas/inventory";

import { readPart, type VmRead } from "./all-vms";
import { vcenterCall } from "./call";
import { query } from "./client";
import type { VcenterContext } from "./context";
import {
  datastoreListSchema,
  folderListSchema,
  networkListSchema,
  resourcePoolListSchema,
} from "./vcenter-schemas";

export interface VmFilter {
  q?: string;
  powerState?: PowerState;
  folder?: string;
  limit: number;
}

/** VMs whose name contains `q` (any case), sorted by name, at most `limit` of them. */
export async function listVms(ctx: VcenterContext, filter: VmFilter): Promise<VmList> {
  const base = { power_states: filter.powerState, folders: filter.folder };
  const dimensions = filter.powerState
    ? (["hosts", "folders"] as const)
    : (["hosts", "power_states", "folders"] as const);
  const all = dedupe(await readPart(ctx, base, [...dimensions]));
  const needle = filter.q?.trim().toLowerCase();
  const matches = needle ? all.filter((vm) => vm.name.toLowerCase().includes(needle)) : all;
  matches.sort((a, b) => byNameOrder.compare(a.name, b.name));
  return {
    total: matches.length,
    items: matches
      .slice(0, filter.limit)
      .map(({ vm, name, power_state, cpu_count, memory_size_MiB }) => ({
        vm,
        name,
        power_state,
        ...(cpu_count !== undefined ? { cpu_count } : {}),
        ...(memory_size_MiB !== undefined ? { memory_size_MiB } : {}),
      })),
  };
}

// One collator for every sort: localeCompare with options builds a new one per comparison,
// which costs milliseconds on a list of a few hundred names.
export const byNameOrder = new Intl.Collator("en", { numeric: true });

const dedupe = (vms: VmRead[]) => [...new Map(vms.map((vm) => [vm.vm, vm])).values()];

const byName = <T extends { name: string }>(items: T[]) =>
  items.sort((a, b) => byNameOrder.compare(a.name, b.name));

export async function listFolders(ctx: VcenterContext): Promise<Folder[]> {
  const path = `/api/vcenter/folder${query({ type: "VIRTUAL_MACHINE" })}`;
  const list = await vcenterCall(ctx, { path, schema: folderListSchema });
  return byName(list.map(({ folder, name }) => ({ folder, name })));
}

export async function listResourcePools(ctx: VcenterContext): Promise<ResourcePool[]> {
  const path = "/api/vcenter/resource-pool";
  const list = await vcenterCall(ctx, { path, schema: resourcePoolListSchema });
  return byName(list.map(({ resource_pool, name }) => ({ resource_pool, name })));
}

export async function listDatastores(ctx: VcenterContext): Promise<Datastore[]> {
  const path = "/api/vcenter/datastore";
  const list = await vcenterCall(ctx, { path, schema: datastoreListSchema });
  return byName(
    list.map(({ datastore, name, type, free_space, capacity }) => ({
      datastore,
      name,
      type,
      free_space,
      capacity,
    })),
  );
}

export async function listNetworks(ctx: VcenterContext): Promise<Network[]> {
  const path = "/api/vcenter/network";
  const list = await vcenterCall(ctx, { path, schema: networkListSchema });
  return byName(list.map(({ network, name, type }) => ({ network, name, type })));
}
