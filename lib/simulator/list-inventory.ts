import { message, VapiError } from "./errors";
import { DATASTORE_TYPES, FOLDER_TYPES, HOST_CONNECTION_STATES, NETWORK_TYPES } from "./model";
import { booleanOf, collect, enumFilterOf, filtersOf, passes } from "./query";
import type { ApiReply, ApiRequest } from "./router";

// The other inventory lists the form needs, with vCenter's filters and caps (FACTS.md §5).

const ok = (body: unknown): ApiReply => ({ status: 200, body });

export function listFolders({ query, sim }: ApiRequest): ApiReply {
  const type = enumFilterOf(
    query,
    "type",
    "com.vmware.vcenter.Folder.list",
    "com.vmware.vcenter.Folder.Type",
    FOLDER_TYPES,
  );
  const f = filtersOf(query, ["folders", "names", "parent_folders", "datacenters"]);
  return ok(
    collect(
      sim.inventory.folders.values(),
      (folder) =>
        passes(f.folders, folder.id) &&
        passes(f.names, folder.name) &&
        passes(type, folder.type) &&
        passes(f.parent_folders, folder.parent) &&
        passes(f.datacenters, folder.datacenter),
      (folder) => ({ folder: folder.id, name: folder.name, type: folder.type }),
      { max: 1000, kind: "folder", plural: "folders" },
    ),
  );
}

export function listDatacenters({ query, sim }: ApiRequest): ApiReply {
  const f = filtersOf(query, ["datacenters", "names", "folders"]);
  return ok(
    collect(
      sim.inventory.datacenters.values(),
      (dc) =>
        passes(f.datacenters, dc.id) && passes(f.names, dc.name) && passes(f.folders, dc.folder),
      (dc) => ({ datacenter: dc.id, name: dc.name }),
      { max: 1000, kind: "datacenter", plural: "datacenters" },
    ),
  );
}

export function listClusters({ query, sim }: ApiRequest): ApiReply {
  const f = filtersOf(query, ["clusters", "names", "folders", "datacenters"]);
  return ok(
    collect(
      sim.inventory.clusters.values(),
      (c) =>
        passes(f.clusters, c.id) &&
        passes(f.names, c.name) &&
        passes(f.folders, c.folder) &&
        passes(f.datacenters, c.datacenter),
      (c) => ({ cluster: c.id, name: c.name, ha_enabled: c.haEnabled, drs_enabled: c.drsEnabled }),
      { max: 1000, kind: "cluster", plural: "clusters" },
    ),
  );
}

export function listHosts({ query, sim }: ApiRequest): ApiReply {
  const inv = sim.inventory;
  const states = enumFilterOf(
    query,
    "connection_states",
    "com.vmware.vcenter.Host.list",
    "com.vmware.vcenter.Host.ConnectionState",
    HOST_CONNECTION_STATES,
  );
  const standalone = booleanOf(query, "standalone");
  const f = filtersOf(query, ["hosts", "names", "folders", "datacenters", "clusters"]);
  return ok(
    collect(
      inv.hosts.values(),
      (h) =>
        passes(f.hosts, h.id) &&
        passes(f.names, h.name) &&
        passes(f.folders, inv.clusters.get(h.cluster)?.folder) &&
        passes(f.datacenters, h.datacenter) &&
        passes(f.clusters, h.cluster) &&
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

export function listResourcePools({ query, sim }: ApiRequest): ApiReply {
  const inv = sim.inventory;
  const f = filtersOf(query, [
    "resource_pools",
    "names",
    "parent_resource_pools",
    "datacenters",
    "hosts",
    "clusters",
  ]);
  // A host's pools are those of its cluster.
  const hostClusters = f.hosts && new Set([...f.hosts].map((h) => inv.hosts.get(h)?.cluster ?? ""));
  return ok(
    collect(
      inv.pools.values(),
      (p) =>
        passes(f.resource_pools, p.id) &&
        passes(f.names, p.name) &&
        passes(f.parent_resource_pools, p.parent) &&
        passes(f.datacenters, p.datacenter) &&
        passes(hostClusters, p.cluster) &&
        passes(f.clusters, p.cluster),
      (p) => ({ resource_pool: p.id, name: p.name }),
      { max: 1000, kind: "resource_pool", plural: "resource pools" },
    ),
  );
}

export function listDatastores({ query, sim }: ApiRequest): ApiReply {
  const types = enumFilterOf(
    query,
    "types",
    "com.vmware.vcenter.Datastore.list",
    "com.vmware.vcenter.Datastore.Type",
    DATASTORE_TYPES,
  );
  const f = filtersOf(query, ["datastores", "names", "folders", "datacenters"]);
  return ok(
    collect(
      sim.inventory.datastores.values(),
      (d) =>
        passes(f.datastores, d.id) &&
        passes(f.names, d.name) &&
        passes(types, d.type) &&
        passes(f.folders, d.folder) &&
        passes(f.datacenters, d.datacenter),
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

export function listNetworks({ query, sim }: ApiRequest): ApiReply {
  const types = enumFilterOf(
    query,
    "types",
    "com.vmware.vcenter.Network.list",
    "com.vmware.vcenter.Network.Type",
    NETWORK_TYPES,
  );
  const f = filtersOf(query, ["networks", "names", "folders", "datacenters"]);
  return ok(
    collect(
      sim.inventory.networks.values(),
      (n) =>
        passes(f.networks, n.id) &&
        passes(f.names, n.name) &&
        passes(types, n.type) &&
        passes(f.folders, n.folder) &&
        passes(f.datacenters, n.datacenter),
      (n) => ({ network: n.id, name: n.name, type: n.type }),
      { max: 1000, kind: "network", plural: "networks" },
    ),
  );
}

// GET /api/vcenter/datacenter/{datacenter}: Datacenter.Info, whose vm_folder is where a walk
// down the VM folders starts (the folder list names no parents).
export function getDatacenter({ params, sim }: ApiRequest): ApiReply {
  const dc = sim.inventory.datacenters.get(params.datacenter);
  if (!dc)
    throw new VapiError("NOT_FOUND", [
      message(
        "com.vmware.api.vcenter.datacenter.not_found",
        `Datacenter with identifier '${params.datacenter}' does not exist.`,
        params.datacenter,
      ),
    ]);
  return ok({
    name: dc.name,
    datastore_folder: dc.datastoreFolder,
    host_folder: dc.hostFolder,
    network_folder: dc.networkFolder,
    vm_folder: dc.vmFolder,
  });
}
