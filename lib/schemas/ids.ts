import * as z from "zod/mini";

// vCenter managed-object ids as vCenter prints them. Checked before an id goes into an
// upstream path or body, so a crafted value ("../session", "%2e%2e") never reaches vCenter.
export const idPatterns = {
  vm: /^vm-\d{1,10}$/,
  folder: /^group-[a-z]\d{1,10}$/,
  host: /^host-\d{1,10}$/,
  datacenter: /^datacenter-\d{1,10}$/,
  resourcePool: /^resgroup-(v)?\d{1,10}$/,
  datastore: /^datastore-\d{1,10}$/,
  network: /^(network|dvportgroup)-(o)?\d{1,10}$/,
  deviceKey: /^\d{1,9}$/,
} as const;

const idSchema = (pattern: RegExp, example: string, what: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? "Required" : `Must be a ${what} id (text)`),
    })
    .check(z.regex(pattern, { error: `Must be a ${what} id such as ${example}` }));

export const vmIdSchema = idSchema(idPatterns.vm, "vm-42", "virtual machine");
export const folderIdSchema = idSchema(idPatterns.folder, "group-v3", "folder");
export const hostIdSchema = idSchema(idPatterns.host, "host-9", "host");
export const datacenterIdSchema = idSchema(idPatterns.datacenter, "datacenter-2", "datacenter");
export const resourcePoolIdSchema = idSchema(
  idPatterns.resourcePool,
  "resgroup-8",
  "resource pool",
);
export const datastoreIdSchema = idSchema(idPatterns.datastore, "datastore-11", "datastore");
export const networkIdSchema = idSchema(
  idPatterns.network,
  "network-12 or dvportgroup-20",
  "network",
);
export const deviceKeySchema = idSchema(idPatterns.deviceKey, "4000", "device key (digits)");
