// zod/mini, not classic zod, in every shared schema: the browser loads them too, and mini is a
// fraction of the size (the server loads zod's English messages, lib/http/zod-messages.ts).
import * as z from "zod/mini";

import {
  datastoreIdSchema,
  deviceKeySchema,
  folderIdSchema,
  networkIdSchema,
  resourcePoolIdSchema,
  vmIdSchema,
} from "./ids";
import { hasNoHiddenCharacters, hasNoLoneSurrogates } from "./plain-text";

// vCenter's InstantCloneSpec (vcenter 7.0.3 `Vcenter.VM.InstantCloneSpec`), field for field,
// so a body that works against vCenter works against the console and back. Every object is
// strict: an unknown field is refused here rather than by vCenter.

export const NAME_MAX_LENGTH = 80;
export const MAC_ADDRESS_PATTERN = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
export const BIOS_UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const uriSchema = z.string().check(
  z.refine((value) => URL.canParse(value), {
    error: "Must be a URI such as tcp://10.0.0.5:7000",
  }),
);

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
  distributed_port: z.optional(
    z.string().check(z.regex(/^\d{1,9}$/, { error: "Must be a port number" })),
  ),
});

export const macTypes = ["GENERATED", "MANUAL", "ASSIGNED"] as const;

export const nicOverrideSchema = z
  .strictObject({
    backing: z.optional(ethernetBackingSchema),
    mac_type: z.optional(z.enum(macTypes, { error: "Must be GENERATED, MANUAL or ASSIGNED" })),
    mac_address: z.optional(
      z.string().check(
        z.regex(MAC_ADDRESS_PATTERN, {
          error: "Must be six hex pairs such as 00:50:56:01:02:03",
        }),
      ),
    ),
    start_connected: z.optional(z.boolean()),
    allow_guest_control: z.optional(z.boolean()),
    wake_on_lan_enabled: z.optional(z.boolean()),
    upt_compatibility_enabled: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((nic, ctx) => {
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
    }),
    z.refine((nic) => Object.keys(nic).length > 0, {
      error: "Set at least one field, or leave the NIC out",
    }),
  );

const serialCommon = {
  start_connected: z.optional(z.boolean()),
  allow_guest_control: z.optional(z.boolean()),
  yield_on_poll: z.optional(z.boolean()),
};
const required = (what: string) =>
  z
    .string({ error: `${what} is required for this backing` })
    .check(z.minLength(1, { error: `${what} is required for this backing` }));

const optionalText = z.optional(z.string().check(z.minLength(1)));

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
    z.strictObject({ type: z.literal("HOST_DEVICE"), host_device: optionalText }),
    z.strictObject({
      type: z.literal("PIPE_SERVER"),
      pipe: required("Pipe"),
      no_rx_loss: z.optional(z.boolean()),
    }),
    z.strictObject({
      type: z.literal("PIPE_CLIENT"),
      pipe: required("Pipe"),
      no_rx_loss: z.optional(z.boolean()),
    }),
    z.strictObject({
      type: z.literal("NETWORK_SERVER"),
      network_location: uriSchema,
      proxy: z.optional(uriSchema),
    }),
    z.strictObject({
      type: z.literal("NETWORK_CLIENT"),
      network_location: uriSchema,
      proxy: z.optional(uriSchema),
    }),
  ],
  { error: `Must be one of ${serialBackingTypes.join(", ")}` },
);

export const serialPortOverrideSchema = z.strictObject({
  ...serialCommon,
  backing: z.optional(serialBackingSchema),
});

export const parallelBackingTypes = ["FILE", "HOST_DEVICE"] as const;

export const parallelBackingSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("FILE"), file: required("File") }),
    z.strictObject({ type: z.literal("HOST_DEVICE"), host_device: optionalText }),
  ],
  { error: "Must be FILE or HOST_DEVICE" },
);

export const parallelPortOverrideSchema = z.strictObject({
  start_connected: z.optional(z.boolean()),
  allow_guest_control: z.optional(z.boolean()),
  backing: z.optional(parallelBackingSchema),
});

export const placementSchema = z.strictObject({
  folder: z.optional(folderIdSchema),
  resource_pool: z.optional(resourcePoolIdSchema),
  datastore: z.optional(datastoreIdSchema),
});

export const instantCloneSpecSchema = z.strictObject({
  source: vmIdSchema,
  name: z
    .string({
      error: (issue) => (issue.input === undefined ? "Name is required" : "Name must be text"),
    })
    .check(
      z.regex(/\S/, { error: "Name is required" }),
      z.maxLength(NAME_MAX_LENGTH, { error: `Name must be at most ${NAME_MAX_LENGTH} characters` }),
      z.refine(hasNoHiddenCharacters, {
        error: "Name must not contain control, line-separator or text-direction characters",
      }),
      z.refine(hasNoLoneSurrogates, {
        error: "Name must be valid Unicode text (it has half of a surrogate pair)",
      }),
      z.regex(/^\S(.*\S)?$/s, { error: "Name must not start or end with a space" }),
    ),
  placement: z.optional(placementSchema),
  nics_to_update: z.optional(z.record(deviceKeySchema, nicOverrideSchema)),
  disconnect_all_nics: z.optional(z.boolean()),
  serial_ports_to_update: z.optional(z.record(deviceKeySchema, serialPortOverrideSchema)),
  parallel_ports_to_update: z.optional(z.record(deviceKeySchema, parallelPortOverrideSchema)),
  bios_uuid: z.optional(
    z.string().check(
      z.regex(BIOS_UUID_PATTERN, {
        error: "Must be a UUID in the form 12345678-abcd-1234-cdef-123456789abc",
      }),
    ),
  ),
});

export type InstantCloneSpecInput = z.input<typeof instantCloneSpecSchema>;
export type InstantCloneSpec = z.output<typeof instantCloneSpecSchema>;
export type NicOverride = z.output<typeof nicOverrideSchema>;
export type SerialPortOverride = z.output<typeof serialPortOverrideSchema>;
export type ParallelPortOverride = z.output<typeof parallelPortOverrideSchema>;
