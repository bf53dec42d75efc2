import {
  DATASTORE_TYPES,
  FOLDER_TYPES,
  HOST_CONNECTION_STATES,
  NETWORK_TYPES,
  POWER_STATES,
} from "./model";
import { booleanOf, collect, enumFilterOf, filterOf, passes } from "./query";
import type { ApiReply, ApiRequest } from "./router";
import { vmSummary } from "./vm-views";

// The inventory lists with vCenter's filters and caps (FACTS.md §5): more matches than the cap
// is an error, never a silently shortened list.

const ok = (body: unknown): ApiReply => ({ status: 200, body });

export function listVms({ query: q, sim }: ApiRequest): ApiReply {
  const inv = sim.inventory;
  const power = enumFilterOf(
    q,
    "power_states",
    "com.vmware.vcenter.VM.list",
    "com.vmware.vcenter.vm.Power.State",
    POWER_STATES,
  );
  const [vms, names, folders, datacenters, hosts, clusters, pools] = [
    "vms",
    "names",
    "folders",
    "datacenters",
    "hosts",
    "clusters",
    "resource_pools",
  ].map((name) => filterOf(q, name));
  // With ids given, look them up rather than scan 50,000 VMs.
  const candidates = vms ? [...vms].flatMap((id) => inv.vms.get(id) ?? []) : inv.vms.values();
  return ok(
    collect(
      candidates,
      (vm) =>
        passes(names, vm.name) &&
        passes(folders, vm.folder) &&
        passes(datacenters, vm.datacenter) &&
        passes(hosts, vm.host) &&
        passes(clusters, vm.cluster) &&
        passes(pools, vm.pool) &&
        passes(power, vm.powerState),
      vmSummary,
      { max: 4000, kind: "vm", plural: "virtual machines" },
    ),
  );
}

export function listFolders({ query: q, sim }: ApiRequest): ApiReply {
  const type = enumFilterOf(
    q,
    "type",
    "com.vmware.vcenter.Folder.list",
    "com.vmware.vcenter.Folder.Type",
    FOLDER_TYPES,
  );
  const [folders, names, parents, datacenters] = [
    "folders",
    "names",
    "parent_folders",
    "datacenters",
  ].map((n) => filterOf(q, n));
  return ok(
    collect(
      sim.inventory.folders.values(),
      (f) =>
        passes(folders, f.id) &&
        passes(names, f.name) &&
        passes(type, f.type) &&
        passes(parents, f.parent) &&
        passes(datacenters, f.datacenter),
      (f) => ({ folder: f.id, name: f.name, type: f.type }),
      { max: 1000, kind: "folder", plural: "folders" },
    ),
  );
}

export function listDatacenters({ query: q, sim }: ApiRequest): ApiReply {
  const [datacenters, names, folders] = ["datacenters", "names", "folders"].map((n) =>
    filterOf(q, n),
  );
  return ok(
    collect(
      sim.inventory.datacenters.values(),
      (dc) => passes(datacenters, dc.id) && passes(names, dc.name) && passes(folders, dc.folder),
      (dc) => ({ datacenter: dc.id, name: dc.name }),
      { max: 1000, kind: "datacenter", plural: "datacenters" },
    ),
  );
}

export function listClusters({ query: q, sim }: ApiRequest): ApiReply {
  const [clusters, names, folders, datacenters] = [
    "clusters",
    "names",
    "folders",
    "datacenters",
  ].map((n) => filterOf(q, n));
  return ok(
    collect(
      sim.inventory.clusters.values(),
      (c) =>
        passes(clusters, c.id) &&
        passes(names, c.name) &&
        passes(folders, c.folder) &&
        passes(datacenters, c.datacenter),
      (c) => ({ cluster: c.id, name: c.name, ha_enabled: c.haEnabled, drs_enabled: c.drsEnabled }),
      { max: 1000, kind: "cluster", plural: "clusters" },
    ),
  );
}

