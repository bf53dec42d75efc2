import "server-only";

import { vcenterCall } from "./call";
import { query } from "./client";
import type { VcenterContext } from "./context";
import { vmSummaryListSchema } from "./vcenter-schemas";

/** The id of the VM with exactly this name (in this folder, when given), if there is one. */
export async function findVmByName(
  ctx: VcenterContext,
  name: string,
  folder?: string,
): Promise<string | undefined> {
  const path = `/api/vcenter/vm${query({ names: name, folders: folder })}`;
  const list = await vcenterCall(ctx, { path, schema: vmSummaryListSchema });
  return list.find((vm) => vm.name === name)?.vm;
}
