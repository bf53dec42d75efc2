import type { GuestIdentity, Vm } from "./model";

// What a guest calls itself. Derived from the VM's id, never from the seeded random stream, so
// adding it left every seeded inventory (MACs, UUIDs) as it was.

const DOMAIN = "lab.example";

/** 10.{net}.{3..252}.{10..209}: vm-1007 is 10.0.3.17; clones of re-identifying sources use net 20 and up. */
function addressFor(vmId: string, net: number): string {
  const k = Number(vmId.slice("vm-".length)) - 1000;
  const block = Math.floor(k / 200);
  return `10.${net + Math.floor(block / 250)}.${3 + (block % 250)}.${10 + (k % 200)}`;
}

export const guestIdentityFor = (
  vmId: string,
  name: string,
  reidentifies = false,
): GuestIdentity => ({
  hostName: `${name}.${DOMAIN}`,
  ipAddress: addressFor(vmId, 0),
  reidentifies,
});

/**
 * The identity a new instant clone reports: a memory copy of its source, so the source's own
 * hostname and IP (the real behaviour), unless the source's guest re-identifies its clones.
 */
export function cloneGuestIdentity(source: Vm, cloneId: string, cloneName: string): GuestIdentity {
  if (!source.guest.reidentifies) return { ...source.guest };
  return {
    hostName: `${cloneName}.${DOMAIN}`,
    ipAddress: addressFor(cloneId, 20),
    reidentifies: true,
  };
}

/** Tools answer once the guest has been running for the simulator's guest-ready delay. */
export const toolsRunning = (vm: Vm, now = Date.now()): boolean =>
  vm.powerState === "POWERED_ON" && now >= vm.toolsFrom;
