import type { Inventory } from "./inventory";

export type Role = "admin" | "operator" | "readonly";

export interface SimUser {
  /** As GET /api/session reports it: "VSPHERE.LOCAL\\Administrator". */
  name: string;
  role: Role;
}

export const PASSWORD = "VMware1!";
const DOMAIN = "vsphere.local";
const ACCOUNTS: Record<string, SimUser> = {
  administrator: { name: "VSPHERE.LOCAL\\Administrator", role: "admin" },
  operator: { name: "VSPHERE.LOCAL\\operator", role: "operator" },
  readonly: { name: "VSPHERE.LOCAL\\readonly", role: "readonly" },
};

/** vCenter SSO takes "user@domain" or "DOMAIN\\user", both case-insensitive. */
export function authenticate(login: string, password: string): SimUser | undefined {
  const lower = login.toLowerCase();
  const [account, domain] = lower.includes("\\") ? lower.split("\\").reverse() : lower.split("@");
  if (domain !== DOMAIN || password !== PASSWORD) return undefined;
  return Object.hasOwn(ACCOUNTS, account) ? ACCOUNTS[account] : undefined;
}

export type Privilege =
  | "System.Read"
  | "VirtualMachine.Provisioning.Clone"
  | "VirtualMachine.Inventory.CreateFromExisting"
  | "VirtualMachine.Interact.PowerOn"
  | "VirtualMachine.Interact.PowerOff"
  | "VirtualMachine.Inventory.Delete"
  | "Resource.AssignVMToPool"
  | "Datastore.AllocateSpace"
  | "Network.Assign";

const READ_ONLY: ReadonlySet<Privilege> = new Set(["System.Read"]);

/** Permissions propagate down the folder tree, so a denial on Prod covers its subfolders. */
export function hasPrivilege(
  inv: Inventory,
  user: SimUser,
  privilege: Privilege,
  objectId: string,
): boolean {
  if (user.role === "admin") return true;
  if (user.role === "readonly") return READ_ONLY.has(privilege);
  if (privilege !== "VirtualMachine.Interact.PowerOn" || !inv.folders.has(objectId)) return true;
  return !inv.folderChain(objectId).some((id) => {
    const folder = inv.folders.get(id);
    return folder?.type === "VIRTUAL_MACHINE" && folder.name === "Prod";
  });
}
