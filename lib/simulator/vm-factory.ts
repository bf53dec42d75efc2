import { guestIdentityFor } from "./guest-identity";
import { assignedMac, biosUuid, instanceUuid } from "./identity";
import type { Inventory } from "./inventory";
import type {
  EmulationType,
  Nic,
  NicBacking,
  ParallelBacking,
  ParallelPort,
  PowerState,
  SerialBacking,
  SerialPort,
  Vm,
} from "./model";

export type GuestProfile = "ubuntu" | "rhel" | "debian" | "photon" | "win2022" | "win11";

const GUESTS: Record<
  GuestProfile,
  { guestOS: string; boot: "BIOS" | "EFI"; nic: EmulationType; hw: string }
> = {
  ubuntu: { guestOS: "UBUNTU_64", boot: "BIOS", nic: "VMXNET3", hw: "VMX_19" },
  rhel: { guestOS: "RHEL_8_64", boot: "BIOS", nic: "VMXNET3", hw: "VMX_19" },
  debian: { guestOS: "DEBIAN_10_64", boot: "BIOS", nic: "VMXNET3", hw: "VMX_17" },
  photon: { guestOS: "VMWARE_PHOTON_64", boot: "EFI", nic: "VMXNET3", hw: "VMX_19" },
  win2022: { guestOS: "WINDOWS_9_SERVER_64", boot: "EFI", nic: "E1000E", hw: "VMX_19" },
  win11: { guestOS: "WINDOWS_9_64", boot: "EFI", nic: "E1000E", hw: "VMX_19" },
};

export interface NicSpec {
  network: string;
  startConnected?: boolean;
  manualMac?: string;
}

export interface PortSpec<B> {
  backing: B;
  startConnected?: boolean;
}

/** A VM described by what differs between VMs; everything else is filled in like vCenter would. */
export interface VmSpec {
  name: string;
  folder: string;
  pool: string;
  host: string;
  datastore: string;
  power: PowerState;
  frozen?: boolean;
  guest: GuestProfile;
  cpu: number;
  memoryMiB: number;
  diskGiB: number;
  nics: NicSpec[];
  serial?: PortSpec<SerialBacking>[];
  parallel?: PortSpec<ParallelBacking>[];
  /** The guest gives each of its instant clones a fresh hostname and IP. */
  reidentifies?: boolean;
}

/** The backing vCenter reports for a NIC on that network, taking a distributed port if needed. */
export function backingFor(inv: Inventory, networkId: string, port?: string): NicBacking {
  const network = inv.networks.get(networkId);
  if (!network) throw new Error(`unknown network ${networkId}`);
  if (!network.dvs) return { type: network.type, network: networkId };
  const distributed_port = port ?? inv.freePort(networkId) ?? "0";
  inv.portsInUse(networkId).add(distributed_port);
  return {
    type: "DISTRIBUTED_PORTGROUP",
    network: networkId,
    distributed_port,
    connection_cookie: inv.rng.int(100_000_000, 2_000_000_000),
  };
}

export function createVm(inv: Inventory, spec: VmSpec): Vm {
  const guest = GUESTS[spec.guest];
  const host = inv.hosts.get(spec.host);
  const cluster = host?.cluster;
  const dsName = inv.datastores.get(spec.datastore)?.name;
  if (!cluster || !dsName) throw new Error(`fixture ${spec.name}: unknown host or datastore`);
  const on = spec.power === "POWERED_ON";
  const connected = (start: boolean) => (on && start ? "CONNECTED" : "NOT_CONNECTED");
  const nics = spec.nics.map((nic, i): Nic => {
    const start = nic.startConnected ?? true;
    return {
      key: String(4000 + i),
      label: `Network adapter ${i + 1}`,
      type: guest.nic,
      ...(guest.nic === "VMXNET3" ? { upt_compatibility_enabled: i === 0 } : {}),
      mac_type: nic.manualMac ? "MANUAL" : "ASSIGNED",
      mac_address: nic.manualMac ?? assignedMac(inv.rng, inv.usedMacs),
      pci_slot_number: 192 + 32 * i,
      wake_on_lan_enabled: i === 0,
      backing: backingFor(inv, nic.network),
      state: connected(start),
      start_connected: start,
      allow_guest_control: true,
    };
  });
  for (const nic of nics) inv.usedMacs.add(nic.mac_address); // manual MACs are taken too
  const serialPorts = (spec.serial ?? []).map((port, i): SerialPort => ({
    key: String(9000 + i),
    label: `Serial port ${i + 1}`,
    yield_on_poll: true,
    backing: port.backing,
    state: connected(port.startConnected ?? false),
    start_connected: port.startConnected ?? false,
    allow_guest_control: true,
  }));
  const parallelPorts = (spec.parallel ?? []).map((port, i): ParallelPort => ({
    key: String(10000 + i),
    label: `Parallel port ${i + 1}`,
    backing: port.backing,
    state: connected(port.startConnected ?? false),
    start_connected: port.startConnected ?? false,
    allow_guest_control: false,
  }));
  const id = inv.newVmId();
  return {
    id,
    name: spec.name,
    datacenter: host.datacenter,
    folder: spec.folder,
    pool: spec.pool,
    cluster,
    host: spec.host,
    datastore: spec.datastore,
    powerState: spec.power,
    frozen: on && (spec.frozen ?? false),
    guestOS: guest.guestOS,
    cpuCount: spec.cpu,
    coresPerSocket: spec.cpu >= 4 ? 2 : 1,
    memoryMiB: spec.memoryMiB,
    hardwareVersion: guest.hw,
    bootType: guest.boot,
    biosUuid: biosUuid(inv.rng),
    instanceUuid: instanceUuid(inv.rng),
    cdrom: guest.boot === "BIOS",
    disks: [
      {
        key: "2000",
        label: "Hard disk 1",
        capacity: spec.diskGiB * 1024 ** 3,
        vmdk: `[${dsName}] ${spec.name}/${spec.name}.vmdk`,
        unit: 0,
      },
    ],
    nics,
    serialPorts,
    parallelPorts,
    guest: guestIdentityFor(id, spec.name, spec.reidentifies),
    toolsFrom: 0,
  };
}
