import { switchUuid, plainUuid } from "./identity";
import type { Inventory } from "./inventory";
import type {
  Datastore,
  DatastoreType,
  FolderType,
  HostConnectionState,
  Network,
  Scope,
} from "./model";

const GiB = 1024 ** 3;
const TiB = 1024 * GiB;

/** Hosts per cluster and extra VM folders grow with the VM count, as a real estate would. */
export function layoutSize(vmCount: number): { hostsPerCluster: number; bulkFolders: number } {
  return {
    hostsPerCluster: Math.max(3, Math.ceil(vmCount / 1600)),
    bulkFolders: Math.floor(vmCount / 2500),
  };
}

/**
 * A datacenter and its four root folders (vm, host, datastore, network), made in that order by
 * `folder` (so each layout's ids stay as they were), in the folder `parent`.
 */
export function addDatacenter(
  inv: Inventory,
  dc: string,
  name: string,
  parent: string,
  folder: (
    prefix: string,
    name: string,
    type: Exclude<FolderType, "DATACENTER">,
    parent: string,
  ) => string,
) {
  const vmRoot = folder("group-v", "vm", "VIRTUAL_MACHINE", dc);
  const hostRoot = folder("group-h", "host", "HOST", dc);
  const dsRoot = folder("group-s", "datastore", "DATASTORE", dc);
  const netRoot = folder("group-n", "network", "NETWORK", dc);
  inv.datacenters.set(dc, {
    id: dc,
    name,
    folder: parent,
    vmFolder: vmRoot,
    hostFolder: hostRoot,
    datastoreFolder: dsRoot,
    networkFolder: netRoot,
  });
  return { vmRoot, hostRoot, dsRoot, netRoot };
}

// The fixed objects take ids 1-33 in this order (group-v3, resgroup-8, host-9, datastore-11,
// network-12, dvportgroup-20 …); objects added for big inventories start at 101, below vm-1001.
export function buildLayout(inv: Inventory, vmCount: number): void {
  let fixed = 0;
  let extra = 100;
  const id = (prefix: string, big = false) => `${prefix}${big ? ++extra : ++fixed}`;
  const dc = "datacenter-2";

  const folder = (
    prefix: string,
    name: string,
    type: FolderType,
    parent: string | null,
    big = false,
  ) => {
    const folderId = id(prefix, big);
    inv.folders.set(folderId, { id: folderId, name, type, parent, datacenter: parent ? dc : null });
    return folderId;
  };
  const root = folder("group-d", "Datacenters", "DATACENTER", null);
  id("datacenter-");
  const { vmRoot, hostRoot, dsRoot, netRoot } = addDatacenter(inv, dc, "DC1", root, folder);

  const cluster = (name: string, ha: boolean, drs: boolean) => {
    const clusterId = id("domain-c");
    const rootPool = id("resgroup-");
    inv.clusters.set(clusterId, {
      id: clusterId,
      name,
      datacenter: dc,
      folder: hostRoot,
      rootPool,
      haEnabled: ha,
      drsEnabled: drs,
    });
    inv.pools.set(rootPool, {
      id: rootPool,
      name: "Resources",
      datacenter: dc,
      cluster: clusterId,
      parent: null,
    });
    return clusterId;
  };
  const host = (
    name: string,
    clusterId: string,
    state: HostConnectionState = "CONNECTED",
    big = false,
  ) => {
    const hostId = id("host-", big);
    inv.hosts.set(hostId, {
      id: hostId,
      name,
      datacenter: dc,
      cluster: clusterId,
      connectionState: state,
    });
    return hostId;
  };
  const datastore = (
    name: string,
    type: DatastoreType,
    capacity: number,
    free: number,
    scope: Scope,
  ) => {
    const dsId = id("datastore-");
    const record: Datastore = {
      id: dsId,
      name,
      type,
      datacenter: dc,
      folder: dsRoot,
      capacity: Math.round(capacity),
      freeSpace: Math.round(free),
      scope,
    };
    inv.datastores.set(dsId, record);
  };
  const network = (
    prefix: string,
    name: string,
    extraFields: Partial<Network> & Pick<Network, "type" | "scope">,
  ) => {
    const netId = id(prefix);
    inv.networks.set(netId, { id: netId, name, datacenter: dc, folder: netRoot, ...extraFields });
  };
  const all: Scope = { kind: "all" };

  const clusterA = cluster("Cluster-A", true, true);
  const a1 = host("esx-a1.lab.local", clusterA);
  host("esx-a2.lab.local", clusterA);
  datastore("nfs-shared-01", "NFS", 4 * TiB, 1.6 * TiB, all);
  network("network-", "VM Network", { type: "STANDARD_PORTGROUP", scope: all });
  host("esx-a3.lab.local", clusterA);
  const clusterB = cluster("Cluster-B", true, false);
  const b1 = host("esx-b1.lab.local", clusterB);
  host("esx-b2.lab.local", clusterB);
  host("esx-b3.lab.local", clusterB, "DISCONNECTED");
  datastore("vsan-cluster-a", "VSAN", 12 * TiB, 7.25 * TiB, { kind: "cluster", cluster: clusterA });
  const dvSwitch = switchUuid(inv.rng);
  network("dvportgroup-", "pg-prod-static", {
    type: "DISTRIBUTED_PORTGROUP",
    scope: all,
    dvs: { switchUuid: dvSwitch, staticBinding: true, ports: 64 },
  });
  network("dvportgroup-", "pg-dev-ephemeral", {
    type: "DISTRIBUTED_PORTGROUP",
    scope: all,
    dvs: { switchUuid: dvSwitch, staticBinding: false, ports: 0 },
  });
  network("network-o", "seg-nsx-web", {
    type: "OPAQUE_NETWORK",
    scope: all,
    opaque: { type: "nsx.LogicalSwitch", id: plainUuid(inv.rng) },
  });
  network("network-", "Backup-VLAN40", {
    type: "STANDARD_PORTGROUP",
    scope: { kind: "cluster", cluster: clusterB },
  });
  datastore("local-esx-a1", "VMFS", 900 * GiB, 610 * GiB, { kind: "host", host: a1 });
  datastore("local-esx-b1", "VMFS", 900 * GiB, 402 * GiB, { kind: "host", host: b1 });
  datastore("nfs-iso", "NFS41", 500 * GiB, 38 * GiB, all);
  for (const [name, clusterId] of [
    ["Prod", clusterA],
    ["Dev", clusterA],
    ["Lab", clusterB],
  ] as const) {
    const poolId = id("resgroup-");
    const parent = inv.clusters.get(clusterId)!.rootPool;
    inv.pools.set(poolId, { id: poolId, name, datacenter: dc, cluster: clusterId, parent });
  }
  for (const name of ["Prod", "Dev", "Templates", "Lab"])
    folder("group-v", name, "VIRTUAL_MACHINE", vmRoot);

  const size = layoutSize(vmCount);
  for (const [clusterId, letter] of [
    [clusterA, "a"],
    [clusterB, "b"],
  ] as const)
    for (let n = 4; n <= size.hostsPerCluster; n++)
      host(`esx-${letter}${n}.lab.local`, clusterId, "CONNECTED", true);
  for (let n = 1; n <= size.bulkFolders; n++)
    folder("group-v", `Bulk-${String(n).padStart(2, "0")}`, "VIRTUAL_MACHINE", vmRoot, true);
}
