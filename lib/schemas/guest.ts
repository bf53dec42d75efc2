import * as z from "zod/mini";

// What the console tells about a VM's guest (GET …/vms/{vm}/guest) and how far a clone got
// after it was made: waiting for VMware Tools, ready, or not ready within the environment's limit.

export const toolsRunStates = ["NOT_RUNNING", "RUNNING", "EXECUTING_SCRIPTS"] as const;

export const guestInterfaceSchema = z.object({
  nic: z.optional(z.string()),
  mac_address: z.optional(z.string()),
  ip_addresses: z.array(z.string()),
});
export type GuestInterface = z.infer<typeof guestInterfaceSchema>;

export const readinessStates = ["waiting", "ready", "not_ready"] as const;
export type ReadinessState = (typeof readinessStates)[number];

/** The same hostname or IP as the clone's source: the usual instant-clone identity clash. */
export const identityClashSchema = z.object({
  source: z.string(),
  host_name: z.optional(z.string()),
  ip_address: z.optional(z.string()),
});
export type IdentityClash = z.infer<typeof identityClashSchema>;

/** A clone's guest as the history keeps it. */
export const cloneGuestSchema = z.object({
  state: z.enum(readinessStates),
  host_name: z.optional(z.string()),
  ip_address: z.optional(z.string()),
  /** From the clone's success to the first time the console saw its guest ready. */
  ready_after_ms: z.optional(z.number()),
  /** The environment's readyTimeoutSeconds when the state was reached. */
  timeout_seconds: z.number(),
  clash: z.optional(identityClashSchema),
});
export type CloneGuest = z.infer<typeof cloneGuestSchema>;

export const guestSchema = z.object({
  tools: z.string(),
  host_name: z.optional(z.string()),
  ip_address: z.optional(z.string()),
  interfaces: z.optional(z.array(guestInterfaceSchema)),
  /** VMware Tools run and the guest told who it is. */
  ready: z.boolean(),
  /** Set when the VM is a clone this console made: what the history keeps. */
  clone: z.optional(z.extend(cloneGuestSchema, { operation: z.string() })),
});
export type Guest = z.infer<typeof guestSchema>;
