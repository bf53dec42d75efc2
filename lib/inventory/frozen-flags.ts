import "server-only";

import type { VcenterContext } from "@/lib/vcenter/context";
import { getVm } from "@/lib/vcenter/vm";

import type { VmEntry } from "./vm-index";

// vCenter's VM list does not say whether a VM is frozen for instant clone; only VM.Info does
// (`instant_clone_frozen`). The source picker shows a "Frozen" badge, so the first powered-on
// VMs of an answer are read, a few at a time, and the flag is kept on the cached entry: a later
// search showing the same VMs reads nothing. Only powered-on VMs can be frozen; a VM that
// cannot be read simply gets no flag.

const FROZEN_LOOKUPS = 25;
const CONCURRENCY = 6;

/** Learns `frozen` for the first powered-on entries of an answer that do not have it yet. */
export async function learnFrozenFlags(ctx: VcenterContext, entries: VmEntry[]): Promise<void> {
  const toRead = entries
    .filter((entry) => entry.power_state === "POWERED_ON")
    .slice(0, FROZEN_LOOKUPS)
    .filter((entry) => entry.frozen === undefined);
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      const entry = toRead[next++];
      try {
        entry.frozen = (await getVm(ctx, entry.vm)).instant_clone_frozen;
      } catch {
        // Deleted or unreadable since the list was taken: the picker shows no flag for it.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, toRead.length) }, worker));
}
