import "server-only";

import { z } from "zod";

// vCenter's response bodies as the 7.0.3 spec states them, loose where vCenter may add fields.

export const sessionTokenSchema = z.string().min(1);
export const sessionInfoSchema = z.looseObject({ user: z.string() });

export const vmSummaryListSchema = z.array(
  z.looseObject({
    vm: z.string(),
    name: z.string(),
    power_state: z.enum(["POWERED_ON", "POWERED_OFF", "SUSPENDED"]),
    cpu_count: z.number().optional(),
    // FACTS.md §7.5: 7.x/8.x spell it memory_size_MiB, the 9.1 spec memory_size_mib.
    memory_size_MiB: z.number().optional(),
    memory_size_mib: z.number().optional(),
  }),
);

const backingSchema = z.looseObject({ type: z.string() });

export const ethernetInfoSchema = z.looseObject({
  label: z.string(),
  type: z.string().optional(),
  mac_type: z.string(),
  mac_address: z.string().optional(),
  backing: backingSchema.extend({
    network: z.string().optional(),
    network_name: z.string().optional(),
    distributed_port: z.string().optional(),
  }),
  state: z.string().optional(),
  start_connected: z.boolean(),
  allow_guest_control: z.boolean(),
  wake_on_lan_enabled: z.boolean(),
  upt_compatibility_enabled: z.boolean().optional(),
});

export const serialInfoSchema = z.looseObject({
  label: z.string(),
  yield_on_poll: z.boolean(),
  backing: backingSchema,
  state: z.string().optional(),
  start_connected: z.boolean(),
  allow_guest_control: z.boolean(),
});

export const parallelInfoSchema = serialInfoSchema.omit({ yield_on_poll: true });

export const vmInfoSchema = z.looseObject({
  name: z.string(),
  power_state: z.enum(["POWERED_ON", "POWERED_OFF", "SUSPENDED"]),
  guest_OS: z.string().optional(),
  instant_clone_frozen: z.boolean().optional(),
  identity: z.looseObject({ bios_uuid: z.string().optional() }).optional(),
  cpu: z.looseObject({ count: z.number() }).optional(),
  memory: z
    .looseObject({ size_MiB: z.number().optional(), size_mib: z.number().optional() })
    .optional(),
  nics: z.record(z.string(), ethernetInfoSchema),
  // Only the disk backings: the datastore a VM is on is named in them ("[ds1] vm/vm.vmdk").
  disks: z
    .record(
      z.string(),
      z.looseObject({ backing: z.looseObject({ vmdk_file: z.string().optional() }).optional() }),
    )
    .optional(),
  serial_ports: z.record(z.string(), serialInfoSchema),
  parallel_ports: z.record(z.string(), parallelInfoSchema),
});
export type VmInfo = z.infer<typeof vmInfoSchema>;

export const folderListSchema = z.array(
  z.looseObject({ folder: z.string(), name: z.string(), type: z.string() }),
);
export const resourcePoolListSchema = z.array(
  z.looseObject({ resource_pool: z.string(), name: z.string() }),
);
export const datastoreListSchema = z.array(
  z.looseObject({
    datastore: z.string(),
    name: z.string(),
    type: z.string(),
    free_space: z.number().optional(),
    capacity: z.number().optional(),
  }),
);
export const networkListSchema = z.array(
  z.looseObject({
    network: z.string(),
    name: z.string(),
    type: z.enum(["STANDARD_PORTGROUP", "DISTRIBUTED_PORTGROUP", "OPAQUE_NETWORK"]),
  }),
);
export const datacenterListSchema = z.array(
  z.looseObject({ datacenter: z.string(), name: z.string() }),
);
export const datacenterInfoSchema = z.looseObject({ name: z.string(), vm_folder: z.string() });
export const clusterListSchema = z.array(z.looseObject({ cluster: z.string(), name: z.string() }));
export const vmIdListSchema = z.array(z.looseObject({ vm: z.string() }));
export const hostListSchema = z.array(z.looseObject({ host: z.string(), name: z.string() }));
export const newVmIdSchema = z.string().min(1);
