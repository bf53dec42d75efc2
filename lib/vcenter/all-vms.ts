import "server-only";

import { vcenterCall } from "./call";
import { query } from "./client";
import type { VcenterContext } from "./context";
import { VcenterError } from "./errors";
import { type Limiter, limiter, unlimited } from "./limiter";
import { folderListSchema, hostListSchema, vmSummaryListSchema } from "./vcenter-schemas";

type VmSummaries = ReturnType<typeof vmSummaryListSchema.parse>;
type Params = Partial<Record<SplitKey, string>>;
type SplitKey = "hosts" | "power_states" | "folders";

/** One VM of the whole inventory, with what the part it came in says about it. */
export interface VmRead {
  vm: string;
  name: string;
  power_state: VmSummaries[number]["power_state"];
  cpu_count?: number;
  memory_size_MiB?: number;
  /** Known when the VM came in a part read by host. */
  host?: string;
  /** Known when the VM came in a part read by folder. */
  folder?: string;
}

export interface AllVmsOptions {
  /** "host" reads one part per host (every VM's host known), "folder" one per VM folder. */
  by: "host" | "folder";
  /** How many list calls may be under way at once. */
  concurrency: number;
}

// vCenter's VM list has no paging and refuses more than 4000 VMs (UNABLE_TO_ALLOCATE_RESOURCE):
// the whole inventory is read in parts, first by the dimension asked for, and a part still
// over the cap is split again by the other dimensions until each fits.
const order: Record<AllVmsOptions["by"], SplitKey[]> = {
  host: ["hosts", "power_states", "folders"],
  folder: ["folders", "power_states", "hosts"],
};

/** Every VM the session may see, read in parts (at most `concurrency` calls at once). */
export async function fetchAllVms(ctx: VcenterContext, opts: AllVmsOptions): Promise<VmRead[]> {
  const limit = limiter(opts.concurrency);
  const [first, ...rest] = order[opts.by];
  const values = await splitValues(ctx, first, limit);
  const parts = await Promise.all(
    values.map((value) => readPart(ctx, { [first]: value }, rest, limit)),
  );
  const byId = new Map<string, VmRead>();
  for (const part of parts.flat()) byId.set(part.vm, part);
  return [...byId.values()];
}

/** A list of every VM matching `params`, split further when vCenter refuses it as too big. */
export async function readPart(
  ctx: VcenterContext,
  params: Params,
  dimensions: SplitKey[],
  limit: Limiter = unlimited,
): Promise<VmRead[]> {
  try {
    const list = await limit(() =>
      vcenterCall(ctx, { path: `/api/vcenter/vm${query(params)}`, schema: vmSummaryListSchema }),
    );
    return list.map((vm) => toRead(vm, params));
  } catch (err) {
    const [next, ...rest] = dimensions.filter((d) => params[d] === undefined);
    if (!next || !(err instanceof VcenterError && err.errorType === "UNABLE_TO_ALLOCATE_RESOURCE"))
      throw err;
    const values = await splitValues(ctx, next, limit);
    const parts = await Promise.all(
      values.map((value) => readPart(ctx, { ...params, [next]: value }, rest, limit)),
    );
    return parts.flat();
  }
}

function toRead(vm: VmSummaries[number], params: Params): VmRead {
  // Assigned rather than spread: this runs once per VM, 50,000 times on a large inventory.
  const read: VmRead = { vm: vm.vm, name: vm.name, power_state: vm.power_state };
  const memory = vm.memory_size_MiB ?? vm.memory_size_mib;
  if (vm.cpu_count !== undefined) read.cpu_count = vm.cpu_count;
  if (memory !== undefined) read.memory_size_MiB = memory;
  if (params.hosts) read.host = params.hosts;
  if (params.folders) read.folder = params.folders;
  return read;
}

async function splitValues(ctx: VcenterContext, key: SplitKey, limit: Limiter) {
  if (key === "power_states") return ["POWERED_ON", "POWERED_OFF", "SUSPENDED"];
  if (key === "hosts")
    return (
      await limit(() => vcenterCall(ctx, { path: "/api/vcenter/host", schema: hostListSchema }))
    ).map((h) => h.host);
  const path = `/api/vcenter/folder${query({ type: "VIRTUAL_MACHINE" })}`;
  return (await limit(() => vcenterCall(ctx, { path, schema: folderListSchema }))).map(
    (f) => f.folder,
  );
}