export function listHosts({ query: q, sim }: ApiRequest): ApiReply {
  const inv = sim.inventory;
  const states = enumFilterOf(
    q,
    "connection_states",
    "com.vmware.vcenter.Host.list",
    "com.vmware.vcenter.Host.ConnectionState",
    HOST_CONNECTION_STATES,
  );
  const standalone = booleanOf(q, "standalone");
  const [hosts, names, folders, datacenters, clusters] = [
    "hosts",
    "names",
    "folders",
    "datacenters",
    "clusters",
  ].map((n) => filterOf(q, n));
  return ok(
    collect(
      inv.hosts.values(),
      (h) =>
        passes(hosts, h.id) &&
        passes(names, h.name) &&
        passes(folders, inv.clusters.get(h.cluster)?.folder) &&
        passes(datacenters, h.datacenter) &&
        passes(clusters, h.cluster) &&
        passes(states, h.connectionState) &&
        standalone !== true, // every simulated host is in a cluster
      // vCenter leaves power_state out for a host it cannot reach.
      (h) => ({
        host: h.id,
        name: h.name,
        connection_state: h.connectionState,
        ...(h.connectionState === "CONNECTED" ? { power_state: "POWERED_ON" } : {}),
      }),
      { max: 2500, kind: "host", plural: "hosts" },
    ),
  );
}

export function listResourcePools({ query: q, sim }: ApiRequest): ApiReply {
  const inv = sim.inventory;
  const [pools, names, parents, datacenters, hosts, clusters] = [
    "resource_pools",
    "names",
    "parent_resource_pools",
    "datacenters",
    "hosts",
    "clusters",
  ].map((n) => filterOf(q, n));
  const hostClusters = hosts && new Set([...hosts].map((h) => inv.hosts.get(h)?.cluster ?? ""));
  return ok(
    collect(
      inv.pools.values(),
      (p) =>
        passes(pools, p.id) &&
        passes(names, p.name) &&
        passes(parents, p.parent) &&
        passes(datacenters, p.datacenter) &&
        passes(hostClusters, p.cluster) &&
        passes(clusters, p.cluster),
      (p) => ({ resource_pool: p.id, name: p.name }),
      { max: 1000, kind: "resource_pool", plural: "resource pools" },
    ),
  );
}

export function listDatastores({ query: q, sim }: ApiRequest): ApiReply {
  const types = enumFilterOf(
    q,
    "types",
    "com.vmware.vcenter.Datastore.list",
    "com.vmware.vcenter.Datastore.Type",
    DATASTORE_TYPES,
  );
  const [datastores, names, folders, datacenters] = [
    "datastores",
    "names",
    "folders",
    "datacenters",
  ].map((n) => filterOf(q, n));
  return ok(
    collect(
      sim.inventory.datastores.values(),
      (d) =>
        passes(datastores, d.id) &&
        passes(names, d.name) &&
        passes(types, d.type) &&
        passes(folders, d.folder) &&
        passes(datacenters, d.datacenter),
      (d) => ({
        datastore: d.id,
        name: d.name,
        type: d.type,
        free_space: d.freeSpace,
        capacity: d.capacity,
      }),
      { max: 2500, kind: "datastore", plural: "datastores" },
    ),
  );
}

export function listNetworks({ query: q, sim }: ApiRequest): ApiReply {
  const types = enumFilterOf(
    q,
    "types",
    "com.vmware.vcenter.Network.list",
    "com.vmware.vcenter.Network.Type",
    NETWORK_TYPES,
  );
  const [networks, names, folders, datacenters] = [
    "networks",
    "names",
    "folders",
    "datacenters",
  ].map((n) => filterOf(q, n));
  return ok(
    collect(
      sim.inventory.networks.values(),
      (n) =>
        passes(networks, n.id) &&
        passes(names, n.name) &&
        passes(types, n.type) &&
        passes(folders, n.folder) &&
        passes(datacenters, n.datacenter),
      (n) => ({ network: n.id, name: n.name, type: n.type }),
      { max: 1000, kind: "network", plural: "networks" },
    ),
  );
}
