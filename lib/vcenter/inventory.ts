import "server-only";

import type { PowerState, VmList } from "@/lib/schemas/inventory";

import { readPart, type VmRead } from "./all-vms";
import type { VcenterContext } from "./context";

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
