import { addVmFolders } from "./extra-folders";
import { switchUuid } from "./identity";
import type { Inventory } from "./inventory";
import { addDatacenter } from "./inventory-layout";
import type { Scope } from "./model";
import { createVm } from "./vm-factory";

// Opt-in additions to the layout for the tests of the placement lists: a second datacenter (the
// form narrows datastores and networks to the source's) and more port groups than vCenter lists
// in one answer. Ids start far above the layout's and the extra folders' (extra-folders.ts).

const DC2_FIRST_ID = 60_000;
const NETWORK_FIRST_ID = 70_000;
/** Port groups per network folder ("VLANs-01"…). */
export const NETWORKS_PER_FOLDER = 500;

/**
 * "DC2": its own VM folders ("Linux / Web"), cluster, host, pools, datastore and port group,
 * and one running VM "dc2-web-01" in "DC2 / Linux / Web" to clone from.
 */
export function addSecondDatacenter(inv: Inventory): void {
  const first = inv.datacenters.values().next().value;
  if (!first) return;
  let next = DC2_FIRST_ID;
  const id = (prefix: string) => `${prefix}${++next}`;
  const dc = id("datacenter-");
  const folder = (
    prefix: string,
    name: string,
    type: "VIRTUAL_MACHINE" | "HOST" | "DATASTORE" | "NETWORK",
    parent: string,
  ) => {
    const folderId = id(prefix);
    inv.folders.set(folderId, { id: folderId, name, type, parent, datacenter: dc });
    return folderId;
  };
  const { vmRoot, hostRoot, dsRoot, netRoot } = addDatacenter(inv, dc, "DC2", first.folder, folder);
  const cluster = id("domain-c");
  const rootPool = id("resgroup-");
  inv.clusters.set(cluster, {
    id: cluster,
    name: "Cluster-C",
    datacenter: dc,
    folder: hostRoot,
    rootPool,
    haEnabled: true,
    drsEnabled: true,
  });
  inv.pools.set(rootPool, {
    id: rootPool,
    name: "Resources",
    datacenter: dc,
    cluster,
    parent: null,
  });
  const pool = id("resgroup-");
  inv.pools.set(pool, { id: pool, name: "Web", datacenter: dc, cluster, parent: rootPool });
  const host = id("host-");
  inv.hosts.set(host, {
    id: host,
    name: "esx-c1.lab.local",
    datacenter: dc,
    cluster,
    connectionState: "CONNECTED",
  });
  const scope: Scope = { kind: "cluster", cluster };
  const datastore = id("datastore-");
  inv.datastores.set(datastore, {
    id: datastore,
    name: "vsan-dc2",
    type: "VSAN",
    datacenter: dc,
    folder: dsRoot,
    capacity: 8 * 1024 ** 4,
    freeSpace: 5 * 1024 ** 4,
    scope,
  });
  const network = id("dvportgroup-");
  inv.networks.set(network, {
    id: network,
    name: "pg-dc2-web",
    type: "DISTRIBUTED_PORTGROUP",
    datacenter: dc,
    folder: netRoot,
    scope,
    dvs: { switchUuid: switchUuid(inv.rng), staticBinding: false, ports: 0 },
  });
  const linux = folder("group-v", "Linux", "VIRTUAL_MACHINE", vmRoot);
  const web = folder("group-v", "Web", "VIRTUAL_MACHINE", linux);
  inv.addVm(
    createVm(inv, {
      name: "dc2-web-01",
      folder: web,
      pool,
      host,
      datastore,
      power: "POWERED_ON",
      guest: "ubuntu",
      cpu: 2,
      memoryMiB: 4096,
      diskGiB: 40,
      nics: [{ network }],
    }),
  );
}

/**
 * `count` more port groups in the first datacenter, "pg-vlan-0001" onwards, every other one
 * distributed, in network folders of NETWORKS_PER_FOLDER ("VLANs-01"…): a site with more port
 * groups than vCenter lists in one answer (1,000).
 */
export function addNetworks(inv: Inventory, count: number): void {
  const dc = inv.datacenters.values().next().value;
  if (!dc || count <= 0) return;
  const dvs = { switchUuid: switchUuid(inv.rng), staticBinding: false, ports: 0 };
  for (let n = 1; n <= count; n++) {
    const group = Math.ceil(n / NETWORKS_PER_FOLDER);
    const folder = `group-n${NETWORK_FIRST_ID + group}`;
    if (!inv.folders.has(folder))
      inv.folders.set(folder, {
        id: folder,
        name: `VLANs-${String(group).padStart(2, "0")}`,
        type: "NETWORK",
        parent: dc.networkFolder,
        datacenter: dc.id,
      });
    const distributed = n % 2 === 0;
    const id = `${distributed ? "dvportgroup-" : "network-"}${NETWORK_FIRST_ID + 1000 + n}`;
    inv.networks.set(id, {
      id,
      name: `pg-vlan-${String(n).padStart(4, "0")}`,
      type: distributed ? "DISTRIBUTED_PORTGROUP" : "STANDARD_PORTGROUP",
      datacenter: dc.id,
      folder,
      scope: { kind: "all" },
      ...(distributed ? { dvs } : {}),
    });
  }
}

/** What a simulator adds to its seed's layout, kept across a reset of its inventory. */
export interface SiteExtras {
  /** VM folders "Team-0001"… (extra-folders.ts). */
  vmFolders?: number;
  /** Port groups "pg-vlan-0001"… */
  networks?: number;
  /** "DC2" with its own cluster, host, pools, datastore, port group, folders and one VM. */
  secondDatacenter?: boolean;
}

export function addSiteExtras(inv: Inventory, extras: SiteExtras): void {
  addVmFolders(inv, extras.vmFolders ?? 0);
  addNetworks(inv, extras.networks ?? 0);
  if (extras.secondDatacenter) addSecondDatacenter(inv);
}
