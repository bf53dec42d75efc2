import "server-only";

import type { VmList } from "@/lib/schemas/inventory";

import type { VcenterContext } from "./context";
import { getVm } from "./vm";

// vCenter's VM list does not say whether a VM is frozen for instant clone; only VM.Info does
// (`instant_clone_frozen`). The source picker shows a "Frozen" badge, so the first powered-on
// VMs of a list answer are read, a few at a time. What was learnt is kept for a minute per
// environment and operator session, so typing in the picker does not read the same VMs again.
// Only powered-on VMs can be frozen; a VM that cannot be read simply gets no flag.

const FROZEN_LOOKUPS = 25;
const CONCURRENCY = 6;
const TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

type Cached = { frozen: boolean; at: number };
const cache = ((globalThis as { __iccFrozenFlags?: Map<string, Cached> }).__iccFrozenFlags ??=
  new Map());

/** The list with `instant_clone_frozen` on its first powered-on VMs. */
export async function withFrozenFlags(ctx: VcenterContext, list: VmList): Promise<VmList> {
  const keyOf = (vm: string) => `${ctx.runtime.config.id}\u0000${ctx.session}\u0000${vm}`;
  const now = Date.now();
  const flags = new Map<string, boolean>();
  const toRead: string[] = [];
  for (const item of list.items.filter((i) => i.power_state === "POWERED_ON")) {
    const hit = cache.get(keyOf(item.vm));
    if (hit && now - hit.at < TTL_MS) flags.set(item.vm, hit.frozen);
    else if (flags.size + toRead.length < FROZEN_LOOKUPS) toRead.push(item.vm);
  }

  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      const vm = toRead[next++];
      try {
        const frozen = (await getVm(ctx, vm)).instant_clone_frozen;
        flags.set(vm, frozen);
        remember(keyOf(vm), frozen);
      } catch {
        // Deleted or unreadable since the list was taken: the picker shows no flag for it.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, toRead.length) }, worker));

  return {
    total: list.total,
    items: list.items.map((item) =>
      flags.has(item.vm) ? { ...item, instant_clone_frozen: flags.get(item.vm) } : item,
    ),
  };
}

function remember(key: string, frozen: boolean): void {
  cache.delete(key);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { frozen, at: Date.now() });
}
