import "server-only";

import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";

import { vcenterFetch } from "./client";
import type { VcenterContext } from "./context";
import { newVmIdSchema } from "./vcenter-schemas";

/**
 * Instant-clones a VM; answers the new VM's id. Never retried: instant clone is not
 * idempotent, and a resend could make a second running VM.
 */
export async function instantClone(ctx: VcenterContext, spec: InstantCloneSpec): Promise<string> {
  return vcenterFetch(
    ctx.runtime,
    {
      method: "POST",
      path: "/api/vcenter/vm?action=instant-clone",
      session: ctx.session,
      body: spec,
      schema: newVmIdSchema,
      timeoutMs: ctx.runtime.timeouts.clone,
    },
    ctx.log,
  );
}
