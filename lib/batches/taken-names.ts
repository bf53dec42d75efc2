import "server-only";

import type { VcenterContext } from "@/lib/vcenter/context";
import { query } from "@/lib/vcenter/client";
import { vcenterCall } from "@/lib/vcenter/call";
import { vmSummaryListSchema } from "@/lib/vcenter/vcenter-schemas";

// Before a batch is accepted: which of its names a VM already has (in the target folder when
// one is given), so a batch of 500 is refused whole instead of failing clone by clone. Reads
// only; in chunks so no URL grows past what proxies accept.

const CHUNK = 100;

export async function takenNames(
  ctx: VcenterContext,
  names: readonly string[],
  folder?: string,
): Promise<string[]> {
  const taken: string[] = [];
  for (let i = 0; i < names.length; i += CHUNK) {
    const chunk = names.slice(i, i + CHUNK);
    const path = `/api/vcenter/vm${query({ names: chunk, folders: folder })}`;
    const found = await vcenterCall(ctx, { path, schema: vmSummaryListSchema });
    const wanted = new Set(chunk);
    for (const vm of found) if (wanted.has(vm.name)) taken.push(vm.name);
  }
  return taken;
}
