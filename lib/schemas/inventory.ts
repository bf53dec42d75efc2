import * as z from "zod/mini";

import { hasNoHiddenCharacters, hasNoLoneSurrogates } from "./plain-text";

// The console API's inventory shapes (DESIGN.md "The console's HTTP API"). vCenter's own
// response schemas stay in lib/vcenter; these are what the browser sees.

export const powerStates = ["POWERED_ON", "POWERED_OFF", "SUSPENDED"] as const;
export const powerStateSchema = z.enum(powerStates);
export type PowerState = z.infer<typeof powerStateSchema>;

export const vmSummarySchema = z.object({
  vm: z.string(),
  name: z.string(),
  power_state: powerStateSchema,
  cpu_count: z.optional(z.number()),
  memory_size_MiB: z.optional(z.number()),
  /** The VM's host and folder, as the console's inventory read learnt them. */
  host: z.optional(z.string()),
  folder: z.optional(z.string()),
  /** Not in vCenter's list: the console adds it for the first running VMs of an answer. */
  instant_clone_frozen: z.optional(z.boolean()),
});
export type VmSummary = z.infer<typeof vmSummarySchema>;

export const vmListSchema = z.object({
  items: z.array(vmSummarySchema),
  total: z.number(),
  /** When the console read the inventory this answer was searched in (ISO time). */
  as_of: z.optional(z.string()),
});
export type VmList = z.infer<typeof vmListSchema>;

export const nicBackingInfoSchema = z.object({
  type: z.string(),
  network: z.optional(z.string()),
  network_name: z.optional(z.string()),
  distributed_port: z.optional(z.string()),
  distributed_switch_uuid: z.optional(z.string()),
  host_device: z.optional(z.string()),
  opaque_network_type: z.optional(z.string()),
  opaque_network_id: z.optional(z.string()),
});

export const nicInfoSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.optional(z.string()),
  mac_type: z.string(),
  mac_address: z.optional(z.string()),
  backing: nicBackingInfoSchema,
  state: z.optional(z.string()),
  start_connected: z.boolean(),
  allow_guest_control: z.boolean(),
  wake_on_lan_enabled: z.boolean(),
  upt_compatibility_enabled: z.optional(z.boolean()),
});
export type NicInfo = z.infer<typeof nicInfoSchema>;

export const portBackingInfoSchema = z.object({
  type: z.string(),
  file: z.optional(z.string()),
  host_device: z.optional(z.string()),
  auto_detect: z.optional(z.boolean()),
  pipe: z.optional(z.string()),
  no_rx_loss: z.optional(z.boolean()),
  network_location: z.optional(z.string()),
  proxy: z.optional(z.string()),
});

export const serialPortInfoSchema = z.object({
  key: z.string(),
  label: z.string(),
  yield_on_poll: z.boolean(),
  backing: portBackingInfoSchema,
  state: z.optional(z.string()),
  start_connected: z.boolean(),
  allow_guest_control: z.boolean(),
});
export type SerialPortInfo = z.infer<typeof serialPortInfoSchema>;

export const parallelPortInfoSchema = z.omit(serialPortInfoSchema, { yield_on_poll: true });
export type ParallelPortInfo = z.infer<typeof parallelPortInfoSchema>;

export const vmDetailSchema = z.object({
  vm: z.string(),
  name: z.string(),
  power_state: powerStateSchema,
  instant_clone_frozen: z.boolean(),
  bios_uuid: z.optional(z.string()),
  guest_os: z.optional(z.string()),
  cpu_count: z.optional(z.number()),
  memory_size_MiB: z.optional(z.number()),
  nics: z.array(nicInfoSchema),
  serial_ports: z.array(serialPortInfoSchema),
  parallel_ports: z.array(parallelPortInfoSchema),
});
export type VmDetail = z.infer<typeof vmDetailSchema>;

// Each placement item names its datacenter (the form narrows the lists to the source's); a
// folder its path ("DC1 / Linux / Web"), a resource pool its cluster (or standalone host).
const inDatacenter = { datacenter: z.optional(z.string()) };
export const folderSchema = z.object({
  folder: z.string(),
  name: z.string(),
  path: z.optional(z.string()),
  ...inDatacenter,
});
export const resourcePoolSchema = z.object({
  resource_pool: z.string(),
  name: z.string(),
  cluster: z.optional(z.string()),
  ...inDatacenter,
});
export const datastoreSchema = z.object({
  ...inDatacenter,
  datastore: z.string(),
  name: z.string(),
  type: z.string(),
  free_space: z.optional(z.number()),
  capacity: z.optional(z.number()),
});
export const networkTypes = [
  "STANDARD_PORTGROUP",
  "DISTRIBUTED_PORTGROUP",
  "OPAQUE_NETWORK",
] as const;
export const networkSchema = z.object({
  ...inDatacenter,
  network: z.string(),
  name: z.string(),
  type: z.enum(networkTypes),
});

/** A searched inventory list: the page asked for, how many matched, when it was read. */
export const inventoryPageSchema = <Item extends z.ZodMiniType>(item: Item) =>
  z.object({ items: z.array(item), total: z.number(), as_of: z.string() });
export const folderListSchema = inventoryPageSchema(folderSchema);
export const resourcePoolListSchema = inventoryPageSchema(resourcePoolSchema);
export const datastoreListSchema = inventoryPageSchema(datastoreSchema);
export const networkListSchema = inventoryPageSchema(networkSchema);

export type Folder = z.infer<typeof folderSchema>;
export type ResourcePool = z.infer<typeof resourcePoolSchema>;
export type Datastore = z.infer<typeof datastoreSchema>;
export type Network = z.infer<typeof networkSchema>;

/** Where a VM is, as the console found it through vCenter's list filters (vm-placement.ts). */
export const vmPlacementSchema = z.object({
  vm: z.string(),
  datacenter: z.optional(z.object({ datacenter: z.string(), name: z.string() })),
  host: z.optional(z.string()),
  folder: z.optional(folderSchema),
  resource_pool: z.optional(resourcePoolSchema),
  datastore: z.optional(z.object({ datastore: z.string(), name: z.string() })),
});
export type VmPlacement = z.infer<typeof vmPlacementSchema>;

export const environmentSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(["vcenter", "simulator"]),
  host: z.string(),
  color: z.optional(z.string()),
  insecure: z.optional(z.boolean()),
});
export type EnvironmentSummary = z.infer<typeof environmentSummarySchema>;

export const sessionInfoSchema = z.object({ user: z.string() });
export const loginSchema = z.strictObject({
  username: z
    .string({
      error: (issue) =>
        issue.input === undefined ? "Username is required" : "Username must be text",
    })
    .check(
      z.trim(),
      z.minLength(1, { error: "Username is required" }),
      z.maxLength(256, { error: "Username must be at most 256 characters" }),
      z.refine(hasNoHiddenCharacters, {
        error: "Username must not contain control, line-separator or text-direction characters",
      }),
      z.refine(hasNoLoneSurrogates, {
        error: "Username must be valid Unicode text (it has half of a surrogate pair)",
      }),
    ),
  password: z
    .string({
      error: (issue) =>
        issue.input === undefined ? "Password is required" : "Password must be text",
    })
    .check(
      z.minLength(1, { error: "Password is required" }),
      z.maxLength(1024, { error: "Password must be at most 1024 characters" }),
    ),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const cloneResultSchema = z.object({
  vm: z.string(),
  name: z.string(),
  operation: z.optional(z.string()),
});
export type CloneResult = z.infer<typeof cloneResultSchema>;
