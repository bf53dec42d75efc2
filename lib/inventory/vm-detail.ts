import "server-only";

import type { VmDetail } from "@/lib/schemas/inventory";
import type { VcenterContext } from "@/lib/vcenter/context";
import { VcenterError } from "@/lib/vcenter/errors";
import { getVm } from "@/lib/vcenter/vm";

import { forgetVm, rememberVmDetail } from "./vms";

/** One VM read in full; what was read corrects the cached entry (or removes a VM now gone). */
export async function readVm(
  ctx: VcenterContext,
  env: string,
  user: string,
  vm: string,
): Promise<VmDetail> {
  try {
    const detail = await getVm(ctx, vm);
    rememberVmDetail(env, user, detail);
    return detail;
  } catch (err) {
    if (err instanceof VcenterError && err.errorType === "NOT_FOUND") forgetVm(env, user, vm);
    throw err;
  }
}
