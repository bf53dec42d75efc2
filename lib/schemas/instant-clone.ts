import { z } from "zod";

import {
  datastoreIdSchema,
  deviceKeySchema,
  folderIdSchema,
  networkIdSchema,
  resourcePoolIdSchema,
  vmIdSchema,
} from "./ids";

// vCenter's InstantCloneSpec (vcenter 7.0.3 `Vcenter.VM.InstantCloneSpec`), field for field,
// so a body that works against vCenter works against the console and back. Every object is
// strict: an unknown field is refused here rather than by vCenter.

export const NAME_MAX_LENGTH = 80;
export const MAC_ADDRESS_PATTERN = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
export const BIOS_UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const uriSchema = z
  .string()
  .refine((value) => URL.canParse(value), { error: "Must be a URI such as tcp://10.0.0.5:7000" });

export const ethernetBackingTypes = [
  "STANDARD_PORTGROUP",
  "DISTRIBUTED_PORTGROUP",
  "OPAQUE_NETWORK",
] as const;

// HOST_DEVICE is in vCenter's enum but cannot be used to create or update an adapter.
export const ethernetBackingSchema = z.strictObject({
  type: z.enum(ethernetBackingTypes, {
    error:
      "Must be STANDARD_PORTGROUP, DISTRIBUTED_PORTGROUP or OPAQUE_NETWORK (HOST_DEVICE cannot be set)",
  }),
  network: networkIdSchema,
  distributed_port: z
    .string()
    .regex(/^\d{1,9}$/, { error: "Must be a port number" })
    .optional(),
});

export const macTypes = ["GENERATED", "MANUAL", "ASSIGNED"] as const;

export const nicOverrideSchema = z
  .strictObject({
    backing: ethernetBackingSchema.optional(),
    mac_type: z.enum(macTypes, { error: "Must be GENERATED, MANUAL or ASSIGNED" }).optional(),
    mac_address: z
      .string()
      .regex(MAC_ADDRESS_PATTERN, { error: "Must be six hex pairs such as 00:50:56:01:02:03" })
      .optional(),
    start_connected: z.boolean().optional(),
    allow_guest_control: z.boolean().optional(),
    wake_on_lan_enabled: z.boolean().optional(),
    upt_compatibility_enabled: z.boolean().optional(),
  })
  .superRefine((nic, ctx) => {
    if (nic.mac_type === "MANUAL" && nic.mac_address === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["mac_address"],
        message: "Required when the MAC type is MANUAL",
      });
    if (nic.mac_type !== "MANUAL" && nic.mac_address !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["mac_address"],
        message: "Only allowed when the MAC type is MANUAL",
      });
  })
  .refine((nic) => Object.keys(nic).length > 0, {
    error: "Set at least one field, or leave the NIC out",
  });

const serialCommon = {
  start_connected: z.boolean().optional(),
  allow_guest_control: z.boolean().optional(),
  yield_on_poll: z.boolean().optional(),
};
const required = (what: string) =>
  z
    .string({ error: `${what} is required for this backing` })
    .min(1, { error: `${what} is required for this backing` });

export const serialBackingTypes = [
  "FILE",
  "HOST_DEVICE",
  "PIPE_SERVER",
  "PIPE_CLIENT",
  "NETWORK_SERVER",
  "NETWORK_CLIENT",
] as const;

// The backing type decides which fields apply, so a combination vCenter would refuse cannot be typed.
export const serialBackingSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("FILE"), file: required("File") }),
    z.strictObject({ type: z.literal("HOST_DEVICE"), host_device: z.string().min(1).optional() }),
    z.strictObject({
      type: z.literal("PIPE_SERVER"),
      pipe: required("Pipe"),
      no_rx_loss: z.boolean().optional(),
    }),
    z.strictObject({
      type: z.literal("PIPE_CLIENT"),
      pipe: required("Pipe"),
      no_rx_loss: z.boolean().optional(),
    }),
    z.strictObject({
      type: z.literal("NETWORK_SERVER"),
      network_location: uriSchema,
      proxy: uriSchema.optional(),
    }),
    z.strictObject({
      type: z.literal("NETWORK_CLIENT"),
      network_location: uriSchema,
      proxy: uriSchema.optional(),
    }),
  ],
  { error: `Must be one of ${serialBackingTypes.join(", ")}` },
);

export const serialPortOverrideSchema = z.strictObject({
  ...serialCommon,
  backing: serialBackingSchema.optional(),
});

export const parallelBackingTypes = ["FILE", "HOST_DEVICE"] as const;

export const parallelBackingSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("FILE"), file: required("File") }),
    z.strictObject({ type: z.literal("HOST_DEVICE"), host_device: z.string().min(1).optional() }),
  ],
  { error: "Must be FILE or HOST_DEVICE" },
);

export const parallelPortOverrideSchema = z.strictObject({
  start_connected: z.boolean().optional(),
  allow_guest_control: z.boolean().optional(),
  backing: parallelBackingSchema.optional(),
});

export const placementSchema = z.strictObject({
  folder: folderIdSchema.optional(),
  resource_pool: resourcePoolIdSchema.optional(),
  datastore: datastoreIdSchema.optional(),
});

export const instantCloneSpecSchema = z.strictObject({
  source: vmIdSchema,
  name: z
    .string({
      error: (issue) => (issue.input === undefined ? "Name is required" : "Name must be text"),
    })
    .regex(/\S/, { error: "Name is required" })
    .max(NAME_MAX_LENGTH, { error: `Name must be at most ${NAME_MAX_LENGTH} characters` })
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: "Name must not contain control characters" })
    .regex(/^\S(.*\S)?$/s, { error: "Name must not start or end with a space" }),
  placement: placementSchema.optional(),
  nics_to_update: z.record(deviceKeySchema, nicOverrideSchema).optional(),
  disconnect_all_nics: z.boolean().optional(),
  serial_ports_to_update: z.record(deviceKeySchema, serialPortOverrideSchema).optional(),
  parallel_ports_to_update: z.record(deviceKeySchema, parallelPortOverrideSchema).optional(),
  bios_uuid: z
    .string()
    .regex(BIOS_UUID_PATTERN, {
      error: "Must be a UUID in the form 12345678-abcd-1234-cdef-123456789abc",
    })
    .optional(),
});

export type InstantCloneSpecInput = z.input<typeof instantCloneSpecSchema>;
export type InstantCloneSpec = z.output<typeof instantCloneSpecSchema>;
export type NicOverride = z.output<typeof nicOverrideSchema>;
export type SerialPortOverride = z.output<typeof serialPortOverrideSchema>;
export type ParallelPortOverride = z.output<typeof parallelPortOverrideSchema>;
