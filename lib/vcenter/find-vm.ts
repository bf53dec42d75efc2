import "server-only";

import { query } from "./client";
import { vcenterCall } from "./call";
import type { VcenterContext } from "./context";
import { vmSummaryListSchema } from "./vcenter-schemas";

/** The ids of every VM with exactly this name (in this folder, when given), in any folder. */
export async function vmIdsNamed(
  ctx: VcenterContext,
  name: string,
  folder?: string,
): Promise<string[]> {
  const path = `/api/vcenter/vm${query({ names: name, folders: folder })}`;
  const list = await vcenterCall(ctx, { path, schema: vmSummaryListSchema });
  return list.filter((vm) => vm.name === name).map((vm) => vm.vm);
}
