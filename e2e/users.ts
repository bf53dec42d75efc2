// The simulator's sample users (DESIGN.md), one password for all.
export const PASSWORD = "VMware1!";
export const USERS = {
  admin: "administrator@vsphere.local",
  operator: "operator@vsphere.local",
  readonly: "readonly@vsphere.local",
} as const;
