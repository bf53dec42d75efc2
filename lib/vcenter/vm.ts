import "server-only";

import type { VmDetail } from "@/lib/schemas/inventory";

import { z } from "zod";

import { vcenterCall } from "./call";
import type { VcenterContext } from "./context";
import { VcenterError } from "./errors";
import { fromPairs } from "./flavour";
import { type VmInfo, vmInfoSchema } from "./vcenter-schemas";

const VM_INFO_MAPS = [
  "nics",
  "serial_ports",
  "parallel_ports",
  "disks",
  "cdroms",
  "floppies",
  "sata_adapters",
  "scsi_adapters",
  "nvme_adapters",
];

/** One VM with its NICs and serial and parallel ports, in the console's shape (keys inlined). */
export async function getVm(ctx: VcenterContext, vm: string): Promise<VmDetail> {
  const path = `/api/vcenter/vm/${encodeURIComponent(vm)}`;
  const info = await vcenterCall(ctx, {
    path,
    schema: vmInfoSchema,
    fromRest: (value) => fromPairs(value, VM_INFO_MAPS),
  });
  return toDetail(vm, info);
}

function toDetail(vm: string, info: VmInfo): VmDetail {
  const memory = info.memory?.size_MiB ?? info.memory?.size_mib;
  return {
    vm,
    name: info.name,
    power_state: info.power_state,
    instant_clone_frozen: info.instant_clone_frozen ?? false,
    ...(info.identity?.bios_uuid ? { bios_uuid: info.identity.bios_uuid } : {}),
    ...(info.guest_OS ? { guest_os: info.guest_OS } : {}),
    ...(info.cpu ? { cpu_count: info.cpu.count } : {}),
    ...(memory !== undefined ? { memory_size_MiB: memory } : {}),
    nics: entries(info.nics).map(([key, nic]) => ({
      key,
      label: nic.label,
      type: nic.type,
      mac_type: nic.mac_type,
      mac_address: nic.mac_address,
      backing: {
        type: nic.backing.type,
        network: nic.backing.network,
        network_name: nic.backing.network_name,
        distributed_port: nic.backing.distributed_port,
      },
      state: nic.state,
      start_connected: nic.start_connected,
      allow_guest_control: nic.allow_guest_control,
      wake_on_lan_enabled: nic.wake_on_lan_enabled,
      upt_compatibility_enabled: nic.upt_compatibility_enabled,
    })),
    serial_ports: entries(info.serial_ports).map(([key, port]) => ({
      key,
      label: port.label,
      yield_on_poll: port.yield_on_poll,
      backing: pickBacking(port.backing),
      state: port.state,
      start_connected: port.start_connected,
      allow_guest_control: port.allow_guest_control,
    })),
    parallel_ports: entries(info.parallel_ports).map(([key, port]) => ({
      key,
      label: port.label,
      backing: pickBacking(port.backing),
      state: port.state,
      start_connected: port.start_connected,
      allow_guest_control: port.allow_guest_control,
    })),
  };
}

const entries = <T>(map: Record<string, T>) =>
  Object.entries(map).sort(([a], [b]) => Number(a) - Number(b));

function pickBacking(backing: Record<string, unknown> & { type: string }) {
  const text = (key: string) =>
    typeof backing[key] === "string" ? (backing[key] as string) : undefined;
  const flag = (key: string) =>
    typeof backing[key] === "boolean" ? (backing[key] as boolean) : undefined;
  return {
    type: backing.type,
    file: text("file"),
    host_device: text("host_device"),
    auto_detect: flag("auto_detect"),
    pipe: text("pipe"),
    no_rx_loss: flag("no_rx_loss"),
    network_location: text("network_location"),
    proxy: text("proxy"),
  };
}

const noBody = z.unknown();

/**
 * Powers a VM off (hard stop, as vCenter's power.stop does). A VM already off is fine: vCenter
 * answers ALREADY_IN_DESIRED_STATE, and that is the state asked for.
 */
export async function powerOff(ctx: VcenterContext, vm: string): Promise<void> {
  const id = encodeURIComponent(vm);
  try {
    await vcenterCall(ctx, {
      method: "POST",
      path: `/api/vcenter/vm/${id}/power?action=stop`,
      restPath: `/rest/vcenter/vm/${id}/power/stop`,
      schema: noBody,
      timeoutMs: ctx.runtime.timeouts.clone,
    });
  } catch (err) {
    if (err instanceof VcenterError && err.errorType === "ALREADY_IN_DESIRED_STATE") return;
    throw err;
  }
}

/** Deletes a VM that is not running (vCenter refuses a running one). */
export async function deleteVm(ctx: VcenterContext, vm: string): Promise<void> {
  await vcenterCall(ctx, {
    method: "DELETE",
    path: `/api/vcenter/vm/${encodeURIComponent(vm)}`,
    schema: noBody,
    timeoutMs: ctx.runtime.timeouts.clone,
  });
}
