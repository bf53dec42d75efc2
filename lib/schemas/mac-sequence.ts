// Manual MACs for a batch: the first clone takes the given address, the next ones the next
// addresses. vCenter accepts manual MACs only in VMware's manual range (OUI 00:50:56, fourth
// byte 00–3F), so a sequence that would leave it is refused before anything is sent.

export const MANUAL_MAC_FIRST = 0x005056000000;
export const MANUAL_MAC_LAST = 0x0050563fffff;

export const macToNumber = (mac: string): number => parseInt(mac.replaceAll(":", ""), 16);

export const numberToMac = (value: number): string =>
  value.toString(16).padStart(12, "0").match(/../g)!.join(":");

/** `count` consecutive MACs from `first`, or why they cannot all be manual MACs. */
export function macSequence(first: string, count: number): { macs: string[] } | { error: string } {
  const start = macToNumber(first);
  if (!Number.isFinite(start) || start < MANUAL_MAC_FIRST || start > MANUAL_MAC_LAST)
    return { error: "A manual MAC must be between 00:50:56:00:00:00 and 00:50:56:3f:ff:ff" };
  const last = start + count - 1;
  if (last > MANUAL_MAC_LAST)
    return {
      error: `${count} clones need MACs up to ${numberToMac(last)}, past the manual range's end 00:50:56:3f:ff:ff`,
    };
  return { macs: Array.from({ length: count }, (_, i) => numberToMac(start + i)) };
}
