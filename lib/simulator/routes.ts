import { getGuestIdentity, getTools, listGuestInterfaces } from "./guest-handlers";
import { instantClone } from "./instant-clone";
import {
  getDatacenter,
  listClusters,
  listDatacenters,
  listDatastores,
  listFolders,
  listHosts,
  listNetworks,
  listResourcePools,
} from "./list-inventory";
import { listVms } from "./list-vms";
import type { ApiReply, ApiRequest, Route } from "./router";
import { createSession, deleteSession, getSession } from "./session-handlers";
import {
  getEthernet,
  getParallel,
  getPower,
  getSerial,
  getVm,
  listEthernet,
  listParallel,
  listSerial,
} from "./vm-handlers";
import { deleteVm, powerStop } from "./vm-lifecycle";

const get = (
  pattern: string,
  operation: string,
  handle: (req: ApiRequest) => ApiReply,
  query: readonly string[] = [],
): Route => ({
  method: "GET",
  pattern,
  operation,
  auth: "session",
  query,
  handle,
});

const vm = "/api/vcenter/vm/{vm}";

/** Every /api operation the simulator serves; anything else is vCenter's 404 httpNotFound. */
export const API_ROUTES: readonly Route[] = [
  {
    method: "POST",
    pattern: "/api/session",
    operation: "session.create",
    auth: "basic",
    query: [],
    handle: createSession,
  },
  get("/api/session", "session.get", getSession),
  {
    method: "DELETE",
    pattern: "/api/session",
    operation: "session.delete",
    auth: "session",
    query: [],
    handle: deleteSession,
  },
  get("/api/vcenter/vm", "vcenter.vm.list", listVms, [
    "vms",
    "names",
    "folders",
    "datacenters",
    "hosts",
    "clusters",
    "resource_pools",
    "power_states",
  ]),
  {
    method: "POST",
    pattern: "/api/vcenter/vm",
    action: "instant-clone",
    operation: "vcenter.vm.instant_clone",
    auth: "session",
    query: [],
    body: true,
    handle: instantClone,
  },
  get(vm, "vcenter.vm.get", getVm),
  {
    method: "DELETE",
    pattern: vm,
    operation: "vcenter.vm.delete",
    auth: "session",
    query: [],
    handle: deleteVm,
  },
  get(`${vm}/power`, "vcenter.vm.power.get", getPower),
  {
    method: "POST",
    pattern: `${vm}/power`,
    action: "stop",
    operation: "vcenter.vm.power.stop",
    auth: "session",
    query: [],
    handle: powerStop,
  },
  get(`${vm}/tools`, "vcenter.vm.tools.get", getTools),
  get(`${vm}/guest/identity`, "vcenter.vm.guest.identity.get", getGuestIdentity),
  get(
    `${vm}/guest/networking/interfaces`,
    "vcenter.vm.guest.networking.interfaces.list",
    listGuestInterfaces,
  ),
  get(`${vm}/hardware/ethernet`, "vcenter.vm.hardware.ethernet.list", listEthernet),
  get(`${vm}/hardware/ethernet/{nic}`, "vcenter.vm.hardware.ethernet.get", getEthernet),
  get(`${vm}/hardware/serial`, "vcenter.vm.hardware.serial.list", listSerial),
  get(`${vm}/hardware/serial/{port}`, "vcenter.vm.hardware.serial.get", getSerial),
  get(`${vm}/hardware/parallel`, "vcenter.vm.hardware.parallel.list", listParallel),
  get(`${vm}/hardware/parallel/{port}`, "vcenter.vm.hardware.parallel.get", getParallel),
  get("/api/vcenter/folder", "vcenter.folder.list", listFolders, [
    "folders",
    "names",
    "type",
    "parent_folders",
    "datacenters",
  ]),
  get("/api/vcenter/datacenter", "vcenter.datacenter.list", listDatacenters, [
    "datacenters",
    "names",
    "folders",
  ]),
  get("/api/vcenter/datacenter/{datacenter}", "vcenter.datacenter.get", getDatacenter),
  get("/api/vcenter/cluster", "vcenter.cluster.list", listClusters, [
    "clusters",
    "names",
    "folders",
    "datacenters",
  ]),
  get("/api/vcenter/host", "vcenter.host.list", listHosts, [
    "hosts",
    "names",
    "folders",
    "datacenters",
    "standalone",
    "clusters",
    "connection_states",
  ]),
  get("/api/vcenter/resource-pool", "vcenter.resource_pool.list", listResourcePools, [
    "resource_pools",
    "names",
    "parent_resource_pools",
    "datacenters",
    "hosts",
    "clusters",
  ]),
  get("/api/vcenter/datastore", "vcenter.datastore.list", listDatastores, [
    "datastores",
    "names",
    "types",
    "folders",
    "datacenters",
  ]),
  get("/api/vcenter/network", "vcenter.network.list", listNetworks, [
    "networks",
    "names",
    "types",
    "folders",
    "datacenters",
  ]),
];
