import "server-only";

import type {
  Datastore,
  Folder,
  Network,
  PowerState,
  ResourcePool,
  VmList,
} from "@/lib/schemas/inventory";

import { vcenterCall } from "./call";
import { query } from "./client";
import type { VcenterContext } from "./context";
import { VcenterError } from "./errors";
import {
  datastoreListSchema,
  folderListSchema,
  hostListSchema,
  networkListSchema,
  resourcePoolListSchema,
  vmSummaryListSchema,
} from "./vcenter-schemas";

export interface VmFilter {
  q?: string;
  powerState?: PowerState;
  folder?: string;
  limit: number;
}

type VmSummaries = ReturnType<typeof vmSummaryListSchema.parse>;

/** VMs whose name contains `q` (any case), sorted by name, at most `limit` of them. */
export async function listVms(ctx: VcenterContext, filter: VmFilter): Promise<VmList> {
  const base = { power_states: filter.powerState, folders: filter.folder };
  const dimensions = filter.powerState ? splitBy.filter((d) => d.key !== "power_states") : splitBy;
  const all = dedupe(await listAllVms(ctx, base, dimensions));
  const needle = filter.q?.trim().toLowerCase();
  const matches = needle ? all.filter((vm) => vm.name.toLowerCase().includes(needle)) : all;
  matches.sort((a, b) => byNameOrder.compare(a.name, b.name));
  return {
    total: matches.length,
    items: matches.slice(0, filter.limit).map((vm) => {
      const memory = vm.memory_size_MiB ?? vm.memory_size_mib;
      return {
        vm: vm.vm,
        name: vm.name,
        power_state: vm.power_state,
        ...(vm.cpu_count !== undefined ? { cpu_count: vm.cpu_count } : {}),
        ...(memory !== undefined ? { memory_size_MiB: memory } : {}),
      };
    }),
  };
}

// One collator for every sort: localeCompare with options builds a new one per comparison,
// which costs milliseconds on a list of a few hundred names.
const byNameOrder = new Intl.Collator("en", { numeric: true });

type Query = Record<string, string | undefined>;
interface Dimension {
  key: string;
  values(ctx: VcenterContext): Promise<string[]>;
}

// vCenter refuses a VM list of more than 4000 (UNABLE_TO_ALLOCATE_RESOURCE). Past the cap the
// list is asked again in parts — by host, then power state, then folder — until each part fits.
const splitBy: Dimension[] = [
  {
    key: "hosts",
    values: async (ctx) =>
      (await vcenterCall(ctx, { path: "/api/vcenter/host", schema: hostListSchema })).map(
        (h) => h.host,
      ),
  },
  { key: "power_states", values: async () => ["POWERED_ON", "POWERED_OFF", "SUSPENDED"] },
  { key: "folders", values: async (ctx) => (await listFolders(ctx)).map((f) => f.folder) },
];

async function listAllVms(
  ctx: VcenterContext,
  params: Query,
  dimensions: Dimension[],
): Promise<VmSummaries> {
  try {
    return await fetchVms(ctx, params);
  } catch (err) {
    const [next, ...rest] = dimensions.filter((d) => params[d.key] === undefined);
    if (!next || !(err instanceof VcenterError && err.errorType === "UNABLE_TO_ALLOCATE_RESOURCE"))
      throw err;
    const values = await next.values(ctx);
    const parts = await Promise.all(
      values.map((value) => listAllVms(ctx, { ...params, [next.key]: value }, rest)),
    );
    return parts.flat();
  }
}

const dedupe = (vms: VmSummaries) => [...new Map(vms.map((vm) => [vm.vm, vm])).values()];

function fetchVms(ctx: VcenterContext, params: Query): Promise<VmSummaries> {
  return vcenterCall(ctx, { path: `/api/vcenter/vm${query(params)}`, schema: vmSummaryListSchema });
}

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
