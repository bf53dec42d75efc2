import type { Inventory } from "./inventory";

// Ids far above the layout's (fixed 1-33, big-inventory extras from 101), so they never meet.
const FIRST_ID = 50_000;

/**
 * `count` more VM folders, "Team-0001" onwards, under the first datacenter's VM folder: a site
 * with more folders than a picker's page (a real one can have thousands), for the tests of the
 * server-side placement search. The default inventory has only a handful.
 */
export function addVmFolders(inv: Inventory, count: number): void {
  const dc = inv.datacenters.values().next().value;
  if (!dc || count <= 0) return;
  for (let n = 1; n <= count; n++) {
    const id = `group-v${FIRST_ID + n}`;
    const name = `Team-${String(n).padStart(4, "0")}`;
    inv.folders.set(id, {
      id,
      name,
      type: "VIRTUAL_MACHINE",
      parent: dc.vmFolder,
      datacenter: dc.id,
    });
  }
}
