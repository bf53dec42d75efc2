import "server-only";

import type { z } from "zod";

import { vcenterCall } from "./call";
import { query } from "./client";
import type { VcenterContext } from "./context";
import { VcenterError } from "./errors";
import type { Limiter } from "./limiter";

export type ListParams = Record<string, string | readonly string[] | undefined>;

/** One way to split a list read: a filter and values of it that between them cover every item. */
export interface SplitDimension {
  key: string;
  values: () => Promise<string[]>;
}

/** vCenter's answer to a list over its cap (FACTS.md §5), /api and /rest alike. */
export const isTooMany = (err: unknown): boolean =>
  err instanceof VcenterError && err.errorType === "UNABLE_TO_ALLOCATE_RESOURCE";

/**
 * Every item of a vCenter list (`path`: /api/vcenter/network …) matching `params`. vCenter has
 * no paging and refuses an answer over its cap (1,000 folders, networks or pools, 2,500
 * datastores) with UNABLE_TO_ALLOCATE_RESOURCE, so a refused read is split by the next
 * dimension, one read per value, as the VM list is (all-vms.ts). Items read twice (a filter
 * that matches more than one part) are the caller's to merge.
 */
export async function readSplit<T>(
  ctx: VcenterContext,
  path: string,
  schema: z.ZodType<T[]>,
  params: ListParams,
  dimensions: readonly SplitDimension[],
  limit: Limiter,
): Promise<T[]> {
  try {
    return await limit(() => vcenterCall(ctx, { path: `${path}${query(params)}`, schema }));
  } catch (err) {
    const [next, ...rest] = dimensions.filter((d) => params[d.key] === undefined);
    if (!next || !isTooMany(err)) throw err;
    const values = await next.values();
    const parts = await Promise.all(
      values.map((value) =>
        readSplit(ctx, path, schema, { ...params, [next.key]: value }, rest, limit),
      ),
    );
    return parts.flat();
  }
}

/** `items` in runs of at most `size`: a filter with many values in one URL stays short. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}
