import "server-only";

import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import type { VmDetail, VmSummary } from "@/lib/schemas/inventory";
import { fetchAllVms } from "@/lib/vcenter/all-vms";
import type { VcenterContext } from "@/lib/vcenter/context";

import { cacheKey, inventoryCache, userPrefix } from "./cache";
import { learnFrozenFlags } from "./frozen-flags";
import { ttlMs } from "./ttl";
import { VmIndex, type VmQuery, vmSummaryOf } from "./vm-index";

/** How many VM list calls one inventory read may have under way at once. */
export const READ_CONCURRENCY = 8;

/** What one inventory holds: the VMs, and the read by folder that completes them. */
interface VmInventory {
  index: VmIndex;
  /** Settles when every VM's folder is known; a folder search waits for it. */
  folders: () => Promise<void>;
}

export interface VmSearchAnswer {
  items: (VmSummary & { host?: string; folder?: string })[];
  total: number;
  as_of: string;
}

const KIND = "vms";

/**
 * VMs of this environment the operator may see, searched in the console's memory: name
 * substring in any case, power state, folder, host; in name order, `limit` of them, with the
 * total. The inventory is read once per TTL (in the background once it is kept).
 */
export async function searchVms(
  ctx: VcenterContext,
  user: string,
  query: VmQuery & { refresh?: boolean },
): Promise<VmSearchAnswer> {
  const key = cacheKey(ctx.runtime.config.id, user, KIND);
  const cache = inventoryCache();
  const kept = await cache.get<VmInventory>(key, () => readInventory(ctx, key), {
    ttlMs: ttlMs(ctx.runtime.config),
    refresh: query.refresh,
  });
  if (query.folder) await kept.value.folders();
  const { items, total } = kept.value.index.search(query);
  await learnFrozenFlags(ctx, items);
  // The read by folder starts once a search is answered, so it never slows the first one.
  kept.value.folders().catch(() => {}); // a folder search waits for it and answers its error
  return { items: items.map(vmSummaryOf), total, as_of: kept.asOf.toISOString() };
}

async function readInventory(ctx: VcenterContext, key: string) {
  const cache = inventoryCache();
  const previous = cache.peek<VmInventory>(key);
  const index = new VmIndex(
    await fetchAllVms(ctx, { by: "host", concurrency: READ_CONCURRENCY }),
    previous?.index,
  );
  // The read by host answers the first search; the folders follow (see searchVms), so that a
  // search that does not filter by folder never waits for them. A failed read by folder is
  // tried again by the next search that needs it.
  let pending: Promise<void> | undefined;
  const folders = () =>
    (pending ??= fetchAllVms(ctx, { by: "folder", concurrency: READ_CONCURRENCY }).then(
      (reads) => {
        index.setFolders(reads);
        cache.resize(key, index.bytes);
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  return { value: { index, folders }, bytes: index.bytes };
}

const keptIndex = (env: string, user: string) =>
  inventoryCache().peek<VmInventory>(cacheKey(env, user, KIND))?.index;

/** A clone made through the console: in the maker's cached inventory at once. */
export function rememberClone(
  env: string,
  user: string,
  spec: Pick<InstantCloneSpec, "source" | "name" | "placement">,
  vm: string,
): void {
  const index = keptIndex(env, user);
  if (!index) return;
  const source = index.get(spec.source);
  // vCenter puts an instant clone on its source's host, and in its folder unless told otherwise.
  index.upsert({
    vm,
    name: spec.name,
    power_state: "POWERED_ON",
    host: source?.host,
    folder: spec.placement?.folder ?? source?.folder,
    cpu_count: source?.cpu_count,
    memory_size_MiB: source?.memory_size_MiB,
  });
  inventoryCache().resize(cacheKey(env, user, KIND), index.bytes);
}

/** A VM read in full: its cached entry takes the name, power state and frozen flag. */
export function rememberVmDetail(env: string, user: string, detail: VmDetail): void {
  const index = keptIndex(env, user);
  if (!index) return;
  index.upsert({
    vm: detail.vm,
    name: detail.name,
    power_state: detail.power_state,
    frozen: detail.instant_clone_frozen,
    ...(detail.cpu_count !== undefined ? { cpu_count: detail.cpu_count } : {}),
    ...(detail.memory_size_MiB !== undefined ? { memory_size_MiB: detail.memory_size_MiB } : {}),
  });
  inventoryCache().resize(cacheKey(env, user, KIND), index.bytes);
}

/** A VM vCenter no longer has (deleted, or a detail read answered 404). */
export function forgetVm(env: string, user: string, vm: string): void {
  const index = keptIndex(env, user);
  if (!index) return;
  index.remove(vm);
  inventoryCache().resize(cacheKey(env, user, KIND), index.bytes);
}

/** Logout: nothing this user read stays in the console's memory. */
export function dropInventory(env: string, user: string): void {
  inventoryCache().drop(userPrefix(env, user));
}
