import type { Prng } from "./prng";

// Identifiers in the forms vCenter prints them. vCenter gives BIOS UUIDs a 42 prefix and
// instance UUIDs a 50 prefix, and assigns MACs from 00:50:56:80:00:00-00:50:56:bf:ff:ff.

function uuid(rng: Prng, prefix = ""): string {
  const hex = prefix + rng.hex(32 - prefix.length);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join("-");
}

export const biosUuid = (rng: Prng): string => uuid(rng, "42");
export const instanceUuid = (rng: Prng): string => uuid(rng, "50");
export const plainUuid = (rng: Prng): string => uuid(rng);

/** "50 26 09 a3 ee e6 25 39-ac da 42 f4 f7 74 5e 41", as vCenter prints a distributed switch's UUID. */
export function switchUuid(rng: Prng): string {
  const bytes = Array.from({ length: 16 }, () => rng.hex(2));
  bytes[0] = "50";
  return `${bytes.slice(0, 8).join(" ")}-${bytes.slice(8).join(" ")}`;
}

const octet = (value: number) => value.toString(16).padStart(2, "0");

/** A vCenter-assigned MAC not yet in `used`; records it there. */
export function assignedMac(rng: Prng, used: Set<string>): string {
  for (;;) {
    const mac = `00:50:56:${octet(rng.int(0x80, 0xbf))}:${octet(rng.int(0, 255))}:${octet(rng.int(0, 255))}`;
    if (!used.has(mac)) {
      used.add(mac);
      return mac;
    }
  }
}

export const MAC_PATTERN = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
export const BIOS_UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A usable unicast MAC: six hex pairs, multicast bit clear, not all zeros. */
export function isValidStaticMac(mac: string): boolean {
  if (!MAC_PATTERN.test(mac)) return false;
  const first = parseInt(mac.slice(0, 2), 16);
  return (first & 1) === 0 && mac.replace(/[:0]/g, "") !== "";
}
