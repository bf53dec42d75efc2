import { noPermission } from "./clone-messages";
import type { Inventory } from "./inventory";
import { unauthorized } from "./messages";
import { hasPrivilege, type Privilege, type SimUser } from "./users";

// vCenter authorizes before it validates, on the objects the request names: the source, the
// target folder, pool and datastore (the source's when unset) and every network of a NIC update.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

function exists(inv: Inventory, id: string): boolean {
  return (
    inv.vms.has(id) ||
    inv.folders.has(id) ||
    inv.pools.has(id) ||
    inv.datastores.has(id) ||
    inv.networks.has(id)
  );
}

/** The privilege/object pairs instant clone needs, read from the raw body as far as it makes sense. */
function requiredPrivileges(inv: Inventory, body: unknown): [Privilege, string | undefined][] {
  const spec = isRecord(body) ? body : {};
  const source = inv.vms.get(text(spec.source) ?? "");
  const placement = isRecord(spec.placement) ? spec.placement : {};
  const nics = isRecord(spec.nics_to_update) ? Object.values(spec.nics_to_update) : [];
  const networks = nics.map((nic) =>
    isRecord(nic) && isRecord(nic.backing) ? text(nic.backing.network) : undefined,
  );
  return [
    ["VirtualMachine.Provisioning.Clone", source?.id],
    ["VirtualMachine.Inventory.CreateFromExisting", source?.id],
    ["VirtualMachine.Interact.PowerOn", text(placement.folder) ?? source?.folder],
    ["Resource.AssignVMToPool", text(placement.resource_pool) ?? source?.pool],
    ["Datastore.AllocateSpace", text(placement.datastore) ?? source?.datastore],
    ...networks.map((network): [Privilege, string | undefined] => ["Network.Assign", network]),
  ];
}

/** Throws 403 UNAUTHORIZED naming the first privilege the user lacks; unknown ids are left to the 404 checks. */
export function checkClonePrivileges(inv: Inventory, user: SimUser, body: unknown): void {
  for (const [privilege, id] of requiredPrivileges(inv, body))
    if (id && exists(inv, id) && !hasPrivilege(inv, user, privilege, id))
      throw unauthorized(noPermission(privilege, inv.describe(id), id));
}
