import type { ClonePlan } from "./clone-rules";
import type { EthernetUpdate, ParallelUpdate, SerialUpdate } from "./clone-spec";
import { cloneGuestIdentity } from "./guest-identity";
import { assignedMac, biosUuid, instanceUuid } from "./identity";
import type { Inventory } from "./inventory";
import type { Nic, ParallelPort, SerialBacking, SerialPort, Vm } from "./model";
import { finalNetwork } from "./nic-rules";
import { backingFor } from "./vm-factory";

// The new VM of a successful instant clone: powered on, on the source's host, with the source's
// devices, the updates applied and fresh identities (MACs, UUIDs, distributed ports).

function cloneNic(inv: Inventory, nic: Nic, update: EthernetUpdate, disconnectAll: boolean): Nic {
  const network = finalNetwork(nic, update);
  const manualMac = update.mac_type === "MANUAL" ? update.mac_address?.toLowerCase() : undefined;
  if (manualMac) inv.usedMacs.add(manualMac);
  const connected = !disconnectAll && (update.start_connected ?? nic.state === "CONNECTED");
  const upt = update.upt_compatibility_enabled ?? nic.upt_compatibility_enabled;
  return {
    ...nic,
    ...(upt === undefined ? {} : { upt_compatibility_enabled: upt }),
    mac_type: manualMac ? "MANUAL" : update.mac_type === "GENERATED" ? "GENERATED" : "ASSIGNED",
    mac_address: manualMac ?? assignedMac(inv.rng, inv.usedMacs),
    wake_on_lan_enabled: update.wake_on_lan_enabled ?? nic.wake_on_lan_enabled,
    backing: network
      ? backingFor(inv, network, update.backing?.distributed_port)
      : { ...nic.backing },
    state: connected ? "CONNECTED" : "NOT_CONNECTED",
    start_connected: disconnectAll ? false : (update.start_connected ?? nic.start_connected),
    allow_guest_control: update.allow_guest_control ?? nic.allow_guest_control,
  };
}

// vCenter reports an auto-detected host device as host_device "" with auto_detect true.
const portBacking = <B extends SerialBacking>(backing: B): B =>
  backing.type === "HOST_DEVICE"
    ? {
        ...backing,
        host_device: backing.host_device ?? "",
        auto_detect: backing.host_device === undefined,
      }
    : { ...backing };

function connection(port: SerialPort | ParallelPort, update: SerialUpdate | ParallelUpdate) {
  const connected = update.start_connected ?? port.state === "CONNECTED";
  return {
    state: connected ? ("CONNECTED" as const) : ("NOT_CONNECTED" as const),
    start_connected: update.start_connected ?? port.start_connected,
    allow_guest_control: update.allow_guest_control ?? port.allow_guest_control,
  };
}

const cloneSerial = (port: SerialPort, update: SerialUpdate): SerialPort => ({
  ...port,
  ...connection(port, update),
  yield_on_poll: update.yield_on_poll ?? port.yield_on_poll,
  backing: portBacking(update.backing ?? port.backing),
});

const cloneParallel = (port: ParallelPort, update: ParallelUpdate): ParallelPort => ({
  ...port,
  ...connection(port, update),
  backing: portBacking(update.backing ?? port.backing),
});

/** `guestReadyMs`: how long after power-on the clone's VMware Tools start answering. */
export function createClone(inv: Inventory, plan: ClonePlan, guestReadyMs = 0): Vm {
  const { spec, source } = plan;
  const updates = spec.nics_to_update ?? {};
  // Chosen ports are taken first, so that no automatically assigned port can claim them.
  for (const { backing } of Object.values(updates))
    if (backing?.network && backing.distributed_port)
      inv.portsInUse(backing.network).add(backing.distributed_port);
  const dsName = inv.datastores.get(plan.datastore)?.name ?? "";
  const id = inv.newVmId();
  return {
    ...source,
    id,
    name: spec.name,
    folder: plan.folder,
    pool: plan.pool,
    datastore: plan.datastore,
    powerState: "POWERED_ON",
    frozen: false,
    deltaDisks: (source.deltaDisks ?? 0) + 1,
    guest: cloneGuestIdentity(source, id, spec.name),
    toolsFrom: Date.now() + guestReadyMs,
    biosUuid: spec.bios_uuid?.toLowerCase() ?? biosUuid(inv.rng),
    instanceUuid: instanceUuid(inv.rng),
    disks: source.disks.map((disk) => ({
      ...disk,
      vmdk: `[${dsName}] ${spec.name}/${spec.name}.vmdk`,
    })),
    nics: source.nics.map((nic) =>
      cloneNic(inv, nic, updates[nic.key] ?? {}, spec.disconnect_all_nics === true),
    ),
    serialPorts: source.serialPorts.map((port) =>
      cloneSerial(port, spec.serial_ports_to_update?.[port.key] ?? {}),
    ),
    parallelPorts: source.parallelPorts.map((port) =>
      cloneParallel(port, spec.parallel_ports_to_update?.[port.key] ?? {}),
    ),
  };
}
