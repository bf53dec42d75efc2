import { noPermission } from "./clone-messages";
import { VapiError } from "./errors";
import { alreadyPoweredOff, poweredOnNoDelete, unauthorized, vmNotFound } from "./messages";
import type { Vm } from "./model";
import type { ApiReply, ApiRequest } from "./router";
import type { Privilege } from "./users";
import { hasPrivilege } from "./users";

// POST /api/vcenter/vm/{vm}/power?action=stop and DELETE /api/vcenter/vm/{vm}, with vCenter's
// order of checks: the VM exists (404), the user holds the privilege on it (403), its state (400).

function authorizedVm(req: ApiRequest, privilege: Privilege): Vm {
  const inv = req.sim.inventory;
  const vm = inv.vms.get(req.params.vm);
  if (!vm) throw new VapiError("NOT_FOUND", [vmNotFound(req.params.vm, inv.serverGuid)]);
  if (!req.session) throw new Error("power and delete need a session");
  if (!hasPrivilege(inv, req.session.user, privilege, vm.id))
    throw unauthorized(noPermission(privilege, inv.describe(vm.id), vm.id));
  return vm;
}

/** Powers off a powered-on or suspended VM; one already off is ALREADY_IN_DESIRED_STATE (400). */
export function powerStop(req: ApiRequest): ApiReply {
  const vm = authorizedVm(req, "VirtualMachine.Interact.PowerOff");
  if (vm.powerState === "POWERED_OFF")
    throw new VapiError("ALREADY_IN_DESIRED_STATE", [alreadyPoweredOff(vm.id)]);
  vm.powerState = "POWERED_OFF";
  vm.frozen = false;
  for (const device of [...vm.nics, ...vm.serialPorts, ...vm.parallelPorts])
    device.state = "NOT_CONNECTED";
  return { status: 204 };
}

/** Deletes a VM that is not running; it is then gone from every list. */
export function deleteVm(req: ApiRequest): ApiReply {
  const vm = authorizedVm(req, "VirtualMachine.Inventory.Delete");
  if (vm.powerState === "POWERED_ON")
    throw new VapiError("NOT_ALLOWED_IN_CURRENT_STATE", poweredOnNoDelete(vm.id));
  req.sim.inventory.removeVm(vm.id);
  return { status: 204 };
}
