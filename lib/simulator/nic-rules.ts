import { unknownDevice } from "./clone-messages";
import type { EthernetUpdate } from "./clone-spec";
import { VapiError } from "./errors";
import { isValidStaticMac } from "./identity";
import type { Inventory } from "./inventory";
import { deviceNotFound, objectNotFound } from "./messages";
import type { Nic, Vm } from "./model";
import {
  hostDeviceBacking,
  macInvalid,
  macNotAllowed,
  macRequired,
  networkMissing,
  networkNotOnHost,
  networkTypeMismatch,
  noFreePort,
  portInUse,
  portNeedsDistributed,
  portNeedsStaticBinding,
  portUnknown,
  uptNotSupported,
} from "./nic-messages";

// The nics_to_update rules: keys of the source's adapters, usable backings on the source's host,
// vCenter's MAC rules, and free ports on static distributed portgroups.

function checkBacking(
  inv: Inventory,
  source: Vm,
  backing: NonNullable<EthernetUpdate["backing"]>,
): void {
  if (backing.type === "HOST_DEVICE") throw hostDeviceBacking();
  if (!backing.network) throw networkMissing(backing.type);
  const network = inv.networks.get(backing.network);
  if (!network) throw new VapiError("NOT_FOUND", [objectNotFound("network", backing.network)]);
  const named = inv.describe(network.id);
  if (network.type !== backing.type)
    throw networkTypeMismatch(named, network.id, network.type, backing.type);
  if (!inv.reachable(network, source.host))
    throw networkNotOnHost(named, network.id, inv.describe(source.host));
  const port = backing.distributed_port;
  if (port === undefined) return;
  if (backing.type !== "DISTRIBUTED_PORTGROUP") throw portNeedsDistributed(backing.type);
  if (!network.dvs?.staticBinding) throw portNeedsStaticBinding(named, network.id);
  if (!/^\d+$/.test(port) || Number(port) >= network.dvs.ports)
    throw portUnknown(port, named, network.id);
  if (inv.portsInUse(network.id).has(port)) throw portInUse(port, named, network.id);
}

function checkSettings(nic: Nic, update: EthernetUpdate): void {
  if (update.mac_type === "MANUAL" && update.mac_address === undefined) throw macRequired();
  if (update.mac_address !== undefined && update.mac_type !== "MANUAL")
    throw macNotAllowed(update.mac_type ?? "unset");
  if (update.mac_address !== undefined && !isValidStaticMac(update.mac_address))
    throw macInvalid(update.mac_address);
  if (update.upt_compatibility_enabled && nic.type !== "VMXNET3") throw uptNotSupported(nic.type);
}

/** The network each clone NIC ends up on, after the updates. */
export const finalNetwork = (nic: Nic, update: EthernetUpdate | undefined): string | undefined =>
  update?.backing?.network ?? nic.backing.network;

// Each distributed NIC of the clone needs its own port; on a static portgroup they may run out.
function checkPortCapacity(
  inv: Inventory,
  source: Vm,
  updates: Record<string, EthernetUpdate>,
): void {
  const wanted = new Map<string, { auto: number; chosen: Set<string> }>();
  for (const nic of source.nics) {
    const update = updates[nic.key];
    const network = inv.networks.get(finalNetwork(nic, update) ?? "");
    if (!network?.dvs?.staticBinding) continue;
    const entry = wanted.get(network.id) ?? { auto: 0, chosen: new Set<string>() };
    wanted.set(network.id, entry);
    const port = update?.backing?.distributed_port;
    if (port === undefined) entry.auto++;
    else if (entry.chosen.has(port)) throw portInUse(port, inv.describe(network.id), network.id);
    else entry.chosen.add(port);
  }
  for (const [networkId, { auto, chosen }] of wanted) {
    const ports = inv.networks.get(networkId)?.dvs?.ports ?? 0;
    if (ports - inv.portsInUse(networkId).size - chosen.size < auto)
      throw noFreePort(inv.describe(networkId), networkId);
  }
}

export function checkNicUpdates(
  inv: Inventory,
  source: Vm,
  updates: Record<string, EthernetUpdate>,
): void {
  for (const [key, update] of Object.entries(updates)) {
    const nic = source.nics.find((n) => n.key === key);
    if (!nic)
      throw unknownDevice("nics_to_update", "network adapter", key, deviceNotFound(key, source.id));
    if (update.backing) checkBacking(inv, source, update.backing);
    checkSettings(nic, update);
  }
  checkPortCapacity(inv, source, updates);
}
