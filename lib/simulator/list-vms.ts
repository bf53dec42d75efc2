import { POWER_STATES } from "./model";
import { collect, enumFilterOf, filtersOf, passes } from "./query";
import type { ApiReply, ApiRequest } from "./router";
import { vmSummary } from "./vm-views";

// GET /api/vcenter/vm with vCenter's filters. More than 4000 matches is an error (FACTS.md §5),
// never a silently shortened list.

export function listVms({ query: q, sim }: ApiRequest): ApiReply {
  const inv = sim.inventory;
  const power = enumFilterOf(
    q,
    "power_states",
    "com.vmware.vcenter.VM.list",
    "com.vmware.vcenter.vm.Power.State",
    POWER_STATES,
  );
  const f = filtersOf(q, [
    "vms",
    "names",
    "folders",
    "datacenters",
    "hosts",
    "clusters",
    "resource_pools",
  ]);
  // With ids given, look them up rather than scan 50,000 VMs.
  const candidates = f.vms ? [...f.vms].flatMap((id) => inv.vms.get(id) ?? []) : inv.vms.values();
  const body = collect(
    candidates,
    (vm) =>
      passes(f.names, vm.name) &&
      passes(f.folders, vm.folder) &&
      passes(f.datacenters, vm.datacenter) &&
      passes(f.hosts, vm.host) &&
      passes(f.clusters, vm.cluster) &&
      passes(f.resource_pools, vm.pool) &&
      passes(power, vm.powerState),
    vmSummary,
    { max: 4000, kind: "vm", plural: "virtual machines" },
  );
  return { status: 200, body };
}
