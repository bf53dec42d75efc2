import { VapiError } from "./errors";
import { deviceNotFound, vmNotFound } from "./messages";
import type { Vm } from "./model";
import type { ApiReply, ApiRequest } from "./router";
import { ethernetInfo, parallelInfo, powerInfo, serialInfo, vmInfo } from "./vm-views";

// GET /api/vcenter/vm/{vm} and its /power and /hardware/{ethernet,serial,parallel} reads.

function findVm(req: ApiRequest): Vm {
  const { inventory } = req.sim;
  const vm = inventory.vms.get(req.params.vm);
  if (!vm) throw new VapiError("NOT_FOUND", [vmNotFound(req.params.vm, inventory.serverGuid)]);
  return vm;
}

function findDevice<T extends { key: string }>(vm: Vm, devices: T[], key: string): T {
  const device = devices.find((d) => d.key === key);
  if (!device) throw new VapiError("NOT_FOUND", [deviceNotFound(key, vm.id)]);
  return device;
}

const ok = (body: unknown): ApiReply => ({ status: 200, body });

export const getVm = (req: ApiRequest) => ok(vmInfo(req.sim.inventory, findVm(req)));
export const getPower = (req: ApiRequest) => ok(powerInfo(findVm(req)));

export const listEthernet = (req: ApiRequest) =>
  ok(findVm(req).nics.map((nic) => ({ nic: nic.key })));
export const getEthernet = (req: ApiRequest) => {
  const vm = findVm(req);
  return ok(ethernetInfo(req.sim.inventory, findDevice(vm, vm.nics, req.params.nic)));
};

export const listSerial = (req: ApiRequest) =>
  ok(findVm(req).serialPorts.map((port) => ({ port: port.key })));
export const getSerial = (req: ApiRequest) => {
  const vm = findVm(req);
  return ok(serialInfo(findDevice(vm, vm.serialPorts, req.params.port)));
};

export const listParallel = (req: ApiRequest) =>
  ok(findVm(req).parallelPorts.map((port) => ({ port: port.key })));
export const getParallel = (req: ApiRequest) => {
  const vm = findVm(req);
  return ok(parallelInfo(findDevice(vm, vm.parallelPorts, req.params.port)));
};
