import { VapiError } from "./errors";
import { toolsRunning } from "./guest-identity";
import { guestInformationNotAvailable, vmNotFound } from "./messages";
import type { Vm } from "./model";
import type { ApiReply, ApiRequest } from "./router";

// GET /api/vcenter/vm/{vm}/tools, …/guest/identity and …/guest/networking/interfaces: what
// VMware Tools reports. Until Tools run, the guest reads answer 503 SERVICE_UNAVAILABLE.

function findVm(req: ApiRequest): Vm {
  const { inventory } = req.sim;
  const vm = inventory.vms.get(req.params.vm);
  if (!vm) throw new VapiError("NOT_FOUND", [vmNotFound(req.params.vm, inventory.serverGuid)]);
  return vm;
}

/** The VM, once its Tools answer; vCenter's 503 (recorded/Get_guest_identity_information) before. */
function runningGuest(req: ApiRequest): Vm {
  const vm = findVm(req);
  if (!toolsRunning(vm))
    throw new VapiError("SERVICE_UNAVAILABLE", [
      guestInformationNotAvailable(vm.id, req.sim.inventory.serverGuid),
    ]);
  return vm;
}

const ok = (body: unknown): ApiReply => ({ status: 200, body });

const windows = (vm: Vm) => vm.guestOS.startsWith("WINDOWS");

export const getTools = (req: ApiRequest) => {
  const vm = findVm(req);
  return ok({
    auto_update_supported: false,
    upgrade_policy: "MANUAL",
    install_attempt_count: 0,
    version_number: 12352,
    version: "12352",
    version_status: "CURRENT",
    install_type: windows(vm) ? "MSI" : "OPEN_VM_TOOLS",
    run_state: toolsRunning(vm) ? "RUNNING" : "NOT_RUNNING",
  });
};

export const getGuestIdentity = (req: ApiRequest) => {
  const vm = runningGuest(req);
  const win = windows(vm);
  const fullName = win ? "Microsoft Windows Server 2022 (64-bit)" : "Ubuntu Linux (64-bit)";
  return ok({
    name: vm.guestOS,
    family: win ? "WINDOWS" : "LINUX",
    full_name: {
      id: `vmsg.guestos.${vm.guestOS.toLowerCase()}.label`,
      default_message: fullName,
      args: [],
    },
    host_name: vm.guest.hostName,
    ip_address: vm.guest.ipAddress,
  });
};

export const listGuestInterfaces = (req: ApiRequest) => {
  const vm = runningGuest(req);
  // The guest's one address sits on its first connected NIC, as a memory copy keeps it.
  const first = vm.nics.find((nic) => nic.state === "CONNECTED") ?? vm.nics[0];
  return ok(
    vm.nics.map((nic) => ({
      mac_address: nic.mac_address,
      nic: nic.key,
      ip: {
        ip_addresses:
          nic === first
            ? [
                {
                  ip_address: vm.guest.ipAddress,
                  prefix_length: 24,
                  origin: "DHCP",
                  state: "PREFERRED",
                },
              ]
            : [],
      },
    })),
  );
};
