import type { Inventory } from "./inventory";
import type { Nic, ParallelPort, SerialPort, Vm } from "./model";

// The /api response bodies for VMs and their devices, field for field as vCenter 7.0 sends them
// (compare recorded/Collect_information_about_a_specific_VM.result.json).

export const vmSummary = (vm: Vm) => ({
  vm: vm.id,
  name: vm.name,
  power_state: vm.powerState,
  cpu_count: vm.cpuCount,
  memory_size_MiB: vm.memoryMiB,
});

export const powerInfo = (vm: Vm) =>
  vm.powerState === "POWERED_OFF"
    ? { state: vm.powerState, clean_power_off: true }
    : { state: vm.powerState };

function ethernetBacking(inv: Inventory, nic: Nic): Record<string, unknown> {
  const { type, network: id, distributed_port, connection_cookie } = nic.backing;
  const network = id ? inv.networks.get(id) : undefined;
  if (type === "STANDARD_PORTGROUP") return { type, network: id, network_name: network?.name };
  if (type === "DISTRIBUTED_PORTGROUP")
    return {
      type,
      network: id,
      distributed_switch_uuid: network?.dvs?.switchUuid,
      distributed_port,
      connection_cookie,
    };
  if (type === "OPAQUE_NETWORK")
    return {
      type,
      network: id,
      opaque_network_type: network?.opaque?.type,
      opaque_network_id: network?.opaque?.id,
    };
  return { type, host_device: "" };
}

export const ethernetInfo = (inv: Inventory, nic: Nic) => ({
  label: nic.label,
  type: nic.type,
  ...(nic.upt_compatibility_enabled === undefined
    ? {}
    : { upt_compatibility_enabled: nic.upt_compatibility_enabled }),
  mac_type: nic.mac_type,
  mac_address: nic.mac_address,
  pci_slot_number: nic.pci_slot_number,
  wake_on_lan_enabled: nic.wake_on_lan_enabled,
  backing: ethernetBacking(inv, nic),
  state: nic.state,
  start_connected: nic.start_connected,
  allow_guest_control: nic.allow_guest_control,
});

export const serialInfo = (port: SerialPort) => ({
  label: port.label,
  yield_on_poll: port.yield_on_poll,
  backing: { ...port.backing },
  state: port.state,
  start_connected: port.start_connected,
  allow_guest_control: port.allow_guest_control,
});

export const parallelInfo = (port: ParallelPort) => ({
  label: port.label,
  backing: { ...port.backing },
  state: port.state,
  start_connected: port.start_connected,
  allow_guest_control: port.allow_guest_control,
});

const keyed = <T extends { key: string }>(items: T[], view: (item: T) => unknown) =>
  Object.fromEntries(items.map((item) => [item.key, view(item)]));

export function vmInfo(inv: Inventory, vm: Vm): Record<string, unknown> {
  const windows = vm.guestOS.startsWith("WINDOWS");
  return {
    guest_OS: vm.guestOS,
    name: vm.name,
    identity: { name: vm.name, bios_uuid: vm.biosUuid, instance_uuid: vm.instanceUuid },
    power_state: vm.powerState,
    instant_clone_frozen: vm.frozen,
    hardware: { version: vm.hardwareVersion, upgrade_policy: "NEVER", upgrade_status: "NONE" },
    boot: {
      type: vm.bootType,
      ...(vm.bootType === "EFI" ? { efi_legacy_boot: false } : {}),
      delay: 0,
      retry: false,
      retry_delay: 10000,
      enter_setup_mode: false,
    },
    boot_devices: [],
    cpu: {
      count: vm.cpuCount,
      cores_per_socket: vm.coresPerSocket,
      hot_add_enabled: false,
      hot_remove_enabled: false,
    },
    memory: { size_MiB: vm.memoryMiB, hot_add_enabled: true },
    disks: keyed(vm.disks, (disk) => ({
      label: disk.label,
      type: "SCSI",
      scsi: { bus: 0, unit: disk.unit },
      backing: { type: "VMDK_FILE", vmdk_file: disk.vmdk },
      capacity: disk.capacity,
    })),
    nics: keyed(vm.nics, (nic) => ethernetInfo(inv, nic)),
    cdroms: vm.cdrom
      ? {
          "16000": {
            type: "SATA",
            label: "CD/DVD drive 1",
            sata: { bus: 0, unit: 0 },
            backing: { type: "HOST_DEVICE", auto_detect: true, device_access_type: "EMULATION" },
            state: "NOT_CONNECTED",
            start_connected: false,
            allow_guest_control: false,
          },
        }
      : {},
    floppies: {},
    parallel_ports: keyed(vm.parallelPorts, parallelInfo),
    serial_ports: keyed(vm.serialPorts, serialInfo),
    sata_adapters: vm.cdrom
      ? { "15000": { label: "SATA controller 0", type: "AHCI", bus: 0, pci_slot_number: 32 } }
      : {},
    scsi_adapters: {
      "1000": {
        label: "SCSI controller 0",
        type: windows ? "LSILOGICSAS" : "PVSCSI",
        scsi: { bus: 0, unit: 7 },
        pci_slot_number: 160,
        sharing: "NONE",
      },
    },
    nvme_adapters: {},
  };
}
