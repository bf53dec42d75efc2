import {
  backingChangeWhileConnected,
  backingFieldMissing,
  backingUriInvalid,
  invalidDatastorePath,
  unknownDevice,
} from "./clone-messages";
import type { ParallelUpdate, SerialUpdate } from "./clone-spec";
import type { Inventory } from "./inventory";
import { deviceNotFound } from "./messages";
import type { ConnectionState, SerialBacking, Vm } from "./model";

// The serial_ports_to_update and parallel_ports_to_update rules. The source is powered on, so
// a connected port keeps its backing (FACTS.md §2: only changeable when off or disconnected).

const FIELD_FOR: Record<SerialBacking["type"], keyof SerialBacking | undefined> = {
  FILE: "file",
  HOST_DEVICE: undefined,
  PIPE_SERVER: "pipe",
  PIPE_CLIENT: "pipe",
  NETWORK_SERVER: "network_location",
  NETWORK_CLIENT: "network_location",
};

function checkDatastorePath(inv: Inventory, path: string): void {
  const match = /^\[([^\]]+)\] \S.*$/.exec(path);
  const known = match && [...inv.datastores.values()].some((ds) => ds.name === match[1]);
  if (!known) throw invalidDatastorePath(path);
}

// A parallel backing is a serial backing with fewer types, so one check serves both.
function checkBacking(inv: Inventory, device: string, backing: SerialBacking): void {
  const field = FIELD_FOR[backing.type];
  const value = field ? backing[field] : undefined;
  if (field && (typeof value !== "string" || value === ""))
    throw backingFieldMissing(device, backing.type, field);
  if (backing.type === "FILE" && backing.file) checkDatastorePath(inv, backing.file);
  for (const uriField of ["network_location", "proxy"] as const) {
    const uri = backing[uriField];
    if (uri !== undefined && !URL.canParse(uri)) throw backingUriInvalid(uriField, uri);
  }
}

interface Port {
  key: string;
  label: string;
  state: ConnectionState;
}

function checkUpdates<U extends { backing?: SerialBacking }>(
  inv: Inventory,
  source: Vm,
  ports: Port[],
  updates: Record<string, U>,
  field: string,
  device: string,
): void {
  for (const [key, update] of Object.entries(updates)) {
    const port = ports.find((p) => p.key === key);
    if (!port) throw unknownDevice(field, device, key, deviceNotFound(key, source.id));
    if (!update.backing) continue;
    checkBacking(inv, device, update.backing);
    if (port.state === "CONNECTED") throw backingChangeWhileConnected(port.label);
  }
}

export function checkPortUpdates(
  inv: Inventory,
  source: Vm,
  serial: Record<string, SerialUpdate>,
  parallel: Record<string, ParallelUpdate>,
): void {
  checkUpdates(inv, source, source.serialPorts, serial, "serial_ports_to_update", "serial port");
  checkUpdates(
    inv,
    source,
    source.parallelPorts,
    parallel,
    "parallel_ports_to_update",
    "parallel port",
  );
}
