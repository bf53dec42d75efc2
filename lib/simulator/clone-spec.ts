import { VapiError } from "./errors";
import { fieldInvalid, fieldMissing, inputInvalid } from "./messages";
import type { EthernetBackingType, MacType, ParallelBacking, SerialBacking } from "./model";
import { checkShape, type Shape, type StructDef } from "./vapi-shape";

// Vcenter.VM.InstantCloneSpec of the 7.0.3 spec, as vAPI structures. upt_v2_compatibility_enabled
// came with 8.0.0.1, so a 7.0 vCenter refuses it as an unexpected field.

export interface EthernetUpdate {
  upt_compatibility_enabled?: boolean;
  mac_type?: MacType;
  mac_address?: string;
  wake_on_lan_enabled?: boolean;
  backing?: { type: EthernetBackingType; network?: string; distributed_port?: string };
  start_connected?: boolean;
  allow_guest_control?: boolean;
}

export interface SerialUpdate {
  yield_on_poll?: boolean;
  backing?: SerialBacking;
  start_connected?: boolean;
  allow_guest_control?: boolean;
}

export interface ParallelUpdate {
  backing?: ParallelBacking;
  start_connected?: boolean;
  allow_guest_control?: boolean;
}

export interface InstantCloneSpec {
  source: string;
  name: string;
  placement?: { folder?: string; resource_pool?: string; datastore?: string };
  nics_to_update?: Record<string, EthernetUpdate>;
  disconnect_all_nics?: boolean;
  parallel_ports_to_update?: Record<string, ParallelUpdate>;
  serial_ports_to_update?: Record<string, SerialUpdate>;
  bios_uuid?: string;
}

const str: Shape = { kind: "string" };
const bool: Shape = { kind: "boolean" };
const oneOf = (name: string, values: readonly string[]): Shape => ({ kind: "enum", name, values });
const struct = (name: string, fields: StructDef["fields"]): Shape => ({
  kind: "struct",
  def: { name, fields },
});
const hw = "com.vmware.vcenter.vm.hardware";

const ethernetUpdate = struct(`${hw}.ethernet.update_spec`, {
  upt_compatibility_enabled: { shape: bool },
  mac_type: { shape: oneOf(`${hw}.Ethernet.MacAddressType`, ["MANUAL", "GENERATED", "ASSIGNED"]) },
  mac_address: { shape: str },
  wake_on_lan_enabled: { shape: bool },
  backing: {
    shape: struct(`${hw}.ethernet.backing_spec`, {
      type: {
        shape: oneOf(`${hw}.Ethernet.BackingType`, [
          "STANDARD_PORTGROUP",
          "HOST_DEVICE",
          "DISTRIBUTED_PORTGROUP",
          "OPAQUE_NETWORK",
        ]),
        required: true,
      },
      network: { shape: str },
      distributed_port: { shape: str },
    }),
  },
  start_connected: { shape: bool },
  allow_guest_control: { shape: bool },
});

const serialUpdate = struct(`${hw}.serial.update_spec`, {
  yield_on_poll: { shape: bool },
  backing: {
    shape: struct(`${hw}.serial.backing_spec`, {
      type: {
        shape: oneOf(`${hw}.Serial.BackingType`, [
          "FILE",
          "HOST_DEVICE",
          "PIPE_SERVER",
          "PIPE_CLIENT",
          "NETWORK_SERVER",
          "NETWORK_CLIENT",
        ]),
        required: true,
      },
      file: { shape: str },
      host_device: { shape: str },
      pipe: { shape: str },
      no_rx_loss: { shape: bool },
      network_location: { shape: str },
      proxy: { shape: str },
    }),
  },
  start_connected: { shape: bool },
  allow_guest_control: { shape: bool },
});

const parallelUpdate = struct(`${hw}.parallel.update_spec`, {
  backing: {
    shape: struct(`${hw}.parallel.backing_spec`, {
      type: { shape: oneOf(`${hw}.Parallel.BackingType`, ["FILE", "HOST_DEVICE"]), required: true },
      file: { shape: str },
      host_device: { shape: str },
    }),
  },
  start_connected: { shape: bool },
  allow_guest_control: { shape: bool },
});

const instantCloneSpec = struct("com.vmware.vcenter.VM.instant_clone_spec", {
  source: { shape: str, required: true },
  name: { shape: str, required: true },
  placement: {
    shape: struct("com.vmware.vcenter.VM.instant_clone_placement_spec", {
      folder: { shape: str },
      resource_pool: { shape: str },
      datastore: { shape: str },
    }),
  },
  nics_to_update: { shape: { kind: "map", value: ethernetUpdate } },
  disconnect_all_nics: { shape: bool },
  parallel_ports_to_update: { shape: { kind: "map", value: parallelUpdate } },
  serial_ports_to_update: { shape: { kind: "map", value: serialUpdate } },
  bios_uuid: { shape: str },
});

export const INSTANT_CLONE_METHOD = "com.vmware.vcenter.VM.instant_clone";

/** The body as an InstantCloneSpec, or the INVALID_ARGUMENT vCenter answers for its shape. */
export function parseInstantCloneSpec(body: unknown): InstantCloneSpec {
  if (body === undefined || body === null)
    throw new VapiError("INVALID_ARGUMENT", [
      inputInvalid(INSTANT_CLONE_METHOD),
      fieldMissing("operation-input", "spec"),
    ]);
  const problem = checkShape(body, instantCloneSpec);
  if (problem)
    throw new VapiError("INVALID_ARGUMENT", [
      inputInvalid(INSTANT_CLONE_METHOD),
      fieldInvalid("spec"),
      ...problem,
    ]);
  return stripNulls(body) as InstantCloneSpec;
}

// The shape check accepted null for optional fields; the rules below treat them as unset.
function stripNulls(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, stripNulls(v)]),
  );
}
