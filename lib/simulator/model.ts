// The simulator's inventory. Device records use vCenter's own field names so the /api views
// are little more than copies; the VM record itself is shaped for fast filtering.

export const POWER_STATES = ["POWERED_OFF", "POWERED_ON", "SUSPENDED"] as const;
export type PowerState = (typeof POWER_STATES)[number];
export const isPowerState = (value: unknown): value is PowerState =>
  (POWER_STATES as readonly unknown[]).includes(value);

export const FOLDER_TYPES = [
  "DATACENTER",
  "DATASTORE",
  "HOST",
  "NETWORK",
  "VIRTUAL_MACHINE",
] as const;
export type FolderType = (typeof FOLDER_TYPES)[number];

export const NETWORK_TYPES = [
  "STANDARD_PORTGROUP",
  "DISTRIBUTED_PORTGROUP",
  "OPAQUE_NETWORK",
] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

export const DATASTORE_TYPES = ["VMFS", "NFS", "NFS41", "CIFS", "VSAN", "VFFS", "VVOL"] as const;
export type DatastoreType = (typeof DATASTORE_TYPES)[number];

export const HOST_CONNECTION_STATES = ["CONNECTED", "DISCONNECTED", "NOT_RESPONDING"] as const;
export type HostConnectionState = (typeof HOST_CONNECTION_STATES)[number];

export type ConnectionState = "CONNECTED" | "NOT_CONNECTED";
export type EthernetBackingType = "STANDARD_PORTGROUP" | "HOST_DEVICE" | NetworkType;
export type MacType = "MANUAL" | "GENERATED" | "ASSIGNED";
export type EmulationType = "E1000" | "E1000E" | "PCNET32" | "VMXNET" | "VMXNET2" | "VMXNET3";

export interface Folder {
  id: string;
  name: string;
  type: FolderType;
  parent: string | null;
  datacenter: string | null;
}

export interface Datacenter {
  id: string;
  name: string;
  folder: string;
  vmFolder: string;
  hostFolder: string;
  datastoreFolder: string;
  networkFolder: string;
}

export interface Cluster {
  id: string;
  name: string;
  datacenter: string;
  folder: string;
  rootPool: string;
  haEnabled: boolean;
  drsEnabled: boolean;
}

export interface Host {
  id: string;
  name: string;
  datacenter: string;
  cluster: string;
  connectionState: HostConnectionState;
}

export interface ResourcePool {
  id: string;
  name: string;
  datacenter: string;
  cluster: string;
  parent: string | null;
}

/** Which hosts see a datastore or a network: every host, one cluster's, or a single host's. */
export type Scope =
  { kind: "all" } | { kind: "cluster"; cluster: string } | { kind: "host"; host: string };

export interface Datastore {
  id: string;
  name: string;
  type: DatastoreType;
  datacenter: string;
  folder: string;
  capacity: number;
  freeSpace: number;
  scope: Scope;
}

export interface Network {
  id: string;
  name: string;
  type: NetworkType;
  datacenter: string;
  folder: string;
  scope: Scope;
  /** Distributed portgroups only; static binding is the one where distributed_port matters. */
  dvs?: { switchUuid: string; staticBinding: boolean; ports: number };
  opaque?: { type: string; id: string };
}

export interface NicBacking {
  type: EthernetBackingType;
  network?: string;
  distributed_port?: string;
  connection_cookie?: number;
}

export interface Nic {
  key: string;
  label: string;
  type: EmulationType;
  upt_compatibility_enabled?: boolean;
  mac_type: MacType;
  mac_address: string;
  pci_slot_number: number;
  wake_on_lan_enabled: boolean;
  backing: NicBacking;
  state: ConnectionState;
  start_connected: boolean;
  allow_guest_control: boolean;
}

export interface SerialBacking {
  type:
    "FILE" | "HOST_DEVICE" | "PIPE_SERVER" | "PIPE_CLIENT" | "NETWORK_SERVER" | "NETWORK_CLIENT";
  file?: string;
  host_device?: string;
  auto_detect?: boolean;
  pipe?: string;
  no_rx_loss?: boolean;
  network_location?: string;
  proxy?: string;
}

export interface SerialPort {
  key: string;
  label: string;
  yield_on_poll: boolean;
  backing: SerialBacking;
  state: ConnectionState;
  start_connected: boolean;
  allow_guest_control: boolean;
}

export interface ParallelBacking {
  type: "FILE" | "HOST_DEVICE";
  file?: string;
  host_device?: string;
  auto_detect?: boolean;
}

export interface ParallelPort {
  key: string;
  label: string;
  backing: ParallelBacking;
  state: ConnectionState;
  start_connected: boolean;
  allow_guest_control: boolean;
}

export interface Disk {
  key: string;
  label: string;
  capacity: number;
  vmdk: string;
  unit: number;
}

export interface Vm {
  id: string;
  name: string;
  datacenter: string;
  folder: string;
  pool: string;
  cluster: string;
  host: string;
  datastore: string;
  powerState: PowerState;
  frozen: boolean;
  guestOS: string;
  cpuCount: number;
  coresPerSocket: number;
  memoryMiB: number;
  hardwareVersion: string;
  bootType: "BIOS" | "EFI";
  biosUuid: string;
  instanceUuid: string;
  cdrom: boolean;
  disks: Disk[];
  /** Delta disks (redo-log levels) in this VM's disk chain; unset means none. */
  deltaDisks?: number;
  nics: Nic[];
  serialPorts: SerialPort[];
  parallelPorts: ParallelPort[];
  /** What VMware Tools reports from inside the guest (guest-identity.ts). */
  guest: GuestIdentity;
  /** When VMware Tools starts answering, in ms since the epoch; 0: since the simulator started. */
  toolsFrom: number;
}

export interface GuestIdentity {
  hostName: string;
  ipAddress: string;
  /** A guest script gives each clone a hostname and IP of its own (after instantclone.freeze). */
  reidentifies: boolean;
}
