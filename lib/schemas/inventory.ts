import { z } from "zod";

// The console API's inventory shapes (DESIGN.md "The console's HTTP API"). vCenter's own
// response schemas stay in lib/vcenter; these are what the browser sees.

export const powerStates = ["POWERED_ON", "POWERED_OFF", "SUSPENDED"] as const;
export const powerStateSchema = z.enum(powerStates);
export type PowerState = z.infer<typeof powerStateSchema>;

export const vmSummarySchema = z.object({
  vm: z.string(),
  name: z.string(),
  power_state: powerStateSchema,
  cpu_count: z.number().optional(),
  memory_size_MiB: z.number().optional(),
});
export type VmSummary = z.infer<typeof vmSummarySchema>;

export const vmListSchema = z.object({ items: z.array(vmSummarySchema), total: z.number() });
export type VmList = z.infer<typeof vmListSchema>;

export const nicBackingInfoSchema = z.object({
  type: z.string(),
  network: z.string().optional(),
  network_name: z.string().optional(),
  distributed_port: z.string().optional(),
  distributed_switch_uuid: z.string().optional(),
  host_device: z.string().optional(),
  opaque_network_type: z.string().optional(),
  opaque_network_id: z.string().optional(),
});

export const nicInfoSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.string().optional(),
  mac_type: z.string(),
  mac_address: z.string().optional(),
  backing: nicBackingInfoSchema,
  state: z.string().optional(),
  start_connected: z.boolean(),
  allow_guest_control: z.boolean(),
  wake_on_lan_enabled: z.boolean(),
  upt_compatibility_enabled: z.boolean().optional(),
});
export type NicInfo = z.infer<typeof nicInfoSchema>;

export const portBackingInfoSchema = z.object({
  type: z.string(),
  file: z.string().optional(),
  host_device: z.string().optional(),
  auto_detect: z.boolean().optional(),
  pipe: z.string().optional(),
  no_rx_loss: z.boolean().optional(),
  network_location: z.string().optional(),
  proxy: z.string().optional(),
});

export const serialPortInfoSchema = z.object({
  key: z.string(),
  label: z.string(),
  yield_on_poll: z.boolean(),
  backing: portBackingInfoSchema,
  state: z.string().optional(),
  start_connected: z.boolean(),
  allow_guest_control: z.boolean(),
});
export type SerialPortInfo = z.infer<typeof serialPortInfoSchema>;

export const parallelPortInfoSchema = serialPortInfoSchema.omit({ yield_on_poll: true });
export type ParallelPortInfo = z.infer<typeof parallelPortInfoSchema>;

export const vmDetailSchema = z.object({
  vm: z.string(),
  name: z.string(),
  power_state: powerStateSchema,
  instant_clone_frozen: z.boolean(),
  bios_uuid: z.string().optional(),
  guest_os: z.string().optional(),
  cpu_count: z.number().optional(),
  memory_size_MiB: z.number().optional(),
  nics: z.array(nicInfoSchema),
  serial_ports: z.array(serialPortInfoSchema),
  parallel_ports: z.array(parallelPortInfoSchema),
});
export type VmDetail = z.infer<typeof vmDetailSchema>;

export const folderSchema = z.object({ folder: z.string(), name: z.string() });
export const resourcePoolSchema = z.object({ resource_pool: z.string(), name: z.string() });
export const datastoreSchema = z.object({
  datastore: z.string(),
  name: z.string(),
  type: z.string(),
  free_space: z.number().optional(),
  capacity: z.number().optional(),
});
export const networkTypes = [
  "STANDARD_PORTGROUP",
  "DISTRIBUTED_PORTGROUP",
  "OPAQUE_NETWORK",
] as const;
export const networkSchema = z.object({
  network: z.string(),
  name: z.string(),
  type: z.enum(networkTypes),
});

export type Folder = z.infer<typeof folderSchema>;
export type ResourcePool = z.infer<typeof resourcePoolSchema>;
export type Datastore = z.infer<typeof datastoreSchema>;
export type Network = z.infer<typeof networkSchema>;

export const environmentSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(["vcenter", "simulator"]),
  host: z.string(),
  color: z.string().optional(),
  insecure: z.boolean().optional(),
});
export type EnvironmentSummary = z.infer<typeof environmentSummarySchema>;

export const sessionInfoSchema = z.object({ user: z.string() });
export const loginSchema = z.strictObject({
  username: z
    .string({ error: "Username is required" })
    .trim()
    .min(1, { error: "Username is required" })
    .max(256),
  password: z
    .string({ error: "Password is required" })
    .min(1, { error: "Password is required" })
    .max(1024),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const cloneResultSchema = z.object({
  vm: z.string(),
  name: z.string(),
  operation: z.string().optional(),
});
export type CloneResult = z.infer<typeof cloneResultSchema>;
