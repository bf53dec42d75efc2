import "server-only";

import { vcenterCall } from "./call";
import { query } from "./client";
import type { VcenterContext } from "./context";
import type { Limiter } from "./limiter";
import { chunks, isTooMany } from "./split-list";
import { datacenterInfoSchema, folderListSchema } from "./vcenter-schemas";

/** One VM folder, with where it is: its datacenter and the names from there down. */
export interface FolderRead {
  folder: string;
  name: string;
  datacenter: string;
  /** ["DC1", "Linux", "Web"]: the datacenter's name, then the folders below its VM folder. */
  path: string[];
}

interface Datacenter {
  datacenter: string;
  name: string;
}

/** Parents asked about in one call: the URL stays a few KB. */
const PARENTS_PER_CALL = 50;

// vCenter's folder list says nothing of a folder's parent (Folder.Summary is folder, name,
// type), and no REST read does. So the paths come from a walk down from each datacenter's VM
// folder (Datacenter.Info.vm_folder) with the list's parent_folders filter: the children of
// a run of folders in one call, and a run that has children is halved until each child's
// parent is known. Leaf folders, most of a tree, cost a share of one call; each answer holds
// one level's children of at most a run of parents, which also keeps it under vCenter's cap
// of 1,000 (a run over it is halved too; more than 1,000 children of one folder cannot be
// listed through REST at all, and that refusal is passed on).

/** Every VM folder of one datacenter, its VM folder first, each with its path. */
export async function readVmFolderTree(
  ctx: VcenterContext,
  dc: Datacenter,
  limit: Limiter,
): Promise<FolderRead[]> {
  const info = await limit(() =>
    vcenterCall(ctx, {
      path: `/api/vcenter/datacenter/${encodeURIComponent(dc.datacenter)}`,
      schema: datacenterInfoSchema,
    }),
  );
  const [top] = await limit(() =>
    vcenterCall(ctx, {
      path: `/api/vcenter/folder${query({ folders: info.vm_folder })}`,
      schema: folderListSchema,
    }),
  );
  const root: FolderRead = {
    folder: info.vm_folder,
    name: top?.name ?? "vm",
    datacenter: dc.datacenter,
    path: [dc.name],
  };
  const all = [root];
  const seen = new Set([root.folder]);
  let level = [root];
  while (level.length > 0) {
    const found = await Promise.all(
      chunks(level, PARENTS_PER_CALL).map((run) => childrenOf(ctx, run, limit)),
    );
    // A folder seen before would mean a loop in what vCenter answered: it is not walked again.
    level = found.flat().filter((f) => !seen.has(f.folder) && seen.add(f.folder));
    all.push(...level);
  }
  return all;
}

/** The child folders of `parents`, each with its path. */
async function childrenOf(
  ctx: VcenterContext,
  parents: FolderRead[],
  limit: Limiter,
): Promise<FolderRead[]> {
  let list;
  try {
    const params = { type: "VIRTUAL_MACHINE", parent_folders: parents.map((p) => p.folder) };
    list = await limit(() =>
      vcenterCall(ctx, { path: `/api/vcenter/folder${query(params)}`, schema: folderListSchema }),
    );
  } catch (err) {
    if (!isTooMany(err) || parents.length === 1) throw err;
    const [left, right] = halves(parents);
    const parts = await Promise.all([childrenOf(ctx, left, limit), childrenOf(ctx, right, limit)]);
    return parts.flat();
  }
  if (list.length === 0) return [];
  if (parents.length === 1) {
    const [parent] = parents;
    return list.map((f) => ({
      folder: f.folder,
      name: f.name,
      datacenter: parent.datacenter,
      path: [...parent.path, f.name],
    }));
  }
  const [left, right] = halves(parents);
  const fromLeft = await childrenOf(ctx, left, limit);
  // Every child found under the left half: the right half has none, and is not asked.
  if (fromLeft.length >= list.length) return fromLeft;
  return [...fromLeft, ...(await childrenOf(ctx, right, limit))];
}

const halves = <T>(items: T[]): [T[], T[]] => {
  const middle = Math.ceil(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
};
