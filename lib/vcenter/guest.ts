import "server-only";

import { z } from "zod";

import type { GuestInterface } from "@/lib/schemas/guest";

import { vcenterCall } from "./call";
import type { VcenterContext } from "./context";
import { VcenterError } from "./errors";

// What VMware Tools report from inside a VM: run state, then the guest's identity and its NICs'
// addresses. Until Tools report, vCenter answers the guest reads with 503 SERVICE_UNAVAILABLE
// (recorded/Get_guest_identity_information.result.json): that means "not yet", not a failure.

const toolsSchema = z.looseObject({ run_state: z.string() });
const identitySchema = z.looseObject({
  host_name: z.string().optional(),
  ip_address: z.string().optional(),
});
const interfacesSchema = z.array(
  z.looseObject({
    nic: z.string().optional(),
    mac_address: z.string().optional(),
    ip: z
      .looseObject({ ip_addresses: z.array(z.looseObject({ ip_address: z.string() })) })
      .optional(),
  }),
);

export interface GuestIdentity {
  host_name?: string;
  ip_address?: string;
}

export interface GuestReport {
  tools: string;
  /** Absent while Tools have not reported. */
  identity?: GuestIdentity;
  interfaces?: GuestInterface[];
}

const path = (vm: string, rest: string) => `/api/vcenter/vm/${encodeURIComponent(vm)}/${rest}`;

const notYet = (err: unknown) =>
  err instanceof VcenterError && err.status === 503 && err.errorType !== undefined
    ? undefined
    : Promise.reject(err);

/** The guest's identity, or undefined while VMware Tools have not reported it. */
export async function getGuestIdentity(
  ctx: VcenterContext,
  vm: string,
  timeoutMs?: number,
): Promise<GuestIdentity | undefined> {
  try {
    const identity = await vcenterCall(ctx, {
      path: path(vm, "guest/identity"),
      schema: identitySchema,
      timeoutMs,
    });
    return { host_name: identity.host_name, ip_address: identity.ip_address };
  } catch (err) {
    return notYet(err);
  }
}

async function getGuestInterfaces(
  ctx: VcenterContext,
  vm: string,
): Promise<GuestInterface[] | undefined> {
  try {
    const list = await vcenterCall(ctx, {
      path: path(vm, "guest/networking/interfaces"),
      schema: interfacesSchema,
    });
    return list.map((nic) => ({
      ...(nic.nic ? { nic: nic.nic } : {}),
      ...(nic.mac_address ? { mac_address: nic.mac_address } : {}),
      ip_addresses: (nic.ip?.ip_addresses ?? []).map((ip) => ip.ip_address),
    }));
  } catch (err) {
    return notYet(err);
  }
}

/** Tools first; the identity and addresses only once Tools run (no calls that can only say 503). */
export async function readGuest(ctx: VcenterContext, vm: string): Promise<GuestReport> {
  const { run_state } = await vcenterCall(ctx, { path: path(vm, "tools"), schema: toolsSchema });
  if (run_state === "NOT_RUNNING") return { tools: run_state };
  const identity = await getGuestIdentity(ctx, vm);
  if (!identity) return { tools: run_state };
  const interfaces = await getGuestInterfaces(ctx, vm);
  return { tools: run_state, identity, ...(interfaces ? { interfaces } : {}) };
}
