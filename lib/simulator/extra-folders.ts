import type { Inventory } from "./inventory";

// Ids far above the layout's (fixed 1-33, big-inventory extras from 101), so they never meet.
const FIRST_ID = 50_000;
const GROUP_FIRST_ID = 49_000;
/** Team folders per "Teams-NN" folder: a real site nests its folders, as this does. */
export const TEAMS_PER_GROUP = 100;

/**
 * `count` more VM folders, "Team-0001" onwards, for a site with more folders than a picker's
 * page (a real one can have thousands): "DC1 / Teams / Teams-01 / Team-0001". They are nested
 * as a real site's are; vCenter lists at most 1,000 folders in one answer, and REST can only
 * split a folder list by datacenter, type and parent folder, so 1,000 siblings of one parent
 * could not be listed at all.
 */
export function addVmFolders(inv: Inventory, count: number): void {
  const dc = inv.datacenters.values().next().value;
  if (!dc || count <= 0) return;
  const add = (id: string, name: string, parent: string) =>
    inv.folders.set(id, { id, name, type: "VIRTUAL_MACHINE", parent, datacenter: dc.id });
  const teams = `group-v${GROUP_FIRST_ID}`;
  add(teams, "Teams", dc.vmFolder);
  for (let n = 1; n <= count; n++) {
    const group = Math.ceil(n / TEAMS_PER_GROUP);
    const groupId = `group-v${GROUP_FIRST_ID + group}`;
    if (!inv.folders.has(groupId)) add(groupId, `Teams-${String(group).padStart(2, "0")}`, teams);
    add(`group-v${FIRST_ID + n}`, `Team-${String(n).padStart(4, "0")}`, groupId);
  }
}
